"""Dates as letters write them, in German, English, French, Italian and Spanish.

`12 janvier 1902`, `Samstag den 27. Juni 1829`, `March 3rd, 1850`, `4 de mayo de
1902`, `ce 10 de juillet (1538)`, `3. III. 1850`, `27.6.1829`. Each written form is
one named pattern; month and weekday words are the language data of
`datewords`. A value is only ever a date that exists (no 30 February).
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date as calendar_date
from functools import lru_cache

from ..model import DateValue
from .datewords import ROMAN_MONTHS, is_weekday, month_number, ordinal_day, roman_value
from .places import is_time_tail, place_after, place_before

# A day in figures, words (`primo`, `dernier`, `dixiesme`) or small Roman figures (`le
# xxviiie jour`, `li xi febraro`), as chanceries wrote them into the 17th century.
_DAY = (r"(?P<day>[0-3]?\d|primo|premier|primero|first|ultimo|último|dernier|last"
        r"|(?-i:[ivx]{1,7})(?=m?e\b|\s)|[a-zé-]{3,18}i[eé]s?me)"
        r"(?:er|re|ème|me|e|sten|st|nd|rd|th|d|ten|ter|te|t|r|o|º|°|ª)?\.?(?:º|°)?")
# `Sept.`, `Septbr`, and the apostrophe of English abbreviations: `Jan'y`, `Sept'r`, `Aug't`.
_MONTH_WORD = r"(?P<month>[^\W\d_]{3,12}(?:[.'’]?[^\W\d_]{1,4})?\.?|(?:[7-9]|10)bre?|[Xx]bre?)"
# `1538`, `(1538)`, `[1538]`: editions put a year the writer left out in brackets. Two
# digits (`Bern 19. XI. 50`, `May 22/96`) count only where the caller knows the century.
# A note number glued to a year at the end of a line (`April 2, 19021`) is not the year's.
_YEAR = (r"[(\[]?\s*(?:(?P<year>1[0-9]\d\d|20\d\d)(?:\d{1,2}(?=\W*$))?|'?(?P<yy>\d\d)"
         r"|(?P<yyy>[89]\d\d)|(?P<old>(?:mil\s+)?(?-i:[ivx]{0,3}c\s+[ivxl]{1,8})\b))"
         r"(?![\d/])\s*[)\]]?")
# `4 de mayo`, `3rd of March`, `3 di marzo`, `all’ultimo d’ottobre`
_OF = r"(?:\s*(?:jour\s+)?(?:de|del|di|of|day\s+of)\b|\s*(?:jour\s+)?d(?:ell)?[’'](?=\w)|\s+jour)?"
_BEFORE_YEAR = r"[\s,.–—]*(?:(?:de|del|di|of)\s+)?"
# `March 21 PM '91`: the time of day between the day and the year
_CLOCK = r"(?:\s+[ap]\.?\s?m\.?)?"
_ROMAN = r"(?P<roman>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
_NUMBER_DAY = r"(?P<day>[0-3]?\d)"

# Each rule: the name of a written form and its pattern, most precise first.
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("day-month-year", re.compile(
        rf"(?<![\w.]){_DAY}(?:/[0-3]?\d)?{_OF}[\s–—]*{_MONTH_WORD}{_BEFORE_YEAR}{_YEAR}", re.I)),
    ("month-day-year", re.compile(
        rf"(?<![\w]){_MONTH_WORD}[\s:—–-]*[(\[]?(?:the\s+)?{_DAY}(?:(?<=\D)|(?!\d))\]?{_CLOCK}\s*(?:[,/—–-]\s*)?/?"
        rf"(?:de\s+)?{_YEAR}", re.I)),
    ("day-roman-year", re.compile(
        rf"(?<![\w.]){_NUMBER_DAY}\.?[\s/-]*{_ROMAN}\.?[\s/.-]*{_YEAR}")),
    ("numeric", re.compile(
        rf"(?<![\w./,-]){_NUMBER_DAY}(?P<sep>[./,-])\s?(?P<num>[01]?\d)(?:(?P=sep)\s?|\.?\s)"
        rf"{_YEAR}(?![\d./]\d)")),
    ("iso", re.compile(
        r"(?<![\w-])(?P<year>1[0-9]\d\d|20\d\d)-(?P<num>[01]\d)(?:-(?P<day>[0-3]\d))?(?![\w-])")),
    ("year-month-day", re.compile(
        rf"(?<![\w])[(\[]?(?P<year>1[0-9]\d\d|20\d\d)[)\]]?[\s,.]+{_MONTH_WORD}\s*{_DAY}(?!\w)",
        re.I)),
    ("month-year", re.compile(
        rf"(?<![\w]){_MONTH_WORD}{_BEFORE_YEAR}[(\[]?(?P<year>1[0-9]\d\d|20\d\d)(?!\d)[)\]]?",
        re.I)),
)
_HAS_YEAR = re.compile(r"\d\d|c [ivxl]")
_LAST_DAY = 0  # `all’ultimo d’aprile`: the month's last day
_DAY_WORDS = {"primo": 1, "premier": 1, "primero": 1, "first": 1,
              "ultimo": _LAST_DAY, "último": _LAST_DAY, "dernier": _LAST_DAY, "last": _LAST_DAY}


@dataclass(frozen=True)
class FoundDate:
    """A date found in a string: its value and where it stands."""

    value: DateValue
    start: int
    end: int
    rule: str = ""
    """Name of the written form that matched (`day-month-year`, `numeric`…)."""


def iso_date(year: int, month: int | None, day: int | None) -> str | None:
    """`YYYY-MM-DD` (or `YYYY-MM` without a day) when that day exists, else None."""
    if month is None or not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        calendar_date(year, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month_of(match: re.Match[str]) -> int | None:
    groups = match.groupdict()
    if groups.get("roman"):
        return ROMAN_MONTHS[groups["roman"]]
    if groups.get("num"):
        return int(groups["num"])
    word = groups.get("month")
    return month_number(word) if word else None


def _year(match: re.Match[str], century: int | None) -> int | None:
    groups = match.groupdict()
    if groups.get("year"):
        return int(groups["year"])
    if groups.get("yy") and century is not None:
        return century * 100 + int(groups["yy"])
    if groups.get("yyy"):
        return 1000 + int(groups["yyy"])  # `Wien, 28. X. 904`: the thousands left out
    if groups.get("old"):
        hundreds, _, rest = groups["old"].split()[-2:][0].partition("c")
        return 1000 + 100 * (roman_value(hundreds) or 1) + (roman_value(
            groups["old"].split()[-1]) or 0)  # `mil vc xxxvi`: 1000, 5 × 100, 36
    return None


def _day_number(text: str) -> int | None:
    word = text.lower()
    if word in _DAY_WORDS:
        return _DAY_WORDS[word]
    if word.isdigit():
        return int(word)
    return roman_value(word) if text.islower() and set(word) <= set("ivx") else \
        ordinal_day(word)


def _value(rule: str, match: re.Match[str], century: int | None) -> str | None:
    year = _year(match, century)
    if year is None:
        return None
    month = _month_of(match)
    day_text = match.groupdict().get("day")
    day = _day_number(day_text) if day_text else None
    if day_text and day is None:
        return None  # a word in the place of the day that names none
    if day == _LAST_DAY and month is not None and 1 <= month <= 12:
        day = monthrange(year, month)[1]
    if rule == "numeric" and match["sep"] == "," and not match.groupdict().get("yyy") \
            and not match.groupdict().get("year"):
        return None  # `17,5,94` may be numbers; `17,5,944` and `17,5,1944` are dates
    if rule == "numeric" and month is not None and day is not None and month > 12 >= day:
        month, day = day, month  # `6/27/1850`: month first, as American letters write it
    return iso_date(year, month, day)


# `3 April [188]9`, `18[89]`: digits of a year the edition supplied in brackets.
_SUPPLIED_DIGITS = re.compile(
    r"(?<![\d\[])(?:\[(\d{1,3})\](\d{1,3})|(\d{1,3})\[(\d{1,3})\])(?![\d\]])")


def _year_unbracketed(text: str) -> str:
    """The text with a year's supplied digits joined, padded so that offsets stay."""
    def join(match: re.Match[str]) -> str:
        digits = "".join(group for group in match.groups() if group)
        if len(digits) != 4 or not 1400 <= int(digits) <= 2099:
            return match.group()
        return digits + "  "
    return _SUPPLIED_DIGITS.sub(join, text) if "[" in text else text


