"""Checks of a built project that a reader would notice: dead links and schema references."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree, html

_XML_MODEL_HREF = re.compile(r'\bhref="([^"]*)"')


def dead_links(site: Path) -> list[str]:
    """Every href and src of every page of `site` that names a missing file or a missing
    id of an HTML page, as `page: value` (links to other hosts are not followed)."""
    ids: dict[Path, set[str]] = {}

    def ids_of(page: Path) -> set[str]:
        if page not in ids:
            ids[page] = {str(v) for v in html.parse(str(page)).xpath("//@id")}
        return ids[page]

    dead: list[str] = []
    for page in sorted(site.rglob("*.html")):
        for element in html.parse(str(page)).iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is None:
                    continue
                parts = urlsplit(value)
                if parts.scheme or parts.netloc:
                    continue
                target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
                if target.is_dir():
                    target = target / "index.html"
                if not target.is_file() or (parts.fragment and target.suffix == ".html"
                                            and parts.fragment not in ids_of(target)):
                    dead.append(f"{page.relative_to(site).as_posix()}: {value}")
    return dead


def xml_model_hrefs(tei: Path) -> list[str]:
    """The href of each `<?xml-model?>` instruction before the root element."""
    tree = etree.parse(str(tei))
    found: list[str] = []
    node = tree.getroot().getprevious()
    while node is not None:
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
            match = _XML_MODEL_HREF.search(node.text or "")
            if match:
                found.append(match.group(1))
        node = node.getprevious()
    return found[::-1]


def unresolved_xml_models(folder: Path) -> list[str]:
    """`file: href` for each xml-model href of the TEI files in `folder` that names no file."""
    return [f"{tei.name}: {href}" for tei in sorted(folder.glob("*.xml"))
            for href in xml_model_hrefs(tei)
            if not (tei.parent / unquote(href)).is_file()]
