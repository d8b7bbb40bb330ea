"""The corpus build: steps with explicit inputs and outputs, run in the order of their data.

`read_inputs` reads the register and the edition; `convert` turns every text into TEI,
validated, with each document's shares of the corpus outputs; `compile_schema`,
`write_cmif` and `write_site` make the corpus outputs from what `convert` returned.
A step reads only its arguments and says what it found into the run's `Report`;
`build` runs them and returns a frozen `BuildResult`. A new step is a function whose
arguments name what it needs, called in `build` after the steps that make those.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from lxml import etree

from .. import source as source_mod
from ..corpus.links import plan_links
from ..diagnostics import Diagnostic, Location, Severity
from ..files import atomic_file, write_atomic
from ..passes import Options
from ..project import edition as edition_mod
from ..project.layout import SHIPPED_SCHEMA, Project
from ..project.register import Register
from ..project.register import load as load_register
from ..publish import cmif, site
from ..publish.transform import PARALLEL, Transformer
from ..schema import compile_project, stale_outputs
from ..tei import ODD_FILE, RNG_FILE, SCH_FILE
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
class Report:
    """What the steps of one run say: problems, summary lines, whether the build failed.
    The only thing the steps share that they write to, and only by adding."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    failed: bool = False

    def problems(self, found: Iterable[Diagnostic]) -> None:
        self.diagnostics.extend(found)

    def fail(self, problem: Diagnostic) -> None:
        self.diagnostics.append(problem)
        self.failed = True


@dataclass(frozen=True)
class Inputs:
    """The editor's corpus-wide inputs (read_inputs)."""

    register: Register = field(default_factory=Register)
    edition: edition_mod.Edition = field(default_factory=edition_mod.Edition)


@dataclass(frozen=True)
class Converted:
    """What `convert` made: the TEI of every text converted without errors, in text order
    (files, not trees, so that memory does not grow with the corpus), and their shares of
    the corpus outputs, kept on disk until the corpus steps."""

    texts: int
    """The corpus's texts, converted or not: with none, no corpus output is made."""
    tei_files: list[Path]
    reconverted: list[str]
    """Texts converted in this run; the others were unchanged since the cached build."""
    shares: DocumentShares


@dataclass(frozen=True)
class BuildResult:
    """What one build did and found."""

    settings: BuildSettings
    register: Register
    edition: edition_mod.Edition
    tei_files: list[Path]
    reconverted: list[str]
    cmif_file: Path | None
    """The corpus's CMIF file, when the build made it."""
    diagnostics: list[Diagnostic]
    summary: list[str]
    failed: bool

    @property
    def project(self) -> Project:
        return self.settings.project

    @property
    def site(self) -> Path:
        return self.settings.site


def read_inputs(settings: BuildSettings, report: Report) -> Inputs:
    """The register (when the project has one) and the edition's settings."""
    project = settings.project
    register = Register()
    if project.register.is_file():
        register, problems = load_register(project.register, project.display(project.register))
        report.problems(problems)
    edition, problems = edition_mod.load(project.edition, project.display(project.edition))
    report.problems(problems)
    return Inputs(register, edition)


def _remembered(settings: BuildSettings, name: str) -> Path:
    """Where a corpus output's diagnostics are kept for the next build (in the cache)."""
    return settings.project.root / CACHE_DIR / "outputs" / f"{name}.json"


def _outputs_current(settings: BuildSettings, converted: Converted, output: Path) -> bool:
    """Nothing was reconverted and the output exists: corpus outputs would come out the same.

    Every input of the outputs (TEI, register, edition, stylesheets, templates,
    teipipe's code) is in each document's cache key, so a change to any of them
    reconverts at least one document.
    """
    return settings.use_cache and not converted.reconverted and output.is_file()


def _remember(settings: BuildSettings, name: str, problems: list[Diagnostic]) -> None:
    if settings.use_cache:
        write_atomic(_remembered(settings, name),
                     encode_entry(CacheEntry(True, None, tuple(problems))))


