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
from collections.abc import Iterator

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

# Two letter runs with exactly one space between them; the right part may be
# followed by an elision or a hyphenated clitic (`De vons-nous`), not by a letter.
# The right part is matched ahead, not consumed, so that every pair of neighbours is
# found in one scan: the right word of one pair is the left word of the next.
_PAIR = re.compile(r"(?<![\w-])([^\W\d_]+) (?=([^\W\d_]+)(?![\w'’‘ʼ]))")


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


def find(text: str, evidence: Evidence) -> Iterator[Finding]:
    """Every split word of a segment, left to right, not overlapping."""
    table = evidence.lexicon.table
    # Most pairs of words join into no word at all: that cheapest test is made first, on
    # every pair at once.
    candidates = [match for match in _PAIR.finditer(text)
                  if not (joined := (match[1] + match[2]).lower()).isalpha()
                  or joined in table]
    position = 0
    for match in candidates:
        start = match.start()
        if start < position:
            continue  # its left word is the right word of a pair just joined
        left, right = match[1], match[2]
        cert = judge(left, right, evidence)
        if cert is None or not _shape_ok(left, right, text, start, evidence):
            continue
        position = match.end() + len(right)
        yield Finding(start, position, text[start:position], left + right, RULE, cert)
