"""Hard-wrapped text shared by the PDF and OCR readers: paragraphs across page breaks.

Text extracted from a printed page keeps the page's line ends and marks a page
end only by a blank run. A blank run inside a sentence therefore cannot end a
paragraph: the paragraph goes on, with a PageBreak where the new page starts.
The note runs of such texts are `wrapped_notes`'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ..diagnostics import Location
from ..model import (
    Inline,
    Normalisation,
    PageBreak,
)
from ..source import Source
from . import closing, opening, page_period, rules, sentence_ends
from .blocks import HyphenPolicy, Line, RawBlock, inlines_of, split_blocks
from .closing_dates import closing_dateline
from .measure import (
    AGAINST,
    ends_early,
    measure,
    page_measure,
    split_short_lines,
    word_broken,
)
from .units import Unit

# ------------------------------------------------------------------ sniffing


# Lines shorter than this (datelines, salutations, signatures) say nothing of the shape.
_TEXT_LINE = 30
# A line this long is running text, never a heading or a line of a letter's frame.
_LONG_LINE = 60


@dataclass(frozen=True)
class _Profile:
    """What the sniffers read from a text's lines, counted once for the three readers."""

    text: int
    """Lines that carry running text (all non-blank ones in a text of short lines)."""
    printed: int
    """Of them, lines of a printed width (at most 200 characters)."""
    very_long: int
    """Of them, lines longer than a printed page holds (over 250 characters)."""
    running_on: int
    """Of them, lines cut inside a sentence that run on into the next line."""
    lower_next: bool
    """One of them is followed, without a blank line, by a line in lower case."""
    trailing: float
    """Share of non-blank lines that end in white space."""
    cut_long: bool
    """A long line is cut inside a sentence and the next line follows without a blank."""


@lru_cache(maxsize=2)
def _profile(raw: tuple[str, ...]) -> _Profile:
    lines = [line.rstrip() for line in raw]
    text = [i for i, line in enumerate(lines) if len(line.lstrip()) >= _TEXT_LINE]
    text = text or [i for i, line in enumerate(lines) if line]
    running_on = lower_next = cut_long = 0
    for i in text:
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if not following.strip():
            continue
        lower = sentence_ends.starts_lowercase(following)
        lower_next += lower
        cut = not sentence_ends.ends_sentence(lines[i])
        running_on += lower or cut
        cut_long += cut and len(lines[i].strip()) >= _LONG_LINE
    filled = [line for line in raw if line.strip()]
    return _Profile(len(text), sum(len(lines[i]) <= 200 for i in text),
                    sum(len(lines[i]) > 250 for i in text), running_on, bool(lower_next),
                    sum(line != line.rstrip() for line in filled) / len(filled) if filled else 0.0,
                    bool(cut_long))


def wrap_score(source: Source) -> float:
    """How much the text looks hard-wrapped: text lines of a printed width that run on."""
    profile = _profile(source.lines)
    if not profile.text:
        return 0.0
    printed_width = profile.printed / profile.text
    very_long = profile.very_long / profile.text
    return printed_width * max(0.0, 1.0 - 4 * very_long) * continued_share(source)


def continued_share(source: Source) -> float:
    """Share of text lines cut inside a sentence, running on into the next line.

    A wrapped text's lines end where the printed line ended, mostly inside a
    sentence; a web page's lines end with its paragraphs, so with a sentence,
    even where no blank line stands between them. Short lines are left out.
    """
    profile = _profile(source.lines)
    return min(1.0, 1.5 * profile.running_on / profile.text) if profile.text else 0.0


def runs_on_into_next_line(source: Source) -> bool:
    """A text line followed, without a blank line, by one that starts in lower case, or a
    long line cut inside a sentence with the next line right under it (`… bei Petter
    bestellt. Trifft` / `Sie dieser Brief …`).

    A printed paragraph wrapped at the page's width does this on most pages; a web
    page's paragraph stands on one line, so its next line never goes on mid-sentence.
    """
    profile = _profile(source.lines)
    return profile.lower_next or profile.cut_long


def trailing_space_share(source: Source) -> float:
    """Share of text lines that end in white space, as PDF extraction leaves them."""
    return _profile(source.lines).trailing


# ------------------------------------------------------------ paragraphs


