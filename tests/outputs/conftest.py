"""Shared fixtures of the output tests: the shared schemas, one transformer, a built site."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest

from support.outputs_paths import REPO, SHARED
from teipipe.machinery import steps as build
from teipipe.project.layout import Project
from teipipe.publish.transform import Transformer


@pytest.fixture(scope="session")
def shared() -> Path:
    """The read-only shared folder, a sibling of the repository."""
    if not (SHARED / "schemas" / "cmif" / "cmi-customization.rng").is_file():
        pytest.fail("the shared folder with schemas/cmif/cmi-customization.rng must be a "
                    "sibling of the repository root (../shared)")
    return SHARED.resolve()


@pytest.fixture(scope="session")
def transformer() -> Transformer:
    return Transformer()


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[build.BuildResult]:
    """The repository's corpus built in a temporary project (site, CMIF and all)."""
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(REPO / "corpus", root / "corpus")
    state = build.build(Project(root), check=False, stream=StringIO())
    assert not state.failed, [d.format() for d in state.diagnostics]
    yield state
