"""Where a hard-wrapped line ends early: the printed measure of lines and blocks.

A typesetter fills each line of a paragraph to the measure and breaks it early
only where the paragraph (or a line set on its own: a title, a salutation, a
dateline, a signature) ends. So a line after which the next line's first word
would have fitted ends a unit, with or without a blank line after it; a page,
by contrast, ends on a filled line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import sentence_ends
from .blocks import Line, RawBlock

# A word broken at the line's end (`Fahr-`), not a dash typed with hyphens (`--`, ` -`).
_WORD_BROKEN = re.compile(r"[^\W\d_]-$")
# Characters a line may fall short of the measure and still be filled.
_EARLY_MARGIN = 3
# How many times the margin where other evidence speaks against an end (the next
# line goes on in lower case).
AGAINST = 3
# A block whose longest line is shorter than this share of the page's measure is
# lines set on their own (closing formula, dateline, signature; an address).
_SHORT_BLOCK = 0.6


def measure(lines: Sequence[Line]) -> int:
    """The width the lines were set at: their longest, in characters.

    Measured where it is used, on the block at hand and its neighbour, not on the
    whole text: an indented list, a quotation or a closing is set narrower.
    """
    return max((_length(line) for line in lines), default=0)


def page_measure(lines: Sequence[Line]) -> int:
    """The width the running text was set at: the long end (nine in ten shorter) of the
    lines that run on into the next one, so that a few stretched lines do not widen it."""
    filled = sorted(_length(line) for line, after in zip(lines, lines[1:], strict=False)
                    if line.content and after.content)
    return filled[(len(filled) - 1) * 9 // 10] if filled else 0


def _length(line: Line) -> int:
    """A line's length with its spaces single: a justified line's are stretched."""
    return line.single_spaced_length


def word_broken(line: Line) -> bool:
    """The line ends in a word broken by a hyphen (`Fahr-`), which the next line goes on."""
    return _ends_broken(line.content)


def _ends_broken(text: str) -> bool:
    # The pattern's two characters end the text (a stripped line has no final newline for
    # `$` to stand before), so the search starts there instead of at every character.
    return _WORD_BROKEN.search(text, max(0, len(text) - 2)) is not None


def ends_early(line: Line, following: Line, width: int, first: bool = False,
               factor: int = 1) -> bool:
    """True when the next line's first word would have fitted on this line.

    A typesetter breaks a line early only where a paragraph (or a line of its own:
    a title, a salutation, a dateline) ends; a page ends on a filled line. The
    margin allows for the uneven widths of a proportional font and a ragged
    margin; twice that for the first line of a paragraph, which may have been
    indented (OCR and extraction drop the indent); `factor` times more where
    other evidence speaks against an end.
    """
    if not following.content or _ends_broken(line.content):
        return False
    word = following.content.split(maxsplit=1)[0]
    margin = max(_EARLY_MARGIN, width // 12) * max(2 if first else 1, factor)
    return _length(line) + 1 + len(word) + margin <= width


def split_short_lines(blocks: Sequence[RawBlock], page: int) -> list[RawBlock]:
    """Each block cut after every line that ends early: a paragraph, title or address
    line ends there even where no blank line follows (books print the date, the
    salutation and the first paragraph, or the closing lines, without one).

    A block is measured by its own longest line, since a quotation or a list may be
    set narrower than the page; a block of lines all far short of the `page`
    measure (closing formula, dateline, signature; an address) is lines of their own.
    """
    out: list[RawBlock] = []
    for block in blocks:
        start = 0
        lines = block.lines
        width = measure(lines)
        own_lines = width < _SHORT_BLOCK * page
        for index in range(len(lines) - 1):
            # A line going on in lower case rarely opens a paragraph: only a line
            # far short of the measure (a salutation) ends before one.
            line, following = lines[index], lines[index + 1]
            lower = sentence_ends.starts_lowercase(following.content)
            # A sentence that ends early against the page, the next opening in capitals:
            # the lines of a closing set one under the other (`…en sa saincte garde.` /
            # `Escript au camp…` / `Françoys.`), however long the longest of them is.
            if (own_lines and not _ends_broken(line.content)) or ends_early(
                    line, following, width, first=index == start,
                    factor=AGAINST if lower else 1) or (
                    not lower and ends_early(line, following, page, first=index == start)
                    and sentence_ends.ends_sentence(line.content)):
                out.append(_piece(block, start, index + 1))
                start = index + 1
        out.append(_piece(block, start, len(lines)) if start else block)
    return out


def _piece(block: RawBlock, start: int, end: int) -> RawBlock:
    """Lines `start:end` of a block; only its first piece has the gap and page start."""
    return RawBlock(block.lines[start:end], block.gap_before if not start else 0,
                    block.page_start and not start)
