"""Real letters of every language, converted in every shape, judged field by field.

Each letter is read from its edition's own TEI (from ../shared/realworld, or a
fixture committed under tests/fixtures/realletters with its licence), rendered by the
benchmark's renderer into a temporary folder as a web page, a PDF extraction and a
book OCR, converted as a new user would (no sidecar), and compared with the
edition's gold by the benchmark's own judge. Only fields the converter reads right
today are asserted; the fields it still gets wrong are listed in each case's
`not_yet` so that the gap stays visible; they are not asserted, so that a reader
learning one does not break this test (move it to `right` when it does).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

HERE = Path(__file__).resolve()
REALWORLD = HERE.parents[3] / "shared" / "realworld" / "tei"
FIXTURES = HERE.parents[1] / "fixtures" / "realletters"
sys.path.insert(0, str(HERE.parents[2] / "benchmarks" / "realletters"))

import adjust  # noqa: E402
import build  # noqa: E402
import compare  # noqa: E402
from convert import Prediction, convert_text  # noqa: E402
from gold import Adjust, GoldLetter, read_letter  # noqa: E402
from realletters_shared import escher  # noqa: E402
from render import SHAPES  # noqa: E402

ALL = frozenset(SHAPES)
WEB, PDF, OCR = SHAPES  # web-archive, pdf-text, book-ocr


@dataclass(frozen=True)
class Case:
    """One real letter and the fields the converter must read right, shape by shape."""

    language: str
    path: Path
    edition: str
    adjust: Adjust | None
    right: dict[str, frozenset[str]]
    """Field of `compare.FIELDS` → the shapes in which it must be right."""
    not_yet: dict[str, frozenset[str]] = field(default_factory=dict)
    """Fields the converter still reads wrong in these shapes (documented, not asserted)."""



_ALWAYS = {"converted": ALL, "lossless": ALL, "notes": ALL}
_NO_NOTES = {"converted": ALL, "lossless": ALL}
CASES = {
    # German: Widmann to Schnitzler, Bern 1894; one note (../shared, MIT).
    "de-schnitzler": Case("de", REALWORLD / "schnitzler" / "L00301.xml", "schnitzler", None,
                          {**_ALWAYS, "date": ALL, "place": ALL, "sender": ALL,
                           "paragraphs": ALL, "closer": ALL, "opener": ALL,
                           "recipient": frozenset({PDF})}),
    # French: Pioda to Escher, Turin 1864; twelve notes (../shared, GPL-3.0).
    "fr-escher-pioda": Case("fr", escher("K_5046"), "escher", adjust.escher,
                            {**_ALWAYS, "date": frozenset({WEB}), "place": ALL,
                             "sender": ALL, "recipient": ALL, "paragraphs": ALL,
                             "opener": ALL, "closer": ALL},
                            {"date": frozenset({PDF, OCR})}),
    # French: Pedrazzini to Escher, Bellinzona 1869.
    "fr-escher-pedrazzini": Case("fr", escher("K_7979"), "escher", adjust.escher,
                                 {**_ALWAYS, "date": ALL, "place": frozenset({PDF}),
                                  "sender": ALL, "recipient": ALL, "paragraphs": ALL,
                                  "closer": ALL, "opener": ALL},
                                 {"place": frozenset({WEB, OCR})}),
    # Italian: Suriano to the Doge, The Hague 1618; five notes (committed, MIT).
    "it-suriano": Case("it", FIXTURES / "suriano" / "07-027.xml", "suriano", adjust.suriano,
                       {**_ALWAYS, "date": ALL, "sender": ALL, "paragraphs": ALL,
                        "opener": ALL, "closer": ALL}),
    # Italian: the town of Lugano to Escher, 1871; four notes (../shared, GPL-3.0).
    "it-escher-lugano": Case("it", escher("K_2587"), "escher", adjust.escher,
                             {**_ALWAYS, "date": ALL, "place": ALL, "recipient": ALL,
                              "sender": frozenset({WEB, PDF}), "closer": frozenset({WEB, PDF})},
                             # Paragraphs: the printed-measure split and the closing cut
                             # together break the resolution's lines apart in PDF and OCR.
                             {"opener": ALL, "closer": frozenset({OCR}), "paragraphs": ALL}),
    # English: Beaumont to Escher, London 1872; one note (../shared, GPL-3.0).
    "en-escher-beaumont": Case("en", escher("K_7765"), "escher", adjust.escher,
                               {**_ALWAYS, "date": ALL, "place": ALL,
                                "sender": frozenset({PDF, OCR}),
                                "recipient": frozenset({PDF, OCR})},
                               {"sender": frozenset({WEB}), "recipient": frozenset({WEB}),
                                "opener": ALL, "closer": ALL, "paragraphs": ALL}),
    # English: Fackenthal (Columbia University) to Tillich, 1933 (committed, CC BY-SA 4.0).
    "en-tillich-fackenthal": Case("en", FIXTURES / "tillich" / "L01557.xml", "tillich", None,
                                  {**_NO_NOTES, "date": ALL, "sender": ALL, "opener": ALL,
                                   "paragraphs": ALL, "closer": frozenset({WEB}),
                                   "recipient": frozenset({PDF})},
                                  {"closer": frozenset({PDF, OCR}),
                                   "recipient": frozenset({WEB, OCR})}),
    "en-tillich-fackenthal-invitation": Case(
        "en", FIXTURES / "tillich" / "L01556.xml", "tillich", None,
        {**_NO_NOTES, "date": ALL, "sender": ALL, "closer": ALL, "opener": ALL,
         "paragraphs": ALL, "recipient": frozenset({WEB, OCR})},
        {"recipient": frozenset({PDF})}),
    # English: Elisabeth W. to Tillich, Nauen 1912; one note, a postscript.
    "en-tillich-elisabeth": Case("en", FIXTURES / "tillich" / "L00305.xml", "tillich", None,
                                 {**_ALWAYS, "date": ALL, "place": ALL,
                                  "sender": frozenset({PDF, OCR}),
                                  "recipient": frozenset({PDF, OCR}), "opener": ALL,
                                  "closer": frozenset({WEB, OCR}),
                                  "paragraphs": frozenset({WEB, OCR})},
                                 {"closer": frozenset({PDF}),
                                  "paragraphs": frozenset({PDF}),
                                  "recipient": frozenset({WEB})}),
    # Spanish: Manuel de Aleman (Uruguay) to the Farroupilha ministers, 1839-1842 (committed,
    # CC BY 4.0).
    "es-varela-melo": Case("es", FIXTURES / "varela" / "CV-118.xml", "varela", adjust.varela,
                           {**_NO_NOTES, "date": ALL, "place": ALL, "sender": ALL,
                            "opener": ALL, "recipient": frozenset({OCR}),
                            "closer": ALL, "paragraphs": ALL},
                           {"recipient": frozenset({WEB, PDF})}),
    "es-varela-cerro-largo": Case("es", FIXTURES / "varela" / "CV-116.xml", "varela",
                                  adjust.varela,
                                  {**_NO_NOTES, "sender": ALL, "opener": frozenset({WEB, OCR}),
                                   "recipient": frozenset({PDF, OCR}), "date": ALL,
                                   "place": ALL},
                                  # The edition encodes `Sin más objeto me repito … que besa las
                                  # manos de V.S.` as a paragraph here and the same formula as
                                  # the closing salute in CV-117 and CV-118 (es-varela-melo).
                                  {"paragraphs": ALL, "closer": ALL, "opener": frozenset({PDF}),
                                   "recipient": frozenset({WEB})}),
    "es-varela-postscript": Case("es", FIXTURES / "varela" / "CV-119.xml", "varela",
                                 adjust.varela,
                                 {**_NO_NOTES, "date": ALL, "place": ALL, "recipient": ALL,
                                  "sender": frozenset({OCR}), "closer": frozenset({WEB, OCR}),
                                  "paragraphs": frozenset({WEB, OCR})},
                                 {"sender": frozenset({WEB, PDF}), "opener": ALL,
                                  "closer": frozenset({PDF}), "paragraphs": frozenset({PDF})}),
    # Spanish: a letter copied into Suriano's dispatch of 1617 (committed, MIT).
    "es-suriano-attachment": Case("es", FIXTURES / "suriano-attachment" / "04-070.xml",
                                  "suriano", adjust.suriano_attachment,
                                  {**_ALWAYS, "opener": ALL, "paragraphs": frozenset({PDF, OCR})},
                                  {"paragraphs": frozenset({WEB}), "closer": ALL}),
}


def _gold(case: Case) -> GoldLetter:
    if not case.path.is_file():
        pytest.fail(f"{case.path} is missing (../shared/realworld must sit beside the repository)")
    gold = read_letter(case.path.read_bytes(), case.edition, case.language, case.path.stem,
                       case.adjust)
    assert gold is not None, case.path
    return gold


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory
              ) -> dict[tuple[str, str], tuple[dict[str, object], Prediction]]:
    """Every case in every shape: its gold record and what the converter found."""
    out = tmp_path_factory.mktemp("realfixtures")
    results = {}
    for name, case in CASES.items():
        folder = out / name
        folder.mkdir()
        for item in build.render_letter(_gold(case), folder, out):
            text = (out / str(item["path"])).read_text(encoding="utf-8")
            results[(name, str(item["shape"]))] = (item, convert_text(text, str(item["path"])))
    return results


def test_the_fixtures_cover_every_language_and_every_shape(converted) -> None:  # type: ignore[no-untyped-def]
    assert (WEB, PDF, OCR) == ("web-archive", "pdf-text", "book-ocr")
    assert {case.language for case in CASES.values()} == {"de", "en", "fr", "it", "es"}
    for name, case in CASES.items():
        # A field is asserted or listed as not yet read in a shape, never both.
        for field_name, shapes in case.not_yet.items():
            assert not shapes & case.right.get(field_name, frozenset()), (name, field_name)
    assert {shape for _, shape in converted} == set(SHAPES)
    for (name, _), (item, _) in converted.items():
        # The letter is in the language the case claims: its words, not its edition, say so.
        assert item["language"] == CASES[name].language, name


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("shape", SHAPES)
def test_the_converter_reads_the_fields_of_a_real_letter(converted, name: str,  # type: ignore[no-untyped-def]
                                                         shape: str) -> None:
    item, found = converted[(name, shape)]
    marks = compare.judge(item, found)
    wrong = {}
    for field_name, shapes in CASES[name].right.items():
        right, counted = marks[field_name]
        # A field counted 0 times is one the text does not give: asserting it would not
        # test anything, so that is a failure of the case, too.
        if shape in shapes and (counted == 0 or right != counted):
            wrong[field_name] = _expected_found(field_name, item, found)
    assert not wrong, f"{name} as {shape}: {wrong}"


def _expected_found(name: str, item: dict[str, object], found: Prediction) -> str:
    if name == "notes":
        return f"markers {item['markers']} linked as {found.refs}"
    if name in {"converted", "lossless"}:
        return f"codes {found.codes} {found.error}"
    return f"expected {item[name]!r}, found {getattr(found, name)!r}"


def test_the_spanish_fixture_reads_the_copied_letter_not_the_dispatch() -> None:
    gold = _gold(CASES["es-suriano-attachment"])
    assert gold.language == "es"
    assert (gold.salute, gold.closer_salute, gold.signed) == (
        "Serenissimo señor", "de v(uestro) S(eñ)er leal criado", "Joan Au[…]entros")
    assert len(gold.paragraphs) == 2 and gold.paragraphs[0].startswith("mi última fue del 27")
    assert len(gold.notes) == 5 and gold.notes[0] == "Gap in the outer margin of the page."
    # The file's correspDesc is Suriano's dispatch, not this letter's.
    assert (gold.sender, gold.recipient, gold.date, gold.place) == ("", "", "", "")
