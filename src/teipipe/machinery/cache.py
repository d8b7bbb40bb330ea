"""The incremental build cache: what each document's conversion gave, keyed by its inputs' hashes.

A document's key hashes its text, its sidecar, its displayed path, its links and
the build's settings (`BuildSettings.cache_key`: the register, the edition, every
file under schema/, the stylesheets that run, the teipipe version and the bytes of
teipipe's own source). When nothing in a key changed,
the conversion is skipped and its recorded diagnostics are reported again. A
change to the register changes every key, so every document is reconverted:
names in any text may resolve differently. Entries live under
`.teipipe-cache/convert/` as small JSON files; stale entries are harmless and
removing the folder only costs one full build.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..corpus.links import SidecarReader, SidecarSummary, summarize
from ..diagnostics import Diagnostic, Location, Severity
from ..files import atomic_file, write_atomic

CACHE_DIR = ".teipipe-cache"
_PACKAGE = Path(__file__).resolve().parents[1]


def feed(digest: Any, label: str, data: bytes) -> None:
    # Length-prefixed, so that no two different input lists hash alike.
    digest.update(f"{label}\0{len(data)}\0".encode())
    digest.update(data)


def feed_folder(digest: Any, label: str, folder: Path) -> None:
    if not folder.is_dir():
        return
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        feed(digest, f"{label}/{path.relative_to(folder).as_posix()}", path.read_bytes())


def source_hash() -> str:
    """A hash of teipipe's own code, so an edited pass or writer invalidates every entry."""
    digest = hashlib.sha256()
    feed(digest, "version", __version__.encode())
    for path in sorted(_PACKAGE.rglob("*.py")):
        feed(digest, path.relative_to(_PACKAGE).as_posix(), path.read_bytes())
    return digest.hexdigest()


def document_key(environment: str, display: str, text_sha256: str, sidecar_sha256: str | None,
                 links: bytes = b"") -> str:
    """A document's key: its own inputs (by their hashes), the environment, and its ties
    to the corpus."""
    digest = hashlib.sha256()
    feed(digest, "links", links)
    feed(digest, "environment", environment.encode())
    feed(digest, "display", display.encode())
    feed(digest, "text", text_sha256.encode())
    feed(digest, "sidecar", b"\0none" if sidecar_sha256 is None else sidecar_sha256.encode())
    return digest.hexdigest()


def _to_json(value: Any) -> Any:
    """A remembered value that is held as an object (a sidecar summary), as JSON."""
    return value.to_json()


class _Memo:
    """A JSON file under the cache folder of values remembered from the last build: those
    looked up in this build are kept by `save` (and only those), the rest dropped.

    A value looked up moves from `known` to `used`, so that a large corpus is held once,
    not twice; the file is rewritten only when a value changed or one was dropped.
    Not thread-safe.
    """

    def __init__(self, root: Path, name: str) -> None:
        self.path = root / CACHE_DIR / name
        self.known: dict[str, Any] = {}
        self.used: dict[str, Any] = {}
        self.changed = False
        try:
            raw = json.loads(self.path.read_bytes())
            self.known = raw if isinstance(raw, dict) else {}
        except (OSError, ValueError):
            self.known = {}

    def _take(self, key: str) -> Any:
        """The remembered value of `key`, kept for the next build; None if there is none."""
        if key in self.used:
            return self.used[key]
        value = self.known.pop(key, None)
        if value is not None:
            self.used[key] = value
        return value

    def _put(self, key: str, value: Any) -> None:
        before = self.used[key] if key in self.used else self.known.pop(key, None)
        self.changed |= before != value
        self.used[key] = value

    def save(self) -> None:
        if self.changed or self.known:
            # Streamed: at a hundred thousand texts the file is tens of megabytes.
            with atomic_file(self.path) as raw, io.TextIOWrapper(raw, encoding="utf-8") as out:
                json.dump(self.used, out, ensure_ascii=False, sort_keys=True, default=_to_json)
        self.known, self.used, self.changed = {}, {}, False


class InputHashes(_Memo):
    """The hashes of the build's input files, remembered with their size and modification
    time (ns), so that a rebuild reads only the files that changed since (as version
    control does). Call `save` after use."""

    def __init__(self, root: Path) -> None:
        super().__init__(root, "inputs.json")

    def sha256(self, path: Path) -> str | None:
        """The hash of a file's bytes; None when there is no such file (OSError: unreadable)."""
        current = stamp(path)
        if not current:
            return None
        name = str(path)
        known = self._take(name)
        if isinstance(known, list) and len(known) == 3 and known[:2] == current:
            return str(known[2])
        digest = sha256(path.read_bytes())
        self._put(name, [*current, digest])
        return digest

    def remember(self, path: Path, data: bytes) -> str:
        """The hash of bytes just read from `path` (kept for the next build)."""
        digest = sha256(data)
        current = stamp(path)
        if current:
            self._put(str(path), [*current, digest])
        return digest


