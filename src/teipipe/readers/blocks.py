"""Lines to raw blocks: the layer every reader shares before it recognises structure.

A RawBlock is a run of non-blank source lines with the number of blank lines
before it (a wide gap often separates parts of a text). `inlines_of` joins a
block's lines into Text runs that keep each line's Location, turning line ends
into spaces and deciding what a line-end hyphen means.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..diagnostics import Location
from ..language.identify import SAMPLE
from ..language.letters import WordPattern
from ..model import Choice, Inline, Text
from ..source import Source


@dataclass(frozen=True)
class Line:
    """One source line. Its measures are worked out once, when it is made, and kept: the
    rules ask for them thousands of times a text (a line is immutable: they never go stale)."""

    number: int
    text: str
    """The line without its line end and without trailing white space."""
    content: str = field(init=False, repr=False, compare=False)
    """The text without white space at either end."""
    indent: int = field(init=False, repr=False, compare=False)
    """White-space characters before the content."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "content", self.text.strip())
        object.__setattr__(self, "indent", len(self.text) - len(self.text.lstrip()))

    @cached_property
    def single_spaced_length(self) -> int:
        """The content's length with its spaces single: a justified line's are stretched."""
        text = self.content
        return len(" ".join(text.split())) if "  " in text or "\t" in text else len(text)


@dataclass(frozen=True)
class RawBlock:
    lines: tuple[Line, ...]
    gap_before: int
    """Blank (or white-space-only) lines before this block; large at the start."""
    page_start: bool = False
    """A form feed began a new page at or just before this block."""

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def last(self) -> Line:
        return self.lines[-1]

    @property
    def text(self) -> str:
        """The block's text on one line (for recognising rules, not for output)."""
        return " ".join(line.content for line in self.lines)


def source_lines(source: Source) -> list[Line]:
    """The text's lines; the sniffers and the reader chosen share one set (and its measures)."""
    return list(_lines_of(source.lines))


@lru_cache(maxsize=2)
def _lines_of(raw: tuple[str, ...]) -> tuple[Line, ...]:
    return tuple(Line(n, text.rstrip()) for n, text in enumerate(raw, start=1))


def split_blocks(lines: Sequence[Line],
                 page_starts: frozenset[int] = frozenset()) -> list[RawBlock]:
    """Runs of non-blank lines; white-space-only lines count as blank."""
    blocks: list[RawBlock] = []
    current: list[Line] = []
    gap = 99
    page = False
    for line in lines:
        if line.content:
            page = page or line.number in page_starts
            current.append(line)
            continue
        if current:
            blocks.append(RawBlock(tuple(current), gap, page))
            current, gap, page = [], 0, False
        # Checked after the flush: a page that starts on a blank line belongs to
        # the block after it, not to the one it ends.
        page = page or line.number in page_starts
        gap += 1
    if current:
        blocks.append(RawBlock(tuple(current), gap, page))
    return blocks


# Words that follow a hyphen at a line end in inverted verbs and compounds of
# French and English: after them the hyphen is real and the word is not rejoined.
_CLITICS = frozenset((
    "ce", "ci", "là", "je", "tu", "il", "ils", "elle", "elles", "on", "nous", "vous", "moi",
    "toi", "lui", "leur", "leurs", "le", "la", "les", "y", "en", "t", "même", "mêmes", "être",
    "dire",
))
_WORD_AT_END = re.compile(r"([^\W\d_]+)-$")
_WORD_AT_START = re.compile(r"^([^\W\d_]+)")


@dataclass(frozen=True)
class HyphenPolicy:
    """Decides what a hyphen at a line end means, from the vocabulary of the text itself."""

    vocabulary: frozenset[str]
    """Lower-cased word forms that occur whole in the text."""
    hyphenated: frozenset[str] = frozenset()
    """Lower-cased hyphenated compounds that occur whole on one line of the text."""

    def rejoin(self, left: str, right: str) -> bool:
        """True when `left-` + `right` is one word broken by the typesetter."""
        if right.lower() in _CLITICS or right[:1].isupper():
            return False
        if f"{left}-{right}".lower() in self.hyphenated:
            return False
        return (left + right).lower() in self.vocabulary


