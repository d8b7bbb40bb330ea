"""Writing XSLT outputs to files: one result per document, or one per corpus (CMIF)."""

from __future__ import annotations

from pathlib import Path

from . import cmif
from . import edition as edition_mod
from . import project as project_mod
from .diagnostics import Diagnostic, Location, Severity
from .pipeline import write_atomic
from .transform import OUTPUTS, Output, Transformer, TransformError


def transform_files(fmt: str, files: list[Path], out: Path,
                    transformer: Transformer | None = None) -> tuple[list[Path], list[Diagnostic]]:
    """Apply output `fmt` to `files`, writing into `out`; the written paths and the problems."""
    output = OUTPUTS[fmt]
    engine = transformer or Transformer()
    if output.per_corpus:
        return _corpus(output, files, out, engine)
    written: list[Path] = []
    problems: list[Diagnostic] = []
    for path in files:
        target = out / f"{path.stem}{output.extension}"
        try:
            write_atomic(target, engine.apply_file(output, path).encode("utf-8"))
        except TransformError as error:
            problems.append(Diagnostic("transform.failed", Severity.ERROR,
                                       Location(path.as_posix()), str(error)))
            continue
        written.append(target)
    return written, problems


def _corpus(output: Output, files: list[Path], out: Path,
            engine: Transformer) -> tuple[list[Path], list[Diagnostic]]:
    target = out / f"cmif{output.extension}"
    project = project_mod.find(files[0].parent) if files else None
    edition, problems = (edition_mod.load(project.edition, project.display(project.edition))
                         if project else (edition_mod.Edition(), []))
    display = project.display if project else (lambda p: p.as_posix())
    try:
        data, found = cmif.export(files, engine, edition, display)
    except TransformError as error:
        return [], [Diagnostic("transform.failed", Severity.ERROR, Location(target.name),
                               str(error))]
    write_atomic(target, data)
    return [target], problems + found