@dataclass(frozen=True)
class Entry:
    """What one conversion gave: the TEI's hash (None when it failed) and its diagnostics,
    and, when the build made them, the document's shares of the corpus outputs."""

    ok: bool
    tei_sha256: str | None
    diagnostics: tuple[Diagnostic, ...]
    page_sha256: str | None = None
    """The hash of its reading page in the site (None: no page was made)."""
    cmif: str = ""
    """Its CMIF entries."""
    row: dict[str, Any] | None = None
    """Its row of the corpus index, as `site.row_json` writes it."""
    stamps: dict[str, list[int]] = field(default_factory=dict)
    """Size and modification time (ns) of the TEI (`tei`) and page (`page`) as written: a
    file that still has them is taken to hold the recorded bytes without reading it."""


def _location(data: dict[str, Any]) -> Location:
    return Location(str(data["path"]), int(data["line"]), int(data["column"]))


def _diagnostic_json(d: Diagnostic) -> dict[str, Any]:
    origin = None if d.origin is None else {
        "path": d.origin.path, "line": d.origin.line, "column": d.origin.column}
    return {"code": d.code, "severity": d.severity.value, "message": d.message,
            "location": {"path": d.location.path, "line": d.location.line,
                         "column": d.location.column}, "origin": origin}


def _diagnostic(data: dict[str, Any]) -> Diagnostic:
    origin = data.get("origin")
    return Diagnostic(str(data["code"]), Severity(data["severity"]), _location(data["location"]),
                      str(data["message"]), None if origin is None else _location(origin))


def encode(entry: Entry) -> bytes:
    return json.dumps({"ok": entry.ok, "tei_sha256": entry.tei_sha256,
                       "diagnostics": [_diagnostic_json(d) for d in entry.diagnostics],
                       "page_sha256": entry.page_sha256, "cmif": entry.cmif, "row": entry.row,
                       "stamps": entry.stamps},
                      ensure_ascii=False, sort_keys=True).encode("utf-8")


def decode(data: bytes) -> Entry:
    raw = json.loads(data)
    row = raw["row"]
    return Entry(bool(raw["ok"]), raw["tei_sha256"],
                 tuple(_diagnostic(d) for d in raw["diagnostics"]), raw["page_sha256"],
                 str(raw["cmif"]), row if isinstance(row, dict) else None,
                 {str(k): [int(n) for n in v] for k, v in raw["stamps"].items()})


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Cache:
    """The entries under one project's cache folder. One per build; not thread-safe."""

    def __init__(self, root: Path) -> None:
        self.folder = root / CACHE_DIR / "convert"

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> Entry | None:
        """The entry for `key`; an unreadable or damaged entry counts as none."""
        try:
            return decode(self._path(key).read_bytes())
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, entry: Entry) -> None:
        write_atomic(self._path(key), encode(entry))


def stamp(path: Path) -> list[int]:
    """A file's size and modification time in nanoseconds ([] when it cannot be read)."""
    try:
        status = path.stat()
    except OSError:
        return []
    return [status.st_size, status.st_mtime_ns]


def file_matches(path: Path, digest: str | None, stamped: list[int] | None = None) -> bool:
    """Whether `path` holds the bytes of hash `digest`; None expects nothing and matches.

    A file whose size and modification time are still `stamped` is not read (as
    version control does): a rebuild with nothing changed reads no output file.
    """
    if digest is None:
        return True
    if stamped and stamp(path) == stamped:
        return True
    try:
        return sha256(path.read_bytes()) == digest
    except OSError:
        return False


def output_matches(entry: Entry, target: Path) -> bool:
    """Whether `target` holds the TEI the entry records (a failed conversion has none to hold)."""
    return not entry.ok or file_matches(target, entry.tei_sha256, entry.stamps.get("tei"))


class ParsedSidecars(_Memo):
    """What each sidecar says that planning the corpus needs, remembered by the hash of its
    bytes, so that an unchanged corpus is planned without parsing TOML. Call `save` after
    use."""

    def __init__(self, root: Path, summarize: SidecarReader = summarize) -> None:
        super().__init__(root, "sidecars.json")
        self.summarize = summarize

    def __call__(self, data: bytes) -> SidecarSummary:
        digest = sha256(data)
        remembered = self._take(digest)
        summary = remembered if isinstance(remembered, SidecarSummary) else (
            SidecarSummary.from_json(remembered))
        if summary is None:
            summary = self.summarize(data)
            self._put(digest, summary)
        else:
            self.used[digest] = summary  # held once, as the summary, until `save`
        return summary
