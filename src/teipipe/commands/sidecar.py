"""`teipipe sidecar draft TEXT...`: the sidecar the converter would assume, for the editor."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import readers
from .. import source as source_mod
from ..diagnostics import Diagnostic, Location, Reporter, Severity
from ..draft import DraftFacts, draft
from ..files import write_atomic
from ..passes.correspondence import read_correspondence
from ..pipeline import choose_reader
from ..project import sidecar as sidecar_mod
from .common import (
    EXIT_USAGE,
    add_report_options,
    counted,
    exit_code,
    expand_paths,
    report,
    summarize,
)

HELP = "write a draft sidecar (.toml) beside each text that has none"


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("sidecar", help=HELP, description=HELP)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    draft_parser = actions.add_parser(
        "draft", help=HELP,
        description=HELP + ": correspondents, dates, places, language and reader, each with "
        "its certainty and the line of the text it was read from. An existing sidecar is "
        "never overwritten.")
    draft_parser.add_argument("sources", nargs="+", type=Path, metavar="TEXT",
                              help="a .txt file or a folder of them")
    known = ", ".join(sorted(readers.READERS))
    draft_parser.add_argument("--reader", metavar="NAME",
                              help=f"reader to assume instead of sniffing: {known}")
    add_report_options(draft_parser)
    draft_parser.set_defaults(run=run)
    parser.set_defaults(run=lambda _args: _usage(parser))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def draft_for(path: Path, reader_name: str | None,
              reporter: Reporter) -> str | None:
    """The draft sidecar of one text, or None when the text cannot be read."""
    try:
        src = source_mod.read(path, path.as_posix())
    except source_mod.SourceError as error:
        reporter.extend([error.diagnostic])
        return None
    reader, why = choose_reader(src, reader_name, None)
    document = reader.read(src, reporter)
    reading = read_correspondence(document, src.lines)
    facts = DraftFacts(document.meta.kind, document.meta.language, reader.name, why)
    return draft(facts, reading)


def run(args: argparse.Namespace) -> int:
    if args.reader and args.reader not in readers.READERS:
        print(f"teipipe: {readers.UnknownReader(args.reader)}", file=sys.stderr)
        return EXIT_USAGE
    files, problems = expand_paths(args.sources, "*.txt")
    failed = bool(problems)
    written = 0
    for path in files:
        target = sidecar_mod.path_for(path)
        if target.exists():
            problems.append(Diagnostic(
                "sidecar.exists", Severity.INFO, Location(target.as_posix()),
                "the text has a sidecar already; a draft never overwrites it"))
            continue
        reporter = Reporter()
        text = draft_for(path, args.reader, reporter)
        problems.extend(d for d in reporter if d.severity is not Severity.INFO)
        if text is None:
            failed = True
            continue
        write_atomic(target, text.encode("utf-8"))
        written += 1
    report(problems, args)
    kept = sum(d.code == "sidecar.exists" for d in problems)
    had = f", {kept} had one already" if kept else ""
    summarize(f"sidecar draft: {counted(len(files), 'text')}, "
              f"{counted(written, 'draft sidecar')} written{had}", args)
    return exit_code(problems, args, failed)
