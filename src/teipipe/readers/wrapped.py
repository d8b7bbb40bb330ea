"""Hard-wrapped text shared by the PDF and OCR readers: paragraphs across page breaks.

Text extracted from a printed page keeps the page's line ends and marks a page
end only by a blank run. A blank run inside a sentence therefore cannot end a
paragraph: the paragraph goes on, with a PageBreak where the new page starts.
The note runs of such texts are `wrapped_notes`'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..diagnostics import Location
from ..model import (
    Inline,
    Normalisation,
    PageBreak,
)
from ..source import Source
from . import closing, opening, rules
from .blocks import HyphenPolicy, Line, RawBlock, inlines_of
from .units import Unit

# ------------------------------------------------------------------ sniffing


# Lines shorter than this (datelines, salutations, signatures) say nothing of the shape.
_TEXT_LINE = 30


def _text_lines(lines: Sequence[str]) -> list[int]:
    """Indices of the lines that carry running text; all non-blank ones in a text of short lines."""
    long_enough = [i for i, line in enumerate(lines) if len(line.strip()) >= _TEXT_LINE]
    return long_enough or [i for i, line in enumerate(lines) if line.strip()]


def wrap_score(source: Source) -> float:
    """How much the text looks hard-wrapped: text lines of a printed width that run on."""
    lines = [line.rstrip() for line in source.lines]
    text = [lines[i] for i in _text_lines(lines)]
    if not text:
        return 0.0
    printed_width = sum(len(line) <= 200 for line in text) / len(text)
    very_long = sum(len(line) > 250 for line in text) / len(text)
    return printed_width * max(0.0, 1.0 - 4 * very_long) * continued_share(source)


def continued_share(source: Source) -> float:
    """Share of text lines cut inside a sentence, running on into the next line.

    A wrapped text's lines end where the printed line ended, mostly inside a
    sentence; a web page's lines end with its paragraphs, so with a sentence,
    even where no blank line stands between them. Short lines are left out.
    """
    lines = [line.rstrip() for line in source.lines]
    text = _text_lines(lines)
    if not text:
        return 0.0
    running_on = sum(1 for i in text if i + 1 < len(lines) and lines[i + 1].strip()
                     and (not rules.ends_sentence(lines[i])
                          or rules.starts_lowercase(lines[i + 1])))
    return min(1.0, 1.5 * running_on / len(text))


def trailing_space_share(source: Source) -> float:
    """Share of text lines that end in white space, as PDF extraction leaves them."""
    lines = [line for line in source.lines if line.strip()]
    if not lines:
        return 0.0
    return sum(line != line.rstrip() for line in lines) / len(lines)


# ------------------------------------------------------------ paragraphs


def continues(previous: RawBlock, following: RawBlock) -> bool:
    """True when a blank run between two blocks falls inside a sentence (a page end).

    A block that ends without sentence punctuation, or a block that goes on in
    lower case, cannot begin a new paragraph. A line standing alone as a
    salutation, closing formula or dateline ends with a comma or nothing and
    still stands alone; so does a heading, unless the text goes on in lower case.
    """
    alone = len(previous.lines) == 1
    if (alone and _letter_part(previous.text)) or rules.opens_postscript(following.first.content):
        return False
    if len(following.lines) == 1 and (rules.is_closing(following.text)
                                      or rules.is_dateline(following.text)):
        return False  # `…in alter Treue` / `Dein`: the closing, not the sentence going on
    if rules.starts_lowercase(following.first.content):
        return True
    if rules.ends_sentence(previous.last.content):
        return False
    return not (alone and rules.is_heading(previous.text))


def _letter_part(text: str) -> bool:
    return rules.is_salutation(text) or rules.is_closing(text) or rules.is_dateline(text)


@dataclass
class _Paragraph:
    """A paragraph being gathered: its lines and the lines that start a new page."""

    lines: list[Line]
    gap_before: int
    page_before: bool
    breaks: list[int]
    marked: set[int]
    """Lines of `breaks` where the page end is marked, not inferred."""


def _page_break(path: str, line: Line, inferred: bool = False) -> PageBreak:
    return PageBreak(Location(path, line.number, line.indent + 1),
                     cert=_INFERRED if inferred else None)


# A blank run inside a sentence is most often a page end, but may be a column's or a
# figure's: the page break it stands for is probable, not certain.
_INFERRED: Literal["medium"] = "medium"


def _with_breaks(inlines: tuple[Inline, ...], breaks: Sequence[PageBreak]) -> tuple[Inline, ...]:
    """Put each PageBreak before the first run that comes from its line or a later one."""
    out: list[Inline] = []
    pending = sorted(breaks, key=lambda b: b.loc.line)
    for node in inlines:
        while pending and node.loc.line >= pending[0].loc.line:
            out.append(pending.pop(0))
        out.append(node)
    out.extend(pending)
    return tuple(out)


def _unit(para: _Paragraph, path: str, hyphens: HyphenPolicy | None) -> Unit:
    by_number = {line.number: line for line in para.lines}
    breaks = [_page_break(path, by_number[n], inferred=n not in para.marked)
              for n in para.breaks]
    first = para.lines[0]
    return Unit(_with_breaks(inlines_of(para.lines, path, hyphens), breaks),
                Location(path, first.number, first.indent + 1), para.gap_before,
                _page_break(path, first) if para.page_before else None)


def paragraphs(blocks: Sequence[RawBlock], path: str,
               hyphens: HyphenPolicy | None = None, *, head_alone: bool = False) -> list[Unit]:
    """Units of hard-wrapped blocks, a paragraph going on across a mid-sentence page end.

    `RawBlock.page_start` marks a block known to open a page (after a page-foot
    note block, or a form feed); a mid-sentence blank run is taken as one too.
    """
    gathered: list[_Paragraph] = []
    for block in blocks:
        current = gathered[-1] if gathered else None
        # A block cut off without a blank run (a salutation line) stays apart.
        # A letter's first line standing alone (a title, an address) never runs on.
        first_alone = (head_alone and len(gathered) == 1 and current is not None
                       and len(current.lines) == 1)
        if (current is not None and block.gap_before and not first_alone
                and continues(_last_block(current), block)):
            current.breaks.append(block.first.number)
            if block.page_start:
                current.marked.add(block.first.number)
            current.lines.extend(block.lines)
            continue
        gathered.append(_Paragraph(list(block.lines), block.gap_before, block.page_start, [],
                                   set()))
    return [_unit(para, path, hyphens) for para in gathered]


def _last_block(para: _Paragraph) -> RawBlock:
    """The part of a paragraph after its last page break, as a block for `continues`."""
    start = para.breaks[-1] if para.breaks else para.lines[0].number
    return RawBlock(tuple(line for line in para.lines if line.number >= start), 0)


_LONGEST_HEAD = 6
_SHORT_LINE = 0.4


def split_leading_lines(blocks: Sequence[RawBlock]) -> list[RawBlock]:
    """A dateline or salutation set on its own line at the top of the first block is its unit.

    Books often print the date, the salutation and the first paragraph without a
    blank line between them.
    """
    if not blocks:
        return []
    first, rest = blocks[0], list(blocks[1:])
    head: list[RawBlock] = []
    lines = list(first.lines)
    # A title and address lines above the salutation stand on lines of their own too;
    # so does any line well short of the printed width that the text goes on after
    # (`Comtesse`, `Liana cara.`): a wrapped paragraph's only short line is its last.
    width = max((len(line.content) for line in lines), default=0)
    leading = 0  # the run of short lines and lines of a letter's head at the top
    while (leading + 1 < min(len(lines), _LONGEST_HEAD)
           and (len(lines[leading].content) < _SHORT_LINE * width
                or opening.head_line(lines[leading].content, leading == 0))):
        leading += 1
    salutes = [i for i, line in enumerate(lines[:_LONGEST_HEAD - 1])
               if rules.is_salutation(line.content)]
    last = max(leading - 1, salutes[-1] if salutes else -1)
    while len(lines) > 1 and len(head) <= last:
        head.append(RawBlock((lines.pop(0),), first.gap_before if not head else 0,
                             first.page_start and not head))
    head.append(RawBlock(tuple(lines), 0 if head else first.gap_before,
                         first.page_start and not head))
    return head + rest


def split_trailing_lines(blocks: Sequence[RawBlock]) -> list[RawBlock]:
    """Closing formula and signature lines at the foot of the last block are their own units.

    Books print `Su afectísimo amigo y seguro servidor,` and the name under the
    last paragraph without a blank line. Only lines after a sentence end are cut
    off, and only when the last of them is a name.
    """
    postscript = next((i for i, block in enumerate(blocks)
                       if i and rules.opens_postscript(block.first.content)), None)
    if postscript is not None:  # the closing stands before the postscript
        return [*split_trailing_lines(blocks[:postscript]), *blocks[postscript:]]
    if not blocks:
        return []
    last = blocks[-1]
    lines = list(last.lines)
    if len(blocks) > 1 and len(lines) <= _LONGEST_TRAILING_NOTE and not _signed(lines):
        # A line or two written under the signature (`Back again in Marquis Road.`).
        return [*split_trailing_lines(blocks[:-1]), last]
    if len(lines) < 2 or not _signed(lines):
        return list(blocks)
    cut = len(lines) - 1
    while cut > 0 and _closing_line(lines[cut - 1].content):
        cut -= 1
    if cut == len(lines) - 1 and not _closing_line(lines[cut - 1].content):
        return list(blocks)  # a name alone under a paragraph may end its last sentence
    if cut and not rules.ends_sentence(lines[cut - 1].content):
        return list(blocks)
    head = [RawBlock(tuple(lines[:cut]), last.gap_before, last.page_start)] if cut else []
    tail = [RawBlock((line,), 0 if head or index else last.gap_before,
                     last.page_start and not head and not index)
            for index, line in enumerate(lines[cut:])]
    return [*blocks[:-1], *head, *tail]


_LONGEST_TRAILING_NOTE = 2


def _signed(lines: Sequence[Line]) -> bool:
    """The block's last line is a name (`Mariani` under `Veuillez, … empressées.`)."""
    before = lines[-2].content if len(lines) > 1 else ""
    return closing.signature_line(lines[-1].content, before)


# A few words standing as a line of their own above the name (`Auf Wiedersehen!`).
_SHORT_CLOSING_LINE = 4


def _closing_line(text: str) -> bool:
    return (rules.is_closing(text) or closing.closing_dateline(text) or closing.hands_over(text)
            or (text.endswith(",") and rules.word_count(text) <= 10)
            or rules.word_count(text) <= _SHORT_CLOSING_LINE)


def blank_out(lines: Sequence[Line], numbers: set[int]) -> list[Line]:
    """The lines with some taken out of the running text (kept as blanks for the gaps)."""
    return [Line(line.number, "") if line.number in numbers else line for line in lines]


def rejoined_lines(source: Source) -> Normalisation:
    """The statement every wrapped-text reader makes: its line breaks were not kept."""
    return Normalisation("lines.rejoined", "Line breaks of the source were not kept: lines are "
                         "rejoined into paragraphs.", source.loc(1, 1))
