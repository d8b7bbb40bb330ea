"""Note runs of hard-wrapped texts: page-foot notes and endnotes, cut by their label sequence.

Notes are cut where the next label in sequence opens a line, so that a number in
a note's text is never taken for the start of the next note.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..diagnostics import Reporter
from ..model import Note, NotePlace, NoteType, Paragraph, inline_text
from . import notes as notes_mod
from . import topdate
from .blocks import HyphenPolicy, Line, split_blocks
from .markers import MarkerStyle, first_places
from .units import Unit, strip_label
from .wrapped import paragraphs

# A note's label at the start of its first line: `374 `, `12Text`, `185. `, `3) `, `5-"o"`;
# never an ordinal that opens a paragraph (`2dly,`, `4thly`, `1st`, `2e`, `3º`, `2ten`).
_ORDINAL_SUFFIX = (r"(?:st|nd|rd|th|d|dly|ndly|rdly|thly|stly|er|re|ère|e|ème|eme"
                   r"|te|ten|ter|o|a|º|ª)\b")
_LABEL_START = re.compile(r"^(?P<label>\d{1,4})(?!" + _ORDINAL_SUFFIX
                          + r")(?:[.)]\s*|\s+|(?=[^\d\s]))")


@dataclass(frozen=True)
class NoteSpec:
    """How the notes of a text are placed and who wrote them by default."""

    place: NotePlace
    default_type: NoteType


_LEADING_DIGITS = re.compile(r"^\d{1,4}")
# The digits a line opens with, set off from the words of its note (`223. Der …`): then
# they are the label. Before a number (`14. 1919 …`, `78. 1893 und …`, `23.: Mariä`)
# the label may be the first digits alone, glued to the number its note opens with.
_BEFORE_WORDS = re.compile(r"^\d{1,4}(?!\d)(?:[.)]\s*|\s+)?[^\W\d_]")


def _leading(line: Line) -> tuple[str, bool] | None:
    """The digits a line opens with, when they can be a note's label, and whether a
    shorter label may be glued to what follows (no words follow the digits)."""
    if not line.content or _LABEL_START.match(line.content) is None:
        return None
    digits = _LEADING_DIGITS.match(line.content)
    if digits is None:
        return None
    return digits.group(), not _BEFORE_WORDS.match(line.content)


def _label_at(leading: tuple[str, bool], expected: int,
              later: Sequence[tuple[str, bool] | None]) -> str | None:
    """The expected label where a line opening with these digits starts its note.

    A note that itself opens with a number (`7` + `8. 1893 und …`) prints its label
    glued to that number; the line is taken for the note only when no later line
    opens with the label alone (then this line is an earlier note's continuation).
    """
    digits, may_shorten = leading
    label = str(expected)
    if digits == label:
        return label
    if may_shorten and digits.startswith(label) and not any(
            d is not None and d[0] == label for d in later):
        return label
    return None


def _first_label(leading: tuple[str, bool], later: Sequence[tuple[str, bool] | None]) -> str:
    """The label of the first note, which may have any number: the whole run of digits,
    unless no words follow it and only a shorter label is followed by the next label in
    sequence (`14. 1919` is note 1 on the 4th when a later line opens with 2)."""
    digits, may_shorten = leading

    def followed(label: str) -> bool:
        after = str(int(label) + 1)
        return any(d is not None and d[0].startswith(after) for d in later)

    if not may_shorten or followed(digits):
        return digits
    shorter = [digits[:n] for n in range(1, len(digits))]
    return next((label for label in shorter if followed(label)), digits)


def labelled_groups(lines: Sequence[Line]) -> list[tuple[str, list[Line]]]:
    """The lines of a note run cut where the next label in sequence opens a line, each
    group with its label.

    Lines before the first label are dropped by the caller's choice of run;
    blank lines stay with the note they follow, so paragraphs can be found.
    """
    leading = [_leading(line) for line in lines]
    groups: list[tuple[str, list[Line]]] = []
    expected: int | None = None
    for index, line in enumerate(lines):
        opening = leading[index]
        label: str | None = None
        if opening is not None:
            later = leading[index + 1:]
            label = (_first_label(opening, later) if expected is None
                     else _label_at(opening, expected, later))
        if label is not None:
            groups.append((label, [line]))
            expected = int(label) + 1
        elif groups:
            groups[-1][1].append(line)
    return groups


def group_notes(lines: Sequence[Line]) -> list[list[Line]]:
    """The lines of each note of a run (see `labelled_groups`)."""
    return [group for _, group in labelled_groups(lines)]


_SEPARATOR = re.compile(r"(?:[.)]\s*|\s+)?")


def _label_match(text: str, label: str) -> re.Match[str]:
    """The printed label at the start of a note's first line (labelled_groups opened the
    group on it), with what sets it off."""
    assert text.startswith(label)
    match = _SEPARATOR.match(text, len(label))
    assert match is not None  # the separator may be empty
    return match


def notes_of(lines: Sequence[Line], path: str, spec: NoteSpec, taken: set[str],
             hyphens: HyphenPolicy | None = None) -> list[Note]:
    """Notes of a run of note lines, each with its paragraphs (page breaks kept inside)."""
    found: list[Note] = []
    for label, group in labelled_groups(lines):
        units = paragraphs(split_blocks(group), path, hyphens)
        first = units[0]
        match = _label_match(first.text.lstrip(), label)
        blocks = (Paragraph(strip_label(first, match), first.loc),
                  *(Paragraph(u.inlines, u.loc) for u in units[1:]))
        resp = notes_mod.responsibility(blocks)
        found.append(Note(
            id=notes_mod.note_id(label, taken), label=label, blocks=blocks, loc=first.loc,
            place=spec.place, type=note_type(resp, spec.default_type), resp=resp))
    return found


_TRANSLATOR = re.compile(r"transl|N\.\s?d\.\s?T", re.IGNORECASE)


def note_type(resp: str | None, default: NoteType) -> NoteType:
    """A note signed by somebody else than the author is the translator's or an editor's."""
    if resp is None:
        return default
    return "translator" if _TRANSLATOR.search(resp) else "editorial"


def trailing_notes_start(lines: Sequence[Line], style: MarkerStyle) -> int | None:
    """Index of the first line of an endnote run that ends the text without a heading.

    The run opens on a line that starts with a label; the labels follow in
    sequence to the end, and the first one stands as a marker in the text before.
    The earliest such start is taken, so that every note of the run is kept.
    """
    starts = [i for i, line in enumerate(lines)
              if _LABEL_START.match(line.content) and (i == 0 or not lines[i - 1].content
                                                       or _LABEL_START.match(lines[i - 1].content))]
    for start in starts:
        if _heads_the_letter(lines, start):
            continue  # `20-4-44`, `8 VII 93`: a dateline at the head, not note 20 or 8
        if _goes_on_a_numbered_run(lines, start):
            continue
        run = [line for line in lines[start:] if line.content]
        labelled = labelled_groups(run)
        groups = [group for _, group in labelled]
        if not groups or groups[0][0] is not run[0]:
            continue
        before = "\n".join(line.content for line in lines[:start])
        label = labelled[0][0]
        # Set off or glued, also where OCR lost the space after it (`Servant,120the`).
        cited = (style.pattern(label).search(before)
                 or re.search(rf"[^\W\d_] {re.escape(label)}(?![\d\w])", before)
                 or label in first_places(before, {label}))
        if cited and _all_continuations_short(groups):
            return start
    return None


# A line that is a date in figures alone: day, month and year (`4/8/44`, `19. 7. 912.`).
_DATE_IN_FIGURES = re.compile(r"^\d{1,2}\s?([./-])\s?\d{1,2}\s?\1\s?\d{2,4}\.?$")
_LETTER_HEAD_WORDS = 40  # words above a line: no more than a title and a letter's head


def _heads_the_letter(lines: Sequence[Line], start: int) -> bool:
    """A line opening with digits that is the letter's dateline, not its first endnote:
    a date in figures alone, or a dateline (`8 VII 93`, `431 Stevens Street Camden …
    Oct 1 '78—`) with no more than a title above it, where no endnote stands yet."""
    text = lines[start].content.strip()
    if _DATE_IN_FIGURES.match(text):
        return True
    above = sum(len(line.content.split()) for line in lines[:start])
    return above < _LETTER_HEAD_WORDS and topdate.top_dateline(text.rstrip("—–-"))


def _goes_on_a_numbered_run(lines: Sequence[Line], start: int) -> bool:
    """The paragraph before opens with the label before this one (`1. Einmalige
    Abfindungssumme …` over `2. Ein gebundenes Freiexemplar …`): the writer's numbered
    paragraphs go on, however the next label happens to stand in the text as a figure."""
    label = _LABEL_START.match(lines[start].content)
    previous = start - 1
    while previous >= 0 and not lines[previous].content:
        previous -= 1
    while previous > 0 and lines[previous - 1].content:
        previous -= 1  # the first line of the paragraph before
    before = _NUMBERED.match(lines[previous].content) if previous >= 0 else None
    return (label is not None and before is not None
            and int(before["label"]) + 1 == int(label["label"]))


# A writer's numbered paragraph: a number of one or two figures with a point or bracket.
_NUMBERED = re.compile(r"^(?P<label>\d{1,2})[.)]\s+\S")


def _all_continuations_short(groups: Sequence[Sequence[Line]]) -> bool:
    """A note's own lines; a long run after the last note would be the letter going on."""
    return all(sum(1 for line in group if line.content) <= _LONGEST_NOTE_LINES for group in groups)


_LONGEST_NOTE_LINES = 40


def _body_text(units: Sequence[Unit]) -> str:
    return "\n".join(inline_text(u.inlines) for u in units)


def mark_whole_text_notes(notes: Sequence[Note], units: Sequence[Unit], style: MarkerStyle,
                          reporter: Reporter) -> list[Note]:
    """Leading notes that no marker cites before the next note's marker comment the whole text.

    Editions put such a note (sources, context of the letter) first and print no
    marker for it; it is kept with `cited=False` instead of being reported as lost.
    """
    if len(notes) < 2:
        return list(notes)  # no note has a next note's marker to come before
    text = _body_text(units)
    places = first_places(text, {note.label for note in notes})
    out = list(notes)
    for index, (note, following) in enumerate(zip(notes, notes[1:], strict=False)):
        next_marker = places.get(following.label)
        own = places.get(note.label)
        limit = next_marker if next_marker is not None else len(text)
        if own is not None and own < limit:
            break
        out[index] = replace(note, cited=False)
        reporter.info("notes.whole-text", note.loc,
                      f"note {note.label} has no marker before the marker of note "
                      f"{following.label}: taken as a note on the whole text, not anchored")
    return out
