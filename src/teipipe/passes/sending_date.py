"""Date and place of sending read from the top and the end of a letter.

A title line that gives a full date wins, else the first date line, else a date in
a title; the place comes with the date, or from a date line without a year.
"""

from __future__ import annotations

import re
from collections import Counter

from ..language.correspondents import is_form_of_address, title_parties
from ..language.dates import (
    DatelineFound,
    find_date,
    read_dateline,
    read_weekday_place,
    read_yearless_place,
)
from .found import Found, Line, found_in

_FULL_YEAR = re.compile(r"(?<!\d)(1[4-9]|20)\d\d(?!\d)")


USUAL_CENTURY = 18  # of the letters editions publish, when the text gives no year in full


def century_of(lines: list[str]) -> int | None:
    """The century most years written in full belong to (18 for `1851`), to read `51`."""
    counts = Counter(int(m.group(1)) for line in lines for m in _FULL_YEAR.finditer(line))
    return counts.most_common(1)[0][0] if counts else None


def _from_title_line(line: Line, century: int | None) -> tuple[Found | None, Found | None]:
    """Date and place an editor's title line gives after the names, else its date alone."""
    parties = title_parties(line.text)
    source = "title line"
    if parties is not None:
        parsed = read_dateline(parties.rest, century) if parties.rest else None
    else:
        parsed = read_dateline(line.text, century)
        if parsed is not None:
            source = "date line"  # the first line is the date line itself
        else:
            parsed = _dated_tail(line.text, century)
    if parsed is not None and parsed.date.when:
        place = found_in(parsed.place, "high", line, source) if parsed.place else None
        return found_in(parsed.date.when, "high", line, source), place
    found = find_date(line.text)
    if found is not None and found.value.when:
        return found_in(found.value.when, "medium", line, "title line"), None
    year = _YEAR_ALONE.match(parties.rest if parties is not None else "")
    if year is not None:  # `Letter from William F. Cody to John H. Tait, 1916`
        return found_in(year.group(1), "medium", line, "title line"), None
    return None, None


# A year alone, as a title gives it after the names or a line gives it below the title.
_YEAR_ALONE = re.compile(r"^\s*[(\[]?(1[4-9]\d\d|20\d\d)[)\]]?[.?]?\s*$")


def _year_line(top: list[Line]) -> Found | None:
    """`1911` on a line of its own at the head: the year, where nothing dates the letter
    more closely."""
    for line in top:
        year = _YEAR_ALONE.match(line.text)
        if year is not None:
            return found_in(year.group(1), "medium", line, "year line")
    return None


_ABBREVIATION = re.compile(r"^\S{1,4}\.(?:\s|$)")
_TITLE_PART = re.compile(r", | \(")  # `X to Y, Place, Date`, `X to Y (Place, Date)`


def _dated_tail(title: str, century: int | None) -> DatelineFound | None:
    """`… Doge and Senate of Venice, The Hague, 29 agosto 1622`: where the names of a
    title line are not read, the place and date after one of its commas or an opening
    bracket (`X to Y (Place, Date)`)."""
    parsed: DatelineFound | None = None
    for match in _TITLE_PART.finditer(title):
        if parsed is not None:
            break
        parsed = read_dateline(title[match.end():], century)
        if parsed is not None and parsed.place and _ABBREVIATION.match(parsed.place):
            parsed = None  # `Ont., 12 May 1889`: the end of a place, not a place
    return parsed


def date_and_place(top: list[Line], bottom: list[Line],
                    century: int | None) -> tuple[Found | None, Found | None]:
    """From a title line that gives a full date, else the first date line, else a title."""
    titled: tuple[Found | None, Found | None] = (None, None)
    for line in top:
        if line.kind == "title":
            titled = _from_title_line(line, century)
            if titled[0] is not None:
                break
    dated: tuple[Found | None, Found | None] = (None, None)
    for line in [*top, *bottom]:
        if _names_parties(line):
            continue
        parsed = read_dateline(line.text, century or USUAL_CENTURY) or \
            _dateline_before_addressee(line.text, century or USUAL_CENTURY)
        if parsed is not None and parsed.date.when:
            place = found_in(parsed.place, "high", line, "date line") if parsed.place else None
            # A two-digit year in a text without a year in full: the century is a guess.
            guessed = century is None and read_dateline(line.text) is None
            dated = found_in(parsed.date.when, "low" if guessed else "high", line,
                           "date line"), place
            break
    title_date, title_place = titled
    if title_date is not None and (len(title_date.value) == 10 or dated[0] is None):
        return title_date, title_place or dated[1] or _yearless_place(top, bottom)
    return dated[0] or _year_line(top), dated[1] or title_place or _yearless_place(top, bottom)


def _names_parties(line: Line) -> bool:
    """A title line that names sender and addressee (`X an Y, …`); the first line of a
    text that names none may be the letter's own date line (`Florenz, 2 Dec. 65.`)."""
    return line.kind == "title" and title_parties(line.text) is not None


def _yearless_place(top: list[Line], bottom: list[Line]) -> Found | None:
    """The place of a date line without a year (`Berlin, 18. April.`)."""
    for line in [*top, *bottom]:
        if not _names_parties(line):
            place = read_yearless_place(line.text)
            if place is not None:
                return found_in(place, "medium", line, "date line without a year")
    for line in [*top, *bottom]:
        if not _names_parties(line):
            place = read_weekday_place(line.text)
            if place is not None:
                return found_in(place, "low", line, "date line with a weekday only")
    return None


def _dateline_before_addressee(text: str, century: int) -> DatelineFound | None:
    """`Cohoctah, Michigan, March 10, 1863 Mr. Whitman`: a date line with the address or
    salutation run on after it, as a flattened head runs; the date line is read alone."""
    found = find_date(text, century)
    if found is None:
        return None
    after = text[found.end:].split()
    if not after or not is_form_of_address(after[0].strip(".,:;—–-")):
        return None
    return read_dateline(text[:found.end], century)
