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
from .blocks import HyphenPolicy, Line, split_blocks
from .markers import MarkerStyle, first_place
from .units import Unit, strip_label
from .wrapped import paragraphs

# A note's label at the start of its first line: `374 `, `12Text`, `185. `, `3) `, `5-"o"`.
_LABEL_START = re.compile(r"^(?P<label>\d{1,4})(?:[.)]\s*|\s+|(?=[^\d\s]))")


@dataclass(frozen=True)
class NoteSpec:
    """How the notes of a text are placed and who wrote them by default."""

    place: NotePlace
    default_type: NoteType


def _starts_note(line: Line, expected: int | None) -> re.Match[str] | None:
    """A line opening the expected note; the first note may have any number."""
    match = _LABEL_START.match(line.content)
    if match is None:
        return None
    if expected is not None and int(match["label"]) != expected:
        return None
    return match


def group_notes(lines: Sequence[Line]) -> list[list[Line]]:
    """The lines of a note run cut where the next label in sequence opens a line.

    Lines before the first label are dropped by the caller's choice of run;
    blank lines stay with the note they follow, so paragraphs can be found.
    """
    groups: list[list[Line]] = []
    expected: int | None = None
    for line in lines:
        match = _starts_note(line, expected) if line.content else None
        if match is not None:
            groups.append([line])
            expected = int(match["label"]) + 1
        elif groups:
            groups[-1].append(line)
    return groups


def notes_of(lines: Sequence[Line], path: str, spec: NoteSpec, taken: set[str],
             hyphens: HyphenPolicy | None = None) -> list[Note]:
    """Notes of a run of note lines, each with its paragraphs (page breaks kept inside)."""
    found: list[Note] = []
    for group in group_notes(lines):
        units = paragraphs(split_blocks(group), path, hyphens)
        first = units[0]
        match = _LABEL_START.match(first.text)
        assert match is not None  # group_notes opened the group on this label
        label = match["label"]
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
        run = [line for line in lines[start:] if line.content]
        groups = group_notes(run)
        if not groups or groups[0][0] is not run[0]:
            continue
        if sum(bool(_LABEL_START.match(g[0].content)) for g in groups) < len(groups):
            continue
        before = "\n".join(line.content for line in lines[:start])
        first = _LABEL_START.match(run[0].content)
        assert first is not None
        label = first["label"]
        cited = style.pattern(label).search(before) or re.search(
            rf"[^\W\d_] {re.escape(label)}(?![\d\w])", before)
        if cited and _all_continuations_short(groups):
            return start
    return None


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
    text = _body_text(units)
    out = list(notes)
    for index, (note, following) in enumerate(zip(notes, notes[1:], strict=False)):
        next_marker = first_place(text, following.label)
        own = first_place(text, note.label)
        limit = next_marker if next_marker is not None else len(text)
        if own is not None and own < limit:
            break
        out[index] = replace(note, cited=False)
        reporter.info("notes.whole-text", note.loc,
                      f"note {note.label} has no marker before the marker of note "
                      f"{following.label}: taken as a note on the whole text, not anchored")
    return out
