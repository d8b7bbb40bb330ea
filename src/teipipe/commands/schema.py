"""`teipipe schema compile [ODD]`: an ODD to its RELAX NG, Schematron and HTML reference."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..files import write_atomic
from ..project import layout as project_mod
from ..schema import compile_file, compile_project, stale_outputs
from ..schema import p5 as p5_mod
from ..tei import ODD_FILE
from .common import EXIT_PROBLEMS, EXIT_USAGE, add_report_options, exit_code, report, summarize

HELP = ("compile an ODD into RELAX NG, Schematron and HTML (default: the project's "
        "schema/teipipe.odd)")


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("schema", help=HELP, description=HELP)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    compile_parser = actions.add_parser(
        "compile", help=HELP, description=HELP,
        epilog=f"TEI P5 (p5subset.xml, from any TEI release) is read from --p5, else "
               f"${p5_mod.ENV}, else {p5_mod.cache_dir() / p5_mod.P5_NAME}; teipipe never "
               "downloads it. Exit codes: 0 compiled; 1 the ODD has errors (or --check found "
               "a stale file); 2 wrong command line.")
    compile_parser.add_argument("odd", nargs="?", type=Path, metavar="ODD",
                                help="the ODD to compile (default: the project's "
                                     "schema/teipipe.odd)")
    compile_parser.add_argument("--out", type=Path, metavar="DIR",
                                help="where to write <ident>.rng, <ident>.sch and <ident>.html "
                                     "(default: beside the ODD)")
    compile_parser.add_argument("--p5", type=Path, metavar="FILE",
                                help="the TEI P5 source its moduleRefs select from "
                                     "(p5subset.xml)")
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
    p5 = p5_mod.locate(args.p5)
    project = None
    if args.odd is not None:
        if not args.odd.is_file():
            print(f"teipipe: {args.odd}: no such ODD file", file=sys.stderr)
            return EXIT_USAGE
        out = args.out or args.odd.parent
        result = compile_file(args.odd, args.odd.as_posix(), p5)
    else:
        project = project_mod.find(args.project)
        schema_dir = project.schema if project else args.project / "schema"
        if not (schema_dir / ODD_FILE).is_file():
            print(f"teipipe: no schema/teipipe.odd in {args.project}; name an ODD to compile",
                  file=sys.stderr)
            return EXIT_USAGE
        out = args.out or schema_dir
        result = compile_project(schema_dir, p5=p5)
    if not result.ok:
        report(result.diagnostics, args)
        return EXIT_PROBLEMS
    shown = project.display if args.odd is None and project is not None else Path.as_posix
    stale = stale_outputs(result, out, shown)
    # One report, so that --format json prints one document.
    report([*result.diagnostics, *(stale.values() if args.check else ())], args)
    if args.check:
        if stale:
            return EXIT_PROBLEMS
        summarize(f"schema compile --check: {len(result.outputs)} files, all fresh", args)
        return exit_code(result.diagnostics, args)
    out.mkdir(parents=True, exist_ok=True)
    for name in stale:
        write_atomic(out / name, result.outputs[name])
    where = "" if args.odd is None else f" to {out.as_posix()}"
    summarize(f"schema compile: {len(result.outputs)} files, {len(stale)} written{where}", args)
    return exit_code(result.diagnostics, args)
