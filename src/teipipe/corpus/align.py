"""Align a translation with its original, paragraph by paragraph and note by note.

Paragraphs are aligned by order and length only (Gale & Church 1993): a dynamic
programme over the two sequences of paragraph lengths that allows one paragraph to
match up to MAX_SPAN on the other side, since transcriptions often cut a printed
paragraph at every line. Notes are matched by their labels, then by order. The
content is never compared, so the method works for any pair of languages.
"""

from __future__ import annotations

import math

from lxml import etree

from ..tei import TEI_NS, XML_ID
from ..xml.xpath import elements, text_of

_NS = {"t": TEI_NS}
MAX_SPAN = 12
VARIANCE = 6.8  # Gale & Church's variance of the length difference per character
# -log prior of each kind of match: one-to-one is by far the most likely.
_PRIOR = {(1, 1): -math.log(0.89), (1, 0): -math.log(0.005), (0, 1): -math.log(0.005),
          (2, 1): -math.log(0.045), (1, 2): -math.log(0.045)}

Pair = tuple[list[int], list[int]]


def paragraphs(tree: etree._ElementTree) -> list[etree._Element]:
    """The paragraphs of the body that belong to the text (not to notes), in order."""
    return elements(tree, "/t:TEI/t:text/t:body//t:p[not(ancestor::t:note)]", _NS)


def notes(tree: etree._ElementTree) -> list[etree._Element]:
    return elements(tree, "/t:TEI/t:text//t:note", _NS)


def _length(node: etree._Element) -> int:
    return len(text_of(node))


def _prior(span: tuple[int, int]) -> float:
    if span in _PRIOR:
        return _PRIOR[span]
    return -math.log(0.045) + 2.0 * (max(span) - 2)  # longer splits: a little less likely each


def _match_cost(a: int, b: int, ratio: float) -> float:
    if a == 0 or b == 0:
        return 0.0
    delta = (b - a * ratio) / math.sqrt(a * VARIANCE)
    tail = math.erfc(abs(delta) / math.sqrt(2))  # two-sided probability of so large a delta
    return -math.log(max(tail, 1e-300))


def _spans() -> list[tuple[int, int]]:
    spans = [(1, 0), (0, 1), (1, 1)]
    spans += [(1, k) for k in range(2, MAX_SPAN + 1)] + [(k, 1) for k in range(2, MAX_SPAN + 1)]
    return spans


def align_lengths(left: list[int], right: list[int]) -> list[Pair]:
    """The cheapest alignment of two length sequences, as pairs of index lists."""
    ratio = (sum(right) / sum(left)) if sum(left) and sum(right) else 1.0
    n, m = len(left), len(right)
    cost = [[math.inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if cost[i][j] == math.inf:
                continue
            for di, dj in _spans():
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                step = _prior((di, dj)) + _match_cost(sum(left[i:ni]), sum(right[j:nj]), ratio)
                if cost[i][j] + step < cost[ni][nj]:
                    cost[ni][nj] = cost[i][j] + step
                    back[ni][nj] = (di, dj)
    pairs: list[Pair] = []
    i, j = n, m
    while i or j:
        span = back[i][j]
        assert span is not None  # every cell on the path was reached
        di, dj = span
        pairs.append((list(range(i - di, i)), list(range(j - dj, j))))
        i, j = i - di, j - dj
    return list(reversed(pairs))


def _ensure_ids(nodes: list[etree._Element], prefix: str) -> None:
    taken = {n.get(XML_ID) for n in nodes}
    for number, node in enumerate(nodes, start=1):
        if node.get(XML_ID) is None:
            candidate = f"{prefix}{number}"
            while candidate in taken:
                candidate += "a"
            node.set(XML_ID, candidate)
            taken.add(candidate)


def _point(nodes: list[etree._Element], other_file: str) -> str:
    return " ".join(f"{other_file}#{n.get(XML_ID)}" for n in nodes)


def _link(a: list[etree._Element], b: list[etree._Element], a_file: str, b_file: str) -> None:
    for node in a:
        node.set("corresp", _point(b, b_file))
    for node in b:
        node.set("corresp", _point(a, a_file))


def match_notes(left: list[etree._Element], right: list[etree._Element]) -> list[Pair]:
    """Notes paired by equal labels (@n), the rest by order."""
    by_label = {n.get("n"): j for j, n in enumerate(right) if n.get("n")}
    pairs: list[Pair] = []
    used: set[int] = set()
    unmatched: list[int] = []
    for i, note in enumerate(left):
        j = by_label.get(note.get("n"))
        if j is not None and j not in used:
            pairs.append(([i], [j]))
            used.add(j)
        else:
            unmatched.append(i)
    rest = [j for j in range(len(right)) if j not in used]
    pairs.extend(([i], [j]) for i, j in zip(unmatched, rest, strict=False))
    return pairs


def align_pair(translation: etree._ElementTree, original: etree._ElementTree,
               translation_file: str, original_file: str) -> None:
    """Give both trees paragraph ids and @corresp pointers to each other (in place)."""
    left, right = paragraphs(translation), paragraphs(original)
    _ensure_ids(left, "p")
    _ensure_ids(right, "p")
    for a, b in align_lengths([_length(p) for p in left], [_length(p) for p in right]):
        if a and b:
            _link([left[i] for i in a], [right[j] for j in b], translation_file, original_file)
    left_notes, right_notes = notes(translation), notes(original)
    _ensure_ids(left_notes, "n")
    _ensure_ids(right_notes, "n")
    for a, b in match_notes(left_notes, right_notes):
        _link([left_notes[i] for i in a], [right_notes[j] for j in b],
              translation_file, original_file)
