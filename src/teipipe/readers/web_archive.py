"""Reader for text saved from web archives: one paragraph a line, bracketed note markers.

Shape: header lines (author and year, title, `Source:` / `Translated:` /
licence lines), then the work (date line, salutation, paragraphs, numbered
lists, headings, quotations), then endnotes `1. …` or `[1] …` after a gap, and
site boilerplate (a comment prompt) that is not part of the work.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..diagnostics import Reporter
from ..model import Document, Normalisation, Note, Paragraph
from ..source import Source
from . import notes as notes_mod
from .base import finish
from .blocks import Line, inlines_of, source_lines
from .markers import MarkerStyle, marker_labels
from .units import Unit, strip_label
from .wrapped import continued_share, runs_on_into_next_line, trailing_space_share

# Prompts and widgets that web pages put after a work.
# A bracketed note number right after a word: `text [3]`, `text[3]`.
# Written from the bracket (the character or two before it looked behind at) so that a
# search skips to each `[` instead of trying every character: `\S\s?\[\d{1,3}\]`.
_MARKER_AFTER_WORD = re.compile(r"\[(?:(?<=\S\[)|(?<=\S\s\[))\d{1,3}\]")
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


@dataclass(frozen=True)
class _Forms:
    """How the markers and the note labels of one web page look.

    Most pages bracket their markers (`word[3]`); a page that prints none, as a
    copied PDF or OCR does, glues digits to the word (`word3`) and may label its
    notes with bare digits (`3 Text`, `3Text`) under a rule.
    """

    bracketed: bool

    def cited(self, units: Sequence[Unit]) -> set[str]:
        """The labels of the markers in these units."""
        labels: set[str] = set()
        for unit in units:
            if self.bracketed:
                labels.update(re.findall(r"\[(\d{1,4})\]", unit.text))
            else:
                labels |= marker_labels(unit.text)
        return labels

    def labelled(self, unit: Unit) -> re.Match[str] | None:
        """The printed label of a unit that opens like a note: `[3]`, `3.`, `3)`, `(3)`."""
        text = unit.text
        return (notes_mod.NOTE_BRACKET.match(text) or notes_mod.NOTE_DOTTED.match(text)
                or notes_mod.NOTE_PAREN.match(text)
                or (None if self.bracketed else notes_mod.NOTE_BARE.match(text)))


def _forms(units: Sequence[Unit]) -> _Forms:
    return _Forms(bracketed=any(_MARKER_AFTER_WORD.search(unit.text) for unit in units))


def _trailing_run(units: Sequence[Unit], forms: _Forms) -> int:
    """Where the run of labelled units that ends the text starts (len(units) if none).

    Endnotes stand last, their labels rising; a list of the letter is followed by
    more of its text, or its numbers start again before the notes' own `1.`.
    """
    start = len(units)
    after: int | None = None  # the label of the unit after, read backwards
    while start:
        match = forms.labelled(units[start - 1])
        if match is None:
            break
        number = int(match["label"].rstrip("*"))
        if after is not None and number >= after:
            break
        after = number
        start -= 1
    return start


def _note_match(unit: Unit, in_run: bool, at_end: bool, cited_before: set[str],
                forms: _Forms) -> re.Match[str] | None:
    """The label of a note paragraph, if this unit is one."""
    bracket = notes_mod.NOTE_BRACKET.match(unit.text)
    if bracket is not None:
        return bracket
    labelled = forms.labelled(unit)
    if labelled is None or not (in_run or at_end or unit.gap_before >= 2):
        return None
    label = labelled["label"]
    if label.endswith("*") or label in cited_before:
        return labelled
    return None


def _notes_heading(units: Sequence[Unit], forms: _Forms) -> int | None:
    """Index of a `Notes` heading after which the text holds only notes.

    What follows it opens with a labelled note, or is short enough to be notes
    without labels (a section called `Notes` has more to say).
    """
    for index in range(len(units) - 2, -1, -1):
        if notes_mod.NOTES_HEADING.match(units[index].text):
            after = units[index + 1:]
            if forms.labelled(after[0]) is not None or len(after) <= _UNLABELLED_NOTES:
                return index
            return None
    return None


_UNLABELLED_NOTES = 3


def _note_of(unit: Unit, match: re.Match[str] | None, taken: set[str]) -> Note:
    label = match["label"] if match is not None else ""
    inlines = strip_label(unit, match) if match is not None else unit.inlines
    paragraph = Paragraph(inlines, unit.loc)
    resp = notes_mod.responsibility([paragraph])
    return Note(
        id=notes_mod.note_id(label, taken), label=label, blocks=(paragraph,), loc=unit.loc,
        place="end", type="editorial" if resp else "authorial", resp=resp,
        cited=bool(label) and not label.endswith("*"))


def _headed_notes(units: list[Unit], heading: int, taken: set[str], forms: _Forms,
                  ) -> tuple[list[Note], Normalisation]:
    """Notes under a `Notes` heading: labelled ones, their further paragraphs, unlabelled ones.

    A paragraph without a label before any labelled note is a note on the whole
    text; after a labelled note it is that note's next paragraph.
    """
    found: list[Note] = []
    cited = forms.cited(units[:heading])
    for unit in units[heading + 1:]:
        match = forms.labelled(unit)
        if match is not None and (match["label"] in cited or not cited
                                  or notes_mod.NOTE_BRACKET.match(unit.text)):
            found.append(_note_of(unit, match, taken))
        elif found and found[-1].label:
            last = found[-1]
            found[-1] = replace(last, blocks=(*last.blocks, Paragraph(unit.inlines, unit.loc)))
        else:
            found.append(_note_of(unit, None, taken))
    head = units[heading]
    removed = Normalisation(
        "heading.notes",
        "The heading printed over the notes was taken out: the notes division "
        "gets its own head when written.", head.loc, head.text)
    return found, removed


def extract_notes(units: list[Unit], forms: _Forms, reporter: Reporter,
                  ) -> tuple[list[Unit], list[Note], list[Normalisation]]:
    """Take note paragraphs out of the running text, wherever a notes block stands."""
    taken: set[str] = set()
    heading = _notes_heading(units, forms)
    headed: list[Note] = []
    removed: list[Normalisation] = []
    if heading is not None:
        headed, heading_removed = _headed_notes(units, heading, taken, forms)
        removed.append(heading_removed)
        units = units[:heading]
    kept: list[Unit] = []
    found: list[Note] = []
    in_run = False
    cited_before: set[str] = set()  # labels of markers in the units read so far
    trailing = _trailing_run(units, forms)
    for index, unit in enumerate(units):
        match = _note_match(unit, in_run, index >= trailing, cited_before, forms)
        cited_before |= forms.cited((unit,))
        if match is None:
            in_run = False
            kept.append(unit)
            continue
        in_run = True
        found.append(_note_of(unit, match, taken))
    found.extend(headed)
    for note in found:
        if not note.cited:
            where = ("kept as a note on the whole text" if not note.label
                     else "placed at the start of the text")
            reporter.info("notes.unanchored", note.loc,
                          f"note {note.label or '(without label)'} is marked as citing no place "
                          f"in the text; {where}")
    return kept, found, removed


class WebArchiveReader:
    name = "web-archive"
    description = "web page text: a paragraph per line, [n] markers, endnotes, site boilerplate"

    def sniff(self, source: Source) -> float:
        lines = [line for line in source.lines if line.strip()]
        if not lines:
            return 0.0
        long_lines = sum(len(line) > 250 for line in lines)
        # One search for all lines: a blank line between any two keeps a match within
        # one line (the pattern allows one white-space character between its parts).
        brackets = _MARKER_AFTER_WORD.search("\n\n".join(lines)) is not None
        # A paragraph a line: long lines, or lines that stand alone between blank lines.
        alone = 1.0 - continued_share(source)
        score = max(min(1.0, 4 * long_lines / len(lines)), alone) * 0.8
        # Trailing spaces on most lines are what PDF extraction leaves, not a web page;
        # a line going on into the next (in lower case, or a long one cut inside a
        # sentence) is a wrapped one, since a web page sets a paragraph on one line.
        wrapped = 0.25 if runs_on_into_next_line(source) else 1.0
        return (score + (0.2 if brackets else 0.0)) * (1.0 - trailing_space_share(source)) * wrapped

    def read(self, source: Source, reporter: Reporter) -> Document:
        units, removed = _strip_boilerplate(_units(source_lines(source), source))
        forms = _forms(units)
        units, notes, heading = extract_notes(units, forms, reporter)
        return finish(self.name, source, units, notes, [*removed, *heading],
                      MarkerStyle(bracketed=forms.bracketed), reporter)


READER = WebArchiveReader()
