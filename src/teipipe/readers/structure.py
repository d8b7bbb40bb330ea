"""From paragraph-sized units to the blocks of a letter, an article or an essay.

Every reader first cuts its text into Units (one paragraph's inline content with
the gap before it); this module recognises what each unit is and assembles
openers, closers, lists, quotations and headed divisions. The rules are the
shared ones of `rules.py`, so the three readers agree on what a letter looks like.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..diagnostics import Location
from ..language.dates import find_date, parse_dateline
from ..model import (
    Block,
    Closer,
    Dateline,
    DateText,
    DateValue,
    Division,
    Heading,
    Inline,
    ListBlock,
    ListItem,
    Name,
    Opener,
    PageBreak,
    PageBreakBlock,
    Paragraph,
    Postscript,
    Quote,
    Salute,
    Signed,
    Text,
    inline_text,
)
from . import rules


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


@dataclass(frozen=True)
class Detected:
    """What the body says about the letter, for the header (the sidecar may override)."""

    date: DateValue | None = None
    place: str | None = None
    salutation: str | None = None
    signature: str | None = None


def strip_label(unit: Unit, match: re.Match[str]) -> tuple[Inline, ...]:
    """The unit's inlines without the printed label at its start."""
    inlines = list(unit.inlines)
    first = inlines[0]
    assert isinstance(first, Text)
    rest = first.text.lstrip()
    offset = len(first.text) - len(rest) + match.end()
    inlines[0] = Text(first.text[offset:], first.loc.shifted(offset))
    return tuple(inlines)


def _is_list_item(unit: Unit) -> re.Match[str] | None:
    if not unit.inlines or not isinstance(unit.inlines[0], Text):
        return None
    return rules.LIST_ITEM.match(unit.text)


def _is_heading(units: Sequence[Unit], index: int) -> bool:
    unit = units[index]
    text = unit.text
    if rules.is_salutation(text) or rules.is_dateline(text):
        return False
    following = units[index + 1] if index + 1 < len(units) else None
    if following is None or following.gap_before >= 2 and not unit.gap_before >= 2:
        return False  # a short last line of a part is a signature, not a heading
    if rules.is_question_heading(text, unit.gap_before):
        return True
    if not rules.is_heading(text):
        return False
    return unit.gap_before >= 2 or rules.is_titlecase(text)


def _group_lists_and_quotes(units: Sequence[Unit]) -> list[Block]:
    """Paragraph-level blocks: numbered runs become lists, set-off quotations quotes."""
    blocks: list[Block] = []
    index = 0
    while index < len(units):
        unit = units[index]
        if unit.page_break is not None:
            blocks.append(PageBreakBlock(unit.page_break))
        match = _is_list_item(unit)
        if match is not None:
            items = [ListItem(match["label"], strip_label(unit, match), unit.loc)]
            while index + 1 < len(units) and units[index + 1].page_break is None:
                follow = _is_list_item(units[index + 1])
                if follow is None:
                    break
                index += 1
                items.append(ListItem(follow["label"], strip_label(units[index], follow),
                                      units[index].loc))
            blocks.append(ListBlock(tuple(items), unit.loc,
                                    ordered=items[0].label.isdigit()))
            index += 1
            continue
        previous = units[index - 1] if index else None
        if previous is not None and _starts_quotation(previous, unit):
            quoted = [Paragraph(unit.inlines, unit.loc)]
            while (index + 1 < len(units) and rules.opens_quotation(units[index + 1].text)
                   and rules.opens_quotation(unit.text) and units[index + 1].page_break is None):
                index += 1
                quoted.append(Paragraph(units[index].inlines, units[index].loc))
            blocks.append(Quote(tuple(quoted), unit.loc))
            index += 1
            continue
        blocks.append(Paragraph(unit.inlines, unit.loc))
        index += 1
    return blocks


def _starts_quotation(previous: Unit, unit: Unit) -> bool:
    """A unit set off after a colon that opens with a quotation mark, or after a comma."""
    if _is_list_item(unit) is not None or rules.is_heading(unit.text):
        return False
    ending = previous.text.rstrip()
    if ending.endswith(","):
        return True
    return ending.endswith(":") and rules.opens_quotation(unit.text)


def _opener(units: list[Unit]) -> tuple[Opener | None, list[Unit]]:
    """Leading datelines and salutations of a letter, with an address in capitals split off."""
    parts: list[Dateline | Salute] = []
    while units and len(parts) < 3:
        unit = units[0]
        parsed = parse_dateline(unit.text)
        if parsed is not None:
            parts.append(dateline_of(unit, parsed))
        elif rules.is_salutation(unit.text):
            parts.append(Salute(unit.inlines, unit.loc))
        else:
            split = _split_salutation(unit)
            if split is not None:
                parts.append(split[0])
                units[0] = split[1]
            break
        units.pop(0)
    if not parts:
        return None, units
    return Opener(tuple(parts), parts[0].loc), units


