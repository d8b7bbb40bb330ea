"""Words split by a stray space (`secta risme`, `cor dialement`): join them when evidence says so.

A pair of words separated by one space is joined when the joined form is a
word and the parts are not, or when the text itself uses the joined form. When
both parts are words (`dé portés`, `a part`), the joined form must be clearly
preferred: by the lexicon, or by the text; a pair with a very common function
word (`de la`, `a part`, `par venus`) needs the lexicon's preference, since the
text may well use both `apart` and `a part`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import accumulate, compress, pairwise
from operator import add, or_

from ..language.letters import WordPattern
from .base import Cert, Evidence, Finding

RULE = "repair.split-word"

KNOWN = 3.0
"""Zipf frequency from which a joined form counts as a word by the lexicon alone."""
PLAUSIBLE = 2.5
"""Zipf frequency from which a fragment could be a word on its own (`ment`, `dé`)."""
FUNCTION_WORD = 5.5
"""Zipf frequency of words so common (`a`, `de`, `par`, `in`) that pairs with them are normal."""
MARGIN = 0.5
"""How much more frequent (in zipf) the joined form must be than the pair as a phrase."""

# A text cut into its letter runs and what separates them: `_LETTERS.split` gives
# separator, word, separator, …, word, separator. A pair is two words with exactly one
# space between them; the left word may not follow a digit, underscore or hyphen, the
# right word may not precede a digit, underscore or an elision or a hyphenated clitic
# (`De vons-nous`): every pair of neighbours is looked at, the right word of one pair
# being the left word of the next.
_LETTERS = WordPattern(r"([^\W\d_]+)")
_GLUED_BEFORE = re.compile(r"[\w-]")
_GLUED_AFTER = re.compile(r"[\w'’‘ʼ]")


_SENTENCE_END = frozenset(".!?:;«—(")


def _starts_sentence(text: str, start: int) -> bool:
    """Whether a word at `start` opens the text or follows sentence punctuation (and spaces).

    Looks back only over the spaces before the word, so the cost does not grow
    with the length of the text.
    """
    if start == 0 or (start == 1 and text[0] == "\n"):
        return True
    position = start
    while position > 0 and text[position - 1].isspace():
        position -= 1
    return position > 0 and text[position - 1] in _SENTENCE_END


def _shape_ok(left: str, right: str, text: str, start: int, evidence: Evidence) -> bool:
    """Only lower-case continuations; a capital only where a sentence starts, not in a name."""
    if min(len(left), len(right)) < 2:
        return False  # `a`, `l`, `à`: single letters are words or elisions, rarely fragments
    if not right.islower() or not (left.islower() or left[1:].islower()):
        return False
    if not left.islower() and not _starts_sentence(text, start):
        return False  # `Jean Ber tin`: a capital inside a sentence starts a name
    return left not in evidence.protected and right not in evidence.protected


def judge(left: str, right: str, evidence: Evidence) -> Cert | None:
    """How sure the evidence is that `left right` is one word split in two; None: not at all."""
    joined = (left + right).lower()
    z_joined = evidence.zipf(joined)
    in_text = evidence.in_text(joined)
    if z_joined < KNOWN and not (in_text and z_joined > 0):
        return None
    z_left, z_right = evidence.zipf(left), evidence.zipf(right)
    if min(z_left, z_right) < PLAUSIBLE:
        # A fragment that is no word: the join is the reading.
        return "high" if in_text or z_joined >= KNOWN + 0.5 else "medium"
    preferred = z_joined >= evidence.zipf(f"{left} {right}") + MARGIN
    if max(z_left, z_right) >= FUNCTION_WORD:
        # `a part`, `any way`, `par la`: both readings are usual; only the lexicon decides.
        return ("high" if in_text else "medium") if preferred else None
    if in_text:
        return "high"
    # Two words whose join is a word too (`dé portés` in a text without `déportés`):
    # an editor's call.
    return "medium" if preferred else "low" if z_joined >= KNOWN else None


def _joined(words: list[str], text: str) -> list[str]:
    """Each word joined with the next, lower-cased as `(left + right).lower()` is."""
    if "Σ" in text:  # a capital sigma ending a word lower-cases to `ς`, joined to `σ`
        return [(left + right).lower() for left, right in pairwise(words)]
    lowered = list(map(str.lower, words))  # each word once, not twice, and without a loop
    return list(map(add, lowered, lowered[1:]))


def _pairs(text: str, evidence: Evidence) -> Iterator[tuple[int, str, str]]:
    """(start, left, right) of the pairs of a text that `judge` might join, in order: their
    joined form is a common word, or one of the text, or not of letters alone (`²`), which
    the table cannot judge. Most pairs join into no word at all; that is tested on all of
    them with two set lookups each and no more (a pattern with look-arounds tried at every
    place of the text, making a match of every pair, and a lookup in the whole table cost
    three times as much), and the rest of the definition on the few pairs left."""
    parts = _LETTERS.of(text).split(text)
    joined = _joined(parts[1::2], text)
    common, in_text = evidence.lexicon.at_least(KNOWN), evidence.vocabulary
    possible: Iterable[bool] = map(or_, map(common.__contains__, joined),
                                   map(in_text.__contains__, joined))
    if not all(map(str.isalpha, joined)):
        possible = [form in common or form in in_text or not form.isalpha() for form in joined]
    starts: list[int] | None = None
    for left_index in compress(range(1, len(parts), 2), possible):
        if parts[left_index + 1] != " ":
            continue
        before, after = parts[left_index - 1], parts[left_index + 3]
        if before and _GLUED_BEFORE.match(before, len(before) - 1):
            continue
        if after and _GLUED_AFTER.match(after):
            continue
        if starts is None:
            starts = [0, *accumulate(map(len, parts))]
        yield starts[left_index], parts[left_index], parts[left_index + 2]


def find(text: str, evidence: Evidence) -> Iterator[Finding]:
    """Every split word of a segment, left to right, not overlapping."""
    position = 0
    for start, left, right in _pairs(text, evidence):
        if start < position:
            continue  # its left word is the right word of a pair just joined
        cert = judge(left, right, evidence)
        if cert is None or not _shape_ok(left, right, text, start, evidence):
            continue
        position = start + len(left) + 1 + len(right)
        yield Finding(start, position, text[start:position], left + right, RULE, cert)
