"""Paths and external tools shared by the schema tests."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "schema"
FIXTURES = ROOT / "tests" / "fixtures"
VALID = sorted((FIXTURES / "valid").glob("*.xml"))
INVALID = sorted((FIXTURES / "invalid").glob("*.xml"))
HOSTILE = sorted((FIXTURES / "hostile").glob("*.xml"))
CORPUS = sorted((ROOT / "corpus" / "tei").glob("*.xml"))
ACCEPT = os.environ.get("TEIPIPE_ACCEPT") == "1"


def jing() -> str:
    """The jing command; its absence is a failure, not a skip (CI installs it)."""
    found = shutil.which("jing")
    if found is None:
        pytest.fail("jing is not installed: `apt-get install jing` (CI installs it)")
    return found


def jing_errors(schema: Path, document: Path) -> list[str]:
    run = subprocess.run([jing(), str(schema), str(document)], capture_output=True, text=True,
                         timeout=120, check=False)
    return [line for line in run.stdout.splitlines() if ": error:" in line]


def tei_all_rng() -> Path:
    """TEI-all 4.8.0 as compiled by the official Stylesheets, from the shared reference material."""
    rng = ROOT.parent / "shared" / "tei-p5" / "4.8.0" / "tei_all.rng"
    if not rng.is_file():
        pytest.fail(f"{rng.name} not found beside the project in ../shared/tei-p5/4.8.0/")
    return rng


def display(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()

SHARED = ROOT.parent / "shared"
REALWORLD = SHARED / "realworld"
P5 = SHARED / "tei-p5" / "4.8.0" / "p5subset.xml"
