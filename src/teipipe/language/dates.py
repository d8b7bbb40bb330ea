"""Dates as letters write them ("August 10, 1936", "30 juillet 1936", "Paris, 31 October 1938").

Month names are language data, kept as tables; each pattern is one named rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import DateValue

MONTHS: dict[str, int] = {}
_MONTH_TABLES = {
    "en": "january february march april may june july august september october november december",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
          "diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
          "dicembre",
}
for _names in _MONTH_TABLES.values():
    for _number, _name in enumerate(_names.split(), start=1):
        MONTHS.setdefault(_name, _number)
# Common abbreviations and spellings without accents.
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
               "sept": 9, "oct": 10, "nov": 11, "dec": 12, "fevrier": 2, "aout": 8,
               "decembre": 12, "janv": 1, "févr": 2, "avr": 4, "juil": 7, "déc": 12})

_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
_DAY = r"(?P<day>\d{1,2})(?:er|st|nd|rd|th)?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"

_DAY_MONTH_YEAR = re.compile(rf"\b{_DAY}\s+{_MONTH}\s+{_YEAR}\b")
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+{_YEAR}\b")
_ISO = re.compile(r"\b(?P<year>1[5-9]\d\d|20\d\d)-(?P<month>\d\d)(?:-(?P<day>\d\d))?\b")


@dataclass(frozen=True)
class FoundDate:
    """A date found in a string: its value and where it stands."""

    value: DateValue
    start: int
    end: int


def _month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def _iso(year: str, month: int | None, day: str | None) -> str | None:
    if month is None or not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year}-{month:02d}"
    day_number = int(day)
    if not 1 <= day_number <= 31:
        return None
    return f"{year}-{month:02d}-{day_number:02d}"


def find_date(text: str) -> FoundDate | None:
    """The first full or month-precise date in `text`, most precise pattern first."""
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for match in pattern.finditer(text):
            iso = _iso(match["year"], _month_number(match["month"]), match["day"])
            if iso is not None:
                return FoundDate(DateValue(when=iso), match.start(), match.end())
    for match in _ISO.finditer(text):
        iso = _iso(match["year"], int(match["month"]), match["day"])
        if iso is not None:
            return FoundDate(DateValue(when=iso), match.start(), match.end())
    for match in _MONTH_YEAR.finditer(text):
        iso = _iso(match["year"], _month_number(match["month"]), None)
        if iso is not None:
            return FoundDate(DateValue(when=iso), match.start(), match.end())
    return None


def parse_iso(value: str) -> DateValue | None:
    """A DateValue from an editor's ISO string (`1936`, `1936-08`, `1936-08-10`)."""
    if re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", value):
        return DateValue(when=value)
    return None


_PLACE_PREFIX = re.compile(
    r"""^(?P<place>[^\W\d_][\w .'’-]{0,40}?)\s*,\s*$  # `Paris,` before the date
        |^(?:le|den|am|on|the)?\s*$                  # or only an article, or nothing""",
    re.VERBOSE | re.IGNORECASE,
)


_LONGEST_DATELINE = 80


def parse_dateline(line: str) -> tuple[DateValue, str | None] | None:
    """A line that is nothing but a (place and) date: its value and place, else None."""
    text = line.strip()
    if len(text) > _LONGEST_DATELINE:
        return None  # a paragraph, not a date line: spare the date patterns
    found = find_date(text)
    if found is None or text[found.end:].strip(" .,;"):
        return None
    prefix = _PLACE_PREFIX.match(text[: found.start])
    if prefix is None:
        return None
    place = prefix.group("place")
    return found.value, (place.strip() if place else None)
