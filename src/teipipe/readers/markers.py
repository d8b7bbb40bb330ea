"""Unbracketed note markers placed by aligning the whole text with the sequence of notes.

Digits after a word (`Brief2`, `Gerlich 251 ,`) may be markers or numbers of the
text (`am 1. Januar`, `mit 2 Worten`). Taking the first match of each label in
turn lets one wrong early match carry every later note off its place. Instead,
every place where each label could stand is listed (glued to a word, after
punctuation, set off by spaces, even at the start of a wrapped line), and the
places kept are the largest set that follows the order of the notes; among sets
as large, glued markers are preferred to markers set off by a space. A day before
a month's name is never a place. A label without a place in that order stays unlinked.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..language.datewords import MONTHS, fold
from ..model import Choice, Document, Inline, Note, NoteRef, PageBreak, Text
from ..walk import iter_inline_runs, rewrite_document

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


# What a marker may follow without a space besides a letter: punctuation and the
# closing quotation marks of the five languages (`Aussicht«1`, `"Curley"1`).
_CLOSES = r".»«”“’‘›‹\"')\]!?;:,"


@lru_cache(maxsize=4096)
def _marker_pattern(bracketed: bool, label: str) -> re.Pattern[str]:
    escaped = re.escape(label)
    if bracketed:
        return re.compile(rf"\[{escaped}\]")
    # Glued digits: after a letter or closing punctuation, never inside a number;
    # one space is allowed only after punctuation (`longtemps ? 379`).
    return re.compile(
        rf"(?:(?<=[^\W\d_])|(?<=[{_CLOSES}])\s?)(?<!\d){escaped}(?![\d\w])")


# How likely a number is a marker, by what touches it. A chain's score is its links
# times _LINK plus these, and _LINK exceeds what any chain of notes can sum, so a
# chain with more links always wins.
_LOOSE, _SPACED, _AFTER_PUNCT, _GLUED = 0, 1, 2, 3
_LINK = 1 << 20


@dataclass(frozen=True)
class Place:
    """One place where a note's marker could stand."""

    text: int
    """Index of the Text node, in document order."""
    start: int
    """Where the marker's digits start in that node."""
    end: int
    quality: int
    """How the digits stand: glued to a word (3) down to set off on both sides (0)."""

    @property
    def glued(self) -> bool:
        """Touching the word or the punctuation before, as printed superscripts end up."""
        return self.quality >= _AFTER_PUNCT

    @property
    def order(self) -> tuple[int, int]:
        return (self.text, self.start)


# The printed text a marker may follow, from the inline before a Text node: a
# line's Text ends where the next line's begins, a rejoined hyphenation is a Choice.
_CONTEXT = 3


def _printed(node: Inline) -> str | None:
    if isinstance(node, Text):
        return node.text
    if isinstance(node, Choice):
        return node.edited
    if isinstance(node, PageBreak):
        return None  # a page break between a word and its marker joins them
    return getattr(node, "text", None) or getattr(node, "label", "")


def _text_nodes(doc: Document) -> tuple[list[tuple[str, str]], list[int]]:
    """Each Text node in document order (the front too: a title line may hold a marker),
    with the printed letters just before it; and how many Text nodes each run holds."""
    texts: list[tuple[str, str]] = []
    per_run: list[int] = []
    # Read, not rewritten: in the order `link_unbracketed`'s rewrite visits the runs.
    for run in iter_inline_runs(doc, notes=False):
        per_run.append(-len(texts))
        before = ""
        for node in run:
            printed = _printed(node)
            if printed is None:
                continue
            if isinstance(node, Text):
                texts.append((node.text, before[-_CONTEXT:]))
            before = printed
        per_run[-1] += len(texts)
    return texts, per_run


# Every number that may be a marker (for any label, so that each text is scanned
# once for all the notes), by how it stands. Each opens with a lookahead for the digit
# (or the space and digit) it needs, which lets the scan skip to the digits: three
# times faster than trying every lookbehind at every character.
_ANY_GLUED = re.compile(  # `Brief2`, `Mittheilungen.3`, `Co—4`
    rf"(?=\d)(?:(?<=[^\W\d_])|(?<=[{_CLOSES}—–]))(?<!\d)(?P<label>\d{{1,4}})(?![\d\w])")
_ANY_AFTER_PUNCT = re.compile(  # `entnommen. 1, daß`
    rf"(?= \d)(?<=[{_CLOSES}]) (?P<label>\d{{1,4}})(?![\d\w])")
_ANY_SPACED = re.compile(  # `Begleiter 35 auf`, `werde 1.`
    r"(?= \d)(?<=[^\W\d_]) (?P<label>\d{1,4})(?=\s*[,.;:!?)»”’]|\s+[a-zà-ÿ]|\s*$)")
