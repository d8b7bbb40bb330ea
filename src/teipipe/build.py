"""The corpus build: an ordered list of steps over one shared, per-run state.

`convert` turns every text of corpus/texts into corpus/tei; later steps
(validation, outputs, site, bundle) read what earlier ones left in the state.
A new step is one function and one row in STEPS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from .batch import Converter, Plan, convert_corpus
from .cache import Cache, environment_key
from .diagnostics import Diagnostic, Location, Severity
from .executor import Executor, SerialExecutor
from .pipeline import schema_base_for
from .progress import Progress
from .project import Project
from .register import Register
from .register import load as load_register


@dataclass
class BuildState:
    """What one build run knows; made fresh for each run, never shared between runs."""

    project: Project
    check: bool
    stream: TextIO
    register: Register = field(default_factory=Register)
    executor: Executor = field(default_factory=SerialExecutor)
    use_cache: bool = True
    tei_files: list[Path] = field(default_factory=list)
    """The TEI of every text converted without errors, in text order (files, not trees,
    so that memory does not grow with the corpus)."""
    reconverted: list[str] = field(default_factory=list)
    """Texts converted in this run; the others were unchanged since the cached build."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    failed: bool = False


Step = Callable[[BuildState], None]


def step_register(state: BuildState) -> None:
    path = state.project.register
    if path.is_file():
        state.register, problems = load_register(path, state.project.display(path))
        state.diagnostics.extend(problems)


def step_convert(state: BuildState) -> None:
    project = state.project
    files = project.text_files()
    if not files:
        state.diagnostics.append(Diagnostic("build.no-texts", Severity.ERROR,
                                            Location(project.display(project.texts)),
                                            "the corpus has no .txt texts"))
        state.failed = True
        return
    base = schema_base_for(project.tei, project.schema)
    plan = Plan(files, project.display, project.tei, environment_key(project, base), state.check)
    cache = Cache(project.root) if state.use_cache else None
    progress = Progress(len(files), state.stream)
    records = []
    for record in convert_corpus(plan, Converter(state.register, base), state.executor, cache):
        records.append(record)
        progress.advance()
    progress.finish()
    # Records arrive cached first; problems are reported in the order of the texts.
    records.sort(key=lambda r: r.index)
    for record in records:
        state.diagnostics.extend(record.diagnostics)
        state.failed |= not record.ok
        if record.ok:
            state.tei_files.append(record.target)
        if record.reconverted:
            state.reconverted.append(record.display)
        if record.stale and state.check:
            state.diagnostics.append(Diagnostic(
                "build.stale-tei", Severity.ERROR, Location(project.display(record.target)),
                "the committed TEI differs from what the build writes; run `teipipe build` "
                "and commit the result"))
            state.failed = True
    changed = sum(r.stale for r in records)
    verb = "would change" if state.check else "written"
    state.summary.append(f"convert: {len(records)} texts ({len(state.reconverted)} converted, "
                         f"{len(records) - len(state.reconverted)} unchanged), "
                         f"{changed} TEI files {verb}")


STEPS: list[tuple[str, Step]] = [
    ("register", step_register),
    ("convert", step_convert),
]


def build(project: Project, check: bool, stream: TextIO, executor: Executor | None = None,
          use_cache: bool = True) -> BuildState:
    state = BuildState(project, check, stream, executor=executor or SerialExecutor(),
                       use_cache=use_cache)
    for _name, step in STEPS:
        step(state)
    return state
