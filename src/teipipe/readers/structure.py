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
    Quote,
    Salute,
    Signed,
    inline_text,
)
from . import address, closing, rules
from .closing_dates import closing_dateline
from .opening import opener_length, read_opener
from .units import Unit, dateline_like, is_list_item, strip_label


@dataclass(frozen=True)
class Detected:
    """What the body says about the letter, for the header (the sidecar may override)."""

    date: DateValue | None = None
    place: str | None = None
    salutation: str | None = None
    signature: str | None = None


def _is_heading(units: Sequence[Unit], index: int, in_letter: bool = False) -> bool:
    """Whether a unit heads a division. Inside a letter (its opener was read) a short
    title-case line is far likelier a signature, an endorsement or a postmark than the head
    of a part, so only a line set off by a wide gap heads one there."""
    unit = units[index]
    text = unit.text
    # Only a question heading or a heading's shape says yes below, all else says no: asked
    # first, they spare a paragraph of running text (most units) the tests of a letter's parts.
    if not (rules.is_question_heading(text, unit.gap_before) or rules.is_heading(text)):
        return False
    if (rules.is_salutation(text) or dateline_like(text) or rules.is_closing(text)
            or address.is_address_line(text)):
        return False
    following = units[index + 1] if index + 1 < len(units) else None
    if following is None or following.gap_before >= 2 and not unit.gap_before >= 2:
        return False  # a short last line of a part is a signature, not a heading
    if closing.ends_letter(units, index) or _dates_the_signature(units, index):
        return False
    if rules.is_question_heading(text, unit.gap_before):
        return True
    if not rules.is_heading(text):
        return False
    return unit.gap_before >= 2 or (rules.is_titlecase(text) and not in_letter)


def _dates_the_signature(units: Sequence[Unit], index: int) -> bool:
    """A closing's dateline just above the name on the last line (`Camden June 19 '88 2 ½
    PM` / `Walt Whitman`, `Wien, Mittwoch abends` / `Dein Paul`): the closer's, not a head."""
    return (index == len(units) - 2 and closing_dateline(units[index].text)
            and closing.signature_like(units[-1].text))


def _headings(units: Sequence[Unit], opening: int) -> set[int]:
    """The units that head a division. Short title-case lines one under the other without a
    wide gap (a telegram's form: `Number 24 ch1` / `Sent By V M` / `Check 23 Paid`; the
    lines of a printed dedication) are a block of the text's own lines, not headings: a
    heading stands alone over what it heads."""
    found = {index for index in range(opening, len(units))
             if _is_heading(units, index, in_letter=opening > 0)}
    return {index for index in found
            if units[index].gap_before >= 2 or not ({index - 1, index + 1} & found)}


def _group_lists_and_quotes(units: Sequence[Unit]) -> list[Block]:
    """Paragraph-level blocks: numbered runs become lists, set-off quotations quotes."""
    blocks: list[Block] = []
    index = 0
    while index < len(units):
        unit = units[index]
        if unit.page_break is not None:
            blocks.append(PageBreakBlock(unit.page_break))
        match = is_list_item(unit)
        if match is not None:
            run = [unit]
            while (index + 1 < len(units) and units[index + 1].page_break is None
                   and is_list_item(units[index + 1]) is not None):
                index += 1
                run.append(units[index])
            blocks.extend(_numbered_run(run))
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


# A list's entries are short: a name, a title, a figure. A numbered entry longer than this,
# or a run of numbered sentences, is a paragraph that the writer numbered.
_LONGEST_ENTRY = 15


def _numbered_run(run: Sequence[Unit]) -> list[Block]:
    """A run of units that open with a label: a list of short entries, or numbered paragraphs.

    Editions encode a writer's numbered paragraphs (`1. Einmalige Abfindungssumme für eine
    Predigt RM 25,--.`, `2. Ein gebundenes Freiexemplar …`) as paragraphs that keep their
    number, and reserve `list` for entries that are not sentences (`Times`, `Tribune`); one
    labelled unit alone is no list either (`u. s. w.` opens with a letter and a point).
    """
    texts = [strip_label(unit, _label(unit)) for unit in run]
    words = [rules.word_count(inline_text(text)) for text in texts]
    sentences = all(inline_text(text).rstrip().rstrip(_CLOSING_MARKS)[-1:] in ".!?"
                    for text in texts)
    if len(run) < 2 or max(words) > _LONGEST_ENTRY or sentences and sum(words) >= 5 * len(run):
        return [Paragraph(unit.inlines, unit.loc) for unit in run]
    items = [ListItem(_label(unit)["label"], text, unit.loc)
             for unit, text in zip(run, texts, strict=True)]
    return [ListBlock(tuple(items), run[0].loc, ordered=items[0].label.isdigit())]


_CLOSING_MARKS = "\"'”’»)]"


def _label(unit: Unit) -> re.Match[str]:
    match = is_list_item(unit)
    assert match is not None
    return match


def _starts_quotation(previous: Unit, unit: Unit) -> bool:
    """A unit set off after a colon that opens with a quotation mark, or after a comma."""
    if is_list_item(unit) is not None or rules.is_heading(unit.text):
        return False
    ending = previous.text.rstrip()
    if ending.endswith(",") and not _short_frame_line(previous.text):
        return True
    return ending.endswith(":") and rules.opens_quotation(unit.text)


def _short_frame_line(text: str) -> bool:
    """A salutation or closing line ends with a comma without handing over to a quotation."""
    return rules.is_salutation(text) or rules.is_closing(text) or rules.word_count(text) <= 6


def _piece_blocks(units: list[Unit], letter_like: bool) -> tuple[list[Block], Detected]:
    """The blocks of one piece, with the letter's opener and closer recognised."""
    opener, units = read_opener(list(units)) if letter_like else (None, list(units))
    postscript, units = closing.postscript(units) if letter_like else (None, units)
    closer, units = closing.closer(units) if letter_like else (None, units)
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
    heads = _headings(units, opening)
    for index, unit in enumerate(units):
        if index in heads:
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
