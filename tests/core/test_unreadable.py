"""A file that cannot be read is one problem, worded once, whichever command met it."""

from __future__ import annotations

from pathlib import Path

from teipipe.pipeline import convert_file
from teipipe.project.register import Register
from teipipe.review import review_file
from teipipe.validation import load

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "teipipe"
SCHEMA = Path(__file__).resolve().parents[2] / "schema"


def test_conversion_review_and_validation_say_the_same_of_a_missing_file(
        tmp_path: Path) -> None:
    missing = tmp_path / "gone.txt"
    converted = convert_file(missing, "gone.txt", Register()).diagnostics
    reviewed = review_file(missing, "gone.txt", Register()).diagnostics
    validated = load(SCHEMA).validate_file(tmp_path / "gone.xml", "gone.xml")
    assert [d.format() for d in converted] == [d.format() for d in reviewed] == [
        "gone.txt: error: cannot read the file: No such file or directory [source.unreadable]"]
    assert [(d.code, d.message) for d in validated] == [
        ("input.unreadable", "cannot read the file: No such file or directory")]


def test_the_wording_lives_in_diagnostics_alone() -> None:
    spelled = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                     if "cannot read the file" in p.read_text(encoding="utf-8"))
    assert spelled == ["diagnostics.py"]
