"""Passes: ordered Document → Document steps between reader and writer.

A new step is one module and one row in PASSES; the order is the order of the rows.
"""

from __future__ import annotations

from ..model import Document
from .base import Context, Options, Pass
from .correspondence import read_sending
from .foreign import mark_foreign
from .metadata import apply_sidecar
from .names import apply_register
from .repair import apply_repairs

PASSES: list[tuple[str, Pass]] = [
    # Before the sidecar, so that the editor's values override what the text says.
    ("correspondence", read_sending),
    ("sidecar", apply_sidecar),
    # Before the register, so names are matched on repaired text; names only split Text.
    ("repair", apply_repairs),
    ("register", apply_register),
    ("foreign", mark_foreign),
]


def run(doc: Document, ctx: Context) -> Document:
    """The document after every pass not skipped in the options, in order."""
    for name, step in PASSES:
        if name in ctx.options.skip:
            continue
        doc = step(doc, ctx)
    return doc


__all__ = ["PASSES", "Context", "Options", "Pass", "run"]
