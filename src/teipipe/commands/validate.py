"""`teipipe validate PATH...`: TEI files (or folders of .xml) against their schema.

The schema is the one `--schema` names (a .rng, .sch or .odd file, or a folder with
teipipe.rng and teipipe.sch); else, per document, the `<?xml-model?>` instructions at its
top; else the project's schema, else the one installed with teipipe.
"""

from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path

from lxml import etree

from .. import validation
from ..diagnostics import Diagnostic, Location, Severity
from ..machinery import executor as executor_mod
from ..machinery.progress import Progress
from ..project import layout as project_mod
from ..tei import RNG_FILE, TEI_NS
from ..validation import reduce, sources
from ..xml import safexml
from .common import (
    EXIT_USAGE,
    add_input_options,
    add_report_options,
    counted,
    exit_code,
    expand_paths,
    limits,
    progress_stream,
    report,
    summarize,
)

HELP = "validate TEI files against RELAX NG and Schematron (compiled from an ODD, or named)"
# A worker process costs about 0.15 s to start (imports, schema compile) and a file
# about 1.8 ms to validate; two workers were no faster than one process on 200 files
# and faster on 300. So each worker is given 150 files or more.
FILES_PER_WORKER = 150
# Files sent to a worker at once. A file takes about 1.5 ms; each chunk costs the two
# processes pickling, a pipe round trip and a future: over 10,000 files 32 a chunk
# spent 0.15 s less CPU than the executor's default of 8 (trivial tasks, 2 workers).
FILES_PER_CHUNK = 32


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "validate", help=HELP, description=HELP,
        epilog="Without --schema each file's <?xml-model?> instructions name its RELAX NG and "
               "Schematron (relative or absolute href; an http(s) href only with --map); a file "
               "without them is validated against the project's schema. Exit codes: 0 all "
               "valid; 1 a document is invalid; 2 wrong command line or no schema.")
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                        help="a .xml file or a folder of them (at any depth)")
    parser.add_argument("--schema", type=Path, metavar="FILE",
                        help="a .rng, .sch or .odd file (an ODD is compiled and cached), or a "
                             "folder with teipipe.rng and teipipe.sch (default: each file's "
                             "xml-model, else the project's schema/, else the schema installed "
                             "with teipipe)")
    parser.add_argument("--p5", type=Path, metavar="FILE",
                        help="TEI P5 source (p5subset.xml) for compiling an ODD")
    parser.add_argument("--map", action="append", default=[], metavar="URL=FILE",
                        help="a local copy of a schema that an xml-model names by URL "
                             "(repeatable); teipipe never downloads")
    parser.add_argument("--tei-only", action="store_true",
                        help="skip files whose root is not TEI or teiCorpus in the TEI "
                             "namespace (for hooks that see every .xml file)")
    parser.add_argument("--jobs", "-j", type=int, metavar="N",
                        help=f"worker processes (default: one per {FILES_PER_WORKER} files, "
                             "up to all cores; 1 validates in this process); messages and "
                             "their order are the same whatever N")
    add_input_options(parser)
    add_report_options(parser)
    parser.set_defaults(run=run)


def schema_dir_for(explicit: Path | None, files: list[Path]) -> Path | None:
    """The schema to use: the one named, else the project's that holds the first file."""
    if explicit is not None:
        return explicit
    for start in [*(f.parent for f in files[:1]), Path(".")]:
        project = project_mod.find(start)
        if project is not None and (project.schema / RNG_FILE).is_file():
            return project.schema
    shipped = project_mod.SHIPPED_SCHEMA
    return shipped if (shipped / RNG_FILE).is_file() else None