def continues(previous: RawBlock, following: RawBlock, page: int = 0) -> bool:
    """True when a blank run between two blocks falls inside a sentence (a page end).

    A block that ends without sentence punctuation, or a block that goes on in
    lower case, cannot begin a new paragraph. A line standing alone as a
    salutation, closing formula or dateline ends with a comma or nothing and
    still stands alone; so does a heading, unless the text goes on in lower case.
    A block whose last line ends early (see `ends_early`, measured on both blocks
    and on the `page`) ends its paragraph whatever follows: a page is never left
    part empty inside one.
    """
    alone = len(previous.lines) == 1
    if (alone and _letter_part(previous.text)) or rules.opens_postscript(following.first.content):
        return False
    if len(following.lines) == 1 and any(
            part(following.text) for part in (rules.is_closing, rules.is_dateline,
                                              rules.is_salutation, rules.is_signature)):
        return False  # `…in alter Treue` / `Dein`, `… 1890` / `Dear Walt:`, a name: a letter's part
    width = max(measure(previous.lines + following.lines), page)
    lower = sentence_ends.starts_lowercase(following.first.content)
    if ends_early(previous.last, following.first, width, first=alone,
                  factor=AGAINST if lower else 1):
        return False
    if sentence_ends.starts_lowercase(following.first.content):
        # A page ends inside a sentence; after a full stop (not `u. s. w.`), a paragraph
        # opens in lower case (`… autre variente.` / `au second, pour rappeler …`).
        return not sentence_ends.ends_full_sentence(previous.last.content)
    if sentence_ends.ends_sentence(previous.last.content):
        return False
    if following.first.number <= _FIRST_PAGE and not following.page_start:
        # No page has ended yet: a paragraph left without its stop (`… Wendung nehmen`).
        return False
    return not (alone and rules.is_heading(previous.text))


def _letter_part(text: str) -> bool:
    return (rules.is_salutation(text) or rules.is_closing(text) or rules.is_dateline(text)
            or opening.address_with_salutation(text))


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
               hyphens: HyphenPolicy | None = None, *, head_alone: bool = False,
               page: int = 0) -> list[Unit]:
    """Units of hard-wrapped blocks, a paragraph going on across a mid-sentence page end.

    `RawBlock.page_start` marks a block known to open a page (after a page-foot
    note block, or a form feed); a mid-sentence blank run is taken as one too, unless
    the text's page period is known and puts no page end there.
    """
    gathered: list[_Paragraph] = []
    # Asked once a pair: the part of a paragraph after its last page break is always the
    # block before (each block joins the paragraph or opens the next one).
    joins = {index: continues(blocks[index - 1], block, page)
             for index, block in enumerate(blocks) if index and block.gap_before}
    pages = _page_starts(blocks, joins)
    for index, block in enumerate(blocks):
        current = gathered[-1] if gathered else None
        # A block cut off without a blank run (a salutation line) stays apart.
        # A letter's first line standing alone (a title, an address) never runs on.
        first_alone = (head_alone and len(gathered) == 1 and current is not None
                       and len(current.lines) == 1)
        if (current is not None and block.gap_before and not first_alone
                and (joins[index]
                     and (not pages or block.first.number in pages
                          or word_broken(current.lines[-1]))
                     or block.first.number in pages and block.gap_before == 1
                     and _page_ends_on_sentence(blocks[index - 1], block, page))):
            current.breaks.append(block.first.number)
            if block.page_start:
                current.marked.add(block.first.number)
            current.lines.extend(block.lines)
            continue
        gathered.append(_Paragraph(list(block.lines), block.gap_before, block.page_start, [],
                                   set()))
    return [_unit(para, path, hyphens) for para in gathered]


_FIRST_PAGE = 25  # lines a letter's first printed page holds at the least, with its head


def _page_starts(blocks: Sequence[RawBlock], joins: dict[int, bool]) -> frozenset[int]:
    """Lines where a page of the text begins by its printed period (see `page_period`)."""
    certain = [block.first.number for index, block in enumerate(blocks)
               if block.gap_before == 1 and joins.get(index, False)]
    blanks = [block.first.number for block in blocks[1:] if block.gap_before]
    last = max((block.last.number for block in blocks), default=0)
    return page_period.page_starts(certain, blanks, last)


def _page_ends_on_sentence(previous: RawBlock, following: RawBlock, page: int) -> bool:
    """At a page's start, the page before ended on a full line that ends a sentence: the
    paragraph goes on, unless a part of the letter stands on either side."""
    if (len(previous.lines) < 2 or _letter_part(following.text)
            or rules.opens_postscript(following.first.content)
            or rules.is_closing(following.text) or rules.is_dateline(following.text)):
        return False
    width = max(measure(previous.lines + following.lines), page)
    return not ends_early(previous.last, following.first, width)


