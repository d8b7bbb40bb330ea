"""`teipipe sidecar draft`: the sidecar the converter would assume, never over an existing one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from teipipe.cli import main
from teipipe.project.sidecar import parse

LETTERS = Path(__file__).resolve().parents[1] / "fixtures" / "letters"


def _draft(tmp_path: Path, name: str) -> tuple[Path, str]:
    text = tmp_path / name
    shutil.copy(LETTERS / name, text)
    assert main(["sidecar", "draft", str(text)]) == 0
    toml = text.with_suffix(".toml")
    return toml, toml.read_text(encoding="utf-8")


def test_the_draft_holds_each_value_with_cert_and_its_source_line(tmp_path: Path) -> None:
    path, text = _draft(tmp_path, "fr-closing-dateline.txt")
    side, problems = parse(text, path.name)
    assert problems == []
    assert side.table("document")["language"] == "fr"
    assert side.table("document")["reader"] == "web-archive"
    sent, received = side.table("sent"), side.table("received")
    assert (sent["persons"], sent["place"], sent["date"]) == (
        ["Charles d'Espeville"], "Strasbourg", "1538-07-10")
    assert (sent["place_cert"], sent["date_cert"]) == ("high", "high")
    assert (received["persons"], received["cert"]) == (["Louis du Tillet"], "high")
    assert "# line 7, date line: De Strasbourg, ce 10 de juillet (1538)." in text
    assert "# line 1, address: À Louis du Tillet" in text


def test_what_the_text_does_not_say_is_left_for_the_editor(tmp_path: Path) -> None:
    path, text = _draft(tmp_path, "undated-unaddressed.txt")
    side, problems = parse(text, path.name)
    assert problems == []
    assert "date" not in side.table("sent") and "persons" not in side.table("received")
    assert '# date = "YYYY-MM-DD"' in text and '# persons = ["..."]' in text


def test_an_existing_sidecar_is_never_overwritten(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "letter.txt"
    shutil.copy(LETTERS / "es-dateline-signature.txt", text)
    editors = '[document]\nlanguage = "es"\n'
    text.with_suffix(".toml").write_text(editors, encoding="utf-8")
    assert main(["sidecar", "draft", str(text)]) == 0
    assert text.with_suffix(".toml").read_text(encoding="utf-8") == editors
    assert "[sidecar.exists]" in capsys.readouterr().err


def test_converting_with_the_draft_keeps_the_header_and_names_the_reader(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = _draft(tmp_path, "de-address-closing-date.txt")
    capsys.readouterr()
    assert main(["convert", str(path.with_suffix(".txt"))]) == 0
    err = capsys.readouterr().err
    assert "read as " in err and "named in the sidecar" in err and "[reader.chosen]" in err
    assert "[sidecar.disagrees]" not in err
    xml = path.with_suffix(".xml").read_text(encoding="utf-8")
    assert '<date when="1829-06-27" cert="high"/>' in xml
    assert "Karl von Stein</persName>" in xml
