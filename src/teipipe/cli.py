"""The command line: parse arguments, call the library, print problems, return an exit code.

Exit codes: 0 success; 1 a document has errors (or warnings, with
--fail-on-warnings) or could not be processed; 2 the command line is wrong.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from . import __version__

# One row a command: a new command is a module of teipipe.commands with add_parser/run
# and its name here.
COMMANDS = ("init", "convert", "validate", "repairs", "schema", "transform", "build", "package")


def _command(name: str) -> ModuleType:
    return importlib.import_module(f"{__package__}.commands.{name}")


def parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser of `argv`: when argv starts with a command, only that command is
    imported, so that `teipipe validate` does not load the conversion passes and
    their word lists (a third of a second, paid again by every worker process)."""
    top = argparse.ArgumentParser(
        prog="teipipe",
        description="Plain-text letters to archival TEI P5: convert, validate, transform.",
        epilog="Exit codes: 0 success; 1 problems in the documents; 2 wrong command line.")
    top.add_argument("--version", action="version", version=f"teipipe {__version__}")
    subparsers = top.add_subparsers(dest="command", metavar="COMMAND")
    chosen = argv[0] if argv and argv[0] in COMMANDS else None
    for name in (chosen,) if chosen else COMMANDS:
        _command(name).add_parser(subparsers)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    top = parser(argv)
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
