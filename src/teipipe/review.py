"""The editor's review of repairs: what the repair pass would do to a text, without writing.

Reads and decodes the text, runs the reader and every pass before `repair`,
then lists the findings with their keys and what the sidecar's review made of
them, so an editor can copy keys into `[repairs] accept` or `reject`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import passes, readers
from . import source as source_mod
from .diagnostics import Diagnostic, Location, Reporter, Severity
from .passes import Context, Options
from .passes.repair import find_repairs
from .project import sidecar
from .project.register import Register
from .repair import Proposal


@dataclass(frozen=True)
class Review:
    """The findings of one text and the problems met while reading it."""

    source_path: str
    proposals: tuple[Proposal, ...]
    diagnostics: tuple[Diagnostic, ...]


def _passes_before_repair() -> frozenset[str]:
    names = [name for name, _ in passes.PASSES]
    return frozenset(names[names.index("repair"):])


def review_file(path: Path, display: str, register: Register,
                reader_name: str | None = None,
                max_bytes: int = source_mod.DEFAULT_MAX_BYTES) -> Review:
    """Every repair finding of one source text, in document order."""
    try:
        src = source_mod.read(path, display, max_bytes)
    except source_mod.SourceError as error:
        return Review(display, (), (error.diagnostic,))
    except OSError as error:
        return Review(display, (), (Diagnostic(
            "source.unreadable", Severity.ERROR, Location(display),
            f"cannot read the file: {error.strerror or error}"),))
    side, side_problems = sidecar.load(path, display)
    reporter = Reporter()
    reporter.extend(side_problems)
    chosen = reader_name or (side.table("document").get("reader") if side else None)
    reader = readers.get(chosen) if chosen else readers.sniff(src)
    document = reader.read(src, reporter)
    ctx = Context(register=register, reporter=reporter, sidecar=side,
                  options=Options(skip=_passes_before_repair()))
    document = passes.run(document, ctx)
    _, proposals = find_repairs(document, ctx)
    return Review(display, tuple(proposals), tuple(reporter))
