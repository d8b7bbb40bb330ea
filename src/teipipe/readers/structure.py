"""From paragraph-sized units to the blocks of a letter, an article or an essay.

Every reader first cuts its text into Units (one paragraph's inline content with
the gap before it); this module recognises what each unit is and assembles
openers, closers, lists, quotations and headed divisions. The rules are the
shared ones of `rules.py`, so the three readers agree on what a letter looks like.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..diagnostics import Location
from ..language.dates import parse_dateline
from ..model import (
    Block,
    Closer,
    Dateline,
    DateValue,
    Division,
    Heading,
    ListBlock,
    ListItem,
    Opener,
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
from .opening import dateline_like, dateline_of, opener_length, read_opener
from .units import Unit, strip_label


@dataclass(frozen=True)
class Detected:
    """What the body says about the letter, for the header (the sidecar may override)."""

    date: DateValue | None = None
    place: str | None = None
    salutation: str | None = None
    signature: str | None = None


def _is_list_item(unit: Unit) -> re.Match[str] | None:
    if not unit.inlines or not isinstance(unit.inlines[0], Text):
        return None
    return rules.LIST_ITEM.match(unit.text)


def _is_heading(units: Sequence[Unit], index: int) -> bool:
    unit = units[index]
    text = unit.text
    if (rules.is_salutation(text) or dateline_like(text) or rules.is_closing(text)
            or rules.is_address_line(text)):
        return False
    following = units[index + 1] if index + 1 < len(units) else None
    if following is None or following.gap_before >= 2 and not unit.gap_before >= 2:
        return False  # a short last line of a part is a signature, not a heading
    if _letter_end(units, index):
        return False
    if rules.is_question_heading(text, unit.gap_before):
        return True
    if not rules.is_heading(text):
        return False
    return unit.gap_before >= 2 or rules.is_titlecase(text)


def _letter_end(units: Sequence[Unit], index: int) -> bool:
    """A name after a closing formula, or before a postscript, signs the letter."""
    previous = units[index - 1].text if index else ""
    following = units[index + 1].text if index + 1 < len(units) else ""
    return (bool(previous) and rules.is_closing(previous)) or bool(_POSTSCRIPT.match(following))


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
    if ending.endswith(",") and not _short_frame_line(previous.text):
        return True
    return ending.endswith(":") and rules.opens_quotation(unit.text)


def _short_frame_line(text: str) -> bool:
    """A salutation or closing line ends with a comma without handing over to a quotation."""
    return rules.is_salutation(text) or rules.is_closing(text) or rules.word_count(text) <= 6


def _closer(units: list[Unit]) -> tuple[Closer | None, list[Unit]]:
    """Trailing closing salutations, signature and dateline of a letter.

    Read from the end: a signature stands after the closing salutations, a
    dateline anywhere among them (`De Strasbourg, ce 10 de juillet (1538).`).
    """
    parts: list[Dateline | Salute | Signed] = []
    # The last unit left stays a paragraph: a letter's body is never only a closer.
    while len(units) > 1 and len(parts) < 5:
        unit = units[-1]
        if unit.page_break is not None and parts:
            break
        text = unit.text
        salute_seen = any(isinstance(p, Salute) for p in parts)
        if rules.is_dateline(text):
            parts.insert(0, dateline_of(unit, parse_dateline(text)))
        elif not salute_seen and not any(isinstance(p, Signed) for p in parts) and (
                _signature_here(units)):
            parts.insert(0, Signed(unit.inlines, unit.loc))
        elif (rules.is_closing(text) or _closing_shaped(units, parts)) and not _is_list_item(unit):
            parts.insert(0, Salute(unit.inlines, unit.loc))
        else:
            break
        units.pop()
    if not parts:
        return None, units
    return Closer(tuple(parts), parts[0].loc), units


def _signature_here(units: Sequence[Unit]) -> bool:
    """The last unit is a name: alone, or a single word after a closing formula (`Jean`)."""
    text = units[-1].text
    if rules.is_signature(text):
        return True
    before = units[-2].text if len(units) > 1 else ""
    single_name = rules.word_count(text) == 1 and text[:1].isupper() and text[-1:] not in ",:;?!"
    return single_name and (rules.is_closing(before) or before.endswith(","))


def _closing_shaped(units: Sequence[Unit], parts: Sequence[Dateline | Salute | Signed]) -> bool:
    """A short line ending in a comma just before the signature (`Votre humble frère,`)."""
    text = units[-1].text
    return (bool(parts) and isinstance(parts[0], Signed | Salute)
            and rules.word_count(text) <= 10 and text.endswith(","))


_POSTSCRIPT = rules.POSTSCRIPT


def _postscript(units: list[Unit]) -> tuple[Postscript | None, list[Unit]]:
    """A P.S. and what follows it; else the paragraphs written after the signature."""
    start = next((index for index, unit in enumerate(units)
                  if index and _POSTSCRIPT.match(unit.text)), None)
    if start is None:
        start = _after_signature(units)
    if start is None:
        return None, units
    paragraphs = tuple(Paragraph(u.inlines, u.loc) for u in units[start:])
    return Postscript(paragraphs, units[start].loc), units[:start]


_LONGEST_UNMARKED_POSTSCRIPT = 3


def _after_signature(units: Sequence[Unit]) -> int | None:
    """Where paragraphs begin that follow a signed closing (`…ergebener` / `J. Zingg.`)."""
    last = len(units) - 1
    for index in range(last, max(1, last - _LONGEST_UNMARKED_POSTSCRIPT), -1):
        signature, before = units[index - 1].text, units[index - 2].text if index > 1 else ""
        if not (rules.is_signature(signature) and before
                and (rules.is_closing(before) or dateline_like(before))):
            continue
        following = units[index].text
        if (dateline_like(following) or rules.is_closing(following)
                or _is_list_item(units[index]) is not None):
            return None
        return index
    return None


def _piece_blocks(units: list[Unit], letter_like: bool) -> tuple[list[Block], Detected]:
    """The blocks of one piece, with the letter's opener and closer recognised."""
    opener, units = read_opener(list(units)) if letter_like else (None, list(units))
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
    opening = opener_length(units) if letter_like else 0
    for index, unit in enumerate(units):
        if index >= opening and _is_heading(units, index):
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