def jobs_for(explicit: int | None, files: int) -> int:
    if explicit is not None:
        return explicit
    return max(1, min(executor_mod.default_jobs(), files // FILES_PER_WORKER))


def _maps(items: list[str]) -> dict[str, Path] | None:
    found = {}
    for item in items:
        url, sep, file = item.partition("=")
        if not sep or not file:
            return None
        found[url] = Path(file)
    return found


def _is_tei(data: bytes) -> bool:
    """Whether a document's root is TEI or teiCorpus in the TEI namespace (a malformed one
    counts as TEI, so that its error is reported)."""
    tree, _ = safexml.parse(data, "")
    if tree is None:
        return True
    root = etree.QName(tree.getroot())
    return root.namespace == TEI_NS and root.localname in ("TEI", "teiCorpus")


def _plan(files: list[Path], default: sources.SchemaFiles | None, maps: dict[str, Path],
          problems: list[Diagnostic], limit: safexml.Limits, tei_only: bool = False
          ) -> dict[sources.SchemaFiles, list[Path]]:
    """Files grouped by the schema each is validated against."""
    if default is not None and not tei_only:
        # Nothing in a file chooses its schema: the workers read each file once, and
        # report one they cannot read or that is too large as this loop would have.
        return {default: list(files)} if files else {}
    groups: dict[sources.SchemaFiles, list[Path]] = {}
    for path in files:
        display = path.as_posix()
        data, refused = safexml.read_bytes(path, display, limit.max_bytes)
        if data is None:
            problems.extend(refused)
            continue
        if tei_only and not _is_tei(data):
            continue
        try:
            chosen = default or sources.from_xml_model(data, path, display, maps)
        except sources.SchemaError as error:
            problems.append(error.diagnostic)
            continue
        chosen = chosen or _project_schema(files)
        if chosen is None:
            problems.append(Diagnostic("validate.no-schema", Severity.ERROR, Location(display),
                                       "no schema: the file has no <?xml-model?> and there is no "
                                       "project schema; pass --schema FILE"))
            continue
        groups.setdefault(chosen, []).append(path)
    return groups


def _element_names(files: list[Path], limit: safexml.Limits) -> frozenset[reduce.Name]:
    """The elements the documents use (those the secure reader accepts), see `reduce`."""
    names: set[reduce.Name] = set()
    for path in files:
        data, _ = safexml.read_bytes(path, path.as_posix(), limit.max_bytes)
        tree, _ = safexml.parse(data, path.as_posix(), limit, path) if data is not None \
            else (None, [])
        if tree is not None:
            names.update(reduce.element_names(tree))
    return frozenset(names)


def _project_schema(files: list[Path]) -> sources.SchemaFiles | None:
    found = schema_dir_for(None, files)
    return sources.folder(found) if found is not None else None


def run(args: argparse.Namespace) -> int:
    if args.jobs is not None and args.jobs < 1:
        print("teipipe: --jobs must be 1 or more", file=sys.stderr)
        return EXIT_USAGE
    maps = _maps(args.map)
    if maps is None:
        print("teipipe: --map takes URL=FILE", file=sys.stderr)
        return EXIT_USAGE
    files, problems = expand_paths(args.paths, "*.xml", recursive=True)
    default = None
    if args.schema is not None:
        try:
            default = sources.named(args.schema, args.p5)
        except sources.SchemaError as error:
            report([error.diagnostic], args)
            return EXIT_USAGE
    groups = _plan(files, default, maps, problems, limits(args), args.tei_only)
    files = [path for members in groups.values() for path in members] if (
        args.tei_only) else files
    progress = Progress(len(files), progress_stream(args), label="files")
    for schema, members in groups.items():
        try:
            found = _validate_group(schema, members, args, progress)
        except (OSError, validation.SchemaMissing, sources.SchemaError) as error:
            print(f"teipipe: {schema.label}: {error}", file=sys.stderr)
            return EXIT_USAGE
        problems.extend(found)
    progress.finish()
    # In the order of the command line, whichever schema group a file was in.
    order = {path.as_posix(): index for index, path in enumerate(files)}
    problems.sort(key=lambda d: order.get(d.location.path, -1))
    report(problems, args)
    invalid = len({d.location.path for d in problems
                   if d.severity is Severity.ERROR and d.location.path in order})
    summarize(summary(len(files), invalid, problems), args)
    return exit_code(problems, args, failed=bool(problems) and not files)


def _validate_group(schema: sources.SchemaFiles, files: list[Path], args: argparse.Namespace,
                    progress: Progress) -> list[Diagnostic]:
    """The problems of the files of one schema. A document that breaks the grammar is
    worded by a grammar cut to the elements of all the files (see `grammar`); those are
    gathered before the run only when the grammar is cut before compiling, else after
    it and only when some document broke the grammar: a valid run reads each file once."""
    limit = limits(args)
    names = _element_names(files, limit) if validation.names_first(schema) else None
    # Compiled here first, to refuse a broken schema before any worker starts.
    validator = validation.load_files(schema, names, limit)
    check = validation.FileCheck(schema, names, limit, defer_invalid=names is None)
    found, deferred = _validate(validator, check, files, jobs_for(args.jobs, len(files)),
                                progress)
    if deferred:
        names = _element_names(files, limit)
        validator = validation.load_files(schema, names, limit)
        check = validation.FileCheck(schema, names, limit)
        found.extend(_validate(validator, check, deferred, jobs_for(args.jobs, len(deferred)),
                               None)[0])
    return found


def _validate(validator: validation.Validator, check: validation.FileCheck, files: list[Path],
              jobs: int, progress: Progress | None) -> tuple[list[Diagnostic], list[Path]]:
    """The problems found, and the files `check` left for later (see `FileCheck`)."""
    found: list[Diagnostic] = []
    deferred: list[Path] = []
    executor: executor_mod.Executor = executor_mod.SerialExecutor() if jobs == 1 else \
        executor_mod.ProcessExecutor(jobs, chunk_size=FILES_PER_CHUNK)
    # One process validates with the validator compiled above; workers compile their own.
    task = check if jobs > 1 else functools.partial(_with, validator, check.defer_invalid)
    try:
        for path, problems in zip(files, executor.map(task, files), strict=True):
            if problems is None:
                deferred.append(path)
            else:
                found.extend(problems)
            if progress is not None:
                progress.advance()
    finally:
        executor.close()
    return found, deferred


def _with(validator: validation.Validator, defer_invalid: bool,
          path: Path) -> list[Diagnostic] | None:
    return validator.validate_file_or_defer(path, path.as_posix(), defer_invalid)


def _has_error(found: list[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in found)


def summary(files: int, invalid: int, problems: list[Diagnostic]) -> str:
    """`validate: 12 files, all valid` (or how many are invalid), with the warnings counted."""
    verdict = "all valid" if not invalid else f"{invalid} invalid"
    warnings = sum(d.severity is Severity.WARNING for d in problems)
    noted = f", {counted(warnings, 'warning')}" if warnings else ""
    return f"validate: {counted(files, 'file')}, {verdict}{noted}"
