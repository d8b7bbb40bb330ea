"""The start of real letters: title, editor's date line, address, dateline and salutation.

Each case takes the lines of a real letter from its edition's own TEI (from
../shared/realworld, or a fixture committed under tests/fixtures/realletters) and sets
its head in one of the layouts editions print, in a temporary folder: as a web page
(a line a paragraph) and as a book's OCR (head lines and the first paragraph without
blank lines between them, the text wrapped). It is converted as a new user would (no
sidecar) and the opener, sender and recipient are compared with the edition's gold.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).resolve()
REALWORLD = HERE.parents[3] / "shared" / "realworld" / "tei"
FIXTURES = HERE.parents[1] / "fixtures" / "realletters"
sys.path.insert(0, str(HERE.parents[2] / "benchmarks" / "realletters"))
sys.path.insert(0, str(HERE.parents[2] / "benchmarks"))

import adjust  # noqa: E402
from convert import Prediction, convert_text  # noqa: E402
from gold import MARKS, Adjust, GoldLetter, read_letter  # noqa: E402
from letters import wrap  # noqa: E402
from realletters_shared import escher  # noqa: E402


@dataclass(frozen=True)
class Case:
    """A real letter and the lines an edition prints above its own head."""

    path: Path
    edition: str
    language: str
    adjust: Adjust | None
    above: tuple[str, ...]
    """Lines before the letter's own dateline and salutation (title, editor's date, address)."""
    dateline: str
    """The dateline the opener must hold: the letter's own ('' when it has none at the top)."""



CASES = {
    # A title without a date, the editor's date under it, then the letter's own dateline,
    # a weekday alone (`Montag abend`), and a salutation in lower case (`lieber Arthur,`).
    "de-weekday-dateline": Case(
        REALWORLD / "schnitzler" / "L00881.xml", "schnitzler", "de", None,
        ("Hugo von Hofmannsthal an Arthur Schnitzler", "Wien, 16. Januar 1899"),
        "Montag abend"),
    # An address formula (`z. H.`) above a dateline in figures (`22/X 911`).
    "de-address-formula": Case(
        REALWORLD / "schnitzler" / "L02041.xml", "schnitzler", "de", None,
        ("z. H. Hugo von Hofmannsthal",), "22/X 911"),
    # The addressee's name alone above the dateline and the salutation.
    "de-name-above": Case(
        REALWORLD / "schnitzler" / "L00591.xml", "schnitzler", "de", None,
        ("Arthur Schnitzler",), "Baden 15/IX 96"),
    # A title with its date first; the letter's dateline stands in its closing, so the
    # editor's place and date under the title are no part of the opener.
    "it-dated-title": Case(
        FIXTURES / "suriano" / "07-027.xml", "suriano", "it", adjust.suriano,
        ("1 dicembre 1618. Christofforo Suriano a Doge and Senate of Venice",
         "L'Aia, 1 dicembre 1618"), ""),
    # `À l'attention de …` above a French dateline and salutation.
    "fr-attention": Case(
        escher("K_5046"), "escher", "fr", adjust.escher,
        ("À l'attention de Alfred Escher",), "Turin, ce 7 octobre 1864"),
    # `Letter from X to Y` and the salutation `My dear Sir:`.
    "en-letter-from": Case(
        FIXTURES / "tillich" / "L01557.xml", "tillich", "en", None,
        ("Letter from Frank D. Fackenthal to Paul Tillich",), "October 2, 1933"),
    # `Carta de X a Y` and a Spanish dateline and salutation.
    "es-carta-de": Case(
        FIXTURES / "varela" / "CV-118.xml", "varela", "es", adjust.varela,
        ("Carta de Manuel de Aleman a Domingos José de Almeida",),
        "Villa de Melo, 12 de agosto de 1841"),
}
SHAPES = ("web-archive", "book-ocr")


def _gold(case: Case) -> GoldLetter:
    if not case.path.is_file():
        pytest.fail(f"{case.path} is missing (../shared/realworld must sit beside the repository)")
    gold = read_letter(case.path.read_bytes(), case.edition, case.language, case.path.stem,
                       case.adjust)
    assert gold is not None, case.path
    return gold


def _text(case: Case, gold: GoldLetter, shape: str) -> str:
    """The letter with the case's head, the gold's salutation, body and closing."""
    head = [*case.above, *([case.dateline] if case.dateline else []), gold.salute]
    body = [MARKS.sub("", paragraph) for paragraph in gold.paragraphs]
    tail = [line for line in (gold.closer_salute, gold.dateline if not case.dateline else "",
                              gold.signed) if line]
    if shape == "web-archive":
        return "\n\n".join([*head, *body, *tail]) + "\n"
    rng = random.Random(case.path.stem)
    wrapped = ["\n".join(wrap(paragraph, 100, rng, hyphenate=False)) for paragraph in body]
    return "\n".join(head) + "\n" + "\n\n".join(wrapped) + "\n\n" + "\n".join(tail) + "\n"


def _surname(name: str) -> str:
    return name.split()[-1]


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory
              ) -> dict[tuple[str, str], tuple[GoldLetter, Prediction]]:
    out = tmp_path_factory.mktemp("opening")
    results = {}
    for name, case in CASES.items():
        gold = _gold(case)
        for shape in SHAPES:
            path = out / f"{name}.{shape}.txt"
            path.write_text(_text(case, gold, shape), encoding="utf-8")
            results[(name, shape)] = (gold, convert_text(path.read_text(encoding="utf-8"),
                                                         path.name))
    return results


def test_the_cases_cover_five_languages() -> None:
    assert {case.language for case in CASES.values()} == {"de", "en", "fr", "it", "es"}


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("shape", SHAPES)
def test_the_opener_holds_the_letters_own_dateline_and_salutation(
        converted, name: str, shape: str) -> None:  # type: ignore[no-untyped-def]
    gold, found = converted[(name, shape)]
    assert found.converted, found.codes
    assert found.opener["dateline"] == CASES[name].dateline
    assert found.opener["salute"] == gold.salute


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("shape", SHAPES)
def test_the_recipient_comes_from_the_title_address_or_name_above(
        converted, name: str, shape: str) -> None:  # type: ignore[no-untyped-def]
    gold, found = converted[(name, shape)]
    assert _surname(gold.recipient) in found.recipient


@pytest.mark.parametrize("name", ["de-weekday-dateline", "it-dated-title", "en-letter-from",
                                  "es-carta-de"])
@pytest.mark.parametrize("shape", SHAPES)
def test_the_sender_comes_from_the_title_line(
        converted, name: str, shape: str) -> None:  # type: ignore[no-untyped-def]
    gold, found = converted[(name, shape)]
    assert _surname(gold.sender) in found.sender


@pytest.mark.parametrize("shape", SHAPES)
def test_the_editors_date_under_a_title_is_front_matter_and_still_dates_the_letter(
        tmp_path: Path, shape: str) -> None:
    case = CASES["it-dated-title"]
    gold = _gold(case)
    found = convert_text(_text(case, gold, shape), f"suriano.{shape}.txt")
    assert found.opener["dateline"] == ""
    assert found.date == gold.date == "1618-12-01"
