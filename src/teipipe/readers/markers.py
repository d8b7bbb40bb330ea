"""Unbracketed note markers placed by aligning the whole text with the sequence of notes.

Digits after a word (`Brief2`, `Gerlich 251 ,`) may be markers or numbers of the
text (`am 1. Januar`, `mit 2 Worten`). Taking the first match of each label in
turn lets one wrong early match carry every later note off its place. Instead,
every place where each label could stand is listed, and the places kept are the
largest set that follows the order of the notes, glued markers preferred to
markers set off by a space. A label without a place in that order stays unlinked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..model import Document, Inline, Note, NoteRef, Text
from ..walk import rewrite_document

_LEADING_DIGITS = re.compile(r"\d+")


def label_sort_key(label: str) -> tuple[int, str]:
    digits = _LEADING_DIGITS.match(label)
    return (int(digits.group()) if digits else 10**6, label)


@dataclass(frozen=True)
class MarkerStyle:
    """How markers look in a text: bracketed labels, or digits glued to the word before."""

    bracketed: bool

    def pattern(self, label: str) -> re.Pattern[str]:
        return _marker_pattern(self.bracketed, label)


@lru_cache(maxsize=4096)
def _marker_pattern(bracketed: bool, label: str) -> re.Pattern[str]:
    escaped = re.escape(label)
    if bracketed:
        return re.compile(rf"\[{escaped}\]")
    # Glued digits: after a letter or closing punctuation, never inside a number;
    # one space is allowed only after punctuation (`longtemps ? 379`).
    return re.compile(
        rf"(?:(?<=[^\W\d_])|(?<=[.»”’)\]!?;:,])\s?)(?<!\d){escaped}(?![\d\w])")


@lru_cache(maxsize=4096)
def spaced_pattern(label: str) -> re.Pattern[str]:
    """A marker set off by a space after its word (`Gerlich 251 ,`, `Massa 4 und`).

    Only what follows tells it from a number of the text: a marker is followed by
    punctuation, a lower-case word or the line's end, a count by what it counts.
    """
    return re.compile(
        rf"(?<=[^\W\d_]) {re.escape(label)}(?=\s*[,.;:!?)»”’]|\s+[a-zà-ÿ]|\s*$)")


# A glued marker counts a little more than a spaced one, never more than a link.
_LINK, _GLUED = 4, 1


@dataclass(frozen=True)
class Place:
    """One place where a note's marker could stand."""

    text: int
    """Index of the Text node, in document order."""
    start: int
    """Where the marker's digits start in that node."""
    end: int
    glued: bool

    @property
    def order(self) -> tuple[int, int]:
        return (self.text, self.start)


def _text_nodes(doc: Document) -> list[str]:
    texts: list[str] = []

    def collect(run: tuple[Inline, ...]) -> tuple[Inline, ...]:
        texts.extend(node.text for node in run if isinstance(node, Text))
        return run

    rewrite_document(doc, collect, notes=False, front=False)
    return texts


def _places(texts: Sequence[str], label: str, style: MarkerStyle) -> list[Place]:
    found: list[Place] = []
    for index, text in enumerate(texts):
        for glued, pattern in ((True, style.pattern(label)), (False, spaced_pattern(label))):
            for match in pattern.finditer(text):
                start = match.end() - len(label)
                found.append(Place(index, start, match.end(), glued))
    # A place found by both patterns is a glued one.
    unique = {place.order: place for place in sorted(found, key=lambda p: not p.glued)}
    return sorted(unique.values(), key=lambda p: p.order)


def align(texts: Sequence[str], notes: Sequence[Note],
          style: MarkerStyle) -> dict[str, Place]:
    """Note id → the place of its marker, for the best order-keeping choice of places."""
    candidates = [(rank, note, place) for rank, note in enumerate(notes)
                  for place in _places(texts, note.label, style)]
    # Longest chain in note order and text order: a weighted longest increasing subsequence.
    best: list[int] = []
    back: list[int] = []
    for index, (rank, _note, place) in enumerate(candidates):
        score, previous = 0, -1
        for earlier in range(index):
            other_rank, _other, other_place = candidates[earlier]
            if other_rank < rank and other_place.order < place.order and best[earlier] > score:
                score, previous = best[earlier], earlier
        best.append(score + _LINK + (_GLUED if place.glued else 0))
        back.append(previous)
    chosen: dict[str, Place] = {}
    index = max(range(len(best)), key=lambda i: best[i], default=-1)
    while index >= 0:
        _rank, note, place = candidates[index]
        chosen[note.id] = place
        index = back[index]
    return chosen


def _split(node: Text, places: Sequence[tuple[Place, Note]]) -> list[Inline]:
    out: list[Inline] = []
    cursor = 0
    for place, note in places:
        if place.start > cursor:
            out.append(Text(node.text[cursor: place.start], node.loc.shifted(cursor)))
        out.append(NoteRef(note.label, note.id, node.loc.shifted(place.start)))
        cursor = place.end
    if cursor < len(node.text):
        out.append(Text(node.text[cursor:], node.loc.shifted(cursor)))
    return out


def link_unbracketed(doc: Document, notes: Sequence[Note],
                     style: MarkerStyle) -> tuple[Document, set[str]]:
    """The document with the aligned markers replaced by NoteRefs, and the ids linked."""
    ordered = sorted(notes, key=lambda n: label_sort_key(n.label))
    chosen = align(_text_nodes(doc), ordered, style)
    by_text: dict[int, list[tuple[Place, Note]]] = {}
    for note in ordered:
        if note.id in chosen:
            place = chosen[note.id]
            by_text.setdefault(place.text, []).append((place, note))
    counter = [0]

    def rewrite(run: tuple[Inline, ...]) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for node in run:
            if not isinstance(node, Text):
                out.append(node)
                continue
            places = sorted(by_text.get(counter[0], []), key=lambda pair: pair[0].start)
            counter[0] += 1
            out.extend(_split(node, places) if places else [node])
        return tuple(out)

    return rewrite_document(doc, rewrite, notes=False, front=False), set(chosen)
