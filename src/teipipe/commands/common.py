"""What the commands share: printing diagnostics and turning them into an exit code."""

from __future__ import annotations

import argparse
import io
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from .. import source
from ..diagnostics import Diagnostic, Location, Severity, render
from ..project.register import Register
from ..project.register import load as load_register
from ..xml import safexml

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def add_report_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json", "github"), default="text",
                        help="how to print problems (default: text, one per line)")
    parser.add_argument("--fail-on-warnings", action="store_true",
                        help="exit 1 when there are warnings, not only errors")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="print errors and warnings only: no summary, information or "
                             "progress lines")


_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([KMG]?)(?:I?B)?", re.IGNORECASE)
_UNITS = {"": 1, "K": 1024, "M": 1024 ** 2, "G": 1024 ** 3}


def size(text: str) -> int:
    """A size on the command line: bytes, or a number with K, M or G (`50M`, `1.5GB`)."""
    match = _SIZE.fullmatch(text.strip())
    value = int(float(match.group(1)) * _UNITS[match.group(2).upper()]) if match else 0
    if value < 1:
        raise argparse.ArgumentTypeError(
            f"{text!r} is no size; write bytes or a number with K, M or G, e.g. 50M")
    return value


def add_input_options(parser: argparse.ArgumentParser, xml: bool = True) -> None:
    """The options of what a command may read: the size limit, and XInclude for XML
    (`xml`: the command reads TEI; otherwise it reads plain texts, whose default limit
    is lower, as converting a text takes more memory than reading XML)."""
    default = safexml.DEFAULT_MAX_BYTES if xml else source.DEFAULT_MAX_BYTES
    parser.add_argument("--max-size", type=size, metavar="SIZE", default=default,
                        help="refuse input files larger than this (default: "
                             f"{source.size_text(default)}; e.g. 200M)")
    if xml:
        parser.add_argument("--xinclude", action="store_true",
                            help="follow xi:include to files at or below the document's "
                                 "folder (default: refuse documents holding one)")


def limits(args: argparse.Namespace) -> safexml.Limits:
    """What the command line allows the secure reader."""
    return safexml.Limits(getattr(args, "max_size", safexml.DEFAULT_MAX_BYTES),
                          getattr(args, "xinclude", False))


def report(diagnostics: Iterable[Diagnostic], args: argparse.Namespace) -> None:
    shown = [d for d in diagnostics
             if not (getattr(args, "quiet", False) and d.severity is Severity.INFO)]
    if shown or args.format == "json":
        print(render(shown, args.format), file=sys.stderr if args.format == "text" else sys.stdout)


def say(line: str, args: argparse.Namespace) -> None:
    """A line of what the command did (a summary, a path written): on standard output in
    text format; on standard error with --format json or github, whose output tools read."""
    print(line, file=sys.stdout if getattr(args, "format", "text") == "text" else sys.stderr)


def summarize(line: str, args: argparse.Namespace) -> None:
    """The command's one summary line (`validate: 12 files, all valid`), printed where `say`
    prints; nothing with --quiet."""
    if not getattr(args, "quiet", False):
        say(line, args)


def counted(number: int, noun: str) -> str:
    """`1 file`, `2 files`: a number and its noun, for summary lines."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def progress_stream(args: argparse.Namespace) -> TextIO:
    """Where a progress line may go: standard error (shown on a terminal only), or nowhere
    with --quiet."""
    return io.StringIO() if getattr(args, "quiet", False) else sys.stderr


def exit_code(diagnostics: Iterable[Diagnostic], args: argparse.Namespace,
              failed: bool = False) -> int:
    items = list(diagnostics)
    if failed or any(d.severity is Severity.ERROR for d in items):
        return EXIT_PROBLEMS
    if getattr(args, "fail_on_warnings", False) and any(
            d.severity is Severity.WARNING for d in items):
        return EXIT_PROBLEMS
    return EXIT_OK


def register_for(path: Path | None, fallback: Path | None) -> tuple[Register, list[Diagnostic]]:
    """The register named on the command line, else the project's, else an empty one."""
    chosen = path or (fallback if fallback is not None and fallback.is_file() else None)
    if chosen is None:
        return Register(), []
    return load_register(chosen, chosen.name if path is None else str(path))


def expand_paths(paths: list[Path], pattern: str, recursive: bool = False
                 ) -> tuple[list[Path], list[Diagnostic]]:
    """Files named on the command line, folders expanded to their `pattern` files (with
    `recursive`, at any depth, hidden folders such as .git left out: editions keep their
    letters in folders by year or volume)."""
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in (path.rglob(pattern) if recursive else path.glob(pattern))
                           if not any(part.startswith(".") for part in
                                      p.relative_to(path).parts[:-1]))
            if not found:
                depth = " at any depth" if recursive else ""
                problems.append(Diagnostic("cli.empty-folder", Severity.ERROR,
                                           Location(path.as_posix()),
                                           f"the folder holds no {pattern} file{depth}"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Diagnostic("cli.no-such-file", Severity.ERROR,
                                       Location(path.as_posix()), "no such file or folder"))
    return files, problems