_ANY_OPENING = re.compile(  # `chiamato (1 et si vegga`: the marker before a bracket's words
    r"(?=\d)(?<=\()(?P<label>\d{1,4})(?= [^\W\d_])")
# Set off on both sides before anything but a number's own continuation
# (`Klarheit & 8 erschöpfenden`, `Brown 5 6 7 should`), or inside a word (`risolvendosi2della`).
_ANY_LOOSE = re.compile(
    r"(?=\d)(?:(?<=[^\W_] )|(?<=[&—–-] ))(?P<label>\d{1,4})(?![\w%°/])(?![.,:]\d)")
# Glued to a year (`Apl. 11-18961.`, `4/15 18962`): a marker after a date.
_ANY_AFTER_YEAR = re.compile(
    r"(?=\d)(?<![\d.,])(?:1[0-9]{3}|20[0-9]{2})(?P<label>\d{1,4})(?![\d\w])")
# Glued to a day and a month or a short year (`Philadelphia 5/12151`, `Apl 19-962`).
_ANY_AFTER_DAY = re.compile(
    r"(?=\d)(?<![\d.,/-])\d{1,2}[/-]\d{2}(?P<label>\d{1,4})(?![\d\w])")
_ANY_INSIDE = re.compile(r"(?=\d)(?<=[^\W\d_]{2})(?P<label>\d{1,4})(?=[^\W\d_]{2})")
# Between a word's punctuation and the next word, the space lost (`his Servant,1the same`).
_ANY_BETWEEN = re.compile(r"(?=\d)(?<=[^\W\d_][,;:.])(?P<label>\d{1,4})(?=[^\W\d_]{2})")
_SCANS = ((_LOOSE, _ANY_LOOSE), (_LOOSE, _ANY_INSIDE), (_LOOSE, _ANY_BETWEEN),
          (_LOOSE, _ANY_AFTER_YEAR), (_LOOSE, _ANY_AFTER_DAY),
          (_SPACED, _ANY_SPACED), (_SPACED, _ANY_OPENING), (_AFTER_PUNCT, _ANY_AFTER_PUNCT),
          (_GLUED, _ANY_GLUED))


def _places(texts: Sequence[tuple[str, str]], labels: set[str]) -> dict[str, list[Place]]:
    """Label → the places where a marker with that label could stand, in text order."""
    found: dict[str, dict[tuple[int, int], Place]] = {label: {} for label in labels}
    for index, (text, before) in enumerate(texts):
        if _DIGIT.search(text) is None:
            continue  # most lines hold no number at all
        scanned = before + text
        for quality, pattern in _SCANS:  # a place found twice keeps its best reading
            for match in pattern.finditer(scanned):
                label, start = match["label"], match.start("label") - len(before)
                if label in found and start >= 0 and not (quality < _GLUED
                                                          and _dated(scanned, match)):
                    read = _LOOSE if _cited(scanned, match) else quality
                    place = Place(index, start, start + len(label), read)
                    found[label][place.order] = place
    return {label: sorted(places.values(), key=lambda p: p.order)
            for label, places in found.items()}


_DIGIT = re.compile(r"\d")
_NEXT_WORD = re.compile(r"\s*\.?\s*([^\W\d_]+)")


def _dated(text: str, match: re.Match[str]) -> bool:
    """A day set off before a month's name (`am 3 Mai`, `le 2. mars`) is a date, not a
    marker; digits glued to a word are not a day (`printer2 may say`)."""
    following = _NEXT_WORD.match(text, match.end())
    # Only a month's own forms: guessed abbreviations take words for months (`Jener`).
    return following is not None and fold(following[1]) in MONTHS


# A number in a reference to a chapter, verse or page reads as a marker only where
# nothing better stands: after a chapter number (`John 15.1`, `Levit. 12.2.3`), a
# roman chapter (`Acts iv. 4`) or an abbreviation of page, chapter, volume or number
# in the five languages (`P. 22.`, `S. 5`, `cap. 3`, `t. 2`), or followed by its verse
# (`Exod. 10. 23`).
_ROMAN = r"(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
_CITED_BEFORE = re.compile(
    rf"(?:(?<![\d,])\d{{1,3}}\.|\b(?:{_ROMAN}|{_ROMAN.upper()})\.\s?"
    r"|\b(?i:p|pp|pag|pg|s|seite|c|ch|chap|cap|capp|kap|vol|bd|t|tom|n|no|nr|num|fol|f|ff"
    r"|art|v|vv|vers)\.\s?)$")
_VERSE_AFTER = re.compile(r"\.\s?\d")


def _cited(text: str, match: re.Match[str]) -> bool:
    """The number stands in a reference (`Rev. 7.1`, `Acts iv. 4`, `Exod. 10. 23`)."""
    start = match.start("label")
    if _CITED_BEFORE.search(text, max(0, start - 8), start) is not None:
        return True
    return (not text[start - 1: start].isalpha()
            and _VERSE_AFTER.match(text, match.end()) is not None)


