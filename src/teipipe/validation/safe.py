"""Parsing XML that may be hostile: no DTD, no entity expansion, no network, bounded size."""

from __future__ import annotations

import re

from lxml import etree

from ..diagnostics import Diagnostic, Location, Severity

# A DOCTYPE that declares entities or names an external subset is refused before
# any parsing: it is how entity bombs and external-entity reads (XXE) arrive, and a
# TEI document never needs one.
_DOCTYPE = re.compile(rb"<!DOCTYPE\b")
_DANGER = re.compile(rb"<!ENTITY\b|\bSYSTEM\b|\bPUBLIC\b")


def _location(data: bytes, offset: int, display: str) -> Location:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return Location(display, line, column)


def parser() -> etree.XMLParser:
    """A parser for untrusted documents; make one per parse (lxml parsers are not shareable)."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, dtd_validation=False)


def parse(data: bytes, display: str) -> tuple[etree._ElementTree | None, list[Diagnostic]]:
    """The tree of `data`, or None and a located error saying why it was refused."""
    doctype = _DOCTYPE.search(data)
    if doctype is not None:
        end = data.find(b">", doctype.end())
        bracket = data.find(b"[", doctype.end())
        if bracket != -1 and (end == -1 or bracket < end):
            end = data.find(b"]", bracket)
        danger = _DANGER.search(data, doctype.start(), len(data) if end == -1 else end + 1)
        if danger is not None:
            return None, [Diagnostic(
                "xml.doctype-refused", Severity.ERROR,
                _location(data, danger.start(), display),
                "the DOCTYPE declares entities or an external DTD; teipipe does not load DTDs "
                "or expand entities in documents it validates: remove the DOCTYPE")]
    try:
        return etree.ElementTree(etree.fromstring(data, parser())), []
    except etree.XMLSyntaxError as error:
        line, column = error.position
        return None, [Diagnostic("xml.not-well-formed", Severity.ERROR,
                                 Location(display, line, column),
                                 f"not well-formed XML: {error.msg}")]
