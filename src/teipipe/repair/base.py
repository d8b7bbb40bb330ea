"""What the repair rules share: the evidence they weigh and the findings they return."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, Literal

from ..diagnostics import Location
from ..language.letters import WordPattern
from .lexicon import Lexicon

Cert = Literal["high", "medium", "low"]
Status = Literal["applied", "proposed", "accepted", "rejected"]

WORD = re.compile(r"[^\W\d_]+")
"""A run of letters: apostrophes, hyphens, digits and spaces separate words."""
_WORDS = WordPattern(WORD.pattern)


@dataclass(frozen=True)
class Evidence:
    """What decides whether a form is a word: the language's lexicon and the text's own words.

    Built once per document; read-only, so rules may share it.
    """

    lexicon: Lexicon
    vocabulary: Counter[str] = field(default_factory=Counter)
    """Lower-cased word forms of the whole source text, with their counts."""
    protected: frozenset[str] = frozenset()
    """Words of register names: never changed, since names are not in a lexicon."""
    memo: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False, repr=False)
    """Rules' answers per word form, by rule: a text repeats its words, and the answers
    depend only on this evidence."""

    @property
    def language(self) -> str:
        return self.lexicon.language

    def zipf(self, word: str) -> float:
        return self.lexicon.zipf(word)

    def in_text(self, word: str) -> bool:
        """The form occurs unbroken somewhere in the text itself."""
        return self.vocabulary[word.lower()] > 0


def vocabulary_of(texts: Iterable[str]) -> Counter[str]:
    return Counter(map(str.lower, chain.from_iterable(
        _WORDS.of(text).findall(text) for text in texts)))


@dataclass(frozen=True)
class Finding:
    """A span of a text segment that a rule would repair, and how sure it is."""

    start: int
    end: int
    original: str
    edited: str
    rule: str
    cert: Cert


@dataclass(frozen=True)
class Proposal:
    """A finding placed in the source, with its review key and what became of it."""

    key: str
    """`line:col:original`: what an editor lists in the sidecar's [repairs] accept/reject."""
    loc: Location
    original: str
    edited: str
    rule: str
    cert: Cert
    status: Status

    def as_json(self) -> dict[str, object]:
        return {"key": self.key, "path": self.loc.path, "line": self.loc.line,
                "column": self.loc.column, "original": self.original, "edited": self.edited,
                "rule": self.rule, "cert": self.cert, "status": self.status}

    def format(self) -> str:
        """`path:line:col: proposal: "a b" → "ab" (high) [rule] status; key: …`, one a line."""
        return (f'{self.loc}: proposal: "{self.original}" → "{self.edited}" ({self.cert}) '
                f"[{self.rule}] {self.status}; key: {self.key}")


def proposal_key(loc: Location, original: str) -> str:
    """A key that reconversion of the same text reproduces exactly (source line and column)."""
    return f"{loc.line}:{loc.column}:{original}"