# `1727-8`, `1709/10`, `1582/3`: a year written in both reckonings (the year began on
# 25 March in England and elsewhere until the 1750s); the date is the later year's.
_DUAL_YEAR = re.compile(r"(?<![\d/-])(1[4-9]\d\d)\s?[-/]\s?(\d{1,2})(?![\d/-])")


def _dual_year_joined(text: str) -> str:
    """The text with a dual year read as its later year, padded so that offsets stay."""
    def join(match: re.Match[str]) -> str:
        later, digits = int(match.group(1)) + 1, match.group(2)
        if str(later).endswith(digits) and len(digits) < 3:
            return str(later).ljust(len(match.group()))
        return match.group()
    return _DUAL_YEAR.sub(join, text) if ("-" in text or "/" in text) else text


def find_dates(text: str, century: int | None = None) -> list[FoundDate]:
    """Every date in `text`, in reading order; where two overlap, the more precise wins.

    Years of two digits are read only with the `century` (18 for the 1800s) they fall in."""
    return list(_dates_in(text, century))


# The recognisers of a letter's parts ask about the same lines again and again (four
# times each on average): the answers are remembered, for the lines of a few letters.
_REMEMBERED_LINES = 4096


@lru_cache(maxsize=_REMEMBERED_LINES)
def _dates_in(text: str, century: int | None) -> tuple[FoundDate, ...]:
    """find_dates's answer, as a tuple that can be shared."""
    if not _HAS_YEAR.search(text):
        return ()
    text = _dual_year_joined(_year_unbracketed(text))
    found: list[FoundDate] = []
    for rule, pattern in _RULES:
        position = 0
        while (match := pattern.search(text, position)) is not None:
            iso = _value(rule, match, century)
            start, end = match.start(), match.end()
            # Not a date (`15 Blauwolkengasse 24`): look again one character further.
            position = start + 1 if iso is None else end
            if iso is None or any(start < other.end and other.start < end for other in found):
                continue  # or a less precise reading of a date already found
            found.append(FoundDate(DateValue(when=iso), start, end, rule))
    return tuple(sorted(found, key=lambda f: f.start))


