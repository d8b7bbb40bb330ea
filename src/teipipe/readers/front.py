"""Front matter: the lines a publisher puts before a work (title, byline, `Source:` lines).

They are kept verbatim in TEI `front` and also read for the header: who wrote
it, to whom a letter went, where the text was taken from, its licence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..language.correspondents import without_leading_date
from ..model import FrontLine, FrontRole, Licence
from . import opening, rules, topdate
from .units import Unit

_LABELLED: tuple[tuple[FrontRole, re.Pattern[str]], ...] = (
    ("source", re.compile(r"^(?:Source|Sources|First published|Original)\s*:", re.I)),
    ("translation", re.compile(r"^(?:Translated|Translation|Translated by|Traduction)\s*:?",
                               re.I)),
    ("licence", re.compile(
        r"^(?:Copy\s?left|Copyright|Licen[cs]e|Public Domain|©|Creative Commons)\b", re.I)),
    ("source", re.compile(r"^(?:Transcri(?:bed|ption)|HTML Mark-?up|Proofread|Written|"
                          r"Online Version)\b.*:", re.I)),
    ("publication", re.compile(r"^(?:Appears in|Published in|First (?:appeared|printed) in|"
                               r"Originally published|Reprinted (?:in|from))\b", re.I)),
)
_BYLINE = re.compile(r"^(?:By|Par|Von|Por|Di)\s+(?P<name>[A-ZÀ-Ý][\w.’' -]{2,60})$")
_NAME_YEAR = re.compile(
    r"^(?P<name>[A-ZÀ-Ý][\w.’'-]+(?:\s+[A-ZÀ-Ý][\w.’'-]+){0,3})(?:\s+(?P<year>1[5-9]\d\d|20\d\d))?$")
_CATEGORY = re.compile(r"^[\w’' -]+(?:/[\w’' -]+)+$")
# `Brief von X an Y, Ort, Datum`, `Lettre de X à Y`, `X to Y`, `X a Y, Luogo, data`.
_FROM_TO = re.compile(
    r"""^(?:(?:(?:an?|the|ein|une?|una?)\s+)?(?:letter|lettre|brief|carta|lettera)\s+
          (?:von|of|from|de|du|di|da|del|della|d['’])\s*)?
        (?P<sender>[A-ZÀ-Ý][^,;:]*?)\s+(?:to|an|à|a|al|alla|ad|aan|para)\s+
        (?P<addressee>[A-ZÀ-Ýa-zà-ÿ][^,;:]*?)\s*(?:,.*)?$""",
    re.VERBOSE | re.IGNORECASE)
_LONGEST_NAME = 6
_LETTER_TO = re.compile(
    r"^(?:An?\s+)?(?:Open\s+)?(?:Letter|Lettre|Brief|Carta|Lettera)\s+(?:to|à|an|a)\s+(?P<who>.+)$",
    re.I)


@dataclass(frozen=True)
class FrontFacts:
    """What the front matter says about the work."""

    title: str = ""
    authors: tuple[str, ...] = ()
    year: str | None = None
    addressee: str | None = None
    source_bibl: str = ""
    translator: str | None = None
    licence: Licence | None = None


def _labelled_role(text: str) -> FrontRole | None:
    for role, pattern in _LABELLED:
        if pattern.match(text):
            return role
    return None


def _is_long_paragraph(text: str) -> bool:
    return rules.word_count(text) > 40


def split_front(units: Sequence[Unit]) -> tuple[list[FrontLine], list[Unit]]:
    """The leading front-matter lines and the units of the work that follow them."""
    front: list[FrontLine] = []
    index = 0
    seen_title = False
    while index < len(units):
        unit = units[index]
        text = unit.text
        role = _labelled_role(text)
        if role is None and not seen_title and index == len(front) and rules.is_letter_title(text):
            role = "title"  # `Brief von X an Y, Ort, Datum` ends with a date, yet titles
        if role is None and front and front[-1].role == "title" and _titles_date(units, index):
            role = "date"
        if role is None and (opening.head_line(text, first=False) or rules.salutation_prefix(text)
                             or opening.name_above_opener(units[index:])):
            break  # the letter's opener: `À Monsieur …`, `Alfred Escher` above `Lieber Freund!`
        if role is None:
            role = _unlabelled_role(units, index, seen_title, bool(front))
        if role is None:
            break
        seen_title = seen_title or role == "title"
        front.append(FrontLine(role, unit.inlines, unit.loc))
        index += 1
    return front, list(units[index:])


_LETTER_END = 4  # units at the end of a text where a letter's closing dateline stands


def _titles_date(units: Sequence[Unit], index: int) -> bool:
    """A dateline under a title is the editor's when the letter has a dateline of its own.

    The letter's own stands below it (a second dateline) or in the closing at the end:
    `Edward Carpenter to Walt Whitman` / `Millthorpe, January 27, 1889` / … /
    `Millthorpe near Chesterfield, England, Jan. 27 '89`."""
    if not _dated(units[index].text):
        return False
    # The letter's own below it, an address line or two between (`To C. E. Perkins`).
    for unit in units[index + 1: index + 1 + _HEAD_LINES]:
        if _dated(unit.text):
            return True
        if rules.word_count(unit.text) > _HEAD_LINE_WORDS or opening.salutation(unit.text):
            break
    return any(_closing_date(unit.text)
               for unit in units[max(index + 2, len(units) - _LETTER_END):])


_HEAD_LINES = 3
_HEAD_LINE_WORDS = 14
# A year alone (an envelope's `1913`), or a postmark's stamp: the hour between the day
# and the year (`Chicago ILL. Mar 1 4-PM 1900`).
_NOT_THE_LETTERS = re.compile(
    r"^\s*(?:1[4-9]|20)\d\d\s*$|\d{1,2}\s*-\s*[AP]\.?\s?M\.?\s+(?:1[4-9]|20)\d\d\b", re.I)


def _closing_date(text: str) -> bool:
    """A date line at the end that dates the letter, not an envelope's year or stamp."""
    return rules.is_dateline(text) and _NOT_THE_LETTERS.search(text) is None


def _dated(text: str) -> bool:
    """A line with a date (an editor's bracketed `[Envoyée à Paris]` is the letter's)."""
    return rules.is_dateline(text) or topdate.top_dateline(text)


def _unlabelled_role(units: Sequence[Unit], index: int, seen_title: bool,
                     has_front: bool) -> FrontRole | None:
    text = units[index].text
    if _is_long_paragraph(text):
        return _summary_role(units, index, seen_title)
    if _BYLINE.match(text) or (not has_front and _NAME_YEAR.match(text)):
        return "byline"
    if not has_front and _CATEGORY.match(text) and rules.word_count(text) <= 6:
        return "category"
    if not seen_title and rules.is_heading(text):
        return "title"
    return None


def _summary_role(units: Sequence[Unit], index: int, seen_title: bool) -> FrontRole | None:
    """A paragraph between title and first heading, followed only by front lines, summarises."""
    if not seen_title:
        return None
    for follow in units[index + 1: index + 4]:
        if _labelled_role(follow.text) in ("publication", "source"):
            return "summary"
        if rules.is_heading(follow.text):
            return "summary"
        break
    return None


def facts(front: Sequence[FrontLine]) -> FrontFacts:
    """Title, authors, addressee, source and licence as the front lines state them."""
    title, authors, year, addressee = "", [], None, None
    source_parts: list[str] = []
    translator = None
    licence = None
    for line in front:
        text = "".join(getattr(n, "text", "") for n in line.inlines).strip()
        if line.role == "title" and not title:
            title = _MARKER.sub("", text)
            named = without_leading_date(title)[1]  # `29. Mai 1857. X an Y`
            letter_to = _LETTER_TO.match(named)
            parties = _FROM_TO.match(named)
            if letter_to:
                addressee = letter_to["who"].strip()
            elif parties and rules.word_count(parties["sender"]) <= _LONGEST_NAME:
                authors.append(parties["sender"].strip())
                addressee = parties["addressee"].strip()
        elif line.role == "byline":
            match = _BYLINE.match(text) or _NAME_YEAR.match(text)
            if match:
                authors.append(match["name"].strip())
                year = match.groupdict().get("year") or year
        elif line.role == "source":
            source_parts.append(_LABEL.sub("", text).rstrip(";"))
        elif line.role == "translation":
            translator = _translator_of(text)
        elif line.role == "licence":
            licence = Licence(text.rstrip(";."), _licence_url(text))
    return FrontFacts(title, tuple(authors), year, addressee, "; ".join(source_parts),
                      translator, licence)


_LABEL = re.compile(r"^[^:]*:\s*")
# A note marker printed after a title's words is no part of the title.
_MARKER = re.compile(r"\s?\[\d{1,3}\]")
_BY_NAME = re.compile(r"\bby\s+(?P<name>[A-ZÀ-Ý][\w.’' -]+?)\s*[;.]?$")
_ADDRESS = re.compile(r"https?://\S+")


def _translator_of(text: str) -> str | None:
    match = _BY_NAME.search(text)
    return match["name"].strip() if match else None


def _licence_url(text: str) -> str | None:
    """An address written on the licence line; a licence's version is never guessed."""
    match = _ADDRESS.search(text)
    return match.group().rstrip(".;,)") if match else None
