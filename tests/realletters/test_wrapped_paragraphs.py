"""Body paragraphs of real letters printed with hard-wrapped lines: where each one starts.

Each letter comes from its edition's TEI (../shared/realworld, or a fixture committed
under tests/fixtures/realletters), is rendered by the benchmark's renderer into a
temporary folder as a PDF extraction and as a book OCR, and converted without a
sidecar. The body paragraphs of the TEI must be the edition's: as many, and each
opening with the words the edition's paragraph opens with. The letters were chosen
for what wrapped text makes hard: a paragraph without a closing point before a
capital (`…une année de jouissance` / `Notre assemblée…`), a short line standing
for a paragraph (`₤ 40000 Rente italienne 5%`) before one that opens in lower case,
a run of short items ending in `;`, head lines printed without a blank line before
the first paragraph, and page-foot notes between the parts of a paragraph.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The benchmark's modules (adjust, build, gold…) are imported from its folder.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks" / "realletters"))

import adjust  # noqa: E402
from realletters_shared import FIXTURES, Case, escher, paragraphs_by_shape  # noqa: E402

WRAPPED = ("pdf-text", "book-ocr")


# name → (language, TEI file, edition, adjustment of the edition's encoding)
CASES: dict[str, Case] = {
    # Rivet to Escher, Paris 1857: a paragraph without a point before the next one.
    "fr-escher-rivet": ("fr", escher("K_1603"), "escher", adjust.escher),
    # Società Generale di Credito to Escher, Florence 1871: a one-line paragraph, then
    # one that opens in lower case.
    "fr-escher-credito": ("fr", escher("K_7098"), "escher", adjust.escher),
    # Zingg to Escher, Luzern 1863: items in short lines ending in `;`, in lower case.
    "de-escher-zingg": ("de", escher("K_3532"), "escher", adjust.escher),
    # Koller to Escher, 1867: an address line printed right above the first paragraph.
    "de-escher-koller": ("de", escher("K_5115"), "escher", adjust.escher),
    # Welti to Escher, Bern 1872: closing, dateline and name right under the last paragraph.
    "de-escher-welti": ("de", escher("K_5370"), "escher", adjust.escher),
    # Blumer to Escher, 1840: a closing line under the last paragraph, then a postscript.
    "de-escher-blumer": ("de", escher("K_0214"), "escher", adjust.escher),
    # Suriano to the Doge, The Hague 1618: notes at the page foot (committed, MIT).
    "it-suriano": ("it", FIXTURES / "suriano" / "07-027.xml", "suriano", adjust.suriano),
}


def _key(text: str) -> str:
    """A paragraph's first letters, as the rendering keeps them (no marks, no digits)."""
    return "".join(ch for ch in text.casefold() if ch.isalpha())[:24]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory
             ) -> dict[tuple[str, str], tuple[list[str], list[str]]]:
    """Per case and wrapped shape: the edition's paragraphs and the TEI's body paragraphs."""
    return paragraphs_by_shape(CASES, tmp_path_factory.mktemp("wrapped"), WRAPPED)


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("shape", WRAPPED)
def test_a_wrapped_letter_keeps_the_editions_paragraphs(rendered, name: str,  # type: ignore[no-untyped-def]
                                                        shape: str) -> None:
    expected, found = rendered[(name, shape)]
    assert [_key(p) for p in found] == [_key(p) for p in expected], (
        f"{name} as {shape}: expected {len(expected)} paragraphs, found {len(found)}: "
        + " | ".join(p[:40] for p in found))


def test_the_cases_hold_the_hard_parts_they_are_chosen_for(rendered) -> None:  # type: ignore[no-untyped-def]
    rivet, _ = rendered[("fr-escher-rivet", "pdf-text")]
    assert any(p.rstrip().endswith("jouissance") for p in rivet)  # no point at its end
    credito, _ = rendered[("fr-escher-credito", "book-ocr")]
    assert any(p[:1].islower() for p in credito)
    zingg, _ = rendered[("de-escher-zingg", "pdf-text")]
    assert sum(p.rstrip().endswith(";") for p in zingg) >= 2