def write_cmif(settings: BuildSettings, inputs: Inputs, converted: Converted,
               transformer: Transformer, report: Report) -> Path | None:
    """One CMIF file of the corpus's letters, for correspSearch (written into the site).

    Assembled from the entries each document's task made (and the cache kept), streamed
    into the file; each letter's warnings came with its conversion.
    """
    target = settings.site / "cmif.xml"
    if settings.check or not converted.texts:
        return None
    remembered = _remembered(settings, "cmif")
    if _outputs_current(settings, converted, target) and remembered.is_file():
        report.problems(decode_entry(remembered.read_bytes()).diagnostics)
        report.summary.append("cmif: unchanged")
        return target
    shares = converted.shares
    edition_settings = inputs.edition.cmif_settings(cmif.latest(
        date for _name, entries in shares.entries() for date in cmif.entry_dates(entries)))
    with atomic_file(target) as out:
        cmif.write(out, transformer, edition_settings, shares.entries())
    display = settings.project.display

    def shown() -> Iterator[tuple[str, bytes]]:
        return ((display(path), entries) for path, (_name, entries) in zip(
            converted.tei_files, shares.entries(), strict=True))

    problems = (edition_mod.placeholder_warnings(
                    inputs.edition, display(settings.project.edition), Severity.INFO)
                + cmif.mapping_warnings(shown()) + cmif.authority_warnings(shown(),
                                                                            inputs.register))
    report.problems(problems)
    _remember(settings, "cmif", problems)
    report.summary.append(f"cmif: {display(target)}")
    return target


def write_site(settings: BuildSettings, inputs: Inputs, converted: Converted,
               transformer: Transformer, report: Report) -> None:
    """The reading edition: the index, the register pages and the side-by-side pages (each
    document's reading page was written with its conversion)."""
    out = settings.site
    if settings.check or not converted.texts:
        return
    shares = converted.shares
    removed = site.remove_stale_pages(out, set(shares.names()))
    remembered = _remembered(settings, "site")
    if (_outputs_current(settings, converted, out / "index.html") and remembered.is_file()
            and not removed):
        report.problems(decode_entry(remembered.read_bytes()).diagnostics)
        report.summary.append("site: unchanged")
        return
    rows = shares.rows()
    translations = [path for path, (_name, row, _cmif) in zip(
        converted.tei_files, shares, strict=True) if row is not None and row.parallel]
    problems = site.write_pages(translations, out, transformer, (PARALLEL,))
    site.write_index(rows, inputs.register, inputs.edition, out)
    report.problems(problems)
    _remember(settings, "site", problems)
    report.summary.append(f"site: {len(rows)} documents in {settings.project.display(out)}")


def _usable_schema(settings: BuildSettings, report: Report) -> str | None:
    """The schema folder to validate with, loaded once here so that a broken schema is one
    clear error rather than a failure in every worker; None when there is none."""
    project = settings.project
    schema = project.validation_schema
    try:
        load_validator(schema)
    except SchemaMissing as error:
        report.fail(Diagnostic(
            "build.no-schema", Severity.ERROR, Location(project.display(project.schema)),
            f"{str(error).replace(str(project.root) + '/', '')}. The TEI is written but not "
            "validated"))
        return None
    except etree.LxmlError as error:
        report.fail(Diagnostic(
            "build.bad-schema", Severity.ERROR, Location(project.display(schema)),
            f"the compiled schema cannot be loaded: {error}; run `teipipe schema compile`"))
        return None
    return str(schema)


def convert(settings: BuildSettings, inputs: Inputs, executor: Executor, stream: TextIO,
            report: Report) -> Converted:
    """Every text of corpus/texts to corpus/tei, validated, on `executor`, with its shares
    of the corpus outputs (the caller closes `shares`)."""
    project = settings.project
    files = project.text_files()
    if not files:
        report.fail(Diagnostic("build.no-texts", Severity.ERROR,
                               Location(project.display(project.texts)),
                               "the corpus has no .txt texts"))
        return Converted(0, [], [], DocumentShares(0))
    if settings.use_cache:
        sidecars = ParsedSidecars(project.root)
        links = plan_links(files, inputs.register, project.display, sidecars)
        if not settings.check:
            sidecars.save()
    else:
        links = plan_links(files, inputs.register, project.display)
    hashes = InputHashes(project.root) if settings.use_cache else None
    plan = Plan(files, project.display, project.tei, settings.cache_key(), settings.check,
                links, None if settings.check else settings.site, hashes,
                project.build / "rejected", settings.max_bytes)
    cache = Cache(project.root) if settings.use_cache else None
    schema_dir = _usable_schema(settings, report)
    options = Options(ocr_repairs="silent" if inputs.edition.ocr_repairs == "silent"
                      else "recorded")
    converter = Converter(inputs.register, settings.schema_base, schema_dir,
                          outputs=not settings.check, stylesheets=settings.stylesheets,
                          options=options, publisher=inputs.edition.publisher)
    shares = DocumentShares(len(files))
    try:
        records = _convert_all(plan, converter, executor, cache, shares,
                               Progress(len(files), stream))
    except BaseException:
        shares.close()
        raise
    if hashes is not None and not settings.check:
        hashes.save()
    return _report_records(settings, records, schema_dir is not None, shares, report)


