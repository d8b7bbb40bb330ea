"""The start of a letter: its address lines, datelines and salutation.

`structure.py` cuts a piece of a letter into Units; the opener is read from the
first of them, in any order (`À Monsieur …`, `Paris, le 3 mai 1902.`, `Monsieur,`),
until the salutation or the first line of the letter's text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..language.correspondents import is_form_of_address, person_name
from ..language.dates import parse_dateline
from ..language.datewords import MONTHS, fold, is_weekday, month_number, words
from ..model import (
    AddressLine,
    Dateline,
    Opener,
    Salute,
    Text,
)
from . import address, rules
from .units import Unit, dateline_like, dateline_of


def read_opener(units: list[Unit]) -> tuple[Opener | None, list[Unit]]:
    """Leading address lines, datelines and salutations of a letter, in any order.

    A bracketed remark of the editor on place or date (`[Envoyée à Paris]`) stands
    with the datelines; an address in capitals opening a paragraph is split off.
    The opener ends at its salutation or at the first line of the letter's text.
    """
    parts: list[AddressLine | Dateline | Salute] = []
    salute_at = _salutation_ahead(units)
    while units and len(parts) < 6:
        unit = units[0]
        if address.is_address_line(unit.text) and not rules.is_salutation(unit.text):
            parts.append(AddressLine(unit.inlines, unit.loc))
        elif dateline_like(unit.text) or top_dateline(unit.text):
            parts.append(dateline_of(unit, parse_dateline(unit.text)))
        elif name_above_opener(units):
            parts.append(AddressLine(unit.inlines, unit.loc))
        elif salutation(unit.text) or _salutation_shaped(units):
            parts.append(Salute(unit.inlines, unit.loc))
        elif salute_at is not None and len(parts) < salute_at:
            # A letterhead or an address the rules do not know, above a salutation.
            parts.append(AddressLine(unit.inlines, unit.loc))
        else:
            split = _split_salutation(unit)
            if split is not None:
                parts.append(split[0])
                units[0] = split[1]
            break
        units.pop(0)
        if isinstance(parts[-1], Salute) and not (units and dateline_like(units[0].text)):
            break
    if not parts:
        return None, units
    return Opener(tuple(parts), parts[0].loc), units


_HEAD_UNITS = 4  # a salutation stands among a letter's first units, or there is none
_LONGEST_HEAD_UNIT = 30  # words: above the salutation, longer units are the letter's text


def _salutation_ahead(units: Sequence[Unit]) -> int | None:
    """Where a salutation stands among the first units, with only short units above it."""
    for index, unit in enumerate(units[:_HEAD_UNITS]):
        if salutation(unit.text):
            return index
        if rules.word_count(unit.text) > _LONGEST_HEAD_UNIT:
            return None
    return None


# Words of endearment and esteem that make a short line a salutation wherever they stand
# in it: `Liana cara.`, `Genitori adorati.`, `Amore mio.`, `Figlio adorato`.
_ENDEARMENT = re.compile(
    r"""\b(?:car[oaie]|carissim[oaie]|adorat[oaie]|amatissim[oaie]|dilettissim[oaie]|dilett[oaie]
        | amore\s+mio | mio\s+amore | tesoro\s+mio | querid[oa]s? | queridísim[oa]s? | amad[oa]s?
        | chéri(?:e|s|es)? | bien-aimée? | darling | beloved | dearest | liebste[rn]?
        | geliebte[rn]? | teuerste[rn]? | theuerste[rn]?)\b""",
    re.VERBOSE | re.IGNORECASE)
_LONGEST_ENDEARMENT = 4


def salutation(text: str) -> bool:
    """A salutation by its formula (`Lieber Richard,`), or a short line of endearment."""
    if rules.is_salutation(text):
        return True
    stripped = text.strip()
    return (rules.word_count(stripped) <= _LONGEST_ENDEARMENT and stripped[-1:] not in "?;"
            and bool(_ENDEARMENT.search(stripped)))


def opener_length(units: Sequence[Unit]) -> int:
    """How many of the leading units the opener takes (none of them heads a division)."""
    return len(units) - len(read_opener(list(units))[1])


def head_line(text: str, first: bool) -> bool:
    """A line of a letter's head: a title (first), an address, a dateline, a salutation.

    Books print them without blank lines above the first paragraph."""
    return ((first and rules.is_letter_title(text)) or address.is_address_line(text)
            or salutation(text) or dateline_like(text) or top_dateline(text))


def name_above_opener(units: Sequence[Unit]) -> bool:
    """A name alone above a dateline or salutation is the addressee's (`Alfred Escher`)."""
    text = units[0].text
    if len(units) < 2 or text[-1:] in ",:!;?" or person_name(text) is None:
        return False
    following = units[1].text
    return (salutation(following) or dateline_like(following)
            or top_dateline(following) or address.is_address_line(following))


