"""Notes: recognising note paragraphs and linking each marker to its note.

Two marker styles exist in the texts teipipe reads: bracketed (`RP[1]`,
`Hernandez [2]`) and glued digits (`Hernandez2`, `enseignement375`). Linking
walks the text in order and expects labels in sequence, so that a year or a
bracketed editorial insertion (`[1918]`) is never taken for a marker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..diagnostics import Location, Reporter
from ..model import Document, Inline, Note, NoteRef, Paragraph, Text
from ..walk import iter_inline_runs, rewrite_document
from .markers import MarkerStyle, label_sort_key, link_unbracketed

# A note paragraph's opening label in its three printed forms.
NOTE_BRACKET = re.compile(r"^\[(?P<label>\d{1,4}\*?)\]\s*")
NOTE_DOTTED = re.compile(r"^(?P<label>\d{1,4}\*?)\.\s+")
NOTE_PAREN = re.compile(r"^\(?(?P<label>\d{1,4}\*?)\)\s+")
NOTE_BARE = re.compile(r"^(?P<label>\d{1,4}\*?)(?:\s+|(?=[^\W\d_]))")

# The heading printed over a block of notes, in the five languages.
NOTES_HEADING = re.compile(
    r"^(?:notes?|endnotes|footnotes|anmerkungen|fu(?:ß|ss)noten|notas|note(?:\s+al\s+testo)?|"
    r"notes\s+(?:de\s+l['’]éditeur|et\s+références)|editor['’]s\s+notes|erläuterungen)\s*:?$",
    re.IGNORECASE)

# "(Note MIA)", "(N.d.T.)", "[Editor's note]": who wrote a note, stated at its end.
RESP_SUFFIX = re.compile(
    r"\((?:Note|N\.\s?d\.\s?[TÉE]\.?)\s*(?P<who>[^()]{1,30})\)\s*\.?\s*$|"
    r"\((?P<kind>N\.\s?d\.\s?T|N\.\s?d\.\s?[ÉE]|Translator’s note|Translator's note|"
    r"Editor’s note|Editor's note)\.?\)\s*\.?\s*$",
    re.IGNORECASE,
)


def note_id(label: str, taken: set[str]) -> str:
    """A stable `xml:id` for a note from its printed label: `n1`, `n374`, `n1star`."""
    base = "n" + label.replace("*", "star") if label else "note"
    candidate, counter = base, 2
    while candidate in taken:
        candidate = f"{base}-{counter}"
        counter += 1
    taken.add(candidate)
    return candidate


_BRACKETED_NUMBER = re.compile(r"\[(\d{1,3})\]")


def _split_text(node: Text, match: re.Match[str], label_text: str, target: str) -> list[Inline]:
    before = node.text[: match.start()]
    after = node.text[match.end():]
    marker_start = match.start() + (len(match.group()) - len(label_text))
    if match.group() != label_text:  # a space before a glued label stays as text
        before = node.text[:marker_start]
    out: list[Inline] = []
    if before:
        out.append(Text(before, node.loc))
    out.append(NoteRef(label_text, target, node.loc.shifted(marker_start)))
    if after:
        out.append(Text(after, node.loc.shifted(match.end())))
    return out


class _Linker:
    """Walks inline runs in document order and replaces the next expected marker.

    With `in_order=False`, any of the notes' markers is replaced where it first
    stands: for the notes the ordered walk left, whose markers stand out of order.
    """

    def __init__(self, notes: Sequence[Note], style: MarkerStyle, in_order: bool = True) -> None:
        self.queue = sorted((n for n in notes if n.cited), key=lambda n: label_sort_key(n.label))
        self.style = style
        self.in_order = in_order
        self.found: dict[str, Location] = {}

    def _next(self, text: str) -> tuple[Note, re.Match[str]] | None:
        """The note whose marker comes next in `text`, and the marker."""
        candidates = self.queue[:1] if self.in_order else self.queue
        found = [(match.start(), index, note, match) for index, note in enumerate(candidates)
                 if (match := self.style.pattern(note.label).search(text)) is not None]
        if not found:
            return None
        _, _, note, match = min(found, key=lambda item: item[:2])
        return note, match

    def __call__(self, run: tuple[Inline, ...]) -> tuple[Inline, ...]:
        if not self.queue:
            return run  # every marker placed: the rest of the text stays as it is
        out: list[Inline] = []
        pending = list(run)
        while pending:
            node = pending.pop(0)
            if not isinstance(node, Text) or not self.queue:
                out.append(node)
                continue
            chosen = self._next(node.text)
            if chosen is None:
                out.append(node)
                continue
            note, match = chosen
            label_text = f"[{note.label}]" if self.style.bracketed else note.label
            pieces = _split_text(node, match, label_text, note.id)
            self.queue.remove(note)
            ref = next(p for p in pieces if isinstance(p, NoteRef))
            self.found[note.id] = ref.loc
            # The text after the marker may hold the next marker: look at it again.
            if isinstance(pieces[-1], Text):
                out.extend(pieces[:-1])
                pending.insert(0, pieces[-1])
            else:
                out.extend(pieces)
        return tuple(out)


def link_markers(doc: Document, style: MarkerStyle, reporter: Reporter) -> Document:
    """Replace each marker by a NoteRef; warn about notes no marker cites.

    Bracketed markers are unmistakable and taken in turn (a title may hold one);
    digits are placed by aligning the text with the notes (see `markers`).
    """
    cited = [n for n in doc.notes if n.cited]
    if style.bracketed:
        linker = _Linker(doc.notes, style)
        linked = rewrite_document(doc, linker, notes=False)
        # A marker out of the notes' order (letters of several pieces, a note cited
        # again) is unmistakable in brackets: linked where it stands.
        left = [n for n in doc.notes if n.cited and n.id not in linker.found]
        late = _Linker(left, style, in_order=False)
        linked = rewrite_document(linked, late, notes=False) if left else linked
        found = set(linker.found) | set(late.found)
    else:
        linked, found = link_unbracketed(doc, cited)
    notes: list[Note] = []
    for note in doc.notes:
        if note.cited and note.id not in found:
            reporter.warning(
                "notes.unreferenced", note.loc,
                f"note {note.label} is cited by no marker in the text; kept it, "
                "marked as not anchored (check the marker, or set it in the sidecar)")
            note = replace(note, cited=False)
        notes.append(note)
    _warn_orphan_markers(linked, {n.label for n in notes}, style, reporter)
    return linked.with_(notes=tuple(notes))


def _warn_orphan_markers(doc: Document, labels: set[str], style: MarkerStyle,
                         reporter: Reporter) -> None:
    """A bracketed number that looks like a marker but has no note is worth a look."""
    if not style.bracketed:
        return
    for run in iter_inline_runs(doc, notes=False):  # read, not rewritten
        for node in run:
            if isinstance(node, Text):
                for match in _BRACKETED_NUMBER.finditer(node.text):
                    if match.group(1) not in labels:
                        reporter.warning(
                            "notes.marker-without-note", node.loc.shifted(match.start()),
                            f"marker {match.group()} has no note with that label; "
                            "left as text")


def responsibility(paragraphs: Sequence[Paragraph]) -> str | None:
    """Who a note names as its author at its end (`(Note MIA)` gives `MIA`)."""
    if not paragraphs:
        return None
    last = paragraphs[-1].inlines
    tail = "".join(n.text for n in last if isinstance(n, Text))
    match = RESP_SUFFIX.search(tail)
    if match is None:
        return None
    who = match.group("who") or match.group("kind") or ""
    return who.strip()
