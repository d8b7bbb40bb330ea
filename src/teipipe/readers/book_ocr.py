"""Reader for the OCR of a printed book: a letter in wrapped lines, then its endnotes.

Shape: a date line and a salutation printed without a blank line before the
first paragraph, hard-wrapped paragraphs with blank runs where pages end (also
inside sentences), line-end hyphenation, a signature, then a `Notes` heading
and the book's endnotes numbered in sequence across the volume (`374 …`), a note
running over several paragraphs and pages. Markers are digits glued to the
word before (`word375`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..diagnostics import Reporter
from ..model import Document, Normalisation, PageBreak
from ..source import Source
from . import rules
from .base import finish
from .blocks import Line, source_lines, vocabulary_of
from .markers import MarkerStyle
from .notes import NOTES_HEADING
from .units import Unit
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
    mark_whole_text_notes,
    notes_of,
    trailing_notes_start,
)

_MARKERS = MarkerStyle(bracketed=False)
# Endnotes printed under a `Notes` heading of a book are its editor's, not the
# letter writer's: the writer's own notes would stand at the foot of the letter.
_END = NoteSpec(place="end", default_type="editorial")


def notes_heading(lines: Sequence[Line]) -> Line | None:
    """The last `Notes` line whose next text line opens with a note number."""
    found: Line | None = None
    for index, line in enumerate(lines):
        if not NOTES_HEADING.match(line.content):
            continue
        following = next((f for f in lines[index + 1:] if f.content), None)
        if following is not None and group_notes([following]):
            found = line
    return found


# A page's number printed alone in its head or foot: `24`, `— 24 —`, `[24]`, `- 24 -`.
_PAGE_NUMBER = re.compile(r"^[\[(—–-]?\s*\d{1,3}\s*[\])—–-]?$")
# Words the line above a page number holds when it is a full line of running text.
_RUNNING_LINE_WORDS = 6


def page_numbers(lines: Sequence[Line]) -> list[Line]:
    """Lines that are a page's number, set apart by blank lines inside a sentence: the
    text above is a line of running text that does not end a sentence, or the text
    below goes on in lower case (a number standing among the lines of an envelope or
    a postmark, `MA` / `830` / `18`, is no page's)."""
    found: list[Line] = []
    for index in range(1, len(lines) - 1):
        line = lines[index]
        if (not _PAGE_NUMBER.match(line.content) or lines[index - 1].content
                or lines[index + 1].content):
            continue
        above = next((ln.content for ln in reversed(lines[:index]) if ln.content), "")
        below = next((ln.content for ln in lines[index + 1:] if ln.content), "")
        running = (rules.word_count(above) >= _RUNNING_LINE_WORDS
                   and not rules.ends_sentence(above))
        if above and below and (running or rules.starts_lowercase(below)):
            found.append(line)
    return found


def _numbered(units: list[Unit], folios: Sequence[Line], lines: Sequence[Line]) -> list[Unit]:
    """The page breaks where a page number was taken out carry that number, as marked
    (not inferred) page ends: the break stands at the first text line after the number."""
    numbers: dict[int, str] = {}
    for folio in folios:
        following = next((ln for ln in lines if ln.number > folio.number and ln.content), None)
        if following is not None:
            numbers[following.number] = _DIGITS.sub("", folio.content)

    def numbered(brk: PageBreak) -> PageBreak:
        if brk.loc.line in numbers:
            return replace(brk, n=numbers[brk.loc.line], cert=None)
        return brk

    return [replace(unit, inlines=tuple(numbered(node) if isinstance(node, PageBreak) else node
                                        for node in unit.inlines),
                    page_break=numbered(unit.page_break) if unit.page_break else None)
            for unit in units]


_DIGITS = re.compile(r"\D")


def _page_number_removed(source: Source, line: Line) -> Normalisation:
    return Normalisation(
        "page-number.removed",
        "A page's number printed between the lines of a sentence was taken out; a page "
        "break stands in its place.", source.loc(line.number, line.indent + 1), line.content)


def _notes_cut(lines: Sequence[Line], heading: Line | None) -> tuple[int, int]:
    """Where the running text ends and the notes begin: at the heading, or at the run of
    numbered notes that ends the text; (end, end) when the text has no notes."""
    if heading is not None:
        return heading.number - 1, heading.number
    start = trailing_notes_start(lines, _MARKERS)
    if start is None:
        return len(lines), len(lines)
    return start, start


class BookOcrReader:
    name = "book-ocr"
    description = "OCR of a printed book: wrapped lines, page ends, a `Notes` block of endnotes"

    def sniff(self, source: Source) -> float:
        heading = 0.2 if notes_heading(source_lines(source)) is not None else 0.0
        return wrap_score(source) * (0.5 + 0.3 * (1 - trailing_space_share(source)) + heading)

    def read(self, source: Source, reporter: Reporter) -> Document:
        lines = source_lines(source)
        heading = notes_heading(lines)
        cut, notes_from = _notes_cut(lines, heading)
        hyphens = vocabulary_of(lines)
        folios = page_numbers(lines[:cut])
        running = blank_out(lines[:cut], {line.number for line in folios})
        units = _numbered(letter_units(running, source.page_starts, source.path, hyphens),
                          folios, running)
        notes = notes_of(lines[notes_from:], source.path, _END, set(), hyphens)
        notes = mark_whole_text_notes(notes, units, _MARKERS, reporter)
        removed: tuple[Normalisation, ...] = (
            rejoined_lines(source), *(_page_number_removed(source, line) for line in folios))
        if heading is not None:
            removed += (Normalisation(
                "heading.notes",
                "The heading printed over the notes was taken out: the notes division "
                "gets its own head when written.",
                source.loc(heading.number, heading.indent + 1), heading.content),)
        return finish(self.name, source, units, notes, removed, _MARKERS, reporter)


READER = BookOcrReader()
