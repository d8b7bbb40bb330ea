"""teipipe's RELAX NG errors are jing's: the same line:column:message list for each
invalid document, on real letters of another edition and on small documents that each
exercise one of jing's ways of recovering. jing runs once per grammar for all files."""

from __future__ import annotations

import subprocess
from collections import Counter
from pathlib import Path

import pytest

from support.schema_helpers import REALWORLD, jing
from teipipe.validation import load_files, sources

TEI_LITE = REALWORLD / "odd" / "official" / "tei_lite.rng"
TEI_BARE = REALWORLD / "odd" / "official" / "tei_bare.rng"
# Letters of the Schnitzler edition, encoded for their own customisation of TEI: against
# the TEI's small customisations they have tens of errors each, of every kind.
LETTERS = sorted((REALWORLD / "tei" / "schnitzler").glob("*.xml"))[:4]
HEADER = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
          "<title>x</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc>"
          "<p/></sourceDesc></fileDesc></teiHeader>\n<text><body><div>\n")
# Each body: what jing does with it (the name of the case says which recovery it needs).
BODIES = {
    "unknown-element-content-skipped": "<foo><p>x</p><p>y</p><hi>z</hi></foo>",
    "unknown-element-known-child-checked": "<foo><p><bar/></p><p rend2='x'>y</p></foo>",
    "unknown-element-incomplete-child": "<foo><list></list></foo>",
    "unknown-element-empty-child-repeats": '<foo><lb rend2="x"/><title level="zz"/></foo>',
    "element-here-content-checked": "<p>x</p><head>a<foo><hi>x</hi></foo>b</head>",
    "element-here-twice": "<p>x</p><head><hi>a</hi>x</head><head>b</head>",
    "incomplete-expected-list": "<list/><list><head>h</head></list>",
    "text-not-allowed": "text<p>x</p><lb>in an empty element</lb>",
    "every-bad-attribute": '<p xml:lang="de" rend2="a" rend3="b">x<title level="zz" '
                           'rend2="q">t</title></p>',
    "bad-values": '<p><title level="zz">t</title><hi cert="sure">x</hi><date when="1900-01-01"'
                  ' notBefore="x">y</date></p>',
}
# Not compared: a value that fails several datatypes at once (a date in none of the eight
# forms of teidata.temporal.w3c). jing lists the failures in an order that is neither the
# grammar's nor alphabetical; teipipe lists them in the grammar's order.
TEXT = HEADER + "{body}\n</div></body></text></TEI>\n"


def _jing(grammar: Path, files: list[Path]) -> dict[str, list[str]]:
    run = subprocess.run([jing(), str(grammar), *map(str, files)], capture_output=True,
                         text=True, timeout=300, check=False)
    found: dict[str, list[str]] = {path.name: [] for path in files}
    for line in run.stdout.splitlines():
        path, _, rest = line.partition(".xml:")
        if ": error: " in rest:
            place, _, message = rest.partition(": error: ")
            found[Path(path).name + ".xml"].append(f"{place}: {message}")
    return found


def _teipipe(grammar: Path, files: list[Path]) -> dict[str, list[str]]:
    validator = load_files(sources.SchemaFiles(rng=str(grammar)))
    return {path.name: [f"{d.location.line}:{d.location.column}: {d.message}"
                        for d in validator.validate_file(path, path.name)]
            for path in files}


def _differences(grammar: Path, files: list[Path]) -> dict[str, tuple[list[str], list[str]]]:
    """Per file: the errors only jing gives and the errors only teipipe gives."""
    theirs, ours = _jing(grammar, files), _teipipe(grammar, files)
    differ = {}
    for name in theirs:
        jing_only = sorted((Counter(theirs[name]) - Counter(ours[name])).elements())
        ours_only = sorted((Counter(ours[name]) - Counter(theirs[name])).elements())
        if jing_only or ours_only:
            differ[name] = (jing_only[:3], ours_only[:3])
    return differ


@pytest.fixture(scope="module")
def small_documents(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("jing-cases")
    files = []
    for name, body in BODIES.items():
        path = folder / f"{name}.xml"
        path.write_text(TEXT.format(body=body), encoding="utf-8")
        files.append(path)
    return files


def test_small_documents_give_jings_errors(small_documents: list[Path]) -> None:
    assert _differences(TEI_LITE, small_documents) == {}


def test_small_documents_have_several_errors_each(small_documents: list[Path]) -> None:
    """The cases are worth comparing: jing finds more than one error in each."""
    found = _jing(TEI_LITE, small_documents)
    assert all(len(errors) >= 2 for errors in found.values()), found


@pytest.mark.parametrize("grammar", [TEI_LITE, TEI_BARE], ids=lambda p: p.stem)
def test_real_letters_give_jings_errors(grammar: Path) -> None:
    assert len(LETTERS) == 4
    assert _differences(grammar, LETTERS) == {}
