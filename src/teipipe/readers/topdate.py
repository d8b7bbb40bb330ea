"""A dateline at the head of a letter, looser than one anywhere else.

`Camden Evn'g Jan 14 '90`, `Donnerstag`, `Göding, 17ten 11 Uhr.`, and the line of
figures a telegraph office prints above a telegram (`de berlin 25111 17 6 9-35,–m=`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..language.datewords import MONTHS, fold, is_weekday, month_number, words

_TOKEN = re.compile(r"[^\s,;:—–/()\[\]]+")
_YEAR = re.compile(r"^(?:1[4-9]\d\d|20\d\d)$")
_SHORT_YEAR = re.compile(r"^['’]\d\d$")
_ORDINAL = re.compile(r"^(?:[0-3]?\d)(?:st|nd|rd|th|d|er|re|e|ème|eme|ten|te|t|º|°|o|a)$", re.I)
_NUMERIC_DATE = re.compile(
    r"^\d{1,2}[./\-,]\s?(?:\d{1,2}|[IVX]{1,4})[./\-,]\s?\d{2,4}$|^\d{1,2}[./][IVX]{1,4}\.?$")
_ELISION = re.compile(r"^(?:d|l|dall|dell|all|a|de)['’](?=\w)", re.I)
# Day and month in figures, the year short or left out: `16/5 95`, `11/VII. 10`, `8 VII 93`.
_DAY_MONTH = re.compile(r"(?<![\w/.])\d{1,2}\.?\s?(?:[./]\s?\d{1,2}|[./]?\s?[IVX]{1,4})\b")
_INNER_MARK = re.compile(r"(?<=[^\W\d_]{3})[.'’](?=[^\W\d_]{1,2}$)")
_OLD_NUMERAL = re.compile(r"^[ivxlcdm]+(?:e|me|ième|eme)?$")
# Words a dateline holds besides place and date: times of day, `the … day of`, street words.
_DATELINE_WORDS = words(
    "morning forenoon noon afternoon aftn evening evng eve night midnight am pm a.m p.m p m "
    "morgens fruh vormittag vormittags mittag mittags nachmittag nachmittags abend abends "
    "nacht nachts matin midi apres-midi soir soiree nuit mattina mattino mezzogiorno "
    "pomeriggio sera notte manana mediodia tarde noche ore uhr heures h oclock o'clock "
    "day jour tag giorno dia of the this den der dem am im le la ce li il lo el a à au en "
    "de di del d du da von vom in at on ad addi adi mil mille anno year jahr an ano "
    "st street road rd ave avenue cor corner no nr n° rue via calle strasse str platz "
    "written escrit escript ecrit geschrieben scritto escrito dated datum date fecha data "
    "and und et e y u. near pres bei b. presso cerca")


# Words that tell the hour after a number: `17ten 11 Uhr`, `9 o'clock`, `10 heures`, `8 horas`.
_CLOCK_WORDS = words("uhr o'clock oclock heures heure h ore ora horas hora hs hrs hr")


def _tells_the_hour(tokens: Sequence[str], kinds: Sequence[str]) -> bool:
    """A day and an hour in figures (`Göding, 17ten 11 Uhr.`): two numbers, one of them
    followed by a word of the clock, and no other lower-case word."""
    clock = [fold(token.strip(".")) in _CLOCK_WORDS for token in tokens]
    if kinds.count("number") < 2 or any(
            kind == "word" and not hour for kind, hour in zip(kinds, clock, strict=True)):
        return False
    # The hour's figure stands right before the word of the clock.
    return any(kind == "number" and hour
               for kind, hour in zip(kinds[:-1], clock[1:], strict=True))


_FIGURES = re.compile(r"^\d[\d/:.\-]*[+=]?$")
_LEAST_TRANSMISSION_FIGURES = 4
_TWO_LETTERS = re.compile(r"[^\W\d_]{2}")


def _transmission_line(tokens: Sequence[str]) -> bool:
    """The line a telegraph office prints above a telegram's text: office and place,
    then the telegram's number, its count of words, the day and the hour in figures
    (`de berlin 25111 17 6 9-35,–m=`, `w paris 22598 15 1 28 :=`)."""
    figures = sum(1 for token in tokens if _FIGURES.match(token))
    worded = sum(1 for token in tokens if _TWO_LETTERS.search(token))
    return figures >= _LEAST_TRANSMISSION_FIGURES and figures > worded


def _date_kind(token: str) -> str:
    """What a word of a line is to a dateline: `month`, `weekday`, `year`, `number`,
    `numeric` (a whole date in figures), `filler`, `name` (capitalised) or `word`."""
    word = _ELISION.sub("", token.strip(".'’\"-*"))
    if not word:
        return "filler"
    if _NUMERIC_DATE.match(word):
        return "numeric"
    if _YEAR.match(word) or _SHORT_YEAR.match(token.strip(".\"-")):
        return "year"
    if word.isdigit() or _ORDINAL.match(word):
        return "number"
    bare = _INNER_MARK.sub("", word)  # `Feb.y`, `Jan'y`: English abbreviations
    if bare.isalpha() and (bare[:1].isupper() or len(bare) > 3) and (
            fold(bare) in MONTHS or (token.endswith(".") or bare != word)
            and month_number(bare) is not None):
        return "month"  # a month's name or its abbreviation (`Dezbr.`), not `Otto`
    if is_weekday(word) or is_weekday(word[:3]) and word[:1].isupper() and len(word) <= 5:
        return "weekday"
    if fold(word) in _DATELINE_WORDS:
        return "filler"
    if _OLD_NUMERAL.match(word):
        return "number"  # `le xviie jour d'avril m vc xxxvii`
    if word[:1].isupper() or word[:1].isdigit():
        return "name"
    return "word"


_LONGEST_TOP_DATELINE = 16


def top_dateline(text: str) -> bool:
    """A short line at a letter's head that states when (and where) it was written.

    Looser than a dateline anywhere: `Camden Evn'g Jan 14 '90`, `Donnerstag`,
    `322 Stevens st. Camden, N.J. Monday June 7.`, `Nugola 17,5,944`. The line must
    show a date (a month with a day or year, a year, a date in figures, a weekday)
    and hold hardly any lower-case word that is not a word of datelines.
    """
    stripped = text.strip()
    if not stripped or len(stripped) > 120 or stripped[-1:] in ",:!?;":
        return False
    tokens = _TOKEN.findall(stripped)
    if not tokens or len(tokens) > _LONGEST_TOP_DATELINE:
        return False
    if _transmission_line(tokens):
        return True
    kinds = [_date_kind(t) for t in tokens]
    if kinds.count("word") > min(2, len(tokens) // 3):
        return False
    dated = "month" in kinds and ("number" in kinds or "year" in kinds)
    if set(kinds) == {"name", "year"} and kinds.count("name") >= 2:
        return False  # a name and a year (`Rosa Winter 1921`) is a byline
    if (dated or "year" in kinds or "numeric" in kinds or _DAY_MONTH.search(stripped)
            or _tells_the_hour(tokens, kinds)):
        return True
    # A weekday alone dates a note (`Donnerstag`, `Camden Thursday evening`), in a
    # line without any other word: `Samstag kommen die Cigaretten` is a sentence.
    return "weekday" in kinds and "word" not in kinds and len(tokens) <= 6
