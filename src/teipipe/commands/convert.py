"""`teipipe convert SOURCE...`: plain texts to TEI files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import readers
from ..build.progress import Progress
from ..files import schema_base_for, write_atomic
from ..passes import Options
from ..pipeline import convert_file
from ..project import edition as edition_mod
from ..project import layout as project_mod
from .common import EXIT_USAGE, add_report_options, exit_code, expand_paths, register_for, report

HELP = "convert plain-text files (or folders of .txt) to TEI"


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("convert", help=HELP, description=HELP)
    parser.add_argument("sources", nargs="+", type=Path, metavar="SOURCE",
                        help="a .txt file or a folder of them")
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="folder for the .xml files (default: beside each source)")
    known = ", ".join(sorted(readers.READERS))
    parser.add_argument("--reader", metavar="NAME",
                        help=f"reader to use instead of sniffing: {known}")
    parser.add_argument("--register", type=Path, metavar="FILE",
                        help="register TOML (default: the project's corpus/register.toml)")
    parser.add_argument("--no-repair", action="store_true", help="do not run the repair pass")
    add_report_options(parser)
    parser.set_defaults(run=run)



def run(args: argparse.Namespace) -> int:
    if args.reader and args.reader not in readers.READERS:
        print(f"teipipe: {readers.UnknownReader(args.reader)}", file=sys.stderr)
        return EXIT_USAGE
    files, problems = expand_paths(args.sources, "*.txt")
    project = project_mod.find(files[0].parent) if files else None
    register, register_problems = register_for(args.register,
                                                project.register if project else None)
    problems.extend(register_problems)
    edition, edition_problems = (edition_mod.load(project.edition,
                                                  project.display(project.edition))
                                 if project is not None else (edition_mod.Edition(), []))
    problems.extend(edition_problems)
    options = Options(repair=not args.no_repair,
                      skip=frozenset({"repair"}) if args.no_repair else frozenset())
    progress = Progress(len(files), sys.stderr)
    failed = bool(problems) and not files
    for path in files:
        out_dir = args.out or path.parent
        # Outside a project there is no schema file to point at: the TEI then carries
        # no xml-model instructions (`teipipe validate` uses the schema it ships).
        schema_base = (schema_base_for(out_dir, project.schema)
                       if project is not None and (project.schema / "teipipe.rng").is_file()
                       else None)
        result = convert_file(path, path.as_posix(), register, args.reader, options,
                              schema_base, edition.publisher)
        problems.extend(result.diagnostics)
        if result.ok and result.tei is not None:
            write_atomic(out_dir / f"{path.stem}.xml", result.tei.to_bytes())
        else:
            failed = True
        progress.advance()
    progress.finish()
    report(problems, args)
    return exit_code(problems, args, failed)
