"""Page numbers and running heads that the OCR of a book keeps between its pages.

A printed page has its number, and often a running head (the book's or the
chapter's title, the letter's correspondents), above or below its text; OCR
keeps them as lines of their own between blank lines, where the text of one
page ends and the next begins, often inside a sentence. Such a line is page
furniture, not a line of the letter: it is taken out, and the page break put in
its place carries the page's number.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from . import rules, sentence_ends
from .blocks import Line
from .measure import page_measure

# A page's number printed alone: `24`, `— 24 —`, `[24]`, `- 24 -`.
_PAGE_NUMBER = re.compile(r"^[\[(—–-]?\s*(?P<number>\d{1,3})\s*[\])—–-]?$")
# A running head with the page's number before or after it (`24 Briefe an Escher`,
# `AN ALFRED ESCHER 25`).
_NUMBERED_HEAD = re.compile(r"^(?:(?P<before>\d{1,3})\s+(?P<head>\D.*)|(?P<head2>.*\D)\s+"
                            r"(?P<after>\d{1,3}))$")
# A line this near the printed measure is a full line of running text.
_FULL_LINE = 0.75
_LONGEST_RUNNING_HEAD = 8


@dataclass(frozen=True)
class Furniture:
    """A line of page furniture and the page number it prints, if any."""

    line: Line
    number: str | None


def page_furniture(lines: Sequence[Line]) -> list[Furniture]:
    """The page numbers and running heads among the lines of a text's running part.

    A number alone counts where it stands inside a sentence: the text above is a
    full line of running text that does not end a sentence, or the text below goes
    on in lower case (a number among the lines of an envelope, `MA` / `830` / `18`,
    is no page's). A short line counts as a running head where it stands apart
    two times or more (its page number aside), once at least inside a sentence,
    and is no salutation, closing or dateline.
    """
    apart = [i for i in range(1, len(lines) - 1)
             if lines[i].content and not lines[i - 1].content and not lines[i + 1].content]
    found: list[Furniture] = []
    width = page_measure(lines)
    for index in apart:
        number = _PAGE_NUMBER.match(lines[index].content)
        if number is not None and _inside_sentence(lines, index, width):
            found.append(Furniture(lines[index], number["number"]))
    heads = {index: _head_of(lines[index].content) for index in apart}
    counts = Counter(head for head in heads.values() if head is not None)
    for head, count in counts.items():
        at = [index for index, h in heads.items() if h == head]
        if count >= 2 and any(_inside_sentence(lines, index, width) for index in at):
            found += [Furniture(lines[index], _number_of(lines[index].content)) for index in at]
    return sorted(found, key=lambda f: f.line.number)


def _inside_sentence(lines: Sequence[Line], index: int, width: int) -> bool:
    above = next((ln.content for ln in reversed(lines[:index]) if ln.content), "")
    below = next((ln.content for ln in lines[index + 1:] if ln.content), "")
    running = len(above) >= _FULL_LINE * width and not sentence_ends.ends_sentence(above)
    return bool(above and below and (running or sentence_ends.starts_lowercase(below)))


def _head_of(text: str) -> str | None:
    """The running head a line may be, without its page number; None for a line that
    cannot be one (a number alone, a long line, a letter's part)."""
    match = _NUMBERED_HEAD.match(text)
    head = (match["head"] or match["head2"]) if match else text
    head = head.strip()
    if (not head or not any(c.isalpha() for c in head)
            or rules.word_count(head) > _LONGEST_RUNNING_HEAD
            or rules.is_salutation(head) or rules.is_closing(head) or rules.is_dateline(head)):
        return None
    return head.casefold()


def _number_of(text: str) -> str | None:
    match = _NUMBERED_HEAD.match(text)
    return (match["before"] or match["after"]) if match else None