def marker_labels(text: str) -> set[str]:
    """The labels of the numbers in `text` that read like markers, glued or spaced."""
    return {m["label"] for pattern in (_ANY_GLUED, _ANY_AFTER_PUNCT, _ANY_SPACED)
            for m in pattern.finditer(text)}


def first_places(text: str, labels: set[str]) -> dict[str, int]:
    """Label → where a marker with it first could stand in `text`, glued or spaced; set
    off loosely only for a label of several digits (`North 193 Platte`), which a number
    of the text matches by chance far more rarely than `1`. One scan for all labels."""
    found: dict[str, int] = {}
    digits = [match.start() for match in _DIGIT.finditer(text)]
    for quality, pattern in _SCANS:
        for match in _digit_matches(pattern, text, digits):
            label = match["label"]
            if label in labels and (quality > _LOOSE or len(label) > 1):
                start = match.start("label")
                found[label] = min(start, found.get(label, start))
    return found


def _digit_matches(pattern: re.Pattern[str], text: str,
                   digits: Sequence[int]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern that opens by looking ahead for a digit (or a
    space and a digit), tried only where one stands (`digits`: where the digits of `text`
    are): over a whole letter the engine tries every character, at eight times the cost."""
    if pattern.flags & re.VERBOSE or not pattern.pattern.startswith(("(?=\\d)", "(?= \\d)")):
        yield from pattern.finditer(text)
        return
    starts = (digits if pattern.pattern.startswith("(?=\\d)")
              else [at - 1 for at in digits if at and text[at - 1] == " "])
    end = 0  # matches do not overlap: the next is tried after the last one found
    for start in starts:
        if start >= end and (match := pattern.match(text, start)) is not None:
            yield match
            end = match.end()


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


def align(texts: Sequence[tuple[str, str]], notes: Sequence[Note]) -> dict[str, Place]:
    """Note id → the place of its marker, for the best order-keeping choice of places.

    `texts` are the Text nodes with the printed letters before each. A weighted
    longest increasing subsequence: candidates are taken in text order, each
    extending the best chain that ends on a note of lower rank; chains compare by
    their number of links, then by how well their places read as markers.
    """
    places = _places(texts, {note.label for note in notes})
    candidates = sorted(((place, rank, note) for rank, note in enumerate(notes)
                         for place in places[note.label]), key=lambda c: c[0].order)
    back: list[int] = []
    prefix = _PrefixBest(len(notes))
    best, best_index = 0, -1
    for index, (place, rank, _note) in enumerate(candidates):
        score, previous = prefix.below(rank)
        score += _LINK + place.quality
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
    return _out_of_order(places, notes, chosen)


def _out_of_order(places: dict[str, list[Place]], notes: Sequence[Note],
                  chosen: dict[str, Place]) -> dict[str, Place]:
    """The chain, and for a note it left out, its first marker glued to a word.

    Markers stand out of the notes' order in letters of several pieces, or where a
    note is cited again; digits glued to a word are markers however they are ordered.
    """
    taken = {place.order for place in chosen.values()}
    out = dict(chosen)
    for note in notes:
        if note.id in out:
            continue
        glued = next((p for p in places[note.label]
                      if p.quality == _GLUED and p.order not in taken), None)
        if glued is not None:
            out[note.id] = glued
            taken.add(glued.order)
    return out


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
    if not notes:
        return doc, set()  # no marker to look for: the text is left as it is
    ordered = sorted(notes, key=lambda n: label_sort_key(n.label))
    texts, per_run = _text_nodes(doc)
    chosen = align(texts, ordered)
    by_text: dict[int, list[tuple[Place, Note]]] = {}
    for note in ordered:
        if note.id in chosen:
            place = chosen[note.id]
            by_text.setdefault(place.text, []).append((place, note))
    if not by_text:
        return doc, set(chosen)  # no marker placed: every run would come back as it was
    placed = sorted(by_text)
    counts = iter(per_run)
    counter = [0]

    def rewrite(run: tuple[Inline, ...]) -> tuple[Inline, ...]:
        index = counter[0]
        counter[0] += next(counts)
        at = bisect_left(placed, index)
        if at == len(placed) or placed[at] >= counter[0]:
            return run  # no marker in this run's Text nodes: as it was
        out: list[Inline] = []
        for node in run:
            if not isinstance(node, Text):
                out.append(node)
                continue
            places = by_text.get(index)
            index += 1
            if places:
                out.extend(_split(node, sorted(places, key=lambda pair: pair[0].start)))
            else:
                out.append(node)
        return tuple(out)

    return rewrite_document(doc, rewrite, notes=False), set(chosen)