_WORD = re.compile(r"[^\W\d_]+")
# Only from a word's first letter: without the look-behind a word that is no compound
# was tried again from each of its letters.
_COMPOUND = re.compile(r"(?<![^\W\d_])[^\W\d_]+(?:-[^\W\d_]+)+")


# `_WORD` with letters tested as code-point ranges where the text allows (the same runs).
_RUNS = WordPattern(_WORD.pattern)


def source_words(source: Source) -> tuple[str, ...]:
    """The runs of letters of the text (its lines joined by spaces), in order: the hyphen
    policy counts them, and the guess of the language those of a sample; a text is cut
    into them once."""
    return _words_of(source.lines)[1]


def sample_words(source: Source) -> tuple[str, ...]:
    """The runs of letters of the first `identify.SAMPLE` characters of the text, as
    `identify.guess(" ".join(source.lines))` counts them."""
    return _words_of(source.lines)[0]


@lru_cache(maxsize=2)
def _words_of(raw: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The runs of the sample, and of the whole text."""
    text = " ".join(raw)
    if len(text) <= SAMPLE:
        whole = tuple(_RUNS.of(text).findall(text))
        return whole, whole
    first, rest = text[:SAMPLE], text[SAMPLE:]
    head, tail = _RUNS.of(first).findall(first), _RUNS.of(rest).findall(rest)
    if _WORD.fullmatch(text[SAMPLE - 1: SAMPLE + 1]):  # the sample ends inside a run
        return tuple(head), (*head[:-1], head[-1] + tail[0], *tail[1:])
    return tuple(head), (*head, *tail)


def vocabulary_of(lines: Sequence[Line], words: Sequence[str] | None = None) -> HyphenPolicy:
    """The hyphen policy of `lines`; `words`: their runs of letters, where known already
    (`source_words` of the text the lines are all of)."""
    contents = [line.content for line in lines]
    if words is None:
        words = _WORD.findall("\n".join(contents))
    # A compound holds a hyphen and never runs past its line: only lines with a hyphen
    # are searched for them, which finds the same compounds at a fiftieth of the cost.
    hyphened = "\n".join(content for content in contents if "-" in content)
    # Each form lower-cased once (a set first), in C rather than a generator per word.
    return HyphenPolicy(frozenset(map(str.lower, set(words))),
                        frozenset(map(str.lower, _COMPOUND.findall(hyphened))))


def _loc(source_path: str, line: Line) -> Location:
    return Location(source_path, line.number, line.indent + 1)


def inlines_of(block_lines: Sequence[Line], path: str,
               hyphens: HyphenPolicy | None = None) -> tuple[Inline, ...]:
    """Join lines into inline runs: a space at each line end, or a decided hyphenation."""
    out: list[Inline] = []
    pending = ""  # text of the current line not yet emitted
    pending_loc: Location | None = None
    lines = [line for line in block_lines if line.content]
    for line in lines:
        text = line.content
        loc = _loc(path, line)
        if pending_loc is not None:
            # Only a line that ends in a hyphen is searched (`$` also matches before a
            # final newline): the pattern would otherwise be tried from every letter.
            left = _WORD_AT_END.search(pending) if pending.endswith(("-", "-\n")) else None
            right = _WORD_AT_START.match(text)
            if hyphens is not None and left and right and hyphens.rejoin(left[1], right[1]):
                out.append(Text(pending[: left.start()], pending_loc))
                out.append(Choice(
                    original=f"{left[1]}-{right[1]}", edited=left[1] + right[1],
                    kind="normalisation", rule="hyphen.rejoined",
                    loc=pending_loc.shifted(left.start()), break_inside=True))
                pending, pending_loc = text[right.end():], loc.shifted(right.end())
                continue
            if left is not None and right is not None:
                out.append(Text(pending, pending_loc))  # a real hyphen: no space
            else:
                out.append(Text(pending + " ", pending_loc))
        pending, pending_loc = text, loc
    if pending_loc is not None:
        out.append(Text(pending, pending_loc))
    return merge_text(out)


def merge_text(inlines: Sequence[Inline]) -> tuple[Inline, ...]:
    """Drop empty Text runs; keep runs separate so each keeps its own Location."""
    return tuple(node for node in inlines if not (isinstance(node, Text) and node.text == ""))
