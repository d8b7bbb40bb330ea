"""What the correspondence pass reads: values with their line and certainty, and lines.

A `Found` value keeps the source line it was read from, so that `teipipe sidecar
draft` can show the editor where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..diagnostics import Location

Cert = Literal["high", "medium", "low"]
LineKind = Literal["front", "title", "dateline", "salute", "signed", "short", "head", "tail",
                   "address"]


@dataclass(frozen=True)
class Found:
    """A value read in the text, where it was read, and how sure the reading is."""

    value: str
    cert: Cert
    loc: Location
    line: str
    """The source line the value was read from, as printed."""
    how: str
    """What the line was taken for: `title line`, `date line`, `salutation`…"""


@dataclass(frozen=True)
class Line:
    """A line of the text, and what a reader took it for."""

    kind: LineKind
    text: str
    loc: Location


def found_in(value: str, cert: Cert, line: Line, how: str) -> Found:
    """A value read in `line`, taken for `how` (`date line`, `title line`…)."""
    return Found(value, cert, line.loc, line.text, how)
