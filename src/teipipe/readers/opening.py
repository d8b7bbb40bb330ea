"""The start of a letter: its address lines, datelines and salutation.

`structure.py` cuts a piece of a letter into Units; the opener is read from the
first of them, in any order (`À Monsieur …`, `Paris, le 3 mai 1902.`, `Monsieur,`),
until the salutation or the first line of the letter's text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..language.dates import find_date, parse_dateline
from ..model import (
    AddressLine,
    Dateline,
    DateText,
    DateValue,
    Inline,
    Name,
    Opener,
    Salute,
    Text,
)
from . import rules
from .units import Unit


def read_opener(units: list[Unit]) -> tuple[Opener | None, list[Unit]]:
    """Leading address lines, datelines and salutations of a letter, in any order.

    A bracketed remark of the editor on place or date (`[Envoyée à Paris]`) stands
    with the datelines; an address in capitals opening a paragraph is split off.
    The opener ends at its salutation or at the first line of the letter's text.
    """
    parts: list[AddressLine | Dateline | Salute] = []
    while units and len(parts) < 6:
        unit = units[0]
        if rules.is_address_line(unit.text) and not rules.is_salutation(unit.text):
            parts.append(AddressLine(unit.inlines, unit.loc))
        elif dateline_like(unit.text):
            parts.append(dateline_of(unit, parse_dateline(unit.text)))
        elif rules.is_salutation(unit.text) or _salutation_shaped(units):
            parts.append(Salute(unit.inlines, unit.loc))
        else:
            split = _split_salutation(unit)
            if split is not None:
                parts.append(split[0])
                units[0] = split[1]
            break
        units.pop(0)
        if isinstance(parts[-1], Salute) and not (units and dateline_like(units[0].text)):
            break
    if not parts:
        return None, units
    return Opener(tuple(parts), parts[0].loc), units


_BRACKETED = re.compile(r"^\[[^\[\]]{2,80}\]\.?$")


def dateline_like(text: str) -> bool:
    """A dateline, or an editor's bracketed remark on where or when the letter was sent."""
    return rules.is_dateline(text) or bool(_BRACKETED.match(text.strip()))


def _salutation_shaped(units: Sequence[Unit]) -> bool:
    """A short address ending in `,` `:` or `!` before the first paragraph (`Werter Herr!`)."""
    text = units[0].text
    if len(units) < 2 or rules.word_count(text) > 6:
        return False
    # Without a mark of address only a few words can be one (`Ma brave comtesse`).
    if text[-1:] not in ",:!" and (rules.word_count(text) > 3 or text[-1:] in "?;"):
        return False
    following = units[1].text
    return rules.word_count(following) > rules.word_count(text) + 6


def dateline_of(unit: Unit, parsed: tuple[DateValue, str | None] | None) -> Dateline:
    """A Dateline whose date (and place) stand as their own inline nodes.

    A dateline whose date cannot be read to a value (`ce 10 de juillet (1538)`)
    is kept as written, for the date recogniser or the editor to settle.
    """
    if parsed is None:
        return Dateline(unit.inlines, unit.loc)
    date, place = parsed
    if len(unit.inlines) != 1 or not isinstance(unit.inlines[0], Text):
        return Dateline(unit.inlines, unit.loc, date, place)
    node = unit.inlines[0]
    found = find_date(node.text)
    if found is None:
        return Dateline(unit.inlines, unit.loc, date, place)
    inlines: list[Inline] = []
    before = node.text[: found.start]
    if place and before.startswith(place):
        inlines.append(Name("place", None, place, node.loc))
        before = before[len(place):]
    if before:
        inlines.append(Text(before, node.loc))
    inlines.append(DateText(node.text[found.start: found.end], date, node.loc.shifted(found.start)))
    if node.text[found.end:]:
        inlines.append(Text(node.text[found.end:], node.loc.shifted(found.end)))
    return Dateline(tuple(inlines), unit.loc, date, place)


def _split_salutation(unit: Unit) -> tuple[Salute, Unit] | None:
    """`DEAR COMRADES, here are…`: the address in capitals becomes the salutation."""
    first = unit.inlines[0] if unit.inlines else None
    if not isinstance(first, Text):
        return None
    length = rules.salutation_prefix(first.text.lstrip())
    if not length:
        return None
    skip = len(first.text) - len(first.text.lstrip())
    cut = skip + length
    salute = Salute((Text(first.text[:cut].rstrip(), first.loc),), first.loc)
    rest = Text(first.text[cut:].lstrip(), first.loc.shifted(cut))
    return salute, replace(unit, inlines=(rest, *unit.inlines[1:]))
