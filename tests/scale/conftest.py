"""Scale tests: a small synthetic corpus from the benchmark generator, and build helpers."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

_BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(_BENCHMARKS))

from teipipe.build import BuildState, build  # noqa: E402
from teipipe.executor import Executor  # noqa: E402
from teipipe.project import Project  # noqa: E402

SYNTH_COUNT = 48


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


def run_build(project: Project, executor: Executor | None = None,
              use_cache: bool = True) -> BuildState:
    return build(project, check=False, stream=io.StringIO(), executor=executor,
                 use_cache=use_cache)


def tei_bytes(project: Project) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(project.tei.glob("*.xml"))}
