"""`teipipe transform --to FORMAT PATH... --out DIR`: one XSLT output for TEI files."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import outputs
from ..diagnostics import Diagnostic, Location, Severity
from ..transform import OUTPUTS
from .common import add_report_options, exit_code, report

HELP = "transform TEI files with one of the XSLT outputs (html, text, cmif)"


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("transform", help=HELP, description=HELP)
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                        help="a TEI .xml file or a folder of them")
    parser.add_argument("--to", required=True, choices=sorted(OUTPUTS), dest="to",
                        help="output format")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR",
                        help="folder for the results (made if missing)")
    add_report_options(parser)
    parser.set_defaults(run=run)


def expand(paths: list[Path]) -> tuple[list[Path], list[Diagnostic]]:
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.glob("*.xml")))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Diagnostic("cli.no-such-file", Severity.ERROR,
                                       Location(path.as_posix()), "no such file or folder"))
    return files, problems


def run(args: argparse.Namespace) -> int:
    files, problems = expand(args.paths)
    written, found = outputs.transform_files(args.to, files, args.out)
    problems.extend(found)
    report(problems, args)
    for path in written:
        print(path.as_posix())
    return exit_code(problems, args, failed=not written)
