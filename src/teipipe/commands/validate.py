"""`teipipe validate PATH...`: TEI files (or folders of .xml) against the project's schema."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import validation
from ..build import executor as executor_mod
from ..build.progress import Progress
from ..diagnostics import Diagnostic, Severity
from ..project import layout as project_mod
from ..tei import RNG_FILE
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

HELP = "validate TEI files against the RELAX NG and Schematron compiled from the ODD"
# A worker process costs about 0.15 s to start (imports, schema compile) and a file
# about 1.8 ms to validate; two workers were no faster than one process on 200 files
# and faster on 300. So each worker is given 150 files or more.
FILES_PER_WORKER = 150


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("validate", help=HELP, description=HELP,
                                   epilog="Exit codes: 0 all valid; 1 a document is invalid; "
                                          "2 wrong command line or no schema.")
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                        help="a .xml file or a folder of them")
    parser.add_argument("--schema", type=Path, metavar="DIR",
                        help="folder with teipipe.rng and teipipe.sch (default: the project's "
                             "schema/, else the schema installed with teipipe)")
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


def run(args: argparse.Namespace) -> int:
    if args.jobs is not None and args.jobs < 1:
        print("teipipe: --jobs must be 1 or more", file=sys.stderr)
        return EXIT_USAGE
    files, problems = expand_paths(args.paths, "*.xml")
    schema_dir = schema_dir_for(args.schema, files)
    if schema_dir is None:
        print("teipipe: no compiled schema found; pass --schema DIR", file=sys.stderr)
        return EXIT_USAGE
    try:
        validator = validation.load(schema_dir, limits(args))
    except validation.SchemaMissing as error:
        print(f"teipipe: {error}", file=sys.stderr)
        return EXIT_USAGE
    jobs = jobs_for(args.jobs, len(files))
    progress = Progress(len(files), progress_stream(args), label="files")
    invalid = 0
    if jobs == 1:
        for path in files:
            found = validator.validate_file(path, path.as_posix())
            problems.extend(found)
            invalid += _has_error(found)
            progress.advance()
    else:
        # The schema was loaded above only to refuse a broken one before any worker starts.
        executor = executor_mod.ProcessExecutor(jobs)
        try:
            for found in executor.map(validation.FileCheck(str(schema_dir), limits(args)), files):
                problems.extend(found)
                invalid += _has_error(found)
                progress.advance()
        finally:
            executor.close()
    progress.finish()
    report(problems, args)
    summarize(summary(len(files), invalid, problems), args)
    return exit_code(problems, args, failed=bool(problems) and not files)


def _has_error(found: list[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in found)


def summary(files: int, invalid: int, problems: list[Diagnostic]) -> str:
    """`validate: 12 files, all valid` (or how many are invalid), with the warnings counted."""
    verdict = "all valid" if not invalid else f"{invalid} invalid"
    warnings = sum(d.severity is Severity.WARNING for d in problems)
    noted = f", {counted(warnings, 'warning')}" if warnings else ""
    return f"validate: {counted(files, 'file')}, {verdict}{noted}"
