"""Reader for text extracted from a PDF: hard-wrapped pages with their notes at each page foot.

Shape: lines of a printed width (extraction leaves trailing spaces), paragraphs
separated by blank lines, a blank run inside a sentence where a page ends, and
on a page with notes a rule (a line made only of spaces) followed by the notes
`1 Text of the note…`, each opening with its number. The notes end the page, so
the text after them starts a new page. Markers are digits glued to the word
before (`word1`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..diagnostics import Reporter
from ..model import Document
from ..source import Source
from .base import finish
from .blocks import Line, source_lines, source_words, vocabulary_of
from .markers import MarkerStyle
from .wrapped import (
    blank_out,
    letter_units,
    rejoined_lines,
    trailing_space_share,
    wrap_score,
)
from .wrapped_notes import (
    NoteSpec,
    group_notes,
    notes_of,
    trailing_notes_start,
)

# A printed rule above the page-foot notes comes out as a long run of spaces.
_RULE_WIDTH = 10
_FOOT = NoteSpec(place="foot", default_type="authorial")
_END = NoteSpec(place="end", default_type="authorial")
_MARKERS = MarkerStyle(bracketed=False)


@dataclass(frozen=True)
class FootBlock:
    """The notes at one page foot: the rule line and the note lines under it."""

    rule: int
    lines: tuple[int, ...]


# Or it is printed with characters: underscores, dashes, box-drawing lines.
_DRAWN_RULE = re.compile(r"^\s*[_\-‐‑‒–—―─━]{5,}\s*$")


def _is_rule(raw: str) -> bool:
    return (len(raw) >= _RULE_WIDTH and not raw.strip()) or bool(_DRAWN_RULE.match(raw))


@lru_cache(maxsize=2)  # the sniffer and the reader both look for the rules of a text
def _rule_indices(raw: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(index for index, line in enumerate(raw) if _is_rule(line))


def foot_blocks(source: Source, lines: Sequence[Line]) -> list[FootBlock]:
    """Each rule followed by a run of lines whose first opens with a note number.

    After the first page with notes, a run that opens without a number is the
    end of the last note, carried over from the page before.
    """
    found: list[FootBlock] = []
    for index in _rule_indices(source.lines):
        start = index + 1
        while start < len(lines) and not lines[start].content:
            start += 1
        end = start
        while end < len(lines) and lines[end].content:
            end += 1
        run = lines[start:end]
        if run and (found or group_notes(run[:1])):
            found.append(FootBlock(index + 1, tuple(line.number for line in run)))
    return found


def rule_count(source: Source) -> int:
    return len(_rule_indices(source.lines))


class PdfTextReader:
    name = "pdf-text"
    description = "text extracted from a PDF: wrapped lines, page-foot notes under a rule"

    def sniff(self, source: Source) -> float:
        rules_seen = 0.2 if rule_count(source) else 0.0
        trailing = trailing_space_share(source)
        # Trailing spaces and notes under a rule are PDF extraction's even where a short
        # letter has no line long enough to wrap.
        noted = bool(rules_seen) and bool(foot_blocks(source, source_lines(source)))
        unwrapped = 0.5 * trailing if noted else 0.0
        return max(wrap_score(source) * (0.5 + 0.3 * trailing + rules_seen), unwrapped)

    def read(self, source: Source, reporter: Reporter) -> Document:
        lines = source_lines(source)
        feet = foot_blocks(source, lines)
        taken_out = {block.rule for block in feet} | {n for b in feet for n in b.lines}
        # The last note line of a page foot is blank in the running text, so the
        # page start it stands for falls on the gap before the next page's text.
        page_starts = frozenset({block.lines[-1] for block in feet} | source.page_starts)
        hyphens = vocabulary_of(lines, source_words(source))
        units = letter_units(blank_out(lines, taken_out), page_starts, source.path, hyphens)
        note_lines = [lines[n - 1] for block in feet for n in block.lines]
        notes = notes_of(note_lines, source.path, _FOOT, set(), hyphens)
        if not feet:  # no page-foot notes: the notes may stand together at the end
            start = trailing_notes_start(lines, _MARKERS)
            if start is not None:
                units = letter_units(lines[:start], page_starts, source.path, hyphens)
                notes = notes_of(lines[start:], source.path, _END, set(), hyphens)
        return finish(self.name, source, units, notes, (rejoined_lines(source),),
                      _MARKERS, reporter)


READER = PdfTextReader()
