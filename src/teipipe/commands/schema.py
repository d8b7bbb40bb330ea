"""`teipipe schema compile`: the project's ODD to its RELAX NG, Schematron and HTML reference."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..files import write_atomic
from ..project import layout as project_mod
from ..schema import compile_project
from ..tei import ODD_FILE, SCHEMA_FILES
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


def _ship(schema_dir: Path, outputs: dict[str, bytes]) -> None:
    """In teipipe's own repository, copy the schema into the package, for installed use."""
    shipped = schema_dir.parent / "src" / "teipipe" / "data" / "schema"
    if not shipped.is_dir():
        return
    for name in SCHEMA_FILES:  # what an installed teipipe needs outside a project
        data = outputs.get(name) or (schema_dir / name).read_bytes()
        if not (shipped / name).is_file() or (shipped / name).read_bytes() != data:
            write_atomic(shipped / name, data)


def run(args: argparse.Namespace) -> int:
    project = project_mod.find(args.project)
    schema_dir = (project.schema if project else args.project / "schema")
    if not (schema_dir / ODD_FILE).is_file():
        print(f"teipipe: no schema/teipipe.odd in {args.project}", file=sys.stderr)
        return EXIT_USAGE
    result = compile_project(schema_dir)
    report(result.diagnostics, args)
    if not result.ok:
        return EXIT_PROBLEMS
    stale = [name for name, data in result.outputs.items()
             if not (schema_dir / name).is_file() or (schema_dir / name).read_bytes() != data]
    if args.check:
        for name in stale:
            print(f"schema/{name}: error: stale; run `teipipe schema compile` and commit it "
                  "[schema.stale]", file=sys.stderr)
        if stale:
            return EXIT_PROBLEMS
        summarize(f"schema compile --check: {len(result.outputs)} files, all fresh", args)
        return exit_code(result.diagnostics, args)
    for name in stale:
        write_atomic(schema_dir / name, result.outputs[name])
    _ship(schema_dir, result.outputs)
    summarize(f"schema compile: {len(result.outputs)} files, {len(stale)} written", args)
    return exit_code(result.diagnostics, args)
