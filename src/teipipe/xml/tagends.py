"""Where each element's start tag and end tag end in the source, as jing (Xerces) counts:
the line of the tag's `>` and the column just after it.

jing reports an error about an element, its attributes or the text before a tag at
the place the parser has reached when it hands over that tag: just after its `>`.
lxml keeps only the line of a start tag, so the tags are found again in the text
with a small scanner (comments, processing instructions, CDATA sections and the
DOCTYPE are stepped over, and a `>` inside a quoted attribute value does not end a
tag). An empty-element tag `<x/>` ends both its start and its end there.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_TOKEN = re.compile(r"""
    <!--.*?-->                                  # comment
  | <\?.*?\?>                                   # processing instruction
  | <!\[CDATA\[.*?\]\]>                         # CDATA section
  | <!DOCTYPE(?:[^\[>]|\[.*?\])*>               # DOCTYPE, with its internal subset
  | (?P<end></[^>]*>)                           # end tag
  | (?P<start><[^\s/>!?][^\s/>]*(?:\s*[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(?P<empty>/)?>)
""", re.VERBOSE | re.DOTALL)

Place = tuple[int, int]
"""(line, column), both 1-based."""


@dataclass(frozen=True)
class TagEnds:
    """For the n-th element in document order: where its start tag and its end tag end,
    and where they begin (text before a tag is reported where that tag begins)."""

    starts: list[Place]
    ends: list[Place]
    start_begins: list[Place]
    end_begins: list[Place]


def tag_ends(text: str) -> TagEnds:
    """The tag ends of every element of a well-formed document's text."""
    breaks = [m.end() for m in re.finditer(r"\r\n?|\n", text)]

    def place(offset: int) -> Place:
        line = bisect_right(breaks, offset - 1)
        begin = breaks[line - 1] if line else 0
        return (line + 1, offset - begin + 1)

    starts: list[Place] = []
    ends: list[Place] = []
    start_begins: list[Place] = []
    end_begins: list[Place] = []
    open_elements: list[int] = []
    for match in _TOKEN.finditer(text):
        if match.group("start"):
            here = place(match.end())
            starts.append(here)
            ends.append(here)
            start_begins.append(place(match.start()))
            end_begins.append(start_begins[-1])
            if not match.group("empty"):
                open_elements.append(len(starts) - 1)
        elif match.group("end") and open_elements:
            index = open_elements.pop()
            ends[index] = place(match.end())
            end_begins[index] = place(match.start())
    return TagEnds(starts, ends, start_begins, end_begins)
