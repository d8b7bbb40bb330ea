"""One conversion: Source → reader → passes → TEI, with every problem collected.

The pipeline never prints and never exits; it returns results and diagnostics
for the CLI (or any other caller) to present; writing its TEI is files.py's job.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from . import lossless, passes, readers
from . import source as source_mod
from .diagnostics import Diagnostic, Location, Reporter, Severity, unreadable
from .model import Choice, Document, Inline, Normalisation, Relation, Text
from .passes import Context, Options
from .project import sidecar
from .project.register import Register
from .walk import rewrite_document
from .writers.tei import WrittenTEI, write


@dataclass(frozen=True)
class Converted:
    """The result of converting one text: the model, the TEI, and what was noticed."""

    source_path: str
    document: Document | None
    tei: WrittenTEI | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        return self.tei is not None and not any(
            d.severity is Severity.ERROR for d in self.diagnostics)


def model_of(src: source_mod.Source, register: Register, side: sidecar.Sidecar | None,
             reader_name: str | None = None, options: Options | None = None,
             publisher: str = "") -> tuple[Document, Context]:
    """The model of a decoded text after its reader and the passes `options` leave on, and
    the context that collected their problems (the conversion and the repairs' review)."""
    reporter = Reporter()
    reporter.extend(src.diagnostics)
    reader, why = choose_reader(src, reader_name, side)
    reporter.info("reader.chosen", Location(src.path), f"read as {reader.name}: {why}")
    document = reader.read(src, reporter)
    if publisher:
        document = document.with_(meta=replace(document.meta, publisher=publisher))
    ctx = Context(register=register, reporter=reporter, sidecar=side,
                  options=options or Options(), source_lines=src.lines)
    return passes.run(document, ctx), ctx


def read_file(path: Path, display: str,
              max_bytes: int = source_mod.DEFAULT_MAX_BYTES) -> source_mod.Source | Diagnostic:
    """The decoded text of a file, or the problem that stops reading it."""
    try:
        return source_mod.read(path, display, max_bytes)
    except source_mod.SourceError as error:
        return error.diagnostic
    except OSError as error:
        return unreadable("source.unreadable", display, error)


def convert_source(src: source_mod.Source, register: Register, side: sidecar.Sidecar | None,
                   reader_name: str | None = None, options: Options | None = None,
                   schema_base: str | None = "../../schema/",
                   corpus_relations: tuple[Relation, ...] = (),
                   publisher: str = "") -> Converted:
    """Convert an already decoded text. Pure apart from reading nothing at all.

    `corpus_relations` are links the corpus knows and the text cannot (its
    neighbouring letters); they join the document's relations before writing.
    `publisher`: the edition's publisher (edition.toml), which a sidecar may override.
    """
    document, ctx = model_of(src, register, side, reader_name, options, publisher)
    reporter = ctx.reporter
    if corpus_relations:
        document = document.with_(meta=replace(
            document.meta, relations=document.meta.relations + corpus_relations))
    tei = write(document, register, schema_base)
    loss = lossless.check(src.text, tei.tree.getroot())
    if loss is not None:
        reporter.error("lossless.word-lost", Location(src.path),
                       f"the TEI does not keep every word of the source: {loss.message()}; "
                       "this is a bug of the reader, please report it with the text")
    if (options or Options()).ocr_repairs == "silent":
        # Checked with the digitisation's readings recorded; written without them.
        document = apply_silently(document)
        tei = write(document, register, schema_base)
    return Converted(src.path, document, tei, tuple(reporter))


def apply_silently(document: Document) -> Document:
    """The document with each repair of the digitisation replaced by its repaired reading."""
    count = 0

    def apply(run: tuple[Inline, ...]) -> tuple[Inline, ...]:
        nonlocal count
        out: list[Inline] = []
        for node in run:
            if isinstance(node, Choice) and node.kind == "digitisation":
                count += 1
                out.append(Text(node.edited, node.loc))
            else:
                out.append(node)
        return tuple(out)

    changed = rewrite_document(document, apply)
    if not count:
        return document
    stated = Normalisation(
        "ocr.applied-silently",
        f"{count} errors of the digitisation were repaired silently, as the edition chose.",
        Location(document.source_path))
    return changed.with_(normalisations=(*changed.normalisations, stated))


def choose_reader(src: source_mod.Source, reader_name: str | None,
                  side: sidecar.Sidecar | None) -> tuple[readers.Reader, str]:
    """The reader for a text and why: named on the command line, in the sidecar, or the
    shape the text fits best."""
    if reader_name:
        return readers.get(reader_name), "named on the command line"
    named = side.table("document").get("reader") if side else None
    if named:
        return readers.get(str(named)), "named in the sidecar (reader = ...)"
    reader, scores = readers.sniffed(src)
    fits = ", ".join(f"{name} {score:.2f}" for name, score in
                     sorted(scores.items(), key=lambda item: -item[1]))
    return reader, f"the text fits its shape best (fit: {fits})"


def convert_file(path: Path, display: str, register: Register,
                 reader_name: str | None = None, options: Options | None = None,
                 schema_base: str | None = "../../schema/",
                 max_bytes: int = source_mod.DEFAULT_MAX_BYTES, publisher: str = "") -> Converted:
    """Read, decode and convert one file; input problems become diagnostics, not exceptions."""
    src = read_file(path, display, max_bytes)
    if isinstance(src, Diagnostic):
        return Converted(display, None, None, (src,))
    side, side_problems = sidecar.load(path, display)
    result = convert_source(src, register, side, reader_name, options, schema_base,
                            publisher=publisher)
    return Converted(result.source_path, result.document, result.tei,
                     tuple(side_problems) + result.diagnostics)
