"""`teipipe package [--out FILE_OR_DIR]`: build the corpus and hand it off as a BagIt bag."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import bagit

from ..machinery import steps as build_mod
from ..machinery.lock import BuildLocked
from ..project import layout as project_mod
from ..publish import bundle
from .common import (
    EXIT_PROBLEMS,
    EXIT_USAGE,
    add_input_options,
    add_report_options,
    counted,
    exit_code,
    progress_stream,
    report,
    summarize,
)

HELP = "build the corpus and write an archival BagIt bag (TEI, schema, CMIF, report)"


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("package", help=HELP, description=HELP)
    parser.add_argument("--project", type=Path, default=Path("."), metavar="DIR",
                        help="project folder, the one holding corpus/ (default: here)")
    parser.add_argument("--out", type=Path, metavar="FILE_OR_DIR",
                        help="bag folder, or a .zip/.tar.gz file to archive it into "
                             "(default: build/bag)")
    parser.add_argument("--wait", action="store_true",
                        help="when another build of the project is running, wait for it to "
                             "end (default: stop with a message)")
    add_input_options(parser, xml=False)
    add_report_options(parser)
    parser.set_defaults(run=run)


_ARCHIVES = {".zip": "zip", ".tgz": "gztar", ".gz": "gztar"}


def run(args: argparse.Namespace) -> int:
    project = project_mod.find(args.project)
    if project is None:
        print(f"teipipe: no corpus/texts folder in {args.project} or above it", file=sys.stderr)
        return EXIT_USAGE
    try:
        state = build_mod.build(project, check=False, stream=progress_stream(args), wait=args.wait,
                                max_bytes=args.max_size)
    except BuildLocked as error:
        print(f"teipipe: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    report(state.diagnostics, args)
    if state.failed:
        return EXIT_PROBLEMS
    out: Path = args.out or project.build / "bag"
    archive = _ARCHIVES.get(out.suffix)
    folder = out.with_name(out.name.split(".")[0]) if archive else out
    try:
        bundle.make_bag(project, state.tei_files, state.cmif_file, state.diagnostics,
                        state.edition, folder)
    except (bagit.BagError, OSError) as error:
        print(f"teipipe: the bag could not be made: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    if archive:
        made = bundle.archive(folder, archive, state.edition)
        shutil.rmtree(folder)
    else:
        made = folder
    summarize(f"package: a bag of {counted(len(state.tei_files), 'TEI file')} in "
              f"{project.display(made)}", args)
    return exit_code(state.diagnostics, args)
