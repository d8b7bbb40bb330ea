"""The end of real letters: closing salutation, signature, a dateline in the closing, postscripts.

Letters of ../shared/realworld (Schnitzler, Escher) are rendered in the three shapes
into a temporary folder, converted without a sidecar, and the closer, the number of
body paragraphs and the sender are compared with the edition's own encoding.
Nothing third-party is committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve()
REALWORLD = HERE.parents[3] / "shared" / "realworld"
sys.path.insert(0, str(HERE.parents[2] / "benchmarks" / "realletters"))

import build  # noqa: E402
import compare  # noqa: E402
from convert import Prediction, convert_text  # noqa: E402

Record = dict[str, object]


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Record]]:
    if not (REALWORLD / "tei" / "schnitzler").is_dir():
        pytest.fail("../shared/realworld must hold the Schnitzler and Escher letters")
    out = tmp_path_factory.mktemp("closing")
    records = build.build(out, {"schnitzler": REALWORLD, "escher": REALWORLD}, per_edition=60)
    return out, {f"{r['id']}.{r['shape']}": r for r in records}


def _convert(letters: tuple[Path, dict[str, Record]], key: str) -> tuple[Record, Prediction]:
    out, records = letters
    item = records[key]
    text = (out / str(item["path"])).read_text(encoding="utf-8")
    return item, convert_text(text, str(item["path"]))


def _closer(found: Prediction) -> tuple[str, str, str]:
    return (found.closer["salute"], found.closer["dateline"], found.closer["signed"])


ALL_SHAPES = ("web-archive", "pdf-text", "book-ocr")


@pytest.mark.parametrize("shape", ALL_SHAPES)
def test_a_closing_formula_of_capitalised_words_is_no_heading_nor_a_signature(
        letters, shape: str) -> None:  # type: ignore[no-untyped-def]
    """`Von Herzen Ihr` / `Dr A Escher`: the formula is the salute, the name the signature."""
    item, found = _convert(letters, f"escher/K_5863_AE_an_von_Sybel_Alexander_1870-02-04.{shape}")
    assert _closer(found) == ("Von Herzen Ihr", "", "Dr A Escher")
    assert found.paragraphs == item["paragraphs"] == 8
    assert "Escher" in found.sender


@pytest.mark.parametrize("shape", ALL_SHAPES)
def test_a_lower_case_closing_hands_over_to_the_name(letters, shape: str) -> None:  # type: ignore[no-untyped-def]
    """`von Deinem` / `J J Blumer.` (a closing that opens with `von`)."""
    key = f"escher/K_0938_Blumer_Johann_Jakob_an_Escher_1851-10-26.{shape}"
    item, found = _convert(letters, key)
    assert _closer(found) == ("von Deinem", "", "J J Blumer.")
    assert "Blumer" in found.sender


@pytest.mark.parametrize("shape", ALL_SHAPES)
def test_a_first_name_after_herzlichst_ihr_signs_the_letter(letters, shape: str) -> None:  # type: ignore[no-untyped-def]
    """`Herzlichst Ihr` / `Richard`: a single first name signs after a closing formula."""
    item, found = _convert(letters, f"schnitzler/L00591.{shape}")
    assert _closer(found) == ("Herzlichst Ihr", "", "Richard")
    assert compare.judge(item, found)["closer"] == (1, 1)


def test_a_weekday_in_the_closing_is_its_dateline(letters) -> None:  # type: ignore[no-untyped-def]
    """`Von Herzen Ihr` / `Montag abend` / `Hugo.`: the weekday dates the letter."""
    item, found = _convert(letters, "schnitzler/L00881.web-archive")
    assert _closer(found) == ("Von Herzen Ihr", "Montag abend", "Hugo.")
    assert found.paragraphs == item["paragraphs"] == 1


def test_a_name_after_a_paragraph_that_runs_into_the_possessive_signs(letters) -> None:  # type: ignore[no-untyped-def]
    """`… eines Philosophen. Ihr` / `Hugo` / `PS. …`: Hugo signs; the P.S. is no body paragraph."""
    item, found = _convert(letters, "schnitzler/L02331.web-archive")
    assert _closer(found) == ("", "", "Hugo")
    assert found.paragraphs == item["paragraphs"] == 5


def test_a_french_closing_with_its_dateline_and_a_single_name(letters) -> None:  # type: ignore[no-untyped-def]
    """`Veuillez, Monsieur, agréer …` / `Torino, addi 1 Décembre 1871.` / `Mariani`."""
    item, found = _convert(letters, "escher/K_7113_BancadiTorino_an_Escher_1871-12-01.web-archive")
    assert _closer(found) == ("Veuillez, Monsieur, agréer nos salutations empressées.",
                              "Torino, addi 1 Décembre 1871.", "Mariani")
    assert compare.judge(item, found)["closer"] == (1, 1)


def test_the_closing_of_lower_case_formula_with_a_dateline_before_it(letters) -> None:  # type: ignore[no-untyped-def]
    """`Wien 10. 9. 901` / `herzlich grüßt dich dein` / `Arthur`."""
    item, found = _convert(letters, "schnitzler/L01171.web-archive")
    assert _closer(found) == ("herzlich grüßt dich dein", "Wien 10. 9. 901", "Arthur")
    assert found.paragraphs == item["paragraphs"]


@pytest.mark.parametrize("shape", ("pdf-text", "book-ocr"))
def test_closing_lines_under_the_last_paragraph_of_a_wrapped_text_are_the_closer(
        letters, shape: str) -> None:  # type: ignore[no-untyped-def]
    """`Dein treuer` / `29. IX. 39.` / `Alfred Escher.` printed as lines of one block."""
    key = f"escher/K_0204_AE_an_Aepli_Arnold_Otto_1839-09-29.{shape}"
    item, found = _convert(letters, key)
    assert _closer(found) == ("Dein treuer", "29. IX. 39.", "Alfred Escher.")
    assert found.paragraphs == item["paragraphs"] == 1


@pytest.mark.parametrize("shape", ("pdf-text", "book-ocr"))
def test_a_line_under_the_signature_of_a_wrapped_text_leaves_the_closer_whole(
        letters, shape: str) -> None:  # type: ignore[no-untyped-def]
    """`Viele treue Grüße! Dein` / `Paul Goldmann`, then `Schreib’ bald!!` under them."""
    _, found = _convert(letters, f"schnitzler/L02621.{shape}")
    assert _closer(found) == ("Viele treue Grüße! Dein", "", "Paul Goldmann")
    assert "Goldmann" in found.sender
