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

from lxml import etree

from . import cmif, corpus, site
from . import edition as edition_mod
from .diagnostics import Diagnostic, Location, Severity
from .pipeline import Converted, convert_file, schema_base_for, write_atomic
from .progress import Progress
from .project import Project
from .register import Register
from .register import load as load_register
from .transform import Transformer
from .writers.xml import serialize


@dataclass
class BuildState:
    """What one build run knows; made fresh for each run, never shared between runs."""

    project: Project
    check: bool
    stream: TextIO
    register: Register = field(default_factory=Register)
    converted: list[Converted] = field(default_factory=list)
    tei: dict[str, etree._ElementTree] = field(default_factory=dict)
    """The converted TEI trees by document name, before they are written."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    failed: bool = False
    edition: edition_mod.Edition = field(default_factory=edition_mod.Edition)
    transformer: Transformer = field(default_factory=Transformer)
    """Compiles each stylesheet once for the whole run."""
    cmif: bytes = b""


Step = Callable[[BuildState], None]


def step_register(state: BuildState) -> None:
    path = state.project.register
    if path.is_file():
        state.register, problems = load_register(path, state.project.display(path))
        state.diagnostics.extend(problems)


def step_edition(state: BuildState) -> None:
    path = state.project.edition
    state.edition, problems = edition_mod.load(path, state.project.display(path))
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
    for path in files:
        result = convert_file(path, project.display(path), state.register, None, None, base)
        state.converted.append(result)
        state.diagnostics.extend(result.diagnostics)
        if not result.ok or result.tei is None:
            state.failed = True
        else:
            state.tei[path.stem] = result.tei.tree
        progress.advance()
    progress.finish()


def step_link(state: BuildState) -> None:
    """Corpus-level passes: align translations, link letters of one correspondence."""
    state.tei = corpus.run(state.tei)


def step_write_tei(state: BuildState) -> None:
    project = state.project
    changed = 0
    for name, tree in sorted(state.tei.items()):
        target = project.tei / f"{name}.xml"
        data = serialize(tree)
        if target.is_file() and target.read_bytes() == data:
            continue
        changed += 1
        if state.check:
            state.diagnostics.append(Diagnostic(
                "build.stale-tei", Severity.ERROR, Location(project.display(target)),
                "the committed TEI differs from what the build writes; run `teipipe build` "
                "and commit the result"))
            state.failed = True
        else:
            write_atomic(target, data)
    verb = "would change" if state.check else "written"
    state.summary.append(f"convert: {len(state.converted)} texts, {changed} TEI files {verb}")


def tei_files(state: BuildState) -> list[Path]:
    """The TEI files of this build's documents, in name order."""
    return [state.project.tei / f"{name}.xml" for name in sorted(state.tei)]


def step_cmif(state: BuildState) -> None:
    """One CMIF file of the corpus's letters, for correspSearch (written into the site)."""
    if state.check or not state.tei:
        return
    state.cmif, problems = cmif.export(tei_files(state), state.transformer, state.edition,
                                       state.project.display)
    state.diagnostics.extend(problems)
    write_atomic(state.project.build / "site" / "cmif.xml", state.cmif)


def step_site(state: BuildState) -> None:
    if state.check or not state.tei:
        return
    out = state.project.build / "site"
    state.diagnostics.extend(site.build_site(tei_files(state), state.register, state.edition,
                                             out, state.transformer))
    state.summary.append(f"site: {len(state.tei)} documents in {state.project.display(out)}")


STEPS: list[tuple[str, Step]] = [
    ("register", step_register),
    ("edition", step_edition),
    ("convert", step_convert),
    ("link", step_link),
    ("write-tei", step_write_tei),
    ("cmif", step_cmif),
    ("site", step_site),
]


def build(project: Project, check: bool, stream: TextIO) -> BuildState:
    state = BuildState(project, check, stream)
    for _name, step in STEPS:
        step(state)
    return state
