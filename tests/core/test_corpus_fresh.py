"""The committed corpus TEI is exactly what the build writes now."""

from __future__ import annotations

from pathlib import Path

from teipipe.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_committed_tei_is_fresh() -> None:
    assert main(["build", "--project", str(ROOT), "--check", "--quiet"]) == 0
