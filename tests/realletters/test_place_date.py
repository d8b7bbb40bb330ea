"""Place and date of sending read from real letters, in every shape (no sidecar).

Italian: the Suriano dispatches of tests/fixtures/realletters/suriano, whose closing
date line writes the place in Italian (`Dall’Haya al primo decembre 1618`) where the
edition's header says `The Hague`. German: Escher and Schnitzler letters of
../shared/realworld. Texts are rendered into a temporary folder with
benchmarks/realletters, converted as `teipipe convert` would, and the header's
values compared with the editions' own.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve()
REALWORLD = HERE.parents[3] / "shared" / "realworld"
SURIANO = HERE.parents[1] / "fixtures" / "realletters" / "suriano"
sys.path.insert(0, str(HERE.parents[2] / "benchmarks" / "realletters"))

import build  # noqa: E402
from compare import norm, same_place  # noqa: E402
from convert import convert_text  # noqa: E402


def _converted(out: Path, records: list[dict[str, object]]) -> list[tuple[dict[str, object],
                                                                            str, str]]:
    found = []
    for item in records:
        text = (out / str(item["path"])).read_text(encoding="utf-8")
        result = convert_text(text, str(item["path"]))
        found.append((item, result.place, result.date))
    return found


def test_italian_dispatches_give_the_place_their_date_line_writes(tmp_path: Path) -> None:
    records = build.build(tmp_path, {"suriano": SURIANO}, per_edition=3)
    found = _converted(tmp_path, records)
    assert len(found) == 9
    for item, place, date in found:
        assert date == item["date"], item["path"]
        lines = (tmp_path / str(item["path"])).read_text("utf-8").splitlines()
        titled = any("The Hague" in line for line in lines[:3])
        # A title line the benchmark writes (`X a Y, The Hague, 13 novembre 1616`, `X a
        # Y (The Hague, …)`) gives the edition's name; else the date line's `Dall’Haya`.
        assert place == ("The Hague" if titled else "Haya"), item["path"]


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[dict[str, object], str,
                                                                    str]]:
    if not (REALWORLD / "tei" / "escher").is_dir():
        pytest.fail("../shared/realworld must hold tei/escher and tei/schnitzler")
    out = tmp_path_factory.mktemp("german")
    records = build.build(out, {"escher": REALWORLD, "schnitzler": REALWORLD}, per_edition=10)
    return _converted(out, records)


def test_german_letters_give_place_and_date_where_they_write_them(german) -> None:  # type: ignore[no-untyped-def]
    counted = [(item, place, date) for item, place, date in german if item["names_place"]]
    assert len(counted) >= 30
    right = [item for item, place, _ in counted if same_place(str(item["place"]), place,
                                                              str(item["gold"]["dateline"]))]  # type: ignore[index]
    assert len(right) >= 0.9 * len(counted), [
        (item["path"], item["place"], place) for item, place, _ in counted if item not in right]
    dated = [(item, date) for item, _, date in german if item["names_date"]]
    assert sum(date == item["date"] for item, date in dated) >= 0.95 * len(dated)


def test_the_place_is_compared_as_the_text_writes_it() -> None:
    # An editor's qualifier in brackets is not the writer's.
    assert same_place("Belvoir (Enge, Zürich)", "Belvoir", "Belvoir, 7 August 1870.")
    assert same_place("Baden (AG)", "Baden", "Baden den 23. 4. 76.")
    # An address with its town: the place must hold the gold as the line writes it.
    assert same_place("328 Mickle Street", "328 Mickle Street Camden New Jersey",
                      "328 Mickle Street Camden New Jersey Nov: 25 '85")
    assert not same_place("328 Mickle Street", "Mickle Street",
                          "328 Mickle Street Camden New Jersey Nov: 25 '85")
    # A wrong place stays wrong, even one the date line writes.
    assert not same_place("Zürich", "Schwanen", "Riesbach–Zürich z. Schwanen 27. Februar")
    assert not same_place("Wien", "", "Wien, 3. März 1850")
    assert norm("Washington, D.C.") == "washingtondc"