def find_date(text: str, century: int | None = None) -> FoundDate | None:
    """The first date in `text` that gives a day, else the first that gives a month."""
    dates = _dates_in(text, century)
    full = [d for d in dates if d.value.when and len(d.value.when) == 10]
    chosen = full or dates
    return chosen[0] if chosen else None


def parse_iso(value: str) -> DateValue | None:
    """A DateValue from an editor's ISO string (`1936`, `1936-08`, `1936-08-10`) that exists."""
    return DateValue(when=value) if iso_problem(value) is None else None


def iso_problem(value: str) -> str | None:
    """What is wrong with an ISO date string, or None when it is a real YYYY[-MM[-DD]]."""
    match = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", value)
    if match is None:
        return f"{value!r} is not ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)"
    year, month, day = match.groups()
    if month is not None and iso_date(int(year), int(month), int(day) if day else None) is None:
        return f"{value!r} is not a date of the calendar"
    return None


def range_start(value: str) -> str:
    """The first day an ISO date of any precision covers: `1902` → `1902-01-01`."""
    return value + "-01-01"[len(value) - 4:] if len(value) < 10 else value


def range_end(value: str) -> str:
    """The last day an ISO date of any precision covers: `1902` → `1902-12-31`."""
    if len(value) == 4:
        return value + "-12-31"
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:])
        return f"{value}-{monthrange(year, month)[1]:02d}"
    return value


