"""Verdicts on one conversion: for each field, (right, counted) against the gold record.

A field is counted only where the text states it: the date and place where the
title line or the dateline shows them, the sender where the title line or the
signature names them, the recipient where the title line, an address line or the
salutation names them. Names match on the surname (the last capitalised word of
the edition's form); texts match on their letters and digits, case-folded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher

from convert import Prediction

FIELDS = ("date", "place", "sender", "recipient", "opener", "closer", "paragraphs",
          "notes", "lossless", "converted")
Marks = dict[str, tuple[int, int]]


def norm(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def surname(name: str) -> str:
    words = [w for w in name.replace(",", " ").split() if w[:1].isupper()]
    return norm(words[-1]) if words else norm(name)


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
    place = norm(str(item["place"]))
    marks["place"] = ((int(bool(place) and place in norm(found.place)), 1)
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
