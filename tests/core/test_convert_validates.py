"""`teipipe convert` checks what it writes with teipipe's own validator."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from teipipe import validation
from teipipe.cli import main
from teipipe.diagnostics import Diagnostic, Location, Severity

LETTERS = Path(__file__).resolve().parents[1] / "fixtures" / "letters"


def test_an_undated_letter_converts_valid_with_a_warning(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(LETTERS / "undated-unaddressed.txt", tmp_path / "letter.txt")
    assert main(["convert", str(tmp_path / "letter.txt")]) == 0
    assert "[letter.undated]" in capsys.readouterr().err
    assert main(["validate", "-q", str(tmp_path / "letter.xml")]) == 0


class _Rejecting:
    """A validator that rejects every document, as a stricter project schema would."""

    def validate(self, data: bytes, display: str,
                 origins: dict[int, Location] | None = None) -> list[Diagnostic]:
        return [Diagnostic("schematron.house-rule", Severity.ERROR, Location(display, 3, 1),
                           "the house rule is broken")]


def test_tei_the_validator_rejects_is_reported_and_exits_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validation, "load", lambda _schema_dir: _Rejecting())
    shutil.copy(LETTERS / "es-dateline-signature.txt", tmp_path / "letter.txt")
    assert main(["convert", str(tmp_path / "letter.txt")]) == 1
    err = capsys.readouterr().err
    assert "letter.xml:3:1: error: the house rule is broken [schematron.house-rule]" in err
