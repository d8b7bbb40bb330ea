"""Scale tests: a small synthetic corpus from the benchmark generator (helpers: support.scale)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

_BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(_BENCHMARKS))

from support.scale import SYNTH_COUNT  # noqa: E402
from teipipe.project.layout import Project  # noqa: E402


@pytest.fixture(scope="session")
def synth_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated project, shared read-only by the tests (copy it before building)."""
    import generate

    root = tmp_path_factory.mktemp("synth")
    generate.generate(root, SYNTH_COUNT, seed=7)
    return root


@pytest.fixture
def synth(synth_root: Path, tmp_path: Path) -> Project:
    """A fresh copy of the generated project that a test may build and change."""
    target = tmp_path / "project"
    shutil.copytree(synth_root, target)
    return Project(target)
