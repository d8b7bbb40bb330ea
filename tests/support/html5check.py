"""An HTML5 page checker for the tests: the WHATWG parser's errors and the content models
that matter for reading pages (phrasing-only elements hold phrasing content only; ids unique).

html5lib parses as a browser does; where a browser silently repairs a page (a `<div>`
closing an open `<p>`, leaving a stray `</p>`), html5lib in strict mode reports it. The
content-model walk catches what the parser accepts but HTML5 forbids (a `<div>` inside
a `<span>`).
"""

from __future__ import annotations

from collections import Counter

import html5lib
from lxml import etree

XHTML = "{http://www.w3.org/1999/xhtml}"

# HTML's phrasing content (the elements a reading page uses; see the WHATWG spec §3.2.5.2.5).
PHRASING = frozenset((
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "i", "img",
    "input", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strong", "sub",
    "sup", "time", "u", "var", "wbr", "button", "select", "textarea", "svg", "math", "template",
    "meter", "output", "progress", "ruby"
))

# Elements whose content model is phrasing content only.
PHRASING_ONLY = frozenset((
    "p", "span", "a", "q", "em", "strong", "small", "i", "b", "u", "s", "sub", "sup", "cite",
    "abbr", "time", "code", "dfn", "data", "mark", "h1", "h2", "h3", "h4", "h5", "h6", "dt",
    "label"
))


def problems(page: str) -> list[str]:
    """Every HTML5 problem of `page` as a readable line; [] for a valid page."""
    found: list[str] = []
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("lxml"), strict=False)
    document = parser.parse(page)
    for position, code, data in parser.errors:
        found.append(f"parse error {code} at {position}: {data}")
    if not page.lstrip().lower().startswith("<!doctype html>"):
        found.append("no <!DOCTYPE html>")
    found.extend(_content_model(document.getroot()))
    return found


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag[len(XHTML):] if isinstance(tag, str) and tag.startswith(XHTML) else str(tag)


def _content_model(root: etree._Element) -> list[str]:
    found: list[str] = []
    ids = Counter(e.get("id") for e in root.iter() if isinstance(e.tag, str) and e.get("id"))
    found += [f"id {value!r} used {n} times" for value, n in ids.items() if n > 1]
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = _local(element)
        if name in PHRASING_ONLY:
            for child in element.iterdescendants():
                if isinstance(child.tag, str) and _local(child) not in PHRASING:
                    found.append(f"<{_local(child)}> inside <{name}>")
                    break
        if name == "a":
            nested = [c for c in element.iterdescendants() if _local(c) == "a"]
            if nested:
                found.append("<a> inside <a>")
    return found


def root_attributes(page: str) -> dict[str, str]:
    document = html5lib.parse(page, treebuilder="lxml")
    return {str(k): str(v) for k, v in document.getroot().attrib.items()}


def title(page: str) -> str:
    document = html5lib.parse(page, treebuilder="lxml")
    found = document.getroot().find(f"{XHTML}head/{XHTML}title")
    return " ".join((found.text or "").split()) if found is not None else ""


def parse(page: str) -> etree._Element:
    """The page as a browser's parser builds it (an lxml tree in the XHTML namespace)."""
    return html5lib.parse(page, treebuilder="lxml").getroot()
