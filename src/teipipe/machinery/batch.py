"""Converting a whole corpus: skip what the cache knows, convert the rest on an executor, write.

Jobs carry the bytes of the text and its sidecar, so a worker on another
machine needs no shared disk; the TEI comes back as bytes and only this
(client) side writes, atomically, so a worker that dies leaves nothing half
written. Records keep no document trees: memory stays bounded by the
executor's window, not by the corpus. Two translations of each other are one
job, so that each is converted once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .. import source as source_mod
from ..corpus.links import Links, PlannedLinks
from ..diagnostics import Diagnostic, Location, Severity, unreadable
from ..files import write_atomic
from ..project import sidecar as sidecar_mod
from ..publish import site
from .cache import (
    Cache,
    Entry,
    InputHashes,
    document_key,
    file_matches,
    output_matches,
    sha256,
    stamp,
)
from .executor import Executor
from .task import Converter, Job, Outcome


@dataclass(frozen=True, slots=True)
class Record:
    """What the build keeps of one document."""

    index: int
    display: str
    target: Path
    ok: bool
    reconverted: bool
    """Converted in this run (False: the cache's entry and the TEI on disk were current)."""
    stale: bool
    """The TEI on disk differed from the conversion's (written, or reported with --check)."""
    diagnostics: tuple[Diagnostic, ...]
    row: site.DocumentRow | None = None
    """Its index row, when the build makes the corpus outputs."""
    cmif: bytes = b""
    """Its CMIF entries, when the build makes the corpus outputs."""


@dataclass(frozen=True)
class Plan:
    """Where texts come from and go to, and what conversions depend on."""

    files: Sequence[Path]
    display: Callable[[Path], str]
    tei_dir: Path
    environment: str
    check: bool
    links: Sequence[PlannedLinks] = ()
    """Corpus links of each file (same order as `files`); empty: none."""
    site_dir: Path | None = None
    """Where the reading pages go; None: the corpus outputs are not made."""
    hashes: InputHashes | None = None
    """Remembered hashes of the inputs (None: every input is read and hashed)."""
    rejected_dir: Path | None = None
    """Where the TEI of a document that fails validation is written for inspection (its
    problems point there), since the TEI folder keeps only valid documents."""
    max_bytes: int = source_mod.DEFAULT_MAX_BYTES
    """Texts larger than this are refused without being read."""


def _read_job(plan: Plan, index: int) -> Job:
    """The job of a text (SourceError when it is over the size limit; OSError)."""
    path = plan.files[index]
    display = plan.display(path)
    size = path.stat().st_size
    if size > plan.max_bytes:
        raise source_mod.SourceError(source_mod.too_large(display, size, plan.max_bytes))
    side_path = sidecar_mod.path_for(path)
    side = side_path.read_bytes() if side_path.is_file() else None
    text = path.read_bytes()
    links = plan.links[index].load() if plan.links else Links()
    hashes = plan.hashes
    text_sha = hashes.remember(path, text) if hashes else sha256(text)
    side_sha = None if side is None else (
        hashes.remember(side_path, side) if hashes else sha256(side))
    key = document_key(plan.environment, display, text_sha, side_sha, links.key())
    return Job(index, display, text, side, key, plan.display(_target(plan, index)), path.stem,
               links)


def _key(plan: Plan, index: int) -> tuple[str, str]:
    """The displayed path and cache key of a document, reading only inputs that changed
    since the last build (OSError: an input cannot be read)."""
    if plan.hashes is None:
        job = _read_job(plan, index)
        return job.display, job.key
    path = plan.files[index]
    text_sha = plan.hashes.sha256(path)
    if text_sha is None:
        raise FileNotFoundError(path)
    side_sha = plan.hashes.sha256(sidecar_mod.path_for(path))
    links = plan.links[index].load() if plan.links else Links()
    display = plan.display(path)
    return display, document_key(plan.environment, display, text_sha, side_sha, links.key())


def _target(plan: Plan, index: int) -> Path:
    return plan.tei_dir / f"{plan.files[index].stem}.xml"


def _cached(plan: Plan, cache: Cache | None) -> Iterator[Record | int]:
    """Records of documents the cache answers for, and the indexes of the others."""
    for index in range(len(plan.files)):
        try:
            if plan.files[index].stat().st_size > plan.max_bytes:
                yield index  # refused when its job is read, as an unreadable file is
                continue
            display, key = _key(plan, index)
        except OSError:
            yield index  # the conversion reports the unreadable file
            continue
        entry = cache.get(key) if cache is not None else None
        target = _target(plan, index)
        row = _row(entry)
        if entry is not None and _current(plan, index, entry, row):
            yield Record(index, display, target, entry.ok, False, False, entry.diagnostics,
                         row, entry.cmif.encode("utf-8"))
        else:
            yield index


def _row(entry: Entry | None) -> site.DocumentRow | None:
    try:
        return site.row_from_json(entry.row) if entry and entry.row is not None else None
    except (KeyError, TypeError):
        return None  # a damaged entry: the document is converted again


def _page(plan: Plan, index: int) -> Path | None:
    if plan.site_dir is None:
        return None
    return site.page_path(plan.site_dir, plan.files[index].stem)


def _current(plan: Plan, index: int, entry: Entry, row: site.DocumentRow | None) -> bool:
    """Whether the cached entry answers for the document: its TEI (and page) are on disk."""
    if not output_matches(entry, _target(plan, index)):
        return False
    page = _page(plan, index)
    if page is None or not entry.ok:
        return True
    # An entry of a build that made no outputs, or a page changed since, is not current.
    return row is not None and entry.page_sha256 is not None and file_matches(
        page, entry.page_sha256, entry.stamps.get("page"))


def _unreadable(plan: Plan, index: int, error: OSError | source_mod.SourceError) -> Record:
    display = plan.display(plan.files[index])
    problem = error.diagnostic if isinstance(error, source_mod.SourceError) else (
        unreadable("source.unreadable", display, error))
    return Record(index, display, _target(plan, index), False, True, False, (problem,))


def _rejected(plan: Plan, outcome: Outcome, display: str) -> tuple[Diagnostic, ...]:
    """A failed document's problems, placed in the TEI actually written (the rejected copy),
    and one message saying that the document is left out of this build's outputs."""
    target = _target(plan, outcome.index)
    tei_display = plan.display(target)
    problems = outcome.diagnostics
    kept = ""
    if outcome.tei is not None and plan.rejected_dir is not None:
        copy = plan.rejected_dir / target.name
        write_atomic(copy, outcome.tei)
        shown = plan.display(copy)
        problems = tuple(replace(d, location=replace(d.location, path=shown))
                         if d.location.path == tei_display else d for d in problems)
        kept = f" (the TEI it made is in {shown}, where the problems above point)"
    earlier = (f"; {tei_display} is an earlier build's and stays as it was"
               if target.is_file() else "")
    return (*problems, Diagnostic(
        "build.left-out", Severity.WARNING, Location(display),
        f"left out of this build: no TEI written to {tei_display}{kept}, and its page, "
        f"index row and CMIF entry are removed until its errors are fixed{earlier}"))


def _finish(plan: Plan, cache: Cache | None, outcome: Outcome) -> Record:
    """Write the TEI if it changed and remember the outcome (neither with --check); a failed
    document is left out of the outputs, with a message saying so."""
    target = _target(plan, outcome.index)
    display = plan.display(plan.files[outcome.index])
    ok = outcome.tei is not None and not any(
        d.severity is Severity.ERROR for d in outcome.diagnostics)
    if not ok and not plan.check:
        outcome = replace(outcome, diagnostics=_rejected(plan, outcome, display))
    elif plan.rejected_dir is not None and not plan.check and plan.rejected_dir.is_dir():
        (plan.rejected_dir / target.name).unlink(missing_ok=True)
    stale = False
    if ok and outcome.tei is not None:
        stale = _differs(target, outcome.tei)
        if stale and not plan.check:
            write_atomic(target, outcome.tei)
    made = outcome.outputs if ok else None
    page = _page(plan, outcome.index)
    if made is not None and page is not None and not plan.check and _differs(page, made.page):
        write_atomic(page, made.page)
    if cache is not None and not plan.check:
        stamps = {"tei": stamp(target)} if ok else {}
        if made is not None and page is not None:
            stamps["page"] = stamp(page)
        cache.put(outcome.key, Entry(
            ok, sha256(outcome.tei) if outcome.tei else None, outcome.diagnostics,
            sha256(made.page) if made is not None else None,
            made.cmif.decode("utf-8") if made is not None else "",
            site.row_json(made.row) if made is not None else None, stamps))
    return Record(outcome.index, display, target, ok, True, stale, outcome.diagnostics,
                  made.row if made is not None else None,
                  made.cmif if made is not None else b"")


def _differs(path: Path, data: bytes) -> bool:
    return not path.is_file() or path.read_bytes() != data


def _pairs(plan: Plan, todo: Sequence[int]) -> dict[int, int]:
    """First → second document of each two translations of each other that are both to be
    converted (each the other's partner): one job converts both."""
    if not plan.links:
        return {}
    waiting = set(todo)
    by_name = {plan.files[index].stem: index for index in todo}
    pairs: dict[int, int] = {}
    for index in todo:
        partner = plan.links[index].partner
        other = by_name.get(partner.name) if partner is not None else None
        if other is None or other <= index or other not in waiting:
            continue
        back = plan.links[other].partner
        if back is not None and back.name == plan.files[index].stem:
            pairs[index] = other
    return pairs


def convert_corpus(plan: Plan, converter: Converter, executor: Executor,
                   cache: Cache | None) -> Iterator[Record]:
    """A Record for every file: first those the cache answers for, then the converted ones."""
    todo: list[int] = []
    for item in _cached(plan, cache):
        if isinstance(item, Record):
            yield item
        else:
            todo.append(item)
    failed: list[Record] = []
    pairs = _pairs(plan, todo)
    seconds = set(pairs.values())

    def read(index: int) -> Job | None:
        try:
            return _read_job(plan, index)
        except (OSError, source_mod.SourceError) as error:
            failed.append(_unreadable(plan, index, error))
            return None

    def jobs() -> Iterator[Job]:
        for index in todo:
            if index in seconds:
                continue  # in its first's job
            job = read(index)
            if index in pairs:
                second = read(pairs[index])
                job = second if job is None else replace(job, pair=second)
            if job is not None:
                yield job

    for outcome in executor.map(converter, jobs()):
        yield _finish(plan, cache, outcome)
        if outcome.partner is not None:
            yield _finish(plan, cache, outcome.partner)
    yield from failed
