"""Body paragraphs of real letters in all three shapes: as many as the edition's.

Each letter comes from its edition's TEI in ../shared/realworld, is rendered by the
benchmark's renderer into a temporary folder as a web archive, a PDF extraction and a
book OCR, and converted without a sidecar. The letters were chosen for lines that
look like headings or quotations but are the letter's own paragraphs: a short line
without a closing point right under the salutation (`Ich schreite zur Beantwortung
Ihrer Fragen, wie folgt`), or a surname alone as the last line, under a closing the
rules do not know as one; and numbered paragraphs (`1. drei Briefe des Hrn. Ducoster`),
which editions encode as paragraphs keeping their number, not as list items.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The benchmark's modules (adjust, build, gold…) are imported from its folder.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks" / "realletters"))

import adjust  # noqa: E402
from realletters_shared import Case, escher, paragraphs_by_shape  # noqa: E402

SHAPES = ("web-archive", "pdf-text", "book-ocr")


# name → (language, TEI file, edition, adjustment of the edition's encoding)
CASES: dict[str, Case] = {
    # von Planta to Escher, Chur 1853: a short line without a point under the salutation.
    "de-escher-planta": ("de", escher("K_1195"), "escher", adjust.escher),
    # Steinauer to Escher, 1848: a surname alone under `herzliche Grüße von deinem`.
    "de-escher-steinauer": ("de", escher("K_0551"), "escher", adjust.escher),
    # Müller to Escher, 1850: `Hochachtgsvoll &. freundschaftlich` (abbreviated) / `Müller`.
    "de-escher-mueller": ("de", escher("K_0785"), "escher", adjust.escher),
    # Zingg to Escher, 1865: `1. drei Briefe des Hrn. Ducoster …;` … `4. Eine Zuschrift …`,
    # numbered enclosures after a colon, which the edition encodes as paragraphs (#12).
    "de-escher-zingg": ("de", escher("K_3863"), "escher", adjust.escher),
    # Escher to Zingg, 1870: one paragraph that opens with `3.`, a point of a longer answer.
    "de-escher-to-zingg": ("de", escher("K_4229"), "escher", adjust.escher),
}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory
             ) -> dict[tuple[str, str], tuple[list[str], list[str]]]:
    """Per case and shape: the edition's paragraphs and the TEI's body paragraphs."""
    return paragraphs_by_shape(CASES, tmp_path_factory.mktemp("body"), SHAPES)


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("shape", SHAPES)
def test_a_letter_keeps_as_many_paragraphs_as_the_edition(rendered, name: str,  # type: ignore[no-untyped-def]
                                                           shape: str) -> None:
    expected, found = rendered[(name, shape)]
    assert len(found) == len(expected), (
        f"{name} as {shape}: expected {len(expected)} paragraphs, found {len(found)}: "
        + " | ".join(p[:40] for p in found))


def test_the_short_line_under_the_salutation_is_a_paragraph(rendered) -> None:  # type: ignore[no-untyped-def]
    _, found = rendered[("de-escher-planta", "web-archive")]
    assert found[0].startswith("Ich schreite zur Beantwortung Ihrer Fragen")


@pytest.mark.parametrize("shape", SHAPES)
def test_a_name_alone_as_the_last_line_signs_the_letter(rendered, shape: str) -> None:  # type: ignore[no-untyped-def]
    _, found = rendered[("de-escher-steinauer", shape)]
    assert not any(p.strip() == "Steinauer" for p in found)


def test_numbered_paragraphs_keep_their_numbers(rendered) -> None:  # type: ignore[no-untyped-def]
    for shape in SHAPES:
        _, found = rendered[("de-escher-zingg", shape)]
        numbered = [p[:2] for p in found if p[:1].isdigit()]
        assert numbered == ["1.", "2.", "3.", "4."], (shape, found)