# ------------------------------------------------------------------ datelines

_LONGEST_DATELINE = 100
_TRAILING = re.compile(r"^[\s.,;:)\]—–-]*$")


@dataclass(frozen=True)
class DatelineFound:
    """A line that is a (place and) date: the values and where they stand in the line."""

    date: DateValue
    date_start: int
    date_end: int
    place: str | None = None
    place_start: int = 0
    place_end: int = 0


@lru_cache(maxsize=_REMEMBERED_LINES)
def read_dateline(line: str, century: int | None = None) -> DatelineFound | None:
    """A line that is nothing but a date, with a place before it: values and spans.

    With a `century`, years of two digits are read too (`Zürich den 9ten Aug. 45.`)."""
    if len(line) > _LONGEST_DATELINE:
        return None  # a paragraph, not a date line: spare the date patterns
    found = find_date(line, century)
    if found is None:
        return None
    place = place_before(line[: found.start])
    tail = line[found.end:]
    if not _TRAILING.match(tail) and not is_time_tail(tail):
        after = place_after(tail)
        if after is None or place is None:
            return None
        if place[0]:  # `Dresden, den 12. Dezember 1926 Elisenstr. 11`: the address after
            if not any(ch.isdigit() for ch in after[0]):
                return None
        else:
            name, start = after[0], found.end + after[1]
            return DatelineFound(found.value, found.start, found.end, name, start,
                                 start + len(name))
    if place is None:
        return None
    name, start = place
    if not name:
        return DatelineFound(found.value, found.start, found.end)
    return DatelineFound(found.value, found.start, found.end, name, start, start + len(name))


_YEARLESS = (
    re.compile(rf"(?<![\w.]){_DAY}{_OF}\s*{_MONTH_WORD}(?P<tail>[^\d]*|[\s—–-]+\d.*)$", re.I),
    re.compile(rf"(?<!\w){_MONTH_WORD}[\s:—–-]*\[?{_DAY}\]?(?P<tail>\D.*)?$", re.I),
)


def read_yearless_place(line: str) -> str | None:
    """The place of a date line that gives no year (`Berlin, 18. April.`), else None."""
    if len(line) > _LONGEST_DATELINE:
        return None
    for pattern in _YEARLESS:
        match = pattern.search(line)
        tail = (match["tail"] or "") if match is not None else ""
        if match is not None and month_number(match["month"]) is not None and (
                _TRAILING.match(tail) or is_time_tail(tail)):
            place = place_before(line[: match.start()])
            return (place[0] or None) if place else None
    return None


_LONGEST_WEEKDAY_LINE = 60
_WORD_END = ".,;:—–-"


def read_weekday_place(line: str) -> str | None:
    """The place of a date line that gives only the weekday and the time of day, as
    notes and letters between neighbours are dated: `Camden Thursday evening`, `Wien,
    Montag`, `431 Stevens st. Thursday afternoon`, `Paris, mardi soir`; else None."""
    if len(line) > _LONGEST_WEEKDAY_LINE:
        return None
    tokens = line.split()
    for index, token in enumerate(tokens[1:], start=1):
        if not is_weekday(token.strip(_WORD_END)):
            continue
        tail = " ".join(tokens[index + 1:])
        if not (_TRAILING.match(tail) or is_time_tail(tail)):
            return None
        place = place_before(" ".join(tokens[:index]))
        return (place[0] or None) if place else None
    return None


def parse_dateline(line: str) -> tuple[DateValue, str | None] | None:
    """A line that is nothing but a (place and) date: its value and place, else None."""
    found = read_dateline(line)
    return None if found is None else (found.date, found.place)
