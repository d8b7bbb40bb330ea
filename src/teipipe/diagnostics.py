"""Problems as values: a Diagnostic has a code, a severity, a place and a message.

Library code never prints or exits; it hands diagnostics to a Reporter that the
caller owns, and keeps going so that every problem of a run is reported.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """How bad a problem is; the CLI maps severities to exit codes."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file: 1-based line and column; 0 means unknown."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line and self.column:
            return f"{self.path}:{self.line}:{self.column}"
        if self.line:
            return f"{self.path}:{self.line}"
        return self.path

    def shifted(self, columns: int) -> Location:
        """The same line, `columns` characters further right."""
        return Location(self.path, self.line, self.column + columns)


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in one place."""

    code: str
    """Stable dotted identifier (`reader.note-unmatched`) that users can filter on."""
    severity: Severity
    location: Location
    message: str
    """What is wrong and, where known, how to fix it."""
    origin: Location | None = None
    """For problems in generated TEI: the place of the plain text it came from."""

    def format(self) -> str:
        """`path:line:col: severity: message [code]`, the one message format of teipipe."""
        text = f"{self.location}: {self.severity.value}: {self.message} [{self.code}]"
        if self.origin is not None:
            text += f" (from {self.origin})"
        return text

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.location.path,
            "line": self.location.line,
            "column": self.location.column,
            "message": self.message,
            "origin": None if self.origin is None else str(self.origin),
        }

    def as_github(self) -> str:
        """A GitHub Actions workflow command that annotates the file."""
        kind = {"error": "error", "warning": "warning", "info": "notice"}[self.severity.value]
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        parts = [f"file={self.location.path}"]
        if self.location.line:
            parts.append(f"line={self.location.line}")
        if self.location.column:
            parts.append(f"col={self.location.column}")
        parts.append(f"title={self.code}")
        return f"::{kind} {','.join(parts)}::{message}"


@dataclass
class Reporter:
    """Collects diagnostics of one run. Not thread-safe: one reporter per worker."""

    diagnostics: list[Diagnostic] = field(default_factory=list)

    def add(self, diagnostic: Diagnostic) -> None:
        self.diagnostics.append(diagnostic)

    def error(self, code: str, location: Location, message: str) -> None:
        self.add(Diagnostic(code, Severity.ERROR, location, message))

    def warning(self, code: str, location: Location, message: str) -> None:
        self.add(Diagnostic(code, Severity.WARNING, location, message))

    def info(self, code: str, location: Location, message: str) -> None:
        self.add(Diagnostic(code, Severity.INFO, location, message))

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics.extend(diagnostics)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.diagnostics)

    def __len__(self) -> int:
        return len(self.diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]


def unreadable(code: str, display: str, error: OSError) -> Diagnostic:
    """The problem of a file that cannot be read, with the system's reason (the one
    wording of it, whichever room met the file)."""
    return Diagnostic(code, Severity.ERROR, Location(display),
                      f"cannot read the file: {error.strerror or error}")


def render(diagnostics: Iterable[Diagnostic], style: str = "text") -> str:
    """All diagnostics in one of the output styles: `text`, `json` or `github`."""
    items = list(diagnostics)
    if style == "json":
        return json.dumps([d.as_json() for d in items], ensure_ascii=False, indent=2)
    if style == "github":
        return "\n".join(d.as_github() for d in items)
    return "\n".join(d.format() for d in items)
