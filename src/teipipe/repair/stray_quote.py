"""Stray quote marks left by OCR: `sur' la` (French), `IV" Internationale` (a superscript `e`).

French elides with an apostrophe before a word (`l'homme`), never before a space,
so an apostrophe between a known word and a space is noise. English is left
alone: `the workers' party` is a possessive.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .base import Evidence, Finding

RULE = "repair.stray-quote"

_APOSTROPHE_BEFORE_SPACE = re.compile(r"(?<![\w'’])([^\W\d_]{2,})['’](?= [^\W\d_])")
# A Roman numeral with `"` where the printed ordinal had a superscript `e` (IVe).
_ORDINAL = re.compile(r"\b([IVX]{1,4})\"(?= [A-ZÀ-Ý])")
_OPENING_SINGLE = re.compile(r"(?:^|\s)['‘][^\W\d_]")
KNOWN = 3.0


def find(text: str, evidence: Evidence) -> Iterator[Finding]:
    if evidence.language != "fr":
        return
    # Each pattern is tried only where its quote mark stands before a space: the
    # look-behinds would otherwise be tried at every letter of every segment.
    if "' " in text or "’ " in text:
        quoting = _OPENING_SINGLE.search(text) is not None  # 'quoted' words: leave them
        for match in _APOSTROPHE_BEFORE_SPACE.finditer(text):
            word = match.group(1)
            if quoting or evidence.zipf(word) < KNOWN:
                continue
            yield Finding(match.start(), match.end(), match.group(), word, RULE, "medium")
    if '" ' not in text:
        return
    for match in _ORDINAL.finditer(text):
        yield Finding(match.start(), match.end(), match.group(), match.group(1) + "e",
                      RULE, "medium")