def _convert_all(plan: Plan, converter: Converter, executor: Executor, cache: Cache | None,
                 shares: DocumentShares, progress: Progress) -> list[Record]:
    """Every text's record, in text order; its index row and CMIF entries go to `shares`."""
    records = []
    for record in convert_corpus(plan, converter, executor, cache):
        if record.ok:
            shares.put(record.index, record.target.stem, record.row, record.cmif)
        records.append(replace(record, row=None, cmif=b""))
        progress.advance()
    progress.finish()
    # Records arrive cached first; problems are reported in the order of the texts.
    return sorted(records, key=lambda r: r.index)


def _report_records(settings: BuildSettings, records: list[Record], validated: bool,
                    shares: DocumentShares, report: Report) -> Converted:
    display = settings.project.display
    tei_files, reconverted = [], []
    for record in records:
        report.problems(record.diagnostics)
        report.failed |= not record.ok
        if record.ok:
            tei_files.append(record.target)
        if record.reconverted:
            reconverted.append(record.display)
        if record.stale and settings.check:
            report.fail(Diagnostic(
                "build.stale-tei", Severity.ERROR, Location(display(record.target)),
                "the committed TEI differs from what the build writes; run `teipipe build` "
                "and commit the result"))
    invalid = [r for r in records if any(d.severity is Severity.ERROR and (
        d.code.startswith(("relaxng.", "schematron.", "xml."))) for d in r.diagnostics)]
    report.failed |= any(d.severity is Severity.ERROR for r in records for d in r.diagnostics)
    report.summary.append(_convert_summary(records, settings.check))
    if validated:
        made = sum(r.ok for r in records) + len(invalid)  # texts that made TEI
        report.summary.append(f"validate: {made} documents, {len(invalid)} invalid")
    return Converted(len(records), tei_files, reconverted, shares)


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


def compile_schema(settings: BuildSettings, report: Report) -> None:
    """The ODD compiled afresh: a committed file that differs is an error; the HTML
    reference goes to build/site/schema/."""
    project = settings.project
    if not (project.schema / ODD_FILE).is_file():
        _teipipe_reference(settings, report)
        return
    result = compile_project(project.schema, project.display(project.schema),
                             settings.max_bytes)
    report.problems(result.diagnostics)
    if not result.ok:
        report.failed = True
        return
    stale = stale_outputs(result, project.schema, project.display)
    report.problems(stale.values())
    report.failed |= bool(stale)
    if not settings.check:
        write_atomic(settings.site / "schema" / "reference.html",
                     result.outputs["reference.html"])
    report.summary.append(f"schema: {len(result.outputs)} files, {len(stale)} stale")


def write_schema_files(settings: BuildSettings, report: Report) -> None:
    """A project without an ODD is validated against teipipe's own schema; its RELAX NG and
    Schematron are written into the project's schema/ when missing, since every TEI's
    xml-model points there. Before the conversion, whose cache key they are part of."""
    project = settings.project
    if settings.check or (project.schema / ODD_FILE).is_file():
        return
    written = [name for name in (RNG_FILE, SCH_FILE) if not (project.schema / name).is_file()]
    for name in written:
        write_atomic(project.schema / name, (SHIPPED_SCHEMA / name).read_bytes())
    if written:
        report.summary.append(f"schema: teipipe's own {', '.join(written)} written into "
                              f"{project.display(project.schema)}/")


def _teipipe_reference(settings: BuildSettings, report: Report) -> None:
    """The reference page of teipipe's own schema, in the site, where every page links."""
    result = compile_project(SHIPPED_SCHEMA, "teipipe's own schema")
    if not settings.check and result.ok:
        write_atomic(settings.site / "schema" / "reference.html",
                     result.outputs["reference.html"])
    report.summary.append("schema: the project has no ODD; teipipe's own schema is used")


def build(project: Project, check: bool, stream: TextIO, executor: Executor | None = None,
          use_cache: bool = True, wait: bool = False,
          max_bytes: int = source_mod.DEFAULT_MAX_BYTES) -> BuildResult:
    """Run every step, holding the project's build lock (BuildLocked when another build
    holds it and `wait` is False)."""
    settings = BuildSettings.of(project, check, use_cache, max_bytes)
    report = Report()
    transformer = Transformer(settings.stylesheets)  # each stylesheet compiled once a run
    with buildlock.held(project.root / CACHE_DIR, wait, required=not check):
        inputs = read_inputs(settings, report)
        write_schema_files(settings, report)
        converted = convert(settings, inputs, executor or SerialExecutor(), stream, report)
        try:
            compile_schema(settings, report)
            cmif_file = write_cmif(settings, inputs, converted, transformer, report)
            write_site(settings, inputs, converted, transformer, report)
        finally:
            converted.shares.close()
    return BuildResult(settings, inputs.register, inputs.edition, converted.tei_files,
                       converted.reconverted, cmif_file, report.diagnostics, report.summary,
                       report.failed)
