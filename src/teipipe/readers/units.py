"""A Unit: one paragraph-sized piece of a text before its role in the letter is known.

Every reader cuts its text into Units; `structure.py`, `opening.py` and
`front.py` decide what each one is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..diagnostics import Location
from ..model import Inline, PageBreak, Text, inline_text


@dataclass(frozen=True)
class Unit:
    """One paragraph of the source before its role is known."""

    inlines: tuple[Inline, ...]
    loc: Location
    gap_before: int
    page_break: PageBreak | None = None
    """A page break that stands before this unit."""

    @property
    def text(self) -> str:
        return inline_text(self.inlines).strip()


def strip_label(unit: Unit, match: re.Match[str]) -> tuple[Inline, ...]:
    """The unit's inlines without the printed label at its start."""
    inlines = list(unit.inlines)
    first = inlines[0]
    assert isinstance(first, Text)
    rest = first.text.lstrip()
    offset = len(first.text) - len(rest) + match.end()
    inlines[0] = Text(first.text[offset:], first.loc.shifted(offset))
    return tuple(inlines)
