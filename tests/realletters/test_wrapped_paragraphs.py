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

from teipipe import source
from teipipe.pipeline import convert_source

HERE = Path(__file__).resolve()
REALWORLD = HERE.parents[3] / "shared" / "realworld" / "tei"
FIXTURES = HERE.parents[1] / "fixtures" / "realletters"
sys.path.insert(0, str(HERE.parents[2] / "benchmarks" / "realletters"))

import adjust  # noqa: E402
import build  # noqa: E402
from convert import _EMPTY_REGISTER, _NOT_BODY, TEI, _local, text_of  # noqa: E402
from gold import Adjust, read_letter  # noqa: E402

WRAPPED = ("pdf-text", "book-ocr")


def _escher(stem: str) -> Path:
    found = [p for folder in ("escher", "escher-500") for p in (REALWORLD / folder).glob(
        f"{stem}_*.xml")]
    return found[0] if found else REALWORLD / "escher" / f"{stem}-missing.xml"


# name → (language, TEI file, edition, adjustment of the edition's encoding)
CASES: dict[str, tuple[str, Path, str, Adjust | None]] = {
    # Rivet to Escher, Paris 1857: a paragraph without a point before the next one.
    "fr-escher-rivet": ("fr", _escher("K_1603"), "escher", adjust.escher),
    # Società Generale di Credito to Escher, Florence 1871: a one-line paragraph, then
    # one that opens in lower case.
    "fr-escher-credito": ("fr", _escher("K_7098"), "escher", adjust.escher),
    # Zingg to Escher, Luzern 1863: items in short lines ending in `;`, in lower case.
    "de-escher-zingg": ("de", _escher("K_3532"), "escher", adjust.escher),
    # Koller to Escher, 1867: an address line printed right above the first paragraph.
    "de-escher-koller": ("de", _escher("K_5115"), "escher", adjust.escher),
    # Welti to Escher, Bern 1872: closing, dateline and name right under the last paragraph.
    "de-escher-welti": ("de", _escher("K_5370"), "escher", adjust.escher),
    # Blumer to Escher, 1840: a closing line under the last paragraph, then a postscript.
    "de-escher-blumer": ("de", _escher("K_0214"), "escher", adjust.escher),
    # Suriano to the Doge, The Hague 1618: notes at the page foot (committed, MIT).
    "it-suriano": ("it", FIXTURES / "suriano" / "07-027.xml", "suriano", adjust.suriano),
}


def _key(text: str) -> str:
    """A paragraph's first letters, as the rendering keeps them (no marks, no digits)."""
    return "".join(ch for ch in text.casefold() if ch.isalpha())[:24]


def _body_paragraphs(text: str, path: str) -> list[str]:
    result = convert_source(source.from_text(text, path), _EMPTY_REGISTER, None)
    assert result.tei is not None, path
    body = result.tei.tree.getroot().find(f"{{{TEI}}}text/{{{TEI}}}body")
    assert body is not None
    return [text_of(p) for p in body.iter(f"{{{TEI}}}p")
            if not {_local(a) for a in p.iterancestors()} & _NOT_BODY]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory
             ) -> dict[tuple[str, str], tuple[list[str], list[str]]]:
    """Per case and wrapped shape: the edition's paragraphs and the TEI's body paragraphs."""
    out = tmp_path_factory.mktemp("wrapped")
    found = {}
    for name, (language, path, edition, adjusted) in CASES.items():
        if not path.is_file():
            pytest.fail(f"{path} is missing (../shared/realworld must sit beside the repository)")
        gold = read_letter(path.read_bytes(), edition, language, path.stem, adjusted)
        assert gold is not None, path
        folder = out / name
        folder.mkdir()
        for item in build.render_letter(gold, folder, out):
            if item["shape"] in WRAPPED:
                text = (out / str(item["path"])).read_text(encoding="utf-8")
                found[(name, str(item["shape"]))] = (
                    list(gold.paragraphs), _body_paragraphs(text, str(item["path"])))
    return found


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
