"""What the scale tests share besides fixtures: the size of the generated corpus and builds."""

from __future__ import annotations

import io

from teipipe.machinery.executor import Executor
from teipipe.machinery.steps import BuildResult, build
from teipipe.project.layout import Project

SYNTH_COUNT = 48


def run_build(project: Project, executor: Executor | None = None,
              use_cache: bool = True) -> BuildResult:
    return build(project, check=False, stream=io.StringIO(), executor=executor,
                 use_cache=use_cache)


def tei_bytes(project: Project) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(project.tei.glob("*.xml"))}
