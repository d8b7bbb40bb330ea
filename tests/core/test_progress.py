"""The progress line: counts, rate and time left on a terminal, nothing elsewhere."""

from __future__ import annotations

import io
import sys

import pytest

from support.schema_helpers import ROOT
from teipipe.cli import main
from teipipe.machinery.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_counts_rate_and_time_left() -> None:
    stream = Terminal()
    progress = Progress(3, stream, label="files")
    progress.advance()
    progress.advance(2)
    progress.finish()
    lines = stream.getvalue().split("\r")
    assert lines[1].startswith("1/3 files") and "/s" in lines[1] and "s left" in lines[1]
    assert lines[2].startswith("3/3 files") and lines[2].rstrip().endswith("0s left")
    assert stream.getvalue().endswith("\n")


def test_a_pipe_or_file_gets_nothing() -> None:
    stream = io.StringIO()
    progress = Progress(2, stream)
    progress.advance(2)
    progress.finish()
    assert stream.getvalue() == ""


def test_validate_shows_its_progress_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    files = sorted(str(p) for p in (ROOT / "corpus" / "tei").glob("*.xml"))
    assert main(["validate", "-j", "1", *files]) == 0
    assert f"\r{len(files)}/{len(files)} files" in terminal.getvalue()
