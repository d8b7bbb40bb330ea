"""The editor's review of repairs: what the repair pass would do to a text, without writing.

Reads and decodes the text, runs the reader and every pass before `repair` (the
conversion's own chain, `pipeline.model_of`),
then lists the findings with their keys and what the sidecar's review made of
them, so an editor can copy keys into `[repairs] accept` or `reject`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import passes
from . import source as source_mod
from .diagnostics import Diagnostic
from .passes import Options
from .passes.repair import find_repairs
from .pipeline import model_of, read_file
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
    src = read_file(path, display, max_bytes)
    if isinstance(src, Diagnostic):
        return Review(display, (), (src,))
    side, side_problems = sidecar.load(path, display)
    document, ctx = model_of(src, register, side, reader_name,
                             Options(skip=_passes_before_repair()))
    _, proposals = find_repairs(document, ctx)
    return Review(display, tuple(proposals), tuple(side_problems) + tuple(ctx.reporter))
