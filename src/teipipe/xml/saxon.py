"""The process's Saxon processor: made at first use, shared by the Schematron and the outputs.

A document Saxon has parsed belongs to the processor that parsed it. With one
processor per process, a build task parses its TEI into Saxon once and gives
that tree to the Schematron and to every stylesheet, instead of parsing the
same text once for each.
"""

from __future__ import annotations

from functools import cache

from saxonche import PySaxonApiError, PySaxonProcessor, PyXdmNode

__all__ = ["PySaxonApiError", "PyXdmNode", "parse", "processor"]


@cache
def processor() -> PySaxonProcessor:
    return PySaxonProcessor(license=False)


def parse(text: str) -> PyXdmNode:
    """A document held as text, parsed by the shared processor (PySaxonApiError if it is
    not well-formed)."""
    return processor().parse_xml(xml_text=text)
