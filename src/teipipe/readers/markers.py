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


# Every number that may be a marker, glued or set off by a space (the patterns above
# for any label), so that each text is scanned once for all the notes.
_ANY_GLUED = re.compile(
    r"(?:(?<=[^\W\d_])|(?<=[.»”’)\]!?;:,])\s?)(?<!\d)(?P<label>\d{1,4})(?![\d\w])")
_ANY_SPACED = re.compile(
    r"(?<=[^\W\d_]) (?P<label>\d{1,4})(?=\s*[,.;:!?)»”’]|\s+[a-zà-ÿ]|\s*$)")


def _places(texts: Sequence[str], labels: set[str]) -> dict[str, list[Place]]:
    """Label → the places where a marker with that label could stand, in text order."""
    found: dict[str, dict[tuple[int, int], Place]] = {label: {} for label in labels}
    for index, text in enumerate(texts):
        for glued, pattern in ((False, _ANY_SPACED), (True, _ANY_GLUED)):
            for match in pattern.finditer(text):
                label = match["label"]
                if label in found:  # a place found by both patterns is a glued one
                    place = Place(index, match.start("label"), match.end("label"), glued)
                    found[label][place.order] = place
    return {label: sorted(places.values(), key=lambda p: p.order)
            for label, places in found.items()}


def first_place(text: str, label: str) -> int | None:
    """Where a marker with this label first could stand in `text`, glued or spaced."""
    places = [m.start("label") for pattern in (_ANY_GLUED, _ANY_SPACED)
              for m in pattern.finditer(text) if m["label"] == label]
    return min(places, default=None)


class _PrefixBest:
    """Best chain score among ranks below a rank (a Fenwick tree of maxima)."""

    def __init__(self, size: int) -> None:
        self.tree: list[tuple[int, int]] = [(0, -1)] * (size + 1)

    def below(self, rank: int) -> tuple[int, int]:
        best, index = (0, -1), rank  # ranks 0..rank-1 are tree positions 1..rank
        while index > 0:
            best = max(best, self.tree[index])
            index -= index & -index
        return best

    def offer(self, rank: int, value: tuple[int, int]) -> None:
        index = rank + 1
        while index < len(self.tree):
            if value > self.tree[index]:
                self.tree[index] = value
            index += index & -index


def align(texts: Sequence[str], notes: Sequence[Note]) -> dict[str, Place]:
    """Note id → the place of its marker, for the best order-keeping choice of places.

    A weighted longest increasing subsequence: candidates are taken in text order,
    each extending the best chain that ends on a note of lower rank.
    """
    places = _places(texts, {note.label for note in notes})
    candidates = sorted(((place, rank, note) for rank, note in enumerate(notes)
                         for place in places[note.label]), key=lambda c: c[0].order)
    back: list[int] = []
    prefix = _PrefixBest(len(notes))
    best, best_index = 0, -1
    for index, (place, rank, _note) in enumerate(candidates):
        score, previous = prefix.below(rank)
        score += _LINK + (_GLUED if place.glued else 0)
        back.append(previous)
        prefix.offer(rank, (score, index))
        if score > best:
            best, best_index = score, index
    chosen: dict[str, Place] = {}
    index = best_index
    while index >= 0:
        place, _rank, note = candidates[index]
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


def link_unbracketed(doc: Document, notes: Sequence[Note]) -> tuple[Document, set[str]]:
    """The document with the aligned markers replaced by NoteRefs, and the ids linked."""
    ordered = sorted(notes, key=lambda n: label_sort_key(n.label))
    chosen = align(_text_nodes(doc), ordered)
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
