"""`teipipe build`: the whole bundled corpus, through every step of the build."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..machinery import executor as executor_mod
from ..machinery import steps as build_mod
from ..machinery.lock import BuildLocked
from ..project import layout as project_mod
from .common import (
    EXIT_PROBLEMS,
    EXIT_USAGE,
    add_input_options,
    add_report_options,
    exit_code,
    progress_stream,
    report,
    summarize,
)

HELP = "convert the project's corpus and run every build step"


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("build", help=HELP, description=HELP)
    parser.add_argument("--project", type=Path, default=Path("."), metavar="DIR",
                        help="project folder, the one holding corpus/ (default: here)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the committed TEI is not what the "
                             "build would write")
    parser.add_argument("--executor", default="processes", metavar="SPEC",
                        help="where documents are converted: serial, processes (default) or "
                             "dask://HOST:PORT (a Dask scheduler; needs the [dask] extra)")
    parser.add_argument("--jobs", "-j", type=int, metavar="N",
                        help="worker processes for --executor processes (default: all cores)")
    parser.add_argument("--no-cache", action="store_true",
                        help="convert every text, ignoring and not updating .teipipe-cache/")
    parser.add_argument("--wait", action="store_true",
                        help="when another build of the project is running, wait for it to "
                             "end (default: stop with a message)")
    add_input_options(parser, xml=False)
    add_report_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    project = project_mod.find(args.project)
    if project is None:
        print(f"teipipe: no corpus/texts folder in {args.project} or above it",
              file=sys.stderr)
        return EXIT_USAGE
    if args.jobs is not None and args.jobs < 1:
        print("teipipe: --jobs must be 1 or more", file=sys.stderr)
        return EXIT_USAGE
    try:
        executor = executor_mod.make(args.executor, args.jobs)
    except executor_mod.UnknownExecutor as error:
        print(f"teipipe: {error}", file=sys.stderr)
        return EXIT_USAGE
    except ImportError as error:
        print(f"teipipe: the dask executor needs `pip install teipipe[dask]` ({error})",
              file=sys.stderr)
        return EXIT_USAGE
    try:
        result = build_mod.build(project, check=args.check, stream=progress_stream(args),
                                 executor=executor, use_cache=not args.no_cache, wait=args.wait,
                                 max_bytes=args.max_size)
    except BuildLocked as error:
        print(f"teipipe: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    finally:
        executor.close()
    report(result.diagnostics, args)
    # One line: the steps' summaries (convert, validate, schema, cmif, site) after another.
    summarize(f"build{' --check' if args.check else ''}: {'; '.join(result.summary)}", args)
    return exit_code(result.diagnostics, args, failed=result.failed)
