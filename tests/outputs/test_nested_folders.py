"""An edition keeps its letters in folders by volume, with the same file names in each:
validate and transform find them at any depth (hidden folders aside), and no result
overwrites another."""

from __future__ import annotations

from pathlib import Path

import pytest

from teipipe.cli import main

NS = "http://www.tei-c.org/ns/1.0"


def _letter(path: Path, word: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'<TEI xmlns="{NS}"><teiHeader><fileDesc><titleStmt><title>{word}</title>'
                    "</titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p>"
                    f"</sourceDesc></fileDesc></teiHeader><text><body><p>{word}</p></body>"
                    "</text></TEI>", encoding="utf-8")


def test_letters_of_the_same_name_in_two_volumes(tmp_path: Path) -> None:
    edition = tmp_path / "edition"
    _letter(edition / "vol1" / "001.xml", "Firstvolume")
    _letter(edition / "vol2" / "001.xml", "Secondvolume")
    _letter(edition / ".git" / "stray.xml", "Hidden")
    out = tmp_path / "out"
    assert main(["transform", "--to", "text", "--out", str(out), str(edition)]) == 0
    made = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.txt"))
    assert made == ["vol1/001.txt", "vol2/001.txt"]
    assert "Firstvolume" in (out / "vol1" / "001.txt").read_text("utf-8")
    assert "Secondvolume" in (out / "vol2" / "001.txt").read_text("utf-8")


def test_distinct_names_stay_flat(tmp_path: Path) -> None:
    _letter(tmp_path / "a" / "one.xml", "One")
    _letter(tmp_path / "b" / "two.xml", "Two")
    out = tmp_path / "out"
    assert main(["transform", "--to", "html", "--out", str(out), str(tmp_path / "a"),
                 str(tmp_path / "b")]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["one.html", "two.html"]


def test_validate_finds_the_letters_in_the_volumes(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    _letter(tmp_path / "vol1" / "001.xml", "One")
    _letter(tmp_path / "vol2" / "001.xml", "Two")
    main(["validate", "--jobs", "1", str(tmp_path)])
    captured = capsys.readouterr()
    assert "validate: 2 files" in captured.out
    assert "holds no" not in captured.err
