"""The corpus build: an ordered list of steps over one shared, per-run state.

`convert` turns every text of corpus/texts into corpus/tei; later steps
(validation, outputs, site, bundle) read what earlier ones left in the state.
A new step is one function and one row in STEPS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from lxml import etree

from .. import source as source_mod
from ..corpus.links import plan_links
from ..diagnostics import Diagnostic, Location, Severity
from ..files import atomic_file, write_atomic
from ..project import edition as edition_mod
from ..project.layout import Project
from ..project.register import Register
from ..project.register import load as load_register
from ..publish import cmif, site
from ..publish.transform import PARALLEL, Transformer
from ..schema import compile_project, stale_outputs
from ..tei import ODD_FILE
from ..validation import SchemaMissing
from ..validation import load as load_validator
from . import lock as buildlock
from .batch import Plan, Record, convert_corpus
from .cache import CACHE_DIR, Cache, InputHashes, ParsedSidecars
from .cache import Entry as CacheEntry
from .cache import decode as decode_entry
from .cache import encode as encode_entry
from .executor import Executor, SerialExecutor
from .progress import Progress
from .settings import BuildSettings
from .shares import DocumentShares
from .task import Converter


@dataclass
class BuildState:
    """What one build run knows; made fresh for each run, never shared between runs."""

    settings: BuildSettings
    stream: TextIO
    register: Register = field(default_factory=Register)
    executor: Executor = field(default_factory=SerialExecutor)
    tei_files: list[Path] = field(default_factory=list)
    """The TEI of every text converted without errors, in text order (files, not trees,
    so that memory does not grow with the corpus)."""
    texts: int = 0
    """The corpus's texts, converted or not: with none, no corpus output is made."""
    reconverted: list[str] = field(default_factory=list)
    """Texts converted in this run; the others were unchanged since the cached build."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    failed: bool = False
    edition: edition_mod.Edition = field(default_factory=edition_mod.Edition)
    transformer: Transformer = field(init=False)
    """Compiles each stylesheet of the settings' profile once for the whole run."""
    shares: DocumentShares = field(default_factory=lambda: DocumentShares(0))
    """Name, index row and CMIF entries of each document in `tei_files` (rows and entries
    only when the build makes the corpus outputs), kept on disk until the corpus steps."""
    cmif_file: Path | None = None
    """The corpus's CMIF file, once the cmif step has made it."""
    def __post_init__(self) -> None:
        self.transformer = Transformer(self.settings.stylesheets)

    @property
    def project(self) -> Project:
        return self.settings.project

    @property
    def check(self) -> bool:
        return self.settings.check

    @property
    def use_cache(self) -> bool:
        return self.settings.use_cache

    @property
    def max_bytes(self) -> int:
        return self.settings.max_bytes

    @property
    def site(self) -> Path:
        return self.settings.site


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


def _remembered(state: BuildState, name: str) -> Path:
    """Where a corpus output's diagnostics are kept for the next build (in the cache)."""
    return state.project.root / CACHE_DIR / "outputs" / f"{name}.json"


def _outputs_current(state: BuildState, output: Path) -> bool:
    """Nothing was reconverted and the output exists: corpus outputs would come out the same.

    Every input of the outputs (TEI, register, edition, stylesheets, templates,
    teipipe's code) is in each document's cache key, so a change to any of them
    reconverts at least one document.
    """
    return state.use_cache and not state.reconverted and output.is_file()


def step_cmif(state: BuildState) -> None:
    """One CMIF file of the corpus's letters, for correspSearch (written into the site).

    Assembled from the entries each document's task made (and the cache kept), streamed
    into the file; each letter's warnings came with its conversion.
    """
    target = state.site / "cmif.xml"
    if state.check or not state.texts:
        return
    state.cmif_file = target
    remembered = _remembered(state, "cmif")
    if _outputs_current(state, target) and remembered.is_file():
        state.diagnostics.extend(decode_entry(remembered.read_bytes()).diagnostics)
        state.summary.append("cmif: unchanged")
        return
    settings = state.edition.cmif_settings(cmif.latest(
        date for _name, entries in state.shares.entries() for date in cmif.entry_dates(entries)))
    with atomic_file(target) as out:
        cmif.write(out, state.transformer, settings, state.shares.entries())
    problems = cmif.authority_warnings(
        ((state.project.display(path), entries) for path, (_name, entries) in zip(
            state.tei_files, state.shares.entries(), strict=True)),
        state.register)
    state.diagnostics.extend(problems)
    if state.use_cache:
        write_atomic(remembered, encode_entry(CacheEntry(True, None, tuple(problems))))
    state.summary.append(f"cmif: {state.project.display(target)}")


def step_site(state: BuildState) -> None:
    """The reading edition: the index, the register pages and the side-by-side pages (each
    document's reading page was written with its conversion)."""
    out = state.site
    if state.check or not state.texts:
        return
    removed = site.remove_stale_pages(out, set(state.shares.names()))
    remembered = _remembered(state, "site")
    if _outputs_current(state, out / "index.html") and remembered.is_file() and not removed:
        state.diagnostics.extend(decode_entry(remembered.read_bytes()).diagnostics)
        state.summary.append("site: unchanged")
        return
    rows = state.shares.rows()
    translations = [path for path, (_name, row, _cmif) in zip(
        state.tei_files, state.shares, strict=True) if row is not None and row.parallel]
    problems = site.write_pages(translations, out, state.transformer, (PARALLEL,))
    site.write_index(rows, state.register, state.edition, out)
    state.diagnostics.extend(problems)
    if state.use_cache:
        write_atomic(remembered, encode_entry(CacheEntry(True, None, tuple(problems))))
    state.summary.append(f"site: {len(rows)} documents in {state.project.display(out)}")


