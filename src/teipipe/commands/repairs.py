"""`teipipe repairs FILE...`: list the repair findings of texts for an editor's review."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from .. import readers
from ..diagnostics import Severity
from ..project import layout as project_mod
from ..review import review_file
from .common import (
    EXIT_USAGE,
    add_input_options,
    counted,
    exit_code,
    register_for,
    report,
    summarize,
)

HELP = "list the OCR/PDF repairs of texts, with the keys to accept or reject them"


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "repairs", help=HELP, description=HELP,
        epilog='Put a key into the sidecar\'s [repairs] accept = ["..."] or reject = ["..."]; '
               "the next conversion honours it. Status: applied, proposed (low certainty, "
               "not applied), accepted or rejected by the editor.")
    parser.add_argument("sources", nargs="+", type=Path, metavar="FILE", help="a .txt source")
    known = ", ".join(sorted(readers.READERS))
    parser.add_argument("--reader", metavar="NAME",
                        help=f"reader to use instead of sniffing: {known}")
    parser.add_argument("--register", type=Path, metavar="FILE",
                        help="register TOML (default: the project's corpus/register.toml)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="one proposal a line (default), or a JSON list")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="the proposals only, no summary line")
    add_input_options(parser, xml=False)
    parser.set_defaults(run=run, fail_on_warnings=False)


def run(args: argparse.Namespace) -> int:
    if args.reader and args.reader not in readers.READERS:
        print(f"teipipe: {readers.UnknownReader(args.reader)}", file=sys.stderr)
        return EXIT_USAGE
    project = project_mod.find(args.sources[0].parent)
    register, problems = register_for(args.register, project.register if project else None)
    items: list[dict[str, object]] = []
    statuses: Counter[str] = Counter()
    for path in args.sources:
        review = review_file(path, path.as_posix(), register, args.reader, args.max_size)
        problems.extend(d for d in review.diagnostics if d.severity is not Severity.INFO)
        for proposal in review.proposals:
            statuses[proposal.status] += 1
            if args.format == "json":
                items.append(proposal.as_json())
            else:
                print(proposal.format())
    if args.format == "json":
        print(json.dumps(items, ensure_ascii=False, indent=2))
    if problems:
        report(problems, argparse.Namespace(format="text", quiet=True))
    counts = "".join(f", {n} {status}" for status, n in sorted(statuses.items()))
    total = sum(statuses.values())
    found, texts = counted(total, "proposal"), counted(len(args.sources), "text")
    summarize(f"repairs: {found} in {texts}{counts}", args)
    return exit_code(problems, args)
