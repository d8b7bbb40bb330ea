"""The nothing-lost check: every word of the source is in the TEI, in order.

The TEI is read as a reader of the edition would: the source readings of
`choice` (sic, orig), the printed labels of notes and list items, the text of
front, body and back. Notes and removed boilerplate may stand elsewhere than in
the source (a foot note printed mid-text sits in `back`), so each is found as a
contiguous run of the source's words and taken out; what remains must equal the
running text word for word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from .tei import TEI_NS
from .writers.xml import tei

# Each digit counts alone: a label printed glued to a number (`14. 1919` is note 1
# on `4. 1919`) keeps the source's digits in order however the TEI spaces them.
_WORD = re.compile(r"[^\W\d_]+|\d")
_EDITED = frozenset({tei("corr"), tei("reg")})
_SKIPPED_IN_TEXT = frozenset({tei("note")})
_LABELLED = frozenset({tei("item"), tei("note")})
# Elements after whose start and end a word always ends.
_BLOCK = frozenset(tei(t) for t in (
    "p", "head", "item", "list", "quote", "opener", "closer", "dateline", "salute", "signed",
    "postscript", "div", "note", "front", "body", "back", "byline", "docTitle", "titlePart",
    "address", "addrLine",
    "docImprint", "docEdition", "docDate", "argument", "pb", "fw",
))


def words(text: str) -> list[str]:
    """Words as the check counts them: runs of letters, single digits.

    Split at white space first (which never stands inside a word): most pieces are all
    letters, one word each, and only the rest goes through the pattern, a third less CPU
    than the pattern over the whole text."""
    found: list[str] = []
    for piece in text.split():
        if piece.isalpha():  # every character is one `_WORD` counts as a letter
            found.append(piece)
        else:
            found += _WORD.findall(piece)
    return found


def _collect(node: etree._Element, out: list[str], skip_notes: bool) -> None:
    """Append the text of `node` in document order to `out`, source readings only, labels
    included (into one list, not through nested generators: a letter has some hundred
    elements, and each level of `yield from` passed every string up once more)."""
    tag = node.tag
    if tag in _EDITED or not isinstance(tag, str):
        return  # the edited reading is the edition's, not the source's
    block = tag in _BLOCK
    if block:
        out.append(" ")
    label = node.get("n") if tag in _LABELLED else None
    if label:
        out.append(f"{label} ")
    if node.text:
        out.append(node.text)
    for child in node:
        if not (skip_notes and child.tag in _SKIPPED_IN_TEXT):
            _collect(child, out, skip_notes)
        if child.tail:
            out.append(child.tail)
    if block:
        out.append(" ")


def text_words(node: etree._Element, *, skip_notes: bool = False) -> list[str]:
    out: list[str] = []
    _collect(node, out, skip_notes)
    return words("".join(out))


@dataclass(frozen=True)
class Loss:
    """Where the TEI and the source part ways."""

    source_index: int
    """Index (0-based) of the first source word not matched in order."""
    expected: tuple[str, ...]
    """Source words from there on (a few)."""
    found: tuple[str, ...]
    """TEI words from there on (a few)."""
    what: str

    def message(self) -> str:
        return (f"{self.what}: the source has {' '.join(self.expected) or '(end)'!r} "
                f"where the TEI has {' '.join(self.found) or '(end)'!r}")


def _places(source: list[str], run: Sequence[str],
            positions: dict[str, list[int]]) -> list[int]:
    """Every index where `run` stands contiguously in `source`, last first."""
    if not run:
        return []
    width = len(run)
    wanted = list(run)
    return [start for start in reversed(positions.get(run[0], []))
            if source[start: start + width] == wanted]


def _first_difference(rest: Sequence[str], body: Sequence[str]) -> Loss | None:
    if rest == body:
        return None  # the usual case, compared at once rather than word by word
    for index, (expected, found) in enumerate(zip(rest, body, strict=False)):
        if expected != found:
            return Loss(index, tuple(rest[index:index + 6]), tuple(body[index:index + 6]),
                        "running text differs")
    if len(rest) != len(body):
        index = min(len(rest), len(body))
        return Loss(index, tuple(rest[index:index + 6]), tuple(body[index:index + 6]),
                    "running text has a different length")
    return None


_MAX_TRIES = 2000


@dataclass
class _Placement:
    """Backtracking search for places of the note runs; one per check, then dropped."""

    source: list[str]
    runs: list[list[str]]
    body: list[str]
    candidates: list[list[int]]
    taken: list[bool]
    tries: int = 0
    first_loss: Loss | None = None

    def complete(self) -> bool:
        self.tries += 1
        rest = [w for w, used in zip(self.source, self.taken, strict=True) if not used]
        loss = _first_difference(rest, self.body)
        if loss is not None and self.first_loss is None:
            self.first_loss = loss
        return loss is None

    def mark(self, start: int, width: int, value: bool) -> None:
        for k in range(start, start + width):
            self.taken[k] = value

    def search(self) -> bool:
        """Depth-first over each run's candidate places, as a loop rather than recursion: a
        long text has more notes than Python's recursion limit allows levels."""
        count = len(self.runs)
        options = [places or [0] for places in self.candidates]
        tried = [0] * (count + 1)
        placed = [0] * count
        level = 0
        while level >= 0:
            if level == count:
                if self.complete():
                    return True
                level = self._undo(level - 1, placed)
                continue
            width = len(self.runs[level])
            while tried[level] < len(options[level]):
                if self.tries >= _MAX_TRIES:
                    return False
                start = options[level][tried[level]]
                tried[level] += 1
                if not any(self.taken[start: start + width]):
                    self.mark(start, width, True)
                    placed[level] = start
                    level += 1
                    tried[level] = 0
                    break
            else:
                level = self._undo(level - 1, placed)
        return False

    def _undo(self, level: int, placed: list[int]) -> int:
        """Take back the place chosen at `level` (none below 0); the level to go on from."""
        if level >= 0:
            self.mark(placed[level], len(self.runs[level]), False)
        return level


def _assign(source: list[str], runs: list[list[str]], body: list[str]) -> Loss | None:
    """Place each note run at one of its occurrences so that the rest is the running text.

    A note's words may also stand elsewhere (a list item worded like a note), so
    places are tried, latest first, with backtracking bounded by _MAX_TRIES.
    """
    # Only the first word of a run is looked up: the places of the others are not needed.
    positions: dict[str, list[int]] = {run[0]: [] for run in runs if run}
    if positions:
        for index, word in enumerate(source):
            if word in positions:
                positions[word].append(index)
    candidates = [_places(source, run, positions) for run in runs]
    for index, places in enumerate(candidates):
        if runs[index] and not places:
            return Loss(0, (), tuple(runs[index][:8]),
                        f"note or removed passage {index + 1} is not a run of source words")
    placement = _Placement(source, runs, body, candidates, [False] * len(source))
    if placement.search():
        return None
    return placement.first_loss or Loss(0, (), (), "notes overlap in the source")


def check(source_text: str, tei_root: etree._Element) -> Loss | None:
    """None when every source word is in the TEI in order; else the first difference."""
    ns = {"t": TEI_NS}
    source_words = words(source_text)
    runs = [text_words(note) for note in tei_root.iterfind(".//t:text//t:note", ns)]
    runs += [text_words(q) for q in tei_root.iterfind(
        ".//t:encodingDesc//t:normalization//t:q", ns)]
    text = tei_root.find("t:text", ns)
    body_words = text_words(text, skip_notes=True) if text is not None else []
    return _assign(source_words, runs, body_words)
