"""The command line: parse arguments, call the library, print problems, return an exit code.

Exit codes: 0 success; 1 a document has errors (or warnings, with
--fail-on-warnings) or could not be processed, or the run could not write (disk
full, permission); 2 the command line is wrong; 3 a bug of teipipe; 130
interrupted (Ctrl-C). Whatever stops a run is one line on standard error; --debug
shows the traceback instead.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from . import __version__
from .commands.failure import describe

# One row a command: a new command is a module of teipipe.commands with add_parser/run
# and its name here.
COMMANDS = ("init", "convert", "validate", "repairs", "schema", "transform", "build", "package",
            "sidecar")


def _command(name: str) -> ModuleType:
    return importlib.import_module(f"{__package__}.commands.{name}")


def parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser of `argv`: when argv starts with a command, only that command is
    imported, so that `teipipe validate` does not load the conversion passes and
    their word lists (a third of a second, paid again by every worker process)."""
    top = argparse.ArgumentParser(
        prog="teipipe",
        description="Plain-text letters to archival TEI P5: convert, validate, transform.",
        epilog="Exit codes: 0 success; 1 problems in the documents, or the run could not "
               "write; 2 wrong command line; 3 a bug of teipipe; 130 interrupted.")
    top.add_argument("--version", action="version", version=f"teipipe {__version__}")
    top.add_argument("--debug", action="store_true", help=_DEBUG)
    subparsers = top.add_subparsers(dest="command", metavar="COMMAND")
    chosen = next((a for a in argv if a in COMMANDS), None)
    for name in (chosen,) if chosen else COMMANDS:
        _command(name).add_parser(subparsers)
    _add_debug(subparsers)
    return top


_DEBUG = "show the traceback when a run stops on an error (for a bug report)"


def _add_debug(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """--debug after the command too (`teipipe build --debug`), at every level."""
    for sub in subparsers.choices.values():
        sub.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=_DEBUG)
        for action in sub._actions:
            if isinstance(action, argparse._SubParsersAction):
                _add_debug(action)


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
    try:
        return int(args.run(args))
    except BrokenPipeError:
        # The reader of our output went away (`| head`): nothing more to say to it.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except (Exception, KeyboardInterrupt) as error:
        if args.debug:
            raise
        line, code = describe(error)
        print(f"teipipe: {line}", file=sys.stderr)
        return code


if __name__ == "__main__":
    raise SystemExit(main())