def letter_units(lines: Sequence[Line], page_starts: frozenset[int], path: str,
                 hyphens: HyphenPolicy | None) -> list[Unit]:
    """The units of a letter's running text in wrapped lines: blocks cut at lines that
    end early, the head and foot lines apart, paragraphs joined across page ends."""
    page = page_measure(lines)
    blocks = split_trailing_lines(split_leading_lines(split_blocks(lines, page_starts)))
    return paragraphs(split_short_lines(blocks, page), path, hyphens, head_alone=True,
                      page=page)


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
                or leading == 0 and opening.dateline_within(lines[0].content) is not None
                or (opening.head_line(lines[leading].content, leading == 0)
                    and not (leading and _runs_on(lines[leading], lines[leading + 1],
                                                  width))))):
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


# A line this near the measure is set full: a line of running text, not one of its own.
_FULL_LINE = 0.75


def _runs_on(line: Line, following: Line, width: int) -> bool:
    """A full line followed by one in lower case: a paragraph's sentence going on
    (`Herr Professor Snell war … erhalte ich so eben Bericht, daß` / `er sehr wünschte`),
    however much its first words look like an address (`Herr …`, `Mr. Bonfils …`). The
    text's first line is left to the opening's rules: a title line may be the longest."""
    return (len(line.content) >= _FULL_LINE * width
            and sentence_ends.starts_lowercase(following.content))


def split_trailing_lines(blocks: Sequence[RawBlock], after: int = 0) -> list[RawBlock]:
    """Closing formula and signature lines at the foot of the last signed block (`after`
    blocks from the end) are their own units: books print `Su afectísimo amigo y seguro
    servidor,` and the name under the last paragraph without a blank line. Only lines after
    a sentence end are cut off, and only when the last of them is a name."""
    postscript = next((i for i, block in enumerate(blocks)
                       if i and rules.opens_postscript(block.first.content)), None)
    if postscript is not None:  # the closing stands before the postscript
        return [*split_trailing_lines(blocks[:postscript]), *blocks[postscript:]]
    if not blocks:
        return []
    last = blocks[-1]
    lines = list(last.lines)
    if len(blocks) > 1 and not _signed(lines) and (len(lines) <= _LONGEST_TRAILING_NOTE
                                                   or after < _LONGEST_UNMARKED_POSTSCRIPT):
        return [*split_trailing_lines(blocks[:-1], after + 1), last]  # lines under the name
    if len(lines) < 2 or not _signed(lines):
        return list(blocks)
    cut = len(lines) - 1
    while cut > 0 and _closing_line(lines[cut - 1].content):
        cut -= 1
    # The lines above end in a formula handing over to the name (`… gegrüsst! Dein alter`).
    handed = cut > 0 and closing.ends_in_formula(" ".join(line.content for line in lines[:cut]))
    if cut == len(lines) - 1 and not (_closing_line(lines[cut - 1].content) or handed):
        return list(blocks)  # a name alone under a paragraph may end its last sentence
    if cut and not (sentence_ends.ends_sentence(lines[cut - 1].content) or handed):
        return list(blocks)
    head = [RawBlock(tuple(lines[:cut]), last.gap_before, last.page_start)] if cut else []
    tail = [RawBlock((line,), 0 if head or index else last.gap_before,
                     last.page_start and not head and not index)
            for index, line in enumerate(lines[cut:])]
    return [*blocks[:-1], *head, *tail]


_LONGEST_TRAILING_NOTE = 2
_LONGEST_UNMARKED_POSTSCRIPT = 3  # paragraphs


def _signed(lines: Sequence[Line]) -> bool:
    """The block's last line is a name (`Mariani` under `Veuillez, … empressées.`)."""
    before = lines[-2].content if len(lines) > 1 else ""
    return closing.signature_line(lines[-1].content, before)


# A few words standing as a line of their own above the name (`Auf Wiedersehen!`).
_SHORT_CLOSING_LINE = 4


def _closing_line(text: str) -> bool:
    # A full line may be the closing's sentences ending in the formula that hands over to
    # the name below (`… Grüsse an die Herren P. K. Stets Dein`), set without a blank line.
    return (rules.is_closing(text) or closing_dateline(text) or closing.hands_over(text)
            or closing.ends_in_formula(text)
            or (text.endswith(",") and rules.word_count(text) <= 10)
            or rules.word_count(text) <= _SHORT_CLOSING_LINE)


def blank_out(lines: Sequence[Line], numbers: set[int]) -> list[Line]:
    """The lines with some taken out of the running text (kept as blanks for the gaps)."""
    return [Line(line.number, "") if line.number in numbers else line for line in lines]


def rejoined_lines(source: Source) -> Normalisation:
    """The statement every wrapped-text reader makes: its line breaks were not kept."""
    return Normalisation("lines.rejoined", "Line breaks of the source were not kept: lines are "
                         "rejoined into paragraphs.", source.loc(1, 1))
