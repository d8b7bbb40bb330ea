"""`teipipe convert SOURCE...`: plain texts to TEI files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import readers, validation
from ..diagnostics import Diagnostic, Severity
from ..files import schema_base_for, write_atomic
from ..machinery.progress import Progress
from ..passes import Options
from ..pipeline import Converted, convert_file
from ..project import edition as edition_mod
from ..project import layout as project_mod
from ..tei import RNG_FILE
from .common import (
    EXIT_USAGE,
    add_input_options,
    add_report_options,
    counted,
    exit_code,
    expand_paths,
    progress_stream,
    register_for,
    report,
    summarize,
)
from .validate import schema_dir_for

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
    add_input_options(parser, xml=False)
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
                      skip=frozenset({"repair"}) if args.no_repair else frozenset(),
                      ocr_repairs="silent" if edition.ocr_repairs == "silent" else "recorded")
    progress = Progress(len(files), progress_stream(args))
    schema_dir = schema_dir_for(None, files)
    validator = validation.load(schema_dir) if schema_dir is not None else None
    failed = bool(problems) and not files
    written = 0
    for path in files:
        out_dir = args.out or path.parent
        # Outside a project there is no schema file to point at: the TEI then carries
        # no xml-model instructions (`teipipe validate` uses the schema it ships).
        schema_base = (schema_base_for(out_dir, project.schema)
                       if project is not None and (project.schema / RNG_FILE).is_file()
                       else None)
        result = convert_file(path, path.as_posix(), register, args.reader, options,
                              schema_base, args.max_size, edition.publisher)
        problems.extend(result.diagnostics)
        if result.ok and result.tei is not None:
            target = out_dir / f"{path.stem}.xml"
            data = result.tei.to_bytes()
            checked = _checked(validator, result, data, target)
            problems.extend(checked)
            write_atomic(target, data)
            failed = failed or any(d.severity is Severity.ERROR for d in checked)
            written += 1
        else:
            failed = True
        progress.advance()
    progress.finish()
    report(problems, args)
    failures = f", {len(files) - written} not" if written < len(files) else ""
    texts, tei = counted(len(files), "text"), counted(written, "TEI file")
    summarize(f"convert: {texts}, {tei} written{failures}", args)
    return exit_code(problems, args, failed)


def _checked(validator: validation.Validator | None, result: Converted, data: bytes,
             target: Path) -> list[Diagnostic]:
    """What teipipe's own validator says of the TEI about to be written: convert never
    leaves a file that `teipipe validate` rejects without saying so (and exiting 1)."""
    if validator is None or result.tei is None:
        return []
    return validator.validate(data, target.as_posix(), result.tei.origin_by_line())
