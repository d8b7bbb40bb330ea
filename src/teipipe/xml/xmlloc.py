"""Columns of start tags, which lxml does not report, found from the raw text of a document."""

from __future__ import annotations

import re

from lxml import etree

# A start tag: `<` then a name (not `</`, `<!` or `<?`).
_START_TAG = re.compile(r"<(?![/!?])")


def line_of(node: etree._Element) -> int:
    """The line of an element's start tag, 0 when lxml does not know it."""
    line = node.sourceline
    return line if isinstance(line, int) else 0


def start_tag_columns(data: bytes, root: etree._Element) -> dict[etree._Element, int]:
    """1-based column of the start tag of every element, matched line by line in order.

    lxml gives each element the line of its start tag but no column; the n-th
    element that starts on a line has the n-th start tag of that line. Elements
    whose tag cannot be matched (a start tag split over lines) are left out.
    """
    lines = data.decode("utf-8", errors="replace").splitlines()
    seen: dict[int, int] = {}
    columns: dict[etree._Element, int] = {}
    for node in root.iter(tag=etree.Element):
        line = line_of(node)
        if not line or line > len(lines):
            continue
        index = seen.get(line, 0)
        seen[line] = index + 1
        starts = [m.start() for m in _START_TAG.finditer(lines[line - 1])]
        if index < len(starts):
            columns[node] = starts[index] + 1
    return columns


def text_column(data: bytes, line: int, needle: str) -> int:
    """1-based column of `needle` on `line` of `data`, or 0 when it is not there."""
    lines = data.decode("utf-8", errors="replace").splitlines()
    if not 0 < line <= len(lines):
        return 0
    found = lines[line - 1].find(needle)
    return found + 1 if found >= 0 else 0
