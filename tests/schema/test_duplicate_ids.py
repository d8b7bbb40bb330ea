"""A repeated xml:id is a validity error, not a well-formedness one: the secure reader
reads the document, validate reports each repeat as jing does (two lines, jing's words
and columns) and goes on with the grammar, transform goes on with a warning, and build
(which validates the TEI it makes) refuses the document, naming the plain-text place."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.schema_helpers import REALWORLD, SCHEMA, jing_errors
from teipipe import validation
from teipipe.cli import main
from teipipe.diagnostics import Location, Severity
from teipipe.xml import safexml

TEI_LITE = REALWORLD / "odd" / "official" / "tei_lite.rng"
HEADER = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t'
          '</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p>'
          '</sourceDesc></fileDesc></teiHeader><text><body>')
# Three elements share "a" (one on the next line), two share "b" (empty elements), and
# one element breaks the grammar after the repeats.
DOCUMENT = (HEADER + '<p xml:id="a">x</p><p xml:id="a">y<bogus/></p>\n'
            '<p xml:id="a">z</p><p xml:id="b"/><p xml:id="b"/><p xml:id="c"/>'
            '</body></text></TEI>\n')

EXPECTED = {
    "1:246: error: ID \"a\" has already been defined",
    "1:227: error: first occurrence of ID \"a\"",
    "2:15: error: ID \"a\" has already been defined",
    "2:35: error: first occurrence of ID \"b\"",
    "2:50: error: ID \"b\" has already been defined",
}


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "dup.xml"
    path.write_text(DOCUMENT, encoding="utf-8")
    return path


def test_the_secure_reader_reads_a_repeated_xml_id() -> None:
    tree, problems = safexml.parse(DOCUMENT.encode("utf-8"), "dup.xml")
    assert problems == []
    assert tree is not None
    ids = [e.get("{http://www.w3.org/XML/1998/namespace}id") for e in tree.iter()]
    assert ids.count("a") == 3


def test_validate_reports_each_repeat_as_jing_does_and_goes_on(
        document: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", "--schema", str(TEI_LITE), str(document)])
    lines = capsys.readouterr().err.splitlines()
    assert code == 1
    prefix = f"{document}:"
    found = [line.removeprefix(prefix) for line in lines if line.startswith(prefix)]
    duplicate = {line.removesuffix(" [xml.duplicate-id]") for line in found
                 if line.endswith("[xml.duplicate-id]")}
    assert duplicate == EXPECTED
    # the first occurrence of "a" is named once for each of its two repeats
    assert sum("first occurrence of ID \"a\"" in line for line in found) == 2
    # and the grammar was still checked: the element after the repeats, where jing has it
    assert any(line.startswith("1:255: error: element \"bogus\" not allowed") for line in found)
    assert not any("not well-formed" in line or "attribute \"id\"" in line for line in found)


def test_validate_agrees_with_jing(document: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["validate", "--schema", str(TEI_LITE), str(document)])
    ours = {line.removeprefix(f"{document}:").rsplit(" [", 1)[0]
            for line in capsys.readouterr().err.splitlines()}
    theirs = {line.removeprefix(f"{document}:") for line in jing_errors(TEI_LITE, document)}
    assert {line for line in theirs if " ID " in line} == EXPECTED
    assert theirs <= ours


def test_transform_goes_on_with_a_warning_naming_both_places(
        document: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code = main(["transform", "--to", "html", str(document), "--out", str(out)])
    printed = capsys.readouterr().err
    assert code == 0
    assert (out / "dup.html").is_file()
    assert f"{document}:1:246: warning: ID \"a\" has already been defined (first occurrence " \
           f"at {document}:1:227)" in printed
    assert f"{document}:2:50: warning: ID \"b\" has already been defined (first occurrence " \
           f"at {document}:2:35)" in printed
    assert main(["transform", "--to", "html", "--fail-on-warnings", str(document),
                 "--out", str(out)]) == 1


def test_validation_in_build_is_an_error_at_both_plain_text_places() -> None:
    """build validates each TEI it makes with `Validator.validate` and leaves a document
    with an error out of the outputs: a repeat is such an error, placed in the text."""
    origins = {1: Location("letter.txt", 3, 1), 2: Location("letter.txt", 9, 1)}
    found = validation.load(SCHEMA).validate(DOCUMENT.encode("utf-8"), "letter.xml", origins)
    repeats = [(d.location.line, d.location.column, d.message, d.origin) for d in found
               if d.code == "xml.duplicate-id"]
    assert all(d.severity is Severity.ERROR for d in found if d.code == "xml.duplicate-id")
    assert repeats == [
        (1, 227, 'first occurrence of ID "a"', origins[1]),
        (1, 227, 'first occurrence of ID "a"', origins[1]),
        (1, 246, 'ID "a" has already been defined', origins[1]),
        (2, 15, 'ID "a" has already been defined', origins[2]),
        (2, 35, 'first occurrence of ID "b"', origins[2]),
        (2, 50, 'ID "b" has already been defined', origins[2]),
    ]
