"""Repeated `xml:id` values: a validity error, reported as jing reports it.

The secure parser accepts a repeated xml:id (`safexml.parser`, `collect_ids=False`):
the document is well-formed, and real editions' TEI has such slips. jing reports each
repeat twice, where the repeated start tag ends and where the first one ends (the
column just after its `>`, as `tagends` counts), and goes on checking the document.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from lxml import etree

from ..diagnostics import Diagnostic, Location, Severity
from .sourcetext import source_text
from .tagends import Place, tag_ends

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
CODE = "xml.duplicate-id"
# Every xml:id value of a document in one libxml2 call, without a Python object per element.
_ALL_IDS = etree.XPath("/descendant-or-self::*/@xml:id", smart_strings=False)


@dataclass(frozen=True)
class Repeat:
    """An element whose xml:id an earlier element already has."""

    value: str
    first: etree._Element
    again: etree._Element
    first_index: int
    again_index: int
    """The elements' positions among all elements in document order (for `tag_ends`)."""


def repeats(tree: etree._ElementTree) -> list[Repeat]:
    """Every repeated xml:id in document order, each with the element that had it first."""
    values = _ALL_IDS(tree)
    if isinstance(values, list) and len(set(values)) == len(values):
        return []  # most documents repeat none: no walk over their elements
    first: dict[str, tuple[etree._Element, int]] = {}
    found: list[Repeat] = []
    for index, element in enumerate(tree.getroot().iter(tag=etree.Element)):
        value = element.get(XML_ID)
        if value is None:
            continue
        if value in first:
            earlier, earlier_index = first[value]
            found.append(Repeat(value, earlier, element, earlier_index, index))
        else:
            first[value] = (element, index)
    return found


def _places(found: list[Repeat], data: bytes) -> list[tuple[Place, Place]]:
    if not found:
        return []  # scanning the tags costs a pass over the text; most documents need none
    starts = tag_ends(source_text(data)).starts

    def place(element: etree._Element, index: int) -> Place:
        if index < len(starts):
            return starts[index]
        line = element.sourceline
        return (line if isinstance(line, int) else 0, 0)

    return [(place(r.again, r.again_index), place(r.first, r.first_index)) for r in found]


def as_jing(found: list[Repeat], data: bytes, display: str) -> list[Diagnostic]:
    """Two errors a repeat, in jing's words and places (`validate`)."""
    problems: list[Diagnostic] = []
    for repeat, (again, first) in zip(found, _places(found, data), strict=True):
        problems.append(Diagnostic(CODE, Severity.ERROR, Location(display, *again),
                                   f'ID "{repeat.value}" has already been defined'))
        problems.append(Diagnostic(CODE, Severity.ERROR, Location(display, *first),
                                   f'first occurrence of ID "{repeat.value}"'))
    return problems


def as_warnings(found: list[Repeat], data: bytes, display: str) -> list[Diagnostic]:
    """One warning a repeat naming both places, for commands that go on with the document."""
    problems: list[Diagnostic] = []
    for repeat, (again, first) in zip(found, _places(found, data), strict=True):
        problems.append(Diagnostic(
            CODE, Severity.WARNING, Location(display, *again),
            f'ID "{repeat.value}" has already been defined (first occurrence at '
            f'{display}:{first[0]}:{first[1]}); a link to "#{repeat.value}" reaches only the '
            "first: give each element its own xml:id"))
    return problems


@contextmanager
def unique_meanwhile(found: list[Repeat]) -> Iterator[None]:
    """Each repeated xml:id made unique while the block runs, then restored.

    libxml2's RELAX NG treats a repeated value of type ID as an attribute that matches
    nothing, and words it as "attribute not allowed"; the repeat is reported by `as_jing`
    instead, so the grammar sees a value that is unique and otherwise the same name."""
    taken = {value for r in found[:1] for e in r.again.getroottree().getroot().iter()
             if (value := e.get(XML_ID)) is not None}
    try:
        for number, repeat in enumerate(found, 1):
            unique = f"{repeat.value}.{number}"
            while unique in taken:
                unique += "_"
            taken.add(unique)
            repeat.again.set(XML_ID, unique)
        yield
    finally:
        for repeat in found:
            repeat.again.set(XML_ID, repeat.value)
