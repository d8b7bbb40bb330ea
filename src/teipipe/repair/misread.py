"""Letters misread by OCR: `tusse` for `russe`, `II faut` for `Il faut`, `P. 0. U.` for `P. O. U.`.

Confusions are data (CONFUSIONS); a form is only replaced when it is no word
of the language and exactly one confusion turns it into a common one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..language.letters import WordPattern
from ..language.lexicon import FrequencyTable, zipf_of
from .base import WORD, Cert, Evidence, Finding

RULE = "repair.misread"

# Pairs of (printed, misread) shapes that letterpress OCR confuses; each is tried
# in both directions on one place of a word.
CONFUSIONS: tuple[tuple[str, str], ...] = (
    ("r", "t"), ("m", "rn"), ("d", "cl"), ("h", "li"), ("n", "u"), ("e", "c"),
    ("o", "0"), ("l", "1"), ("i", "l"), ("s", "5"), ("f", "t"),
)
UNKNOWN = 1.0
"""Zipf frequency below which a form is taken as no word of the language."""
COMMON = 3.5
"""Zipf frequency a replacement must reach."""
CLEAR = 1.0
"""How much more frequent the best replacement must be than the runner-up."""

_TOKEN = WordPattern(r"(?<![\w'’-])[^\W_]+(?![\w'’-])")
# `II` misread for `Il`/`Ils` (French): at the start of a sentence or clause, before
# a lower-case word; `Louis II fut` has a name, not punctuation, before it.
_DOUBLE_I = re.compile(r"(?:(?<=^)|(?<=[.:;!?«(]\s)|(?<=—\s))(II)(s?)(?= [^\W\d_]*[a-zà-ÿ])")
# A lone `0` among initials: `P. 0. U. M.`
_ZERO_INITIAL = re.compile(
    r"(?<=\b[A-Z]\.\s)0(?=\.\s?[A-Z]\.)"  # after an initial: `P. 0. U.`
    r"|(?<![\w.])0(?=\.\s?[A-Z]\.\s?[A-Z]\.)")  # first of the initials: `0. U. M.`


def _variants(word: str) -> set[str]:
    out: set[str] = set()
    for a, b in CONFUSIONS:
        for src, dst in ((a, b), (b, a)):
            start = word.find(src)
            while start != -1:
                out.add(word[:start] + dst + word[start + len(src):])
                start = word.find(src, start + 1)
    out.discard(word)
    return out


def best_reading(word: str, evidence: Evidence) -> tuple[str, Cert] | None:
    """The one common word a confusion makes of an unknown form, if there is exactly one."""
    if len(word) < 4 or not word.islower() or word in evidence.protected:
        return None
    if evidence.zipf(word) >= UNKNOWN or evidence.vocabulary[word] > 1:
        return None  # a known form, or one the text uses again: not a misreading
    scored = sorted(((evidence.zipf(v), v) for v in _variants(word) if WORD.fullmatch(v)),
                    reverse=True)
    if not scored or scored[0][0] < COMMON:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < CLEAR:
        return None
    best = scored[0][1]
    return best, "high" if evidence.in_text(best) else "medium"


_PLAIN: dict[str, set[str]] = {}
"""By language: forms that are no misreading whatever the text (short, not lower-case, or a
word of the language). That depends on the lexicon alone, so it is kept from text to text."""
_PLAIN_MAX = 50_000
"""Forms kept per language at most (about 5 MB): the memory of a long build stays flat."""


def _plain(word: str, table: FrequencyTable) -> bool:
    """best_reading's first two tests: most forms fail them without the call."""
    if len(word) < 4 or not word.islower():
        return True
    frequency = table.get(word) if word.isalpha() else None
    return frequency is not None and zipf_of(frequency) >= UNKNOWN


def _confusions(text: str, evidence: Evidence) -> Iterator[Finding]:
    # Words repeat: each form is judged once a text (a plain one once a process), and a
    # segment none of whose forms has a reading (almost every one) is left after one
    # scan and a few set operations.
    known = evidence.memo.setdefault(RULE, {})
    misread = evidence.memo.setdefault(RULE + " readings", {})
    plain = _PLAIN.setdefault(evidence.language, set())
    token = _TOKEN.of(text)
    forms = token.findall(text)
    # `difference`, not `-=`: the in-place forms walk the whole of a dict (`known`, every
    # form judged in the text so far) for each segment; `difference` walks the segment's.
    new = set(forms).difference(known).difference(plain)
    for word in new:
        if _plain(word, evidence.lexicon.table):
            known[word] = None
            if len(plain) < _PLAIN_MAX:
                plain.add(word)
            continue
        reading = known[word] = best_reading(word, evidence)
        if reading is not None:
            misread[word] = reading
    if misread.keys().isdisjoint(forms):
        return
    for match in token.finditer(text):
        reading = misread.get(match.group())
        if reading is not None:
            yield Finding(match.start(), match.end(), match.group(), reading[0], RULE,
                          reading[1])


def _double_i(text: str, evidence: Evidence) -> Iterator[Finding]:
    if evidence.language != "fr" or "II" not in text:
        return  # `Il` is French; in English `II` is a numeral
    for match in _DOUBLE_I.finditer(text):
        edited = "Il" + match.group(2)
        cert: Cert = "high" if evidence.in_text(edited) else "medium"
        yield Finding(match.start(), match.end(), match.group(), edited, RULE, cert)


def _zero_initials(text: str) -> Iterator[Finding]:
    if "0" not in text:
        return  # spares the pattern's look-behinds at every place of the text
    for match in _ZERO_INITIAL.finditer(text):
        yield Finding(match.start(), match.end(), "0", "O", RULE, "high")


def find(text: str, evidence: Evidence) -> Iterator[Finding]:
    yield from _confusions(text, evidence)
    yield from _double_i(text, evidence)
    yield from _zero_initials(text)
