"""Datelines of a letter's closing that the dateline rule of the head does not read.

A letter's last lines write when it was written in shorter shapes than its head does: a
weekday alone, a day and month without the year, `Given at…`, figures joined by hyphens,
a month in Roman numerals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..language.datewords import MONTHS, fold
from ..model import Signed
from . import rules
from .units import names_a_place, place_alone

# A dateline of the closing that the dateline rule does not read: a weekday alone
# (`Donnerstag`, `Sunday morning`), a line that says where it was written (`Escript à
# Vyenne le iiiie d’aoust`, `Given at…`, `Fait à…`), a day in Roman numerals before a
# month (`ce xxiie jour d’octobre`).
_WEEKDAY = (r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag"
            r"|sontag|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
            r"|luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domenica"
            r"|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)")
_WEEKDAY_LINE = re.compile(rf"^{_WEEKDAY}\b(?:\s+[^\W\d_]+){{0,2}}[.,]?$", re.IGNORECASE)
_WRITTEN_AT = re.compile(
    r"^(?:escript|escrit|[ée]crit|fait|faict|donn[ée]|datum|gegeben|geschrieben|given|written"
    r"|dated|dato|data|scritt[ao]|fecha|fecho|dada|dado)\b[\s,]+(?:\w+\s+){0,2}?"
    r"(?:à|a|en|in|at|zu|ze|au|de|da|di)\s+[A-ZÀ-Ý]", re.IGNORECASE)
_ROMAN_DAY = re.compile(
    r"\b(?:le|ce|den|the|il|el|lo)\s+[ivxlc]+(?:e|me|er|eme|ème|º|°)?\s+(?:jour\s+)?(?:d[e’']\s?)?"
    r"[^\W\d_]{3,}", re.IGNORECASE)
# A place and a weekday, the hour taken off (`Camden Wednesday`, `Wien, Mittwoch`, `Paris,
# jeudi soir`, `Roma, venerdì`, `Madrid, martes`): the place's words capitalised.
_PLACE_AND_WEEKDAY = re.compile(
    rf"^(?:[A-ZÀ-Ý][\w'’.-]*,?\s+){{1,3}}(?i:{_WEEKDAY})\b(?:\s+[^\W\d_]+)?[.,]?$")
_LONGEST_OLD_DATELINE = 16
# The second year of a date between the 1st January and Lady Day in the old style
# (`Boston, Jan. 31. 1744, 5.`, `Feb. 27th, 1743,4.`).
_DUAL_YEAR = re.compile(r"(?<=1\d{3}),\s?\d\.?$")


def closing_dateline(text: str) -> bool:
    """A line of the closing that says when (and where) the letter was written."""
    if _dated(text):
        return True
    # The hour written with the date (`Washington Monday forenoon May 23 '64`, `Camden Feb:
    # 24 '88— noon`, `Bonn 14.6.21. nachts.`): the date is read without it.
    if rules.word_count(text) > _LONGEST_OLD_DATELINE or not _TIME_OF_DAY.search(text):
        return False
    timeless = _TIME_OF_DAY.sub(" ", text.replace("—", " ")).strip(" —-,")
    return bool(timeless) and _dated(timeless)


def place_over_name(text: str, parts: Sequence[object]) -> bool:
    """A place alone between the closing formula and the name under it (`London, Grosvenor
    Street.` above `F. HENLEY.`, `Villa Rossi.` above `Paolo.`): the closing's dateline.

    Only a place that shows itself as one, by its parts after a comma or a word for a
    house or street: a word alone above a name may be a name too."""
    return (len(parts) == 1 and isinstance(parts[0], Signed) and place_alone(text)
            and ("," in text or names_a_place(text.replace("-", " ")))
            and not (rules.is_closing(text) or rules.is_salutation(text)))


def _dated(text: str) -> bool:
    if rules.is_dateline(text) or rules.is_dateline(_DUAL_YEAR.sub("", text)):
        return True
    stripped = text.strip()
    if rules.word_count(stripped) > _LONGEST_OLD_DATELINE:
        return _given_at_length(stripped)
    return bool(_WEEKDAY_LINE.match(stripped) or _PLACE_AND_WEEKDAY.match(stripped)
                or _WRITTEN_AT.match(stripped)
                or _day_and_month(stripped) or _PLACE_BY_ITS_REGION.match(stripped)
                or (_ROMAN_DAY.search(stripped) and stripped[-1:] in ".,"
                    and rules.word_count(stripped) <= 10))


_LONGEST_GIVEN_AT = 40


def _given_at_length(text: str) -> bool:
    """A formula of where and when the letter was given, written out at length with its
    month (`GIVEN at Williamsburg, under my Hand and the Great-Seal of this Colony, this
    Twenty-Third Day of December, One Thousand Seven Hundred and Fifty Five.`)."""
    return (rules.word_count(text) <= _LONGEST_GIVEN_AT and bool(_WRITTEN_AT.match(text))
            and any(fold(word.strip(".,;:")) in MONTHS for word in text.split()))


# Words and figures of the hour, in the five languages (`forenoon`, `Evn'g`, `2 ½ PM`,
# `3 1/2 P M`, `nachts`, `vorm.`, `après-midi`, `ore 10`, `por la tarde`).
_TIME_OF_DAY = re.compile(
    r"""(?:\b\d{1,2}(?:[:.]\d{2}|\s?½|\s1/2)?\s?)?
        \b(?:forenoon|afternoon|aft['’]n|morning|morn|evening|evn['’]g|eve|night|noon|midnight
        |[ap]\.?\s?m\.?|o['’]?clock|vormittags?|nachmittags?|vorm\.|nachm\.|morgens|abends|nachts
        |mittags?|fr(?:ü|ue)h|uhr|matin|soir|soirée|après-midi|midi|nuit|heures?
        |mattin[ao]|sera|pomeriggio|notte|mezzogiorno|ore
        |(?:por\s+la\s+)?(?:mañana|tarde|noche)|mediod[ií]a)\b\.?(?:\s?\d{1,2}(?:[:.]\d{2})?\b)?""",
    re.VERBOSE | re.IGNORECASE)


# A place alone, named by its river or region as a closing's dateline names it
# (`Königsberg i.Pr.`, `Frankfurt a. M.`, `Halle a.d.S.`, `Stratford-upon-Avon`,
# `Châlons-sur-Marne`, `Kingston upon Hull`).
_PLACE_BY_ITS_REGION = re.compile(
    r"^[A-ZÀ-Ý][\w'’]+(?:\s+(?:i\.|a\.|b\.|a\.\s?d\.|ob\s+der|an\s+der|am|upon|sur|sous|près|lès)\s*"
    r"|-(?:sur|sous|upon|on|lès|en)-)[A-ZÀ-Ý][\w'’]*\.?(?:\s?[A-ZÀ-Ý][\w'’]*\.?)?,?$")


# A day and month, perhaps a place or address before and a two-digit year after, as a
# letter's last lines write them (`Apr 17th`, `Boston June- 4th 98`, `le 3 mars`,
# `Philadelphia May 27th / 09`, `328 Mickle Street Camden New Jersey June 14 '87`):
# no four-digit year, so the dateline rules of the head do not take them.
_DAY_AND_MONTH = re.compile(
    r"""^(?:(?:[A-ZÀ-Ý0-9][\w.'’-]*|[a-z]{1,4}\.),?\s+){0,7}
         (?:(?:[Ll]e|[Dd]en|d\.|am|il|el|the)\s+)?
         (?:(?P<first>[^\W\d_]{3,}[.:]?)\s*[-.]?\s*\d{1,2}(?:st|nd|rd|th|d)?
          | \d{1,2}(?:st|nd|rd|th|er|ten|te|\.)?\s+(?:(?:de|di|of)\s+)?(?P<then>[^\W\d_]{3,}\.?))
         (?:\s*[,/.]?\s*['’]?\d{2})?[.,]?$""",
    re.VERBOSE)


# A date in figures joined by hyphens, or with the month in Roman numerals, perhaps after a
# place (`Selvatelle 30-4-44`, `Amsterdam 5/X 04`, `Rodaun 6 XI.`).
_HYPHENED_DATE = re.compile(
    r"^(?:[A-ZÀ-Ý][\w.'’-]*,?\s+){0,3}(?:(?:d\.|den|le|il|el|am)\s+)?(?:(?:[0-2]?\d|3[01])-(?:0?[1-9]|1[0-2])-(?:\d{2}|1\d{3})"
    r"|(?:[0-2]?\d|3[01])\.?\s?[/.]?\s?(?:(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.?"
    r"\s?[/.]?\s?'?(?:\d{2}|1\d{3})|(?:XII|XI|X|IX|VIII|VII|VI|IV|III|II)))\.?$")


def _day_and_month(text: str) -> bool:
    if _HYPHENED_DATE.match(text):
        return True
    if _month_at_end(text):
        return True
    # A street address before the day and month (`431 Stevens st. cor West. Camden, N. Jersey.
    # March 12.`, `12, rue de Rivoli, le 3 mars`): the date is read after the address.
    if not _STREET.search(text):
        return False
    words = text.split()
    for start in range(max(1, len(words) - _LONGEST_DATE_AFTER_ADDRESS), len(words)):
        address = " ".join(words[:start])
        if (_STREET.search(address) and _HOUSE_NUMBER.search(address)
                and _month_at_end(" ".join(words[start:]))):
            return True
    return False


def _month_at_end(text: str) -> bool:
    match = _DAY_AND_MONTH.match(text)
    return match is not None and fold((match["first"] or match["then"]).rstrip(":")) in MONTHS


# Words of a street address in the five languages, and a house number.
_STREET = re.compile(
    r"\b(?:st|street|avenue|ave|road|rd|str|stra(?:ß|ss)e|gasse|platz|weg|allee|rue|bd"
    r"|boulevard|via|viale|piazza|corso|calle|avenida|avda|plaza|paseo)\b\.?", re.IGNORECASE)
_HOUSE_NUMBER = re.compile(r"(?<![\d/.-])\d{1,5}[a-z]?\b(?![./-]\d)")
_LONGEST_DATE_AFTER_ADDRESS = 5


# The words a date and the place before it take at a line's end (`Washington, July 21st, 1876`).
_DATELINE_TAIL_WORDS = (5, 4, 3)


def dateline_tail(text: str) -> str:
    """The place and date that end a line, or nothing."""
    words = text.split()
    return next((" ".join(words[-n:]) for n in _DATELINE_TAIL_WORDS
                 if len(words) > n and closing_dateline(" ".join(words[-n:]))), "")


def ends_in_dateline(text: str) -> bool:
    """A line of printed words that ends in a place and date (`LIBRARIAN OF CONGRESS
    COPYRIGHT OFFICE … Library of Congress, Washington, July 21st, 1876`)."""
    return bool(dateline_tail(text)) and rules.word_count(text) <= _LONGEST_LETTERHEAD


_LONGEST_LETTERHEAD = 30