def _usable_schema(state: BuildState) -> str | None:
    """The schema folder to validate with, loaded once here so that a broken schema is one
    clear error rather than a failure in every worker; None when there is none."""
    project = state.project
    schema = project.validation_schema
    try:
        load_validator(schema)
    except SchemaMissing as error:
        state.diagnostics.append(Diagnostic(
            "build.no-schema", Severity.ERROR, Location(project.display(project.schema)),
            f"{str(error).replace(str(project.root) + '/', '')}. The TEI is written but not "
            "validated"))
        state.failed = True
        return None
    except etree.LxmlError as error:
        state.diagnostics.append(Diagnostic(
            "build.bad-schema", Severity.ERROR, Location(project.display(schema)),
            f"the compiled schema cannot be loaded: {error}; run `teipipe schema compile`"))
        state.failed = True
        return None
    return str(schema)


def step_convert(state: BuildState) -> None:
    project = state.project
    files = project.text_files()
    if not files:
        state.diagnostics.append(Diagnostic("build.no-texts", Severity.ERROR,
                                            Location(project.display(project.texts)),
                                            "the corpus has no .txt texts"))
        state.failed = True
        return
    base = state.settings.schema_base
    if state.use_cache:
        sidecars = ParsedSidecars(project.root)
        links = plan_links(files, state.register, project.display, sidecars)
        if not state.check:
            sidecars.save()
    else:
        links = plan_links(files, state.register, project.display)
    hashes = InputHashes(project.root) if state.use_cache else None
    plan = Plan(files, project.display, project.tei, state.settings.cache_key(), state.check,
                links, None if state.check else state.site, hashes, project.build / "rejected",
                state.max_bytes)
    cache = Cache(project.root) if state.use_cache else None
    progress = Progress(len(files), state.stream)
    records = []
    schema_dir = _usable_schema(state)
    converter = Converter(state.register, base, schema_dir, outputs=not state.check,
                          stylesheets=state.settings.stylesheets)
    state.shares = DocumentShares(len(files))
    state.texts = len(files)
    for record in convert_corpus(plan, converter, state.executor, cache):
        if record.ok:
            state.shares.put(record.index, record.target.stem, record.row, record.cmif)
        records.append(replace(record, row=None, cmif=b""))
        progress.advance()
    progress.finish()
    if hashes is not None and not state.check:
        hashes.save()
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
    invalid = [r for r in records if any(d.severity is Severity.ERROR and (
        d.code.startswith(("relaxng.", "schematron.", "xml."))) for d in r.diagnostics)]
    state.failed |= any(d.severity is Severity.ERROR for r in records for d in r.diagnostics)
    state.summary.append(_convert_summary(records, state.check))
    if schema_dir is not None:
        validated = sum(r.ok for r in records) + len(invalid)  # texts that made TEI
        state.summary.append(f"validate: {validated} documents, {len(invalid)} invalid")


def _convert_summary(records: list[Record], check: bool) -> str:
    """What happened to each text: converted now, unchanged since the cached build, or
    failed (not readable as text, or not valid TEI: left out of the outputs)."""
    failed = sum(not r.ok for r in records)
    converted = sum(r.ok and r.reconverted for r in records)
    changed = sum(r.stale for r in records)
    verb = "would change" if check else "written"
    return (f"convert: {len(records)} texts ({converted} converted, "
            f"{len(records) - converted - failed} unchanged, {failed} failed), "
            f"{changed} TEI files {verb}")


def step_schema(state: BuildState) -> None:
    """The ODD compiled afresh; its HTML reference goes to build/site/schema/."""
    project = state.project
    if not (project.schema / ODD_FILE).is_file():
        state.summary.append("schema: the project has no ODD; teipipe's own schema is used")
        return
    result = compile_project(project.schema, project.display(project.schema), state.max_bytes)
    state.diagnostics.extend(result.diagnostics)
    if not result.ok:
        state.failed = True
        return
    stale = stale_outputs(result, project.schema, project.display)
    state.diagnostics.extend(stale.values())
    state.failed |= bool(stale)
    if not state.check:
        write_atomic(project.build / "site" / "schema" / "reference.html",
                     result.outputs["reference.html"])
    state.summary.append(f"schema: {len(result.outputs)} files, {len(stale)} stale")


STEPS: list[tuple[str, Step]] = [
    ("register", step_register),
    ("edition", step_edition),
    ("convert", step_convert),  # also validates, and links documents to the corpus
    ("schema", step_schema),
    ("cmif", step_cmif),
    ("site", step_site),
]


def build(project: Project, check: bool, stream: TextIO, executor: Executor | None = None,
          use_cache: bool = True, wait: bool = False,
          max_bytes: int = source_mod.DEFAULT_MAX_BYTES) -> BuildState:
    """Run every step, holding the project's build lock (BuildLocked when another build
    holds it and `wait` is False)."""
    state = BuildState(BuildSettings.of(project, check, use_cache, max_bytes), stream,
                       executor=executor or SerialExecutor())
    with buildlock.held(project.root / CACHE_DIR, wait, required=not check):
        try:
            for _name, step in STEPS:
                step(state)
        finally:
            state.shares.close()
    return state
