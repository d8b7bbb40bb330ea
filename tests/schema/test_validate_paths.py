"""`teipipe validate` reports the same whichever way a run gets there: in one process or
in workers, with the run's element names gathered before the run or only after it for the
documents that break the grammar. The reference is the plain way: the names of every file
first, then one validator over every file."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from support.schema_helpers import CORPUS, REALWORLD, ROOT, SCHEMA
from teipipe import validation
from teipipe.cli import main
from teipipe.diagnostics import Severity
from teipipe.validation import reduce, sources
from teipipe.xml import safexml

sys.path.insert(0, str(ROOT / "benchmarks"))
import generate  # noqa: E402

REAL = [*sorted((REALWORLD / "tei" / "escher").glob("*.xml")),
        *sorted((REALWORLD / "tei" / "schnitzler").glob("*.xml"))]


def _generated(tmp_path: Path, count: int = 6) -> list[Path]:
    project = tmp_path / "generated"
    generate.generate(project, count, seed=11)
    out = tmp_path / "tei"
    assert main(["convert", "-q", "--out", str(out), "--register",
                 str(project / "corpus" / "register.toml"),
                 str(project / "corpus" / "texts")]) == 0
    return sorted(out.glob("*.xml"))


def _mutants(letter: Path, folder: Path) -> list[Path]:
    """Copies of a valid letter, each broken one way: the grammar, a rule, or the XML."""
    text = letter.read_text(encoding="utf-8")
    when = re.search(r'when="\d{4}-\d{2}-\d{2}"', text)
    assert when is not None and "<body>" in text and "<p>" in text
    broken = {
        "unknown-element": text.replace("<body>", "<body><unknownThing/>", 1),
        "undeclared-lang": text.replace("<p>", '<p xml:lang="xx-Nowhere">', 1),
        "bad-date": text.replace(when.group(0), 'when="1850-13-45"', 1),
        "missing-target": text.replace("<p>", '<p><ref target="#nowhere">x</ref>', 1),
        "grammar-and-rule": text.replace("<body>", '<body xml:lang="zz"><unknownThing/>', 1),
        "malformed": text[: len(text) // 2],
        # libxml2's own message for it depends on the run's names (the list misses a place,
        # or with this document's names alone, the list is not allowed): it is used where
        # the jing-style reporter cannot say.
        "empty-place-list": re.sub(r"<place\b.*?</place>", "", text, flags=re.S),
    }
    folder.mkdir()
    made = []
    for name, content in broken.items():
        assert content != text, name
        made.append(folder / f"{name}.xml")
        made[-1].write_text(content, encoding="utf-8")
    return made


def _reference(files: list[Path]) -> tuple[list[str], int]:
    """The report and exit code of the plain way: names of every file, then each file."""
    names: set[reduce.Name] = set()
    for path in files:
        tree, _ = safexml.read(path, path.as_posix())
        if tree is not None:
            names |= reduce.element_names(tree)
    validator = validation.load_files(sources.folder(SCHEMA), frozenset(names))
    found = [d for path in files for d in validator.validate_file(path, path.as_posix())]
    return [d.format() for d in found], int(any(d.severity is Severity.ERROR for d in found))


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    tmp_path = tmp_path_factory.mktemp("paths")
    letters = _generated(tmp_path)
    return [*letters, *_mutants(letters[0], tmp_path / "mutants"), *CORPUS, *REAL]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_report_is_the_plain_ways(files: list[Path], jobs: str,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    expected, code = _reference(files)
    assert main(["validate", "-q", "--schema", str(SCHEMA), "--jobs", jobs,
                 *map(str, files)]) == code == 1
    assert capsys.readouterr().err.splitlines() == expected
    codes = {line.rsplit("[", 1)[1].rstrip("]") for line in expected}
    assert {"relaxng.element-not-allowed", "relaxng.incomplete", "schematron.lang-declared",
            "schematron.date-iso", "schematron.pointer-resolves", "xml.not-well-formed"} <= codes
    flagged = {line.split(":")[0] for line in expected}
    assert flagged >= {f.as_posix() for f in files if f.parent.name == "mutants"}
    assert len(flagged) < len(files)  # the generated letters and the corpus are valid
