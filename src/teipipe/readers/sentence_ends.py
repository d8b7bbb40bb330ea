"""Where a line of a letter ends a sentence, and where one goes on: the tests that tell a
paragraph's end from a page end or a wrap in hard-wrapped text."""

from __future__ import annotations

import re

_TRAILING_DIGITS = re.compile(r"\d+$")


def ends_sentence(text: str) -> bool:
    """The text ends where a sentence may end (so a following blank line is a paragraph end)."""
    stripped = text.rstrip()
    if stripped[-1:].isdecimal():  # what `\d` matches; most lines end otherwise
        stripped = _TRAILING_DIGITS.sub("", stripped).rstrip()  # a glued note number
    # A dash ends a thought (`soll. –`, letters' `recd—`, typed `--` or ` -`); a hyphen
    # glued to a word breaks it.
    return (not stripped or stripped[-1] in ".!?:;»”\"')]…‒–—―" or stripped.endswith("...")
            or _TYPED_DASH.search(stripped, max(0, len(stripped) - 2)) is not None)


def ends_full_sentence(text: str) -> bool:
    """The text ends a sentence for certain: a full stop after a word (not an abbreviation's
    point: `u. s. w.`, `etc.`), or an exclamation or question mark."""
    return bool(_FULL_STOP.search(text))


# A full stop after a word of four letters or more, or `!`, `?`; closing quotes after it.
_FULL_STOP = re.compile(r"(?:[^\W\d_]{4}\.|[!?])[»«”\"')\]]*\s*$")


# A dash typed with hyphens: two or more, or one set off by a space (`fühle.--`, `so -`).
# Both shapes are two characters at the end: searched for from there, not from the start.
_TYPED_DASH = re.compile(r"(?:--|\s-)$")


def starts_lowercase(text: str) -> bool:
    first = text.lstrip()[:1]
    return first.islower()
