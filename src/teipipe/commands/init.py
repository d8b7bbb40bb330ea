"""`teipipe init [DIR]`: a new edition project that builds as it is, refusing to overwrite."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path
from urllib.parse import urlsplit

from .. import __version__
from ..diagnostics import Diagnostic, Location, Severity
from ..project import starter
from .common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, report, say

HELP = "make a new edition project: an example letter, register, settings, schema, CI"


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "init", help=HELP, description=HELP,
        epilog="Nothing is overwritten: if any of the files exists, nothing is written "
               "and the exit code is 1. `teipipe build` in the new folder then builds the "
               "example letter.")
    parser.add_argument("folder", nargs="?", type=Path, default=Path("."), metavar="DIR",
                        help="the project folder, made if missing (default: here)")
    parser.add_argument("--url", metavar="URL",
                        help="where the edition will be published (edition.toml's base_url; "
                             "CMIF links each letter to its page under it)")
    parser.add_argument("--install", metavar="SPEC",
                        help="how the CI workflow installs teipipe, as pip takes it "
                             "(default: where this teipipe came from, else teipipe==VERSION)")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="print nothing on success")
    parser.set_defaults(run=run, format="text", fail_on_warnings=False)


def run(args: argparse.Namespace) -> int:
    root: Path = args.folder
    shown = root.as_posix()
    if root.exists() and not root.is_dir():
        print(f"teipipe: {shown} is a file, not a folder; nothing was written", file=sys.stderr)
        return EXIT_PROBLEMS
    if args.url is not None and not _is_address(args.url):
        print(f"teipipe: --url {args.url!r} is not an http(s) address", file=sys.stderr)
        return EXIT_USAGE
    install = (starter.Install(args.install, True) if args.install
               else starter.install_spec(__version__))
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    settings = starter.Settings(install, today, args.url or starter.PLACEHOLDER_URL)
    planned, problems = starter.plan(settings)
    if not planned:
        report(problems, args)
        return EXIT_PROBLEMS
    taken = starter.existing(root, planned)
    if taken:
        print(f"teipipe: init would overwrite {len(taken)} file{'s' if len(taken) > 1 else ''} "
              f"in {shown}: {', '.join(taken)}; nothing was written. Run it in a new folder, "
              "or move these aside.", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        starter.write(root, planned)
    except OSError as error:
        print(f"teipipe: cannot write the project in {shown}: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    if not install.reachable:
        problems.append(Diagnostic(
            "init.install-spec", Severity.WARNING,
            Location((root / ".github/workflows/teipipe.yml").as_posix()),
            f"CI will install {install.spec!r}, but this teipipe was installed from a local "
            "folder that CI cannot reach; set TEIPIPE_SPEC to where pip finds teipipe, or "
            "run init with --install SPEC"))
    if args.url is None:
        problems.append(Diagnostic(
            "init.placeholder-url", Severity.INFO,
            Location((root / "corpus/edition.toml").as_posix()),
            f"base_url is a placeholder ({starter.PLACEHOLDER_URL}): set the address the "
            "edition will be published at, or run init with --url URL"))
    report(problems, args)
    if not args.quiet:
        width = max(len(item.path) for item in planned)
        for item in planned:
            say(f"  {item.path.ljust(width)}  {item.purpose}", args)
        where = "" if root == Path(".") else f"cd {shown} && "
        say(f"init: {len(planned)} files made in {shown}; next: {where}teipipe build", args)
    return EXIT_OK


def _is_address(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)
