"""The previous and next letter of each letter in its correspondence.

A correspondence is the letters between the same parties, in either direction. The
letters are ordered by date (then by name); a letter's own translations and original
are not its neighbours, and among neighbours of the same date one in the letter's own
language is preferred, so that the English letter points at the English one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Letter:
    """What finding neighbours needs to know of one letter."""

    name: str
    parties: frozenset[str]
    date: str
    language: str
    title: str
    related: frozenset[str]
    """Names of its translations and of its original."""


def _neighbour(letter: Letter, candidates: list[Letter], later: bool) -> Letter | None:
    """The closest letter before (or after) `letter`, same language first on the same date."""
    key = (letter.date, letter.name)
    side = [c for c in candidates
            if c.name != letter.name and c.name not in letter.related
            and ((c.date, c.name) > key if later else (c.date, c.name) < key)]
    if not side:
        return None
    closest = min(c.date for c in side) if later else max(c.date for c in side)
    same_day = sorted((c for c in side if c.date == closest), key=lambda c: c.name)
    own = [c for c in same_day if c.language == letter.language]
    return (own or same_day)[0] if later else (own or same_day)[-1]


def neighbours(letters: list[Letter]) -> dict[str, dict[str, Letter]]:
    """For each letter name: its 'prev' and 'next' letter in the same correspondence."""
    found: dict[str, dict[str, Letter]] = {}
    for letter in letters:
        if len(letter.parties) < 2 or not letter.date:
            continue
        same = [c for c in letters if c.parties == letter.parties and c.date]
        found[letter.name] = {
            kind: other for kind, other in (("prev", _neighbour(letter, same, later=False)),
                                            ("next", _neighbour(letter, same, later=True)))
            if other is not None}
    return found
