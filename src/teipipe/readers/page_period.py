"""Where the pages of a printed book begin, from the period of its page ends.

A book's pages hold about the same number of lines, and its text extracted or
OCR'd marks each page end with a blank run. Where blank runs fall inside a
sentence (certain page ends) at a steady distance, that distance is the page
length, and a blank run one page length on is a page end too, even where a
sentence happens to end there; a blank run inside a sentence off that period is
no page's end but a paragraph's (a letter whose writer left out the full stop).
"""

from __future__ import annotations

from collections.abc import Sequence

# Fewest lines a printed page holds; page ends closer together are no page's.
SHORTEST_PAGE = 20
# Lines a page may run longer or shorter than the period: a heading set with space
# around it, a blank line of the text falling where the page ends.
_DRIFT = 2


def page_starts(certain: Sequence[int], blank_starts: Sequence[int], last: int) -> frozenset[int]:
    """The first lines of the text's pages, or none where no period is found.

    `certain` are the lines after a blank run inside a sentence, `blank_starts` the
    lines after any blank run, `last` the text's last line. The period is the
    shortest distance between certain page ends that, walked from one of them,
    finds a blank run near every page end it predicts and puts at least two certain
    page ends, and most of them, on its pages.
    """
    if len(certain) < 2:
        return frozenset()
    blanks = sorted(set(blank_starts) | set(certain))
    lengths = sorted({b - a for a, b in zip(certain, certain[1:], strict=False)
                      if b - a >= SHORTEST_PAGE})
    for length in lengths:
        for anchor in certain:
            pages = _walk(anchor, length, certain, blanks, last)
            if pages is None:
                continue
            on_pages = sum(1 for c in certain if c in pages)
            if on_pages >= 2 and 2 * on_pages > len(certain):
                return pages
    return frozenset()


def _walk(anchor: int, length: int, certain: Sequence[int], blanks: Sequence[int],
          last: int) -> frozenset[int] | None:
    """The page starts one page length apart from `anchor`; None when a page end due
    inside the text finds no blank run near it.

    A page end is taken where a certain one stands near where it is due, else where a
    blank run stands just where it is due; a blank run only near it (a paragraph's end
    where the page ended on a blank line) is no page end, and the count goes on from
    where it was due.
    """
    found = {anchor}
    line: int | None = anchor
    while line is not None and line + length + _DRIFT <= last:
        line = _page_end(line + length, certain, blanks, found)
        if line is None:
            return None
    line = anchor
    while line is not None and line - length > 0:
        # before the anchor: the letter may begin in a page's middle, so none may be due
        line = _page_end(line - length, certain, blanks, found)
    return frozenset(found)


def _page_end(due: int, certain: Sequence[int], blanks: Sequence[int],
              found: set[int]) -> int | None:
    """Where the page end due at `due` falls (adding it to `found` when it is sure)."""
    for candidates, drift in ((certain, _DRIFT), (blanks, 0)):
        near = sorted((b for b in candidates if abs(b - due) <= drift),
                      key=lambda b: abs(b - due))
        if near:
            found.add(near[0])
            return near[0]
    return due if any(abs(b - due) <= _DRIFT for b in blanks) else None
