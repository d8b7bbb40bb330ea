"""Reader for text saved from web archives: one paragraph a line, bracketed note markers.

Shape: header lines (author and year, title, `Source:` / `Translated:` /
licence lines), then the work (date line, salutation, paragraphs, numbered
lists, headings, quotations), then endnotes `1. …` or `[1] …` after a gap, and
site boilerplate (a comment prompt) that is not part of the work.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..diagnostics import Reporter
from ..model import Document, Normalisation, Note, Paragraph
from ..source import Source
from . import notes as notes_mod
from .base import finish
from .blocks import Line, inlines_of, source_lines
from .notes import MarkerStyle
from .structure import Unit, strip_label
from .wrapped import continued_share, trailing_space_share

# Prompts and widgets that web pages put after a work.
# A bracketed note number right after a word: `text [3]`, `text[3]`.
_MARKER_AFTER_WORD = re.compile(r"\S\s?\[\d{1,3}\]")
_BOILERPLATE = re.compile(
    r"^(?:Leave a (?:Reply|Comment)|Post a Comment|Add a comment|Comments?|Share this:?|"
    r"Like this:?|Related|Comments are closed\.?|You must be logged in to post a comment\.?|"
    r"Click to share.*|Print this page|Back to (?:top|index).*|Top of the page|"
    r"Last updated on .*|\d+ Comments?|No comments yet\.?)$",
    re.IGNORECASE,
)


def _units(lines: Sequence[Line], source: Source) -> list[Unit]:
    units: list[Unit] = []
    gap = 99
    for line in lines:
        if not line.content:
            gap += 1
            continue
        units.append(Unit(inlines_of([line], source.path), source.loc(line.number, line.indent + 1),
                          gap))
        gap = 0
    return units


def _strip_boilerplate(units: list[Unit]) -> tuple[list[Unit], list[Normalisation]]:
    removed: list[Normalisation] = []
    while units and _BOILERPLATE.match(units[-1].text):
        unit = units.pop()
        removed.insert(0, Normalisation(
            "boilerplate.removed",
            "Text of the web page that is not part of the work (a comment prompt) was removed.",
            unit.loc, unit.text))
    return units, removed


def _cited_labels(units: Sequence[Unit]) -> set[str]:
    labels: set[str] = set()
    for unit in units:
        labels.update(re.findall(r"\[(\d{1,4})\]", unit.text))
    return labels


def _note_match(unit: Unit, in_run: bool, cited_before: set[str]) -> re.Match[str] | None:
    """The label of a note paragraph, if this unit is one."""
    bracket = notes_mod.NOTE_BRACKET.match(unit.text)
    if bracket is not None:
        return bracket
    dotted = notes_mod.NOTE_DOTTED.match(unit.text)
    if dotted is None or not (in_run or unit.gap_before >= 2):
        return None
    label = dotted["label"]
    if label.endswith("*") or label in cited_before:
        return dotted
    return None


def extract_notes(units: list[Unit], reporter: Reporter) -> tuple[list[Unit], list[Note]]:
    """Take note paragraphs out of the running text, wherever a notes block stands."""
    kept: list[Unit] = []
    found: list[Note] = []
    taken: set[str] = set()
    in_run = False
    cited_before: set[str] = set()  # labels of markers in the units read so far
    for unit in units:
        match = _note_match(unit, in_run, cited_before)
        cited_before |= _cited_labels((unit,))
        if match is None:
            in_run = False
            kept.append(unit)
            continue
        in_run = True
        label = match["label"]
        paragraph = Paragraph(strip_label(unit, match), unit.loc)
        resp = notes_mod.responsibility([paragraph])
        found.append(Note(
            id=notes_mod.note_id(label, taken), label=label, blocks=(paragraph,), loc=unit.loc,
            place="end", type="editorial" if resp else "authorial", resp=resp,
            cited=not label.endswith("*"),
        ))
    for note in found:
        if not note.cited:
            reporter.info("notes.unanchored", note.loc,
                          f"note {note.label} is marked as citing no place in the text; "
                          "placed at the start of the text")
    return kept, found


class WebArchiveReader:
    name = "web-archive"
    description = "web page text: a paragraph per line, [n] markers, endnotes, site boilerplate"

    def sniff(self, source: Source) -> float:
        lines = [line for line in source.lines if line.strip()]
        if not lines:
            return 0.0
        long_lines = sum(len(line) > 250 for line in lines)
        brackets = sum(bool(_MARKER_AFTER_WORD.search(line)) for line in lines)
        # A paragraph a line: long lines, or lines that stand alone between blank lines.
        alone = 1.0 - continued_share(source)
        score = max(min(1.0, 4 * long_lines / len(lines)), alone) * 0.8
        # Trailing spaces on most lines are what PDF extraction leaves, not a web page.
        return (score + (0.2 if brackets else 0.0)) * (1.0 - trailing_space_share(source))

    def read(self, source: Source, reporter: Reporter) -> Document:
        units, removed = _strip_boilerplate(_units(source_lines(source), source))
        units, notes = extract_notes(units, reporter)
        return finish(self.name, source, units, notes, removed, MarkerStyle(bracketed=True),
                      reporter)


READER = WebArchiveReader()
