"""The paragraph-sized unit every reader cuts its text into, and the helpers that
the recognisers of a letter's parts (structure, opening, closing) share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..diagnostics import Location
from ..language.correspondents import is_form_of_address
from ..language.dates import find_date
from ..language.datewords import fold
from ..language.places import is_place_segment
from ..model import (
    Dateline,
    DateText,
    DateValue,
    Inline,
    Name,
    PageBreak,
    Text,
    inline_text,
)
from . import address, rules


@dataclass(frozen=True)
class Unit:
    """One paragraph of the source before its role is known."""

    inlines: tuple[Inline, ...]
    loc: Location
    gap_before: int
    page_break: PageBreak | None = None
    """A page break that stands before this unit."""

    @property
    def text(self) -> str:
        return inline_text(self.inlines).strip()


def strip_label(unit: Unit, match: re.Match[str]) -> tuple[Inline, ...]:
    """The unit's inlines without the printed label at its start."""
    inlines = list(unit.inlines)
    first = inlines[0]
    assert isinstance(first, Text)
    rest = first.text.lstrip()
    offset = len(first.text) - len(rest) + match.end()
    inlines[0] = Text(first.text[offset:], first.loc.shifted(offset))
    return tuple(inlines)


def is_list_item(unit: Unit) -> re.Match[str] | None:
    """A unit that opens with a list label (`1.`, `a)`), with the label's match."""
    if not unit.inlines or not isinstance(unit.inlines[0], Text):
        return None
    match = rules.LIST_ITEM.match(unit.text)
    if match is None or match["label"].isalpha() and match["label"] not in _LETTER_LABELS:
        return None
    return match


# Lists labelled with letters rarely run past `h`; a later letter with a point is an
# abbreviation that opens a line (`v. Ihrem freundschaftlich ergebenen`, `u. s. w.`,
# `s. oben`, `z. B.`), and `d.` is `den` of a German dateline (`d. 20. Nov.`).
_LETTER_LABELS = frozenset("abcefgh")


_BRACKETED = re.compile(r"^\[[^\[\]]{2,80}\]\.?$")


def dateline_like(text: str) -> bool:
    """A dateline, or an editor's bracketed remark on where or when the letter was sent."""
    return rules.is_dateline(text) or bool(_BRACKETED.match(text.strip()))


def dateline_of(unit: Unit, parsed: tuple[DateValue, str | None] | None) -> Dateline:
    """A Dateline whose date (and place) stand as their own inline nodes.

    A dateline whose date cannot be read to a value (`ce 10 de juillet (1538)`)
    is kept as written, for the date recogniser or the editor to settle.
    """
    if parsed is None:
        return Dateline(unit.inlines, unit.loc)
    date, place = parsed
    if len(unit.inlines) != 1 or not isinstance(unit.inlines[0], Text):
        return Dateline(unit.inlines, unit.loc, date, place)
    node = unit.inlines[0]
    found = find_date(node.text)
    if found is None:
        return Dateline(unit.inlines, unit.loc, date, place)
    inlines: list[Inline] = []
    before = node.text[: found.start]
    if place and before.startswith(place):
        inlines.append(Name("place", None, place, node.loc))
        before = before[len(place):]
    if before:
        inlines.append(Text(before, node.loc))
    inlines.append(DateText(node.text[found.start: found.end], date, node.loc.shifted(found.start)))
    if node.text[found.end:]:
        inlines.append(Text(node.text[found.end:], node.loc.shifted(found.end)))
    return Dateline(tuple(inlines), unit.loc, date, place)


# Nouns that name a house or a street, or a place's relation to another (`Villa Platzer`,
# `Grosvenor Street`, `bei Wien`), in the five languages.
_PLACE_WORDS = address.folded_words(
    "villa hotel hôtel albergo hostal pension pensione gasthof gasthaus schloss castle chateau "
    "château castello castillo street st str strasse straße gasse platz weg road avenue ave "
    "rue place boulevard bd quai via piazza viale corso calle plaza paseo camino bei near "
    "pres près presso cerca sur sous upon")


def names_a_place(text: str) -> bool:
    return any(fold(word.strip(".,;:")) in _PLACE_WORDS for word in text.split())


_LONGEST_PLACE_ALONE = 5
_LONGEST_PLACE_CHARS = 80  # a paragraph is refused before its words are counted
_INITIAL = re.compile(r"(?<![\w.])[A-ZÀ-Ý]\.")


def place_alone(text: str) -> bool:
    """A place alone with a full stop, no date: `London, Dover Street.`, `Bell Inn.`,
    `Château de Villebrun.`. Initials name a person (`J. Smith.`), never a place."""
    text = text.strip()
    if (len(text) > _LONGEST_PLACE_CHARS or not text.endswith(".") or text.endswith("..")
            or rules.word_count(text) > _LONGEST_PLACE_ALONE or _INITIAL.search(text)):
        return False
    segments = [part.strip() for part in text[:-1].split(",")]
    return all(part and not any(is_form_of_address(word) for word in part.split())
               and is_place_segment(part, later=index > 0)
               for index, part in enumerate(segments))
