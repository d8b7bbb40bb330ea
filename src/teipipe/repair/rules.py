"""The registry of repair rules: a new kind of repair is one module and one row here."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from . import misread, split_word, stray_quote
from .base import Evidence, Finding

Rule = Callable[[str, Evidence], Iterator[Finding]]

# Order matters only for overlaps: an earlier rule's finding wins over a later one.
RULES: tuple[tuple[str, Rule], ...] = (
    (split_word.RULE, split_word.find),
    (stray_quote.RULE, stray_quote.find),
    (misread.RULE, misread.find),
)
