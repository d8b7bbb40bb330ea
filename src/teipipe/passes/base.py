"""What a pass is: a function from Document to Document with a shared, read-only context."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from ..diagnostics import Reporter
from ..model import Document
from ..project.register import Register
from ..project.sidecar import Sidecar


@dataclass(frozen=True)
class Options:
    """Switches of a conversion run."""

    repair: bool = True
    """Apply the OCR/PDF repair pass."""
    skip: frozenset[str] = frozenset()
    """Names of passes not to run."""
    ocr_repairs: Literal["recorded", "silent"] = "recorded"
    """How repairs of the digitisation are written: recorded as orig/reg, or silently."""


@dataclass(frozen=True)
class Context:
    """Everything a pass may read besides the document. One per document."""

    register: Register
    reporter: Reporter
    sidecar: Sidecar | None = None
    options: Options = field(default_factory=Options)
    source_lines: tuple[str, ...] = ()
    """The lines of the plain text as read, for passes that read what a line says
    whatever block the reader made of it (a date line wrapped into a paragraph)."""


Pass = Callable[[Document, Context], Document]
