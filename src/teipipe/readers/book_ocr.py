"""Reader for the OCR of a printed book: a letter in wrapped lines, then its endnotes.

Shape: a date line and a salutation printed without a blank line before the
first paragraph, hard-wrapped paragraphs with blank runs where pages end (also
inside sentences), line-end hyphenation, a signature, then a `Notes` heading
and the book's endnotes numbered in sequence across the volume (`374 …`), a note
running over several paragraphs and pages. Markers are digits glued to the
word before (`word375`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..diagnostics import Reporter
from ..model import Document, Normalisation, PageBreak
from ..source import Source
from .base import finish
from .blocks import Line, source_lines, source_words, vocabulary_of
from .markers import MarkerStyle
from .notes import NOTES_HEADING
from .page_furniture import Furniture, page_furniture
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


def _numbered(units: list[Unit], furniture: Sequence[Furniture],
              lines: Sequence[Line]) -> list[Unit]:
    """The page breaks where page furniture was taken out carry the page's number, as
    marked (not inferred) page ends: a break stands at the first text line after it."""
    numbers: dict[int, str | None] = {}
    for item in furniture:
        following = next((ln for ln in lines if ln.number > item.line.number and ln.content),
                         None)
        if following is not None and numbers.get(following.number) is None:
            numbers[following.number] = item.number

    def numbered(brk: PageBreak) -> PageBreak:
        if brk.loc.line in numbers:
            return replace(brk, n=numbers[brk.loc.line], cert=None)
        return brk

    return [replace(unit, inlines=tuple(numbered(node) if isinstance(node, PageBreak) else node
                                        for node in unit.inlines),
                    page_break=numbered(unit.page_break) if unit.page_break else None)
            for unit in units]


def _furniture_removed(source: Source, item: Furniture) -> Normalisation:
    return Normalisation(
        "page-furniture.removed",
        "A page number or running head printed between the pages of the text was taken out; "
        "a page break stands in its place.",
        source.loc(item.line.number, item.line.indent + 1), item.line.content)


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
        hyphens = vocabulary_of(lines, source_words(source))
        furniture = page_furniture(lines[:cut])
        running = blank_out(lines[:cut], {item.line.number for item in furniture})
        units = _numbered(letter_units(running, source.page_starts, source.path, hyphens),
                          furniture, running)
        notes = notes_of(lines[notes_from:], source.path, _END, set(), hyphens)
        notes = mark_whole_text_notes(notes, units, _MARKERS, reporter)
        removed: tuple[Normalisation, ...] = (
            rejoined_lines(source), *(_furniture_removed(source, item) for item in furniture))
        if heading is not None:
            removed += (Normalisation(
                "heading.notes",
                "The heading printed over the notes was taken out: the notes division "
                "gets its own head when written.",
                source.loc(heading.number, heading.indent + 1), heading.content),)
        return finish(self.name, source, units, notes, removed, _MARKERS, reporter)


READER = BookOcrReader()
