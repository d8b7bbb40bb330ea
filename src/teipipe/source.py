"""Bytes to text: decoding, line ends, characters XML cannot hold, with a line map.

A Source is the only way text enters teipipe. It decodes strictly, says so when it
had to guess an encoding, keeps form feeds as page starts, and refuses binary
data with a located error instead of producing a damaged document.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic, Location, Severity

# Characters XML 1.0 does not allow, even as character references: C0 controls
# other than tab/newline/return, and the two non-characters U+FFFE/U+FFFF.
_NOT_XML_CHAR = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff]")
_BOM = "\ufeff"

DEFAULT_MAX_BYTES = 8 * 1024 * 1024
"""Larger texts are refused: converting one holds about 55 bytes of memory for each byte
of text (an 8 MB text peaked at 469 MB, within the project's target of 500 MB; a 50 MB
one took 2.1 GB). `--max-size` raises the limit (docs/security.md)."""


class SourceError(Exception):
    """The bytes cannot become a text teipipe can read; carries the diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.format())
        self.diagnostic = diagnostic


@dataclass(frozen=True)
class Source:
    """A decoded plain text: lines without their line ends, 1-based like editors count."""

    path: str
    """The path as the user gave it (never made absolute, so no host path leaks)."""
    lines: tuple[str, ...]
    page_starts: frozenset[int] = frozenset()
    """Numbers of lines that a form feed put on a new page."""
    encoding: str = "utf-8"
    sha256: str = ""
    diagnostics: tuple[Diagnostic, ...] = field(default=())

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def loc(self, line: int, column: int = 1) -> Location:
        return Location(self.path, line, column)


def _position_of(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of a byte offset, columns counted in bytes."""
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, offset - start + 1


def _looks_binary(data: bytes) -> int | None:
    """Offset of the first NUL byte, the surest sign of a file that is not text."""
    nul = data.find(b"\x00")
    return nul if nul >= 0 else None


def decode(data: bytes, path: str) -> tuple[str, str, list[Diagnostic]]:
    """Text, the encoding used and what was noticed; raises SourceError when impossible."""
    notes: list[Diagnostic] = []
    if not data.strip():
        raise SourceError(Diagnostic(
            "source.empty", Severity.ERROR, Location(path, 1, 1),
            "the file is empty or holds only white space; there is no text to convert"))
    binary_at = _looks_binary(data)
    if binary_at is not None:
        line, col = _position_of(data, binary_at)
        raise SourceError(Diagnostic(
            "source.binary", Severity.ERROR, Location(path, line, col),
            "the file holds a NUL byte and looks binary, not plain text; "
            "convert it to text first (e.g. pdftotext for a PDF)"))
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("cp1252")
            encoding = "cp1252"
        except UnicodeDecodeError:
            line, col = _position_of(data, utf8_error.start)
            raise SourceError(Diagnostic(
                "source.undecodable", Severity.ERROR, Location(path, line, col),
                f"byte 0x{data[utf8_error.start]:02x} is neither UTF-8 nor Windows-1252; "
                "re-save the file as UTF-8")) from None
        line, col = _position_of(data, utf8_error.start)
        notes.append(Diagnostic(
            "source.legacy-encoding", Severity.WARNING, Location(path, line, col),
            "the file is not UTF-8 (first bad byte here); decoded it as Windows-1252 "
            "(a superset of Latin-1): check accented letters, or re-save as UTF-8"))
    if text.startswith(_BOM):
        text = text[1:]
    return text, encoding, notes


def _clean_lines(text: str, path: str) -> tuple[list[str], set[int], list[Diagnostic]]:
    """Split into lines (CRLF, CR and LF alike), take out form feeds and non-XML characters."""
    notes: list[Diagnostic] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if "\f" not in text and _NOT_XML_CHAR.search(text) is None:
        return lines, set(), notes  # the usual text: one search of it, not one per line
    page_starts: set[int] = set()
    cleaned: list[str] = []
    for number, line in enumerate(lines, start=1):
        if "\f" in line:
            page_starts.add(number)
            line = line.replace("\f", "")
        bad = _NOT_XML_CHAR.search(line)
        if bad is not None:
            notes.append(Diagnostic(
                "source.control-character", Severity.WARNING,
                Location(path, number, bad.start() + 1),
                f"character U+{ord(bad.group()):04X} cannot appear in XML; removed it "
                f"(and any others on this line)"))
            line = _NOT_XML_CHAR.sub("", line)
        cleaned.append(line)
    return cleaned, page_starts, notes


def from_bytes(data: bytes, path: str) -> Source:
    """A Source from raw bytes; raises SourceError for input that is not text."""
    text, encoding, notes = decode(data, path)
    lines, page_starts, more = _clean_lines(text, path)
    if not any(line.strip() for line in lines):
        raise SourceError(Diagnostic(
            "source.empty", Severity.ERROR, Location(path, 1, 1),
            "the file holds no printable text once control characters are removed"))
    return Source(
        path=path,
        lines=tuple(lines),
        page_starts=frozenset(page_starts),
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        diagnostics=tuple(notes + more),
    )


def from_text(text: str, path: str = "<text>") -> Source:
    """A Source from a string (tests and callers that already decoded)."""
    return from_bytes(text.encode("utf-8"), path)


def too_large(display: str, size: int, limit: int) -> Diagnostic:
    """The refusal of a file over the size limit, which is then not read at all."""
    return Diagnostic(
        "input.too-large", Severity.ERROR, Location(display),
        f"the file is {size_text(size)}, over the limit of {size_text(limit)}; "
        "raise it with --max-size if the machine has the memory (docs/security.md)")


def size_text(count: int) -> str:
    """A byte count as people write it (`50 MB`)."""
    for unit, size in (("GB", 1024 ** 3), ("MB", 1024 ** 2), ("KB", 1024)):
        if count >= size:
            return f"{count / size:.4g} {unit}"
    return f"{count} bytes"


def read(path: Path, display: str | None = None,
         max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read a file (SourceError when it is over `max_bytes`, without reading it); OSError
    propagates for the caller to report."""
    shown = display if display is not None else str(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise SourceError(too_large(shown, size, max_bytes))
    return from_bytes(path.read_bytes(), shown)