def _salutation_shaped(units: Sequence[Unit]) -> bool:
    """A short address ending in `,` `:` or `!` before the first paragraph (`Werter Herr!`)."""
    text = units[0].text
    if len(units) < 2 or rules.word_count(text) > 6:
        return False
    # Without a mark of address only a few words can be one (`Ma brave comtesse`), and
    # not words all capitalised, as the heading of an essay's part is (`The Early Years`).
    if text[-1:] not in ",:!" and (rules.word_count(text) > 3 or text[-1:] in "?;"
                                   or _all_capitalised(text)):
        return False
    following = units[1].text
    return rules.word_count(following) > rules.word_count(text) + 6


def _all_capitalised(text: str) -> bool:
    """Several words, all capitalised, none of them a form of address (`The Early Years`)."""
    words = text.split()
    return (len(words) > 1 and all(word[:1].isupper() for word in words)
            and not any(is_form_of_address(word) for word in words))


def _split_salutation(unit: Unit) -> tuple[Salute, Unit] | None:
    """`DEAR COMRADES, here are…`: the address in capitals becomes the salutation."""
    first = unit.inlines[0] if unit.inlines else None
    if not isinstance(first, Text):
        return None
    length = rules.salutation_prefix(first.text.lstrip())
    if not length:
        return None
    skip = len(first.text) - len(first.text.lstrip())
    cut = skip + length
    salute = Salute((Text(first.text[:cut].rstrip(), first.loc),), first.loc)
    rest = Text(first.text[cut:].lstrip(), first.loc.shifted(cut))
    return salute, replace(unit, inlines=(rest, *unit.inlines[1:]))


# ------------------------------------------------------------ a dateline at the top

_TOKEN = re.compile(r"[^\s,;:—–/()\[\]]+")
_YEAR = re.compile(r"^(?:1[4-9]\d\d|20\d\d)$")
_SHORT_YEAR = re.compile(r"^['’]\d\d$")
_ORDINAL = re.compile(r"^(?:[0-3]?\d)(?:st|nd|rd|th|d|er|re|e|ème|eme|ten|te|t|º|°|o|a)$", re.I)
_NUMERIC_DATE = re.compile(
    r"^\d{1,2}[./\-,]\s?(?:\d{1,2}|[IVX]{1,4})[./\-,]\s?\d{2,4}$|^\d{1,2}[./][IVX]{1,4}\.?$")
_ELISION = re.compile(r"^(?:d|l|dall|dell|all|a|de)['’](?=\w)", re.I)
# Day and month in figures, the year short or left out: `16/5 95`, `11/VII. 10`, `8 VII 93`.
_DAY_MONTH = re.compile(r"(?<![\w/.])\d{1,2}\.?\s?(?:[./]\s?\d{1,2}|[./]?\s?[IVX]{1,4})\b")
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
    if word.isalpha() and (word[:1].isupper() or len(word) > 3) and (
            fold(word) in MONTHS or token.endswith(".") and month_number(word) is not None):
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
    kinds = [_date_kind(t) for t in tokens]
    if kinds.count("word") > min(2, len(tokens) // 3):
        return False
    dated = "month" in kinds and ("number" in kinds or "year" in kinds)
    if set(kinds) == {"name", "year"} and kinds.count("name") >= 2:
        return False  # a name and a year (`Rosa Winter 1921`) is a byline
    if dated or "year" in kinds or "numeric" in kinds or _DAY_MONTH.search(stripped):
        return True
    # A weekday alone dates a note (`Donnerstag`, `Camden Thursday evening`), in a
    # line without any other word: `Samstag kommen die Cigaretten` is a sentence.
    return "weekday" in kinds and "word" not in kinds and len(tokens) <= 6
