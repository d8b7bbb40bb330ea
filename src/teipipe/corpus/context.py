"""The previous and next letter of each letter in its correspondence.

A correspondence is the letters between the same parties, in either direction. The
letters are ordered by date (then by name); a letter's own translations and original
are not its neighbours, and among neighbours of the same date one in the letter's own
language is preferred, so that the English letter points at the English one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Letter:
    """What finding neighbours needs to know of one letter."""

    name: str
    parties: frozenset[str]
    date: str
    language: str
    title: str
    related: frozenset[str]
    """Names of its translations and of its original."""


def _neighbour(ordered: list[Letter], index: int, later: bool) -> Letter | None:
    """The closest letter before (or after) `ordered[index]`, same language first on the
    same date. `ordered`: one correspondence, sorted by (date, name)."""
    letter = ordered[index]
    step = 1 if later else -1
    position = index + step
    closest: list[Letter] = []  # the letters of the nearest date, moving away from `letter`
    while 0 <= position < len(ordered):
        candidate = ordered[position]
        position += step
        if candidate.name in letter.related:
            continue
        if closest and candidate.date != closest[0].date:
            break
        closest.append(candidate)
    if not closest:
        return None
    same_day = sorted(closest, key=lambda c: c.name)
    own = [c for c in same_day if c.language == letter.language]
    return (own or same_day)[0] if later else (own or same_day)[-1]


def neighbours(letters: list[Letter]) -> dict[str, dict[str, Letter]]:
    """For each letter name: its 'prev' and 'next' letter in the same correspondence.

    Letters are grouped by their parties and each group sorted once, so the cost
    grows with the number of letters, not with its square.
    """
    groups: dict[frozenset[str], list[Letter]] = {}
    for letter in letters:
        if len(letter.parties) >= 2 and letter.date:
            groups.setdefault(letter.parties, []).append(letter)
    found: dict[str, dict[str, Letter]] = {}
    for group in groups.values():
        ordered = sorted(group, key=lambda c: (c.date, c.name))
        for index, letter in enumerate(ordered):
            found[letter.name] = {
                kind: other for kind, other in (
                    ("prev", _neighbour(ordered, index, later=False)),
                    ("next", _neighbour(ordered, index, later=True)))
                if other is not None}
    return found
