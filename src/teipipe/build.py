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

from . import validation
from .diagnostics import Diagnostic, Location, Severity
from .pipeline import Converted, convert_file, schema_base_for, write_atomic
from .progress import Progress
from .project import Project
from .register import Register
from .register import load as load_register
from .schema import compile_project


@dataclass
class BuildState:
    """What one build run knows; made fresh for each run, never shared between runs."""

    project: Project
    check: bool
    stream: TextIO
    register: Register = field(default_factory=Register)
    converted: list[Converted] = field(default_factory=list)
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
    progress = Progress(len(files), state.stream)
    base = schema_base_for(project.tei, project.schema)
    changed = 0
    for path in files:
        result = convert_file(path, project.display(path), state.register, None, None, base)
        state.converted.append(result)
        state.diagnostics.extend(result.diagnostics)
        if not result.ok or result.tei is None:
            state.failed = True
            progress.advance()
            continue
        target = project.tei / f"{path.stem}.xml"
        data = result.tei.to_bytes()
        if not target.is_file() or target.read_bytes() != data:
            changed += 1
            if state.check:
                state.diagnostics.append(Diagnostic(
                    "build.stale-tei", Severity.ERROR, Location(project.display(target)),
                    "the committed TEI differs from what the build writes; run `teipipe build` "
                    "and commit the result"))
                state.failed = True
            else:
                write_atomic(target, data)
        progress.advance()
    progress.finish()
    verb = "would change" if state.check else "written"
    state.summary.append(f"convert: {len(state.converted)} texts, {changed} TEI files {verb}")


def step_validate(state: BuildState) -> None:
    """Every TEI written in this run against the compiled schema; an invalid one fails the build."""
    project = state.project
    try:
        validator = validation.load(project.schema)
    except validation.SchemaMissing as error:
        state.diagnostics.append(Diagnostic("build.no-schema", Severity.ERROR,
                                            Location(project.display(project.schema)),
                                            str(error).replace(str(project.root) + "/", "")))
        state.failed = True
        return
    invalid = 0
    for result in state.converted:
        if result.tei is None:
            continue
        target = project.tei / f"{Path(result.source_path).stem}.xml"
        problems = validator.validate(result.tei.to_bytes(), project.display(target),
                                      result.tei.origin_by_line())
        state.diagnostics.extend(problems)
        if any(p.severity is Severity.ERROR for p in problems):
            invalid += 1
            state.failed = True
    state.summary.append(f"validate: {len(state.converted)} documents, {invalid} invalid")


def step_schema(state: BuildState) -> None:
    """The ODD compiled afresh; its HTML reference goes to build/site/schema/."""
    project = state.project
    result = compile_project(project.schema, project.display(project.schema))
    state.diagnostics.extend(result.diagnostics)
    if not result.ok:
        state.failed = True
        return
    stale = [name for name, data in result.outputs.items()
             if not (project.schema / name).is_file()
             or (project.schema / name).read_bytes() != data]
    for name in stale:
        state.diagnostics.append(Diagnostic(
            "build.stale-schema", Severity.ERROR, Location(project.display(project.schema / name)),
            "the committed file is not what the ODD compiles to; run `teipipe schema compile` "
            "and commit the result"))
        state.failed = True
    if not state.check:
        write_atomic(project.build / "site" / "schema" / "reference.html",
                     result.outputs["reference.html"])
    state.summary.append(f"schema: {len(result.outputs)} files, {len(stale)} stale")


STEPS: list[tuple[str, Step]] = [
    ("register", step_register),
    ("convert", step_convert),
    ("validate", step_validate),
    ("schema", step_schema),
]


def build(project: Project, check: bool, stream: TextIO) -> BuildState:
    state = BuildState(project, check, stream)
    for _name, step in STEPS:
        step(state)
    return state
