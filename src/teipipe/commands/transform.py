"""`teipipe transform --to FORMAT PATH... --out DIR`: one XSLT output for TEI files."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..publish import outputs
from ..publish.transform import OUTPUTS
from .common import (
    add_input_options,
    add_report_options,
    counted,
    exit_code,
    expand_paths,
    limits,
    report,
    summarize,
)

HELP = "transform TEI files with one of the XSLT outputs (html, text, cmif)"


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("transform", help=HELP, description=HELP)
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                        help="a TEI .xml file or a folder of them (at any depth)")
    parser.add_argument("--to", required=True, choices=sorted(OUTPUTS), dest="to",
                        help="output format")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR",
                        help="folder for the results (made if missing)")
    parser.add_argument("--edition", type=Path, metavar="FILE",
                        help="edition settings (TOML, an [edition] table) for --to cmif: title, "
                             "editor, publisher, base_url, letter_url, licence, date; default: "
                             "the project's corpus/edition.toml")
    add_input_options(parser)
    add_report_options(parser)
    parser.set_defaults(run=run)



def run(args: argparse.Namespace) -> int:
    files, problems = expand_paths(args.paths, "*.xml", recursive=True)
    written, found = outputs.transform_files(args.to, files, args.out, limits=limits(args),
                                             edition=args.edition)
    problems.extend(found)
    report(problems, args)
    inputs, made = counted(len(files), "file"), counted(len(written), f"{args.to} output")
    summarize(f"transform: {inputs}, {made} written to {args.out.as_posix()}", args)
    return exit_code(problems, args, failed=not written)
