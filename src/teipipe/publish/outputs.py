"""Writing XSLT outputs to files: one result per document, or one per corpus (CMIF).

`for_document` is what a build task makes of one TEI document for the
corpus outputs (its reading page, its CMIF entries, its index row), so that
the corpus steps only assemble small pieces and never reread the corpus.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..diagnostics import Diagnostic, Location, Severity
from ..files import write_atomic
from ..project import edition as edition_mod
from ..project import layout as project_mod
from ..project import register as register_mod
from ..xml import safexml, saxon, xmlids
from . import cmif, site
from .transform import OUTPUTS, SITE_PAGE, Output, Transformer, TransformError


@dataclass(frozen=True)
class DocumentOutputs:
    """One document's share of the corpus outputs."""

    page: bytes
    """The reading page (HTML)."""
    cmif: bytes
    """Its CMIF correspDesc entries (b"" for a document that is no letter)."""
    row: site.DocumentRow
    """Its row of the corpus index and of the register pages."""


def for_document(engine: Transformer, tree: etree._ElementTree, parsed: saxon.PyXdmNode,
                 name: str, display: str) -> tuple[DocumentOutputs | None, list[Diagnostic]]:
    """The outputs of the TEI document `name` (`tree` in lxml, `parsed` by `saxon.from_tree`;
    `display`: its file as messages name it)."""
    try:
        page = engine.apply_parsed(SITE_PAGE, parsed, display)
        entries = cmif.entries(engine, parsed, display)
    except TransformError as error:
        return None, [Diagnostic("site.transform-failed", Severity.ERROR, Location(display),
                                 str(error))]
    return DocumentOutputs(page.encode("utf-8"), entries, site.document_row(tree, name)), []


def transform_files(fmt: str, files: list[Path], out: Path,
                    transformer: Transformer | None = None,
                    limits: safexml.Limits = safexml.NO_XINCLUDE,
                    edition: Path | None = None) -> tuple[list[Path], list[Diagnostic]]:
    """Apply output `fmt` to `files`, writing into `out`; the written paths and the problems.

    A file the secure reader refuses, or that a stylesheet fails on, gets no output and
    one located problem; the other files are transformed. `edition`: the edition settings
    for a corpus output (CMIF); by default the `corpus/edition.toml` of the project the
    files belong to."""
    output = OUTPUTS[fmt]
    engine = transformer or Transformer()
    if output.per_corpus:
        return _corpus(output, files, out, engine, limits, edition)
    written: list[Path] = []
    problems: list[Diagnostic] = []
    targets = output_names(files, out, output.extension)
    for path in files:
        target = targets[path]
        data, refused = safexml.read_bytes(path, path.as_posix(), limits.max_bytes)
        tree, refused = (None, refused) if data is None else safexml.parse(
            data, path.as_posix(), limits, path)
        if tree is None or data is None:
            problems.extend(refused)
            continue
        problems.extend(xmlids.as_warnings(xmlids.repeats(tree), data, path.as_posix()))
        try:
            result = engine.apply_tree(output, tree, path.as_posix(), path.resolve().as_uri())
            write_atomic(target, result.encode("utf-8"))
        except TransformError as error:
            problems.append(Diagnostic("transform.failed", Severity.ERROR,
                                       Location(path.as_posix()), str(error)))
            continue
        written.append(target)
    return written, problems


def output_names(files: list[Path], out: Path, extension: str) -> dict[Path, Path]:
    """Where each file's result goes: `out/NAME.ext`, or, when two files share a name (the
    same letter number in two volumes' folders), the files' folders below the folder they
    all lie in, mirrored under `out`, so that no result overwrites another."""
    if len({path.stem for path in files}) == len(set(files)):
        return {path: out / f"{path.stem}{extension}" for path in files}
    base = Path(os.path.commonpath([path.resolve().parent for path in files]))
    return {path: out / path.resolve().relative_to(base).with_suffix(extension)
            for path in files}


def _corpus(output: Output, files: list[Path], out: Path, engine: Transformer,
            limits: safexml.Limits, edition_path: Path | None
            ) -> tuple[list[Path], list[Diagnostic]]:
    target = out / f"cmif{output.extension}"
    project = project_mod.find(files[0].parent) if files else None
    display = project.display if project else (lambda p: p.as_posix())
    settings = edition_path or (project.edition if project else None)
    if edition_path is not None and not edition_path.is_file():
        return [], [Diagnostic("edition.missing", Severity.ERROR, Location(edition_path.as_posix()),
                               "no such edition settings file")]
    if settings is None or not settings.is_file():
        edition, problems = edition_mod.Edition(), list[Diagnostic]()
        shown = "the edition settings (none given: --edition FILE)"
    else:
        shown = settings.as_posix() if edition_path is not None else display(settings)
        edition, problems = edition_mod.load(settings, shown)
    problems += edition_mod.placeholder_warnings(edition, shown)
    register = None
    if project is not None and project.register.is_file():
        register, register_problems = register_mod.load(project.register,
                                                         project.display(project.register))
        problems += register_problems
    try:
        data, found = cmif.export(files, engine, edition, display, register, limits)
    except TransformError as error:
        return [], [Diagnostic("transform.failed", Severity.ERROR, Location(target.name),
                               str(error))]
    if not data:
        return [], problems + found
    write_atomic(target, data)
    return [target], problems + found