def dateline_of(unit: Unit, parsed: tuple[DateValue, str | None]) -> Dateline:
    """A Dateline whose date (and place) stand as their own inline nodes."""
    date, place = parsed
    if len(unit.inlines) != 1 or not isinstance(unit.inlines[0], Text):
        return Dateline(unit.inlines, unit.loc, date, place)
    node = unit.inlines[0]
    found = find_date(node.text)
    assert found is not None  # parse_dateline found it in the same text
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


def _closer(units: list[Unit]) -> tuple[Closer | None, list[Unit]]:
    """Trailing closing salutation, signature and dateline of a letter."""
    parts: list[Dateline | Salute | Signed] = []
    # The last unit left stays a paragraph: a letter's body is never only a closer.
    while len(units) > 1 and len(parts) < 3:
        unit = units[-1]
        if unit.page_break is not None:
            break
        text = unit.text
        parsed = parse_dateline(text)
        if parsed is not None:
            parts.insert(0, dateline_of(unit, parsed))
        elif rules.is_signature(text) and not any(isinstance(p, Salute) for p in parts):
            parts.insert(0, Signed(unit.inlines, unit.loc))
        elif rules.is_closing(text) and not _is_list_item(unit):
            parts.insert(0, Salute(unit.inlines, unit.loc))
        else:
            break
        units.pop()
    if not parts:
        return None, units
    return Closer(tuple(parts), parts[0].loc), units


_POSTSCRIPT = re.compile(r"^(?:P\.\s?S\.|PS\b|N\.\s?B\.|Post-?scriptum)", re.IGNORECASE)


def _postscript(units: list[Unit]) -> tuple[Postscript | None, list[Unit]]:
    for index, unit in enumerate(units):
        if index and _POSTSCRIPT.match(unit.text):
            paragraphs = tuple(Paragraph(u.inlines, u.loc) for u in units[index:])
            return Postscript(paragraphs, unit.loc), units[:index]
    return None, units


def _piece_blocks(units: list[Unit], letter_like: bool) -> tuple[list[Block], Detected]:
    """The blocks of one piece, with the letter's opener and closer recognised."""
    opener, units = _opener(list(units)) if letter_like else (None, list(units))
    postscript, units = _postscript(units) if letter_like else (None, units)
    closer, units = _closer(units) if letter_like else (None, units)
    blocks: list[Block] = []
    if opener is not None:
        blocks.append(opener)
    blocks.extend(_group_lists_and_quotes(units))
    if closer is not None:
        blocks.append(closer)
    if postscript is not None:
        blocks.append(postscript)
    return blocks, _detected(opener, closer)


def _detected(opener: Opener | None, closer: Closer | None) -> Detected:
    date: DateValue | None = None
    place: str | None = None
    salutation: str | None = None
    signature: str | None = None
    for part in (*(opener.parts if opener else ()), *(closer.parts if closer else ())):
        if isinstance(part, Dateline) and date is None:
            date, place = part.date, part.place
        elif isinstance(part, Salute) and salutation is None and opener and part in opener.parts:
            salutation = inline_text(part.inlines).strip()
        elif isinstance(part, Signed):
            signature = inline_text(part.inlines).strip()
    return Detected(date, place, salutation, signature)


def assemble(units: Sequence[Unit], division_type: str,
             letter_like: bool = True) -> tuple[tuple[Block, ...], Detected]:
    """Body blocks for the units of a text, and what its first letter part says.

    Headings split the text into divisions of `division_type`; content before the
    first heading becomes a division without a head, because TEI allows no
    paragraphs between divisions.
    """
    pieces: list[tuple[Unit | None, list[Unit]]] = [(None, [])]
    for index, unit in enumerate(units):
        if _is_heading(units, index):
            pieces.append((unit, []))
        else:
            pieces[-1][1].append(unit)
    if pieces[0][1] == [] and len(pieces) > 1:
        pieces.pop(0)
    detected = Detected()
    if len(pieces) == 1 and pieces[0][0] is None:
        blocks, detected = _piece_blocks(pieces[0][1], letter_like)
        return tuple(blocks), detected
    divisions: list[Block] = []
    for head_unit, piece_units in pieces:
        blocks, found = _piece_blocks(piece_units, letter_like)
        if detected == Detected():
            detected = found
        head = None
        loc = piece_units[0].loc if piece_units else Location("")
        if head_unit is not None:
            head = Heading(head_unit.inlines, head_unit.loc)
            loc = head_unit.loc
            if head_unit.page_break is not None:
                divisions.append(PageBreakBlock(head_unit.page_break))
        divisions.append(Division(division_type, head, tuple(blocks), loc))
    return tuple(divisions), detected
