"""`teipipe schema compile`: the project's ODD to its RELAX NG, Schematron and HTML reference."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..files import write_atomic
from ..project import layout as project_mod
from ..schema import compile_project, stale_outputs
from ..tei import ODD_FILE
from .common import EXIT_PROBLEMS, EXIT_USAGE, add_report_options, exit_code, report, summarize

HELP = "compile the project's ODD (schema/teipipe.odd) into RELAX NG, Schematron and HTML"


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("schema", help=HELP, description=HELP)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    compile_parser = actions.add_parser("compile", help=HELP, description=HELP)
    compile_parser.add_argument("--project", type=Path, default=Path("."), metavar="DIR",
                                help="project folder, the one holding schema/ (default: here)")
    compile_parser.add_argument("--check", action="store_true",
                                help="write nothing; exit 1 if a generated file is stale")
    add_report_options(compile_parser)
    compile_parser.set_defaults(run=run)
    parser.set_defaults(run=lambda _args: _usage(parser))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def run(args: argparse.Namespace) -> int:
    project = project_mod.find(args.project)
    schema_dir = (project.schema if project else args.project / "schema")
    if not (schema_dir / ODD_FILE).is_file():
        print(f"teipipe: no schema/teipipe.odd in {args.project}", file=sys.stderr)
        return EXIT_USAGE
    result = compile_project(schema_dir)
    if not result.ok:
        report(result.diagnostics, args)
        return EXIT_PROBLEMS
    stale = stale_outputs(result, schema_dir, project.display if project else Path.as_posix)
    # One report, so that --format json prints one document.
    report([*result.diagnostics, *(stale.values() if args.check else ())], args)
    if args.check:
        if stale:
            return EXIT_PROBLEMS
        summarize(f"schema compile --check: {len(result.outputs)} files, all fresh", args)
        return exit_code(result.diagnostics, args)
    for name in stale:
        write_atomic(schema_dir / name, result.outputs[name])
    summarize(f"schema compile: {len(result.outputs)} files, {len(stale)} written", args)
    return exit_code(result.diagnostics, args)
