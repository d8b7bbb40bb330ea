"""The corpus as one CMIF file for correspSearch, with a warning for every unidentified name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from lxml import etree

from .diagnostics import Diagnostic, Location, Severity
from .edition import Edition
from .transform import OUTPUTS, Transformer, manifest
from .writers.xml import TEI_NS
from .xpath import strings

_NS = {"t": TEI_NS}
_KINDS = {"persName": "person", "orgName": "organisation", "placeName": "place"}


def latest_date(files: list[Path]) -> str:
    """The latest dispatch date of the letters: the fallback publication date, stable per corpus."""
    dates: list[str] = []
    for path in files:
        tree = etree.parse(str(path))
        dates.extend(strings(
            tree, "//t:correspAction/t:date/@when | //t:correspAction/t:date/@notAfter", _NS))
    full = sorted(d for d in dates if len(d) == 10)
    return full[-1] if full else "1970-01-01"


def export(files: list[Path], engine: Transformer, edition: Edition | None = None,
           display: Callable[[Path], str] = lambda p: p.name) -> tuple[bytes, list[Diagnostic]]:
    """The CMIF bytes of the letters among `files` and a warning per name without authority."""
    chosen = edition or Edition()
    settings = chosen.cmif_settings(latest_date(files))
    text = engine.apply_corpus(OUTPUTS["cmif"], manifest(files, settings))
    root = etree.fromstring(text.encode("utf-8"))
    by_page = {f"{settings['base-url']}letters/{path.stem}.html": path for path in files}
    problems = list(unidentified(root, lambda page: display(by_page[page])
                                 if page in by_page else page))
    data = etree.tostring(root, encoding="UTF-8", xml_declaration=True)
    return data + b"\n", problems


def unidentified(root: etree._Element, where: Callable[[str], str]) -> list[Diagnostic]:
    """A warning for each correspondent or place of a correspDesc that has no authority URI."""
    problems: list[Diagnostic] = []
    for desc in root.iterfind(".//t:correspDesc", _NS):
        for name in desc.iterfind("t:correspAction/*", _NS):
            local = etree.QName(name).localname
            if local not in _KINDS or name.get("ref"):
                continue
            parent = name.getparent()
            action = parent.get("type") if parent is not None else None
            problems.append(Diagnostic(
                "cmif.no-authority", Severity.WARNING, Location(where(desc.get("ref", ""))),
                f"the {_KINDS[local]} {(name.text or '').strip()!r} ({action}) has no authority "
                "identifier; correspSearch cannot link it. Add an idno (gnd, viaf, wikidata, "
                "geonames) to its entry in corpus/register.toml"))
    return problems
