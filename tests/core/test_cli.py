"""The command line, tested by calling main(argv): outputs, messages and exit codes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from lxml import etree

from teipipe.cli import main

ROOT = Path(__file__).resolve().parents[2]
LETTER = ROOT / "tests" / "fixtures" / "readers" / "web-archive" / "letter.txt"
NS = {"t": "http://www.tei-c.org/ns/1.0"}


def test_convert_writes_one_tei_file_per_source(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(LETTER), "--out", str(out)]) == 0
    tei = etree.parse(str(out / "letter.xml")).getroot()
    assert tei.tag == "{http://www.tei-c.org/ns/1.0}TEI"
    assert tei.findtext(".//t:correspAction[@type='sent']/t:date", namespaces=NS) == ""
    assert tei.find(".//t:correspAction[@type='sent']/t:date", NS).get("when") == "1921-03-03"
    assert [n.get("n") for n in tei.iterfind(".//t:back//t:note", NS)] == ["1", "2", "3"]


def test_convert_a_folder_converts_every_text(tmp_path: Path) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    for name in ("letter.txt", "essay.txt"):
        shutil.copy(LETTER.parent / name, folder / name)
    assert main(["convert", str(folder)]) == 0
    assert sorted(p.name for p in folder.glob("*.xml")) == ["essay.xml", "letter.xml"]


def test_convert_reports_bad_input_with_place_and_exits_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"   \n")
    good = tmp_path / "good.txt"
    shutil.copy(LETTER, good)
    assert main(["convert", str(empty), str(good), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert f"{empty.as_posix()}:1:1: error: the file is empty" in err
    assert not (tmp_path / "out" / "empty.xml").exists()
    assert (tmp_path / "out" / "good.xml").exists()  # the good one is still converted


def test_binary_input_leaves_no_output_file(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert main(["convert", str(binary)]) == 1
    assert "[source.binary]" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [binary]


def test_markup_like_text_is_kept_literally(tmp_path: Path) -> None:
    text = tmp_path / "markup.txt"
    text.write_text(
        "August 1, 1936\n\nDear Ed\n\nWe paid <b>10 & 20</b> francs; the ]]> end. "
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]> &e; &amp; &name;\n",
        encoding="utf-8")
    assert main(["convert", str(text)]) == 0
    raw = (tmp_path / "markup.xml").read_bytes()
    assert b"<!DOCTYPE x" not in raw and b"]]>" not in raw.replace(b"]]&gt;", b"")
    tei = etree.parse(str(tmp_path / "markup.xml"), etree.XMLParser(resolve_entities=False))
    paragraph = "".join(tei.find(".//t:body/t:p", NS).itertext())
    assert "<b>10 & 20</b>" in paragraph
    assert '<!ENTITY e SYSTEM "file:///etc/passwd">]> &e; &amp; &name;' in paragraph


def test_unknown_reader_is_a_usage_error_listing_the_known_ones(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(LETTER), "--reader", "docx"]) == 2
    err = capsys.readouterr().err
    assert "no reader named 'docx'" in err and "web-archive" in err and "book-ocr" in err


def test_missing_file_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(tmp_path / "nope.txt")]) == 1
    assert "no such file or folder [cli.no-such-file]" in capsys.readouterr().err


def test_fail_on_warnings_turns_a_warning_into_exit_1(tmp_path: Path) -> None:
    text = tmp_path / "w.txt"
    text.write_bytes("Cher ami,\n\nVoilà l'été.\n".encode("cp1252"))
    assert main(["convert", str(text)]) == 0
    assert main(["convert", str(text), "--fail-on-warnings"]) == 1


def test_json_format_lists_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "e.txt"
    empty.write_text("")
    assert main(["convert", str(empty), "--format", "json"]) == 1
    out = capsys.readouterr().out
    assert '"code": "source.empty"' in out and '"line": 1' in out


@pytest.mark.parametrize("argv", [["--help"], ["convert", "--help"], ["build", "--help"]])
def test_help_exits_0(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 0
    assert "usage: teipipe" in capsys.readouterr().out


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "COMMAND" in capsys.readouterr().err


def test_output_is_byte_identical_across_runs(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    assert main(["convert", str(LETTER), "--out", str(first)]) == 0
    assert main(["convert", str(LETTER), "--out", str(second)]) == 0
    assert (first / "letter.xml").read_bytes() == (second / "letter.xml").read_bytes()


def test_outside_a_project_the_tei_points_at_no_schema_file(tmp_path: Path) -> None:
    text = tmp_path / "letter.txt"
    shutil.copy(LETTER, text)
    assert main(["convert", str(text)]) == 0
    assert b"xml-model" not in (tmp_path / "letter.xml").read_bytes()
    assert main(["validate", str(tmp_path / "letter.xml")]) == 0


def test_inside_the_project_the_tei_points_at_its_schema(tmp_path: Path) -> None:
    out = tmp_path / "out"
    corpus_text = ROOT / "corpus" / "texts" / "1936-08-10_serge-to-trotsky_en.txt"
    assert main(["convert", str(corpus_text), "--out", str(out)]) == 0
    head = (out / f"{corpus_text.stem}.xml").read_text(encoding="utf-8").splitlines()[1]
    expected = Path(os.path.relpath(ROOT / "schema", out)) / "teipipe.rng"
    assert f'href="{expected.as_posix()}"' in head


def test_written_files_get_the_usual_modes_not_private_ones(tmp_path: Path) -> None:
    """Files are written through a private temporary file; the result must be readable by
    others as any new file here is (a web server serving the site, say)."""
    source = tmp_path / "letter.txt"
    source.write_text("Paris, 3 mars 1937\n\nCher ami,\n\nUn mot.\n", encoding="utf-8")
    previous = os.umask(0o022)
    try:
        assert main(["convert", str(source), "--out", str(tmp_path / "out"), "-q"]) == 0
    finally:
        os.umask(previous)
    assert (tmp_path / "out" / "letter.xml").stat().st_mode & 0o777 == 0o644


def test_build_json_output_is_json_alone(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    texts = tmp_path / "corpus" / "texts"
    texts.mkdir(parents=True)
    (texts / "letter.txt").write_text(
        "Paris, 3 March 1937\n\nDear friend,\n\nThe papers came today.\n\nYours, Victor\n",
        encoding="utf-8")
    assert main(["build", "--project", str(tmp_path), "--executor", "serial",
                 "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert isinstance(json.loads(captured.out), list)  # the summary does not follow it
    assert "convert: 1 texts" in captured.err
