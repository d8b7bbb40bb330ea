"""The command line: parse arguments, call the library, print problems, return an exit code.

Exit codes: 0 success; 1 a document has errors (or warnings, with
--fail-on-warnings) or could not be processed; 2 the command line is wrong.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__
from .commands import build, convert, package, repairs, schema, transform, validate

# One row a command: a new command is a module with add_parser/run and a row here.
COMMANDS = [convert, validate, repairs, schema, transform, build, package]


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="teipipe",
        description="Plain-text letters to archival TEI P5: convert, validate, transform.",
        epilog="Exit codes: 0 success; 1 problems in the documents; 2 wrong command line.")
    top.add_argument("--version", action="version", version=f"teipipe {__version__}")
    subparsers = top.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(subparsers)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    top = parser()
    try:
        args = top.parse_args(argv)
    except SystemExit as stop:  # argparse exits on --help and on usage errors
        return int(stop.code or 0)
    if not getattr(args, "run", None):
        top.print_help(sys.stderr)
        return 2
    return int(args.run(args))


if __name__ == "__main__":
    raise SystemExit(main())
