"""Marker patterns tried only where digits stand find what a scan of every character finds
(#16)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from teipipe.readers import markers

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "texts"
MADE = ("Brief2 vom 3. Mai 1845 3, daß er 12 Worte schrieb. 4 Apl. 11-18961. (1 et si",
        "his Servant,1the same; Brown 5 6 7 should see p. 22. and Rev. 7.1 risolvendosi2della",
        "4/15 18962 Philadelphia 5/12151 werde 1. entnommen. 1, daß  13 ")


def _spans(matches: object) -> list[tuple[int, int, str]]:
    assert isinstance(matches, list)
    return [(m.start(), m.end(), m["label"]) for m in matches]


@pytest.mark.parametrize("text", [*MADE, *(p.read_text(encoding="utf-8")
                                           for p in sorted(CORPUS.glob("*.txt")))])
def test_every_scan_finds_the_same_places(text: str) -> None:
    digits = [m.start() for m in re.finditer(r"\d", text)]
    found = 0
    for _quality, pattern in markers._SCANS:
        everywhere = _spans(list(pattern.finditer(text)))
        assert _spans(list(markers._digit_matches(pattern, text, digits))) == everywhere
        found += len(everywhere)
    assert found > 0


def test_a_pattern_of_another_shape_is_scanned_everywhere() -> None:
    pattern = re.compile(r"(?P<label>x\d)")
    text = "ax1 bx2"
    assert _spans(list(markers._digit_matches(pattern, text, [2, 6]))) == [
        (1, 3, "x1"), (5, 7, "x2")]
