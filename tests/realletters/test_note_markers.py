"""Note markers of real letters, linked in place: each named marker points to its named note.

Letters of the Escher edition in ../shared/realworld are rendered in a shape as the
development set renders them (same seed) into a temporary folder, converted as a new
user would, and read back from the TEI; nothing third-party is committed.
"""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve()
REALWORLD = HERE.parents[3] / "shared" / "realworld"
sys.path.insert(0, str(HERE.parents[2] / "benchmarks" / "realletters"))

import compare  # noqa: E402
from convert import Prediction, convert_text  # noqa: E402
from editions import EDITIONS  # noqa: E402
from gold import GoldLetter, read_letter  # noqa: E402
from render import RENDER  # noqa: E402


def _gold(edition: str, folder: str, stem: str) -> GoldLetter:
    path = REALWORLD / "tei" / folder / f"{stem}.xml"
    if not path.is_file():
        pytest.fail(f"../shared/realworld must hold tei/{folder}/{path.name}")
    gold = read_letter(path.read_bytes(), edition, "de", stem, EDITIONS[edition].adjust)
    assert gold is not None
    return gold


def _escher(stem: str) -> GoldLetter:
    return _gold("escher", "escher-500", stem)


def _converted(tmp_path: Path, gold: GoldLetter, shape: str) -> tuple[str, Prediction, int]:
    """The text as the development set renders it, what its TEI says, and the gold markers
    the scorer finds linked in place."""
    seed = hashlib.sha256(f"{gold.edition}/{gold.id}/{shape}".encode()).digest()
    rendered = RENDER[shape](gold, random.Random(seed))
    path = tmp_path / f"{gold.id}.{shape}.txt"
    path.write_text(rendered.text, encoding="utf-8")
    found = convert_text(rendered.text, path.name)
    assert found.converted and not found.lost, found.codes
    linked = compare.notes_linked(rendered.markers, gold.notes, found.refs)
    assert len(rendered.markers) == len(gold.notes)
    return rendered.text, found, linked


def _points(found: Prediction, before: str, note: str) -> bool:
    """A marker right after `before` (its letters) points to the note that begins `note`."""
    return any(context.endswith(before) and text.startswith(note) for context, text in found.refs)


def test_markers_set_off_by_spaces_before_capitals_and_signs(tmp_path: Path) -> None:
    # `beantragen 1 werde, daß 2 Preußen`, `Klarheit & 8 erschöpfenden`, `bleibender 9 Ehre`
    text, found, linked = _converted(
        tmp_path, _escher("K_6077_AE_an_von_Dusch_Gottfried_Maria_1869-02-13"), "pdf-text")
    assert "daß 2 Preußen" in text and "Klarheit & 8 erschöpfenden" in text
    assert linked == 12
    assert _points(found, "werdedaß", "nachträgliche Korrektur")
    assert _points(found, "durchsichtigenklarheit", "Einschubtext aus der rechten Spalte")
    assert _points(found, "zubleibender", "nachträgliche Korrektur")
    assert _points(found, "gestattensiemirnoch", "nachträgliche Korrekturen")


def test_a_marker_glued_to_its_word_wins_over_a_number_after_a_full_stop(tmp_path: Path) -> None:
    # `entnommen. 1, daß die Herren …` is an enumeration; `gebracht werde1.` is the marker.
    text, found, linked = _converted(
        tmp_path, _escher("K_5863_AE_an_von_Sybel_Alexander_1870-02-04"), "pdf-text")
    assert "entnommen. 1, daß" in text and "werde1." in text
    assert linked == 1
    assert _points(found, "inanwendunggebrachtwerde", "schlecht erkennbar auf Abzug")
    assert not _points(found, "befreidigungentnommen", "schlecht erkennbar")


def test_a_marker_that_opens_a_wrapped_line_stays_with_the_word_before(tmp_path: Path) -> None:
    # `… sonderbarer Weise au...en` / `34 als in Salons …`: the line break falls before it.
    text, found, linked = _converted(
        tmp_path, _escher("K_0214_Blumer_Johann_Jakob_an_Escher_1840-04-10"), "pdf-text")
    assert "au...en \n34 als in Salons" in text
    assert _points(found, "weiseauen", "Fehlstelle")
    assert _points(found, "begleiter", "Fehlstelle")  # `Begleiter 35 auf Spaziergängen`
    assert linked >= 40  # of 41


@pytest.mark.parametrize("shape", ["pdf-text", "book-ocr"])
def test_a_short_wrapped_text_read_as_a_web_page_keeps_its_glued_marker(
        tmp_path: Path, shape: str) -> None:
    # Schnitzler's dedication `Alkandi’s Lied1.` (or `…Lied582.` with a book's endnote
    # under `Anmerkungen`): too short to show its wrapping, it is read as a web page,
    # whose markers are then digits, not brackets.
    text, found, linked = _converted(tmp_path, _gold("schnitzler", "schnitzler", "L00011"), shape)
    assert "Alkandi’s Lied" in text and "[" not in text
    assert linked == 1
    assert _points(found, "alkandislied", "Separat-Abdruck aus den Heften 17 und 18")
