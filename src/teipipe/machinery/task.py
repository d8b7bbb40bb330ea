"""One document's task in a build: convert, align with its translation, validate, and make
its shares of the corpus outputs. Picklable and stateless, the same on every executor.

A task gets the bytes of the text and its sidecar (a worker on another machine needs
no shared disk) and returns the TEI as bytes; it never writes a file.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from lxml import etree

from .. import source as source_mod
from ..corpus.links import Links, Partner, align_with
from ..diagnostics import Diagnostic, Location, Severity
from ..model import Relation
from ..passes import Options
from ..pipeline import Converted, convert_source
from ..project import sidecar as sidecar_mod
from ..project.register import Register
from ..publish import outputs as outputs_mod
from ..publish.transform import Stylesheets, Transformer
from ..validation import Validator
from ..validation import load as load_validator
from ..writers.tei import WrittenTEI
from ..xml import saxon


@dataclass(frozen=True)
class Job:
    """One document to convert, with its inputs' bytes."""

    index: int
    display: str
    text: bytes
    sidecar: bytes | None
    key: str
    tei_display: str = ""
    """The TEI file as messages name it (validation problems point there)."""
    name: str = ""
    """The document's name (its file name without extension), for links to it."""
    links: Links = Links()
    """Its correspondence neighbours and translation partner."""
    pair: Job | None = None
    """The partner's own job, when the two are translations of each other and both are to
    be converted: they are converted together, once each, and aligned with each other."""


@dataclass(frozen=True)
class Outcome:
    """What converting a Job gave: TEI bytes when the conversion succeeded."""

    index: int
    key: str
    tei: bytes | None
    diagnostics: tuple[Diagnostic, ...]
    outputs: outputs_mod.DocumentOutputs | None = None
    partner: Outcome | None = None
    """The outcome of the job's `pair`, when it had one."""


@dataclass(frozen=True)
class Converter:
    """The per-document task: picklable, stateless, the same in every executor."""

    register: Register
    schema_base: str
    schema_dir: str | None = None
    """Folder of the compiled schema: each TEI is validated where it is made, with the
    plain-text origin of every problem; None converts without validating."""
    outputs: bool = False
    """Also make the document's shares of the corpus outputs (page, CMIF entries, index
    row), so that they are made in parallel and cached with the TEI."""
    stylesheets: Stylesheets = Stylesheets()
    """The stylesheets that make the page and the CMIF entries (the project's profile)."""
    options: Options | None = None
    """Switches of the conversion the edition settles (how OCR repairs are written)."""
    publisher: str = ""
    """The edition's publisher, written into every TEI's publicationStmt."""

    def __call__(self, job: Job) -> Outcome:
        own = self._convert(job)
        if job.pair is None:
            if own.result is not None and own.result.ok and own.result.tei is not None:
                self._align_with_converted_partner(job, own.result.tei.tree)
            return self._check(job, own)
        partner = self._convert(job.pair)
        self._align_pair(job, own, partner)
        return replace(self._check(job, own), partner=self._check(job.pair, partner))

    def _convert(self, job: Job) -> _Converted:
        try:
            src = source_mod.from_bytes(job.text, job.display)
        except source_mod.SourceError as error:
            return _Converted([error.diagnostic], None)
        side, problems = _sidecar(job)
        neighbours = tuple(Relation(kind, name, title)
                           for kind, name, title in job.links.context)
        return _Converted(problems, convert_source(src, self.register, side, None, self.options,
                                                   self.schema_base, neighbours, self.publisher))

    def _check(self, job: Job, converted: _Converted) -> Outcome:
        """Validate the converted document and make its shares of the corpus outputs.

        Serialised once; parsed once by lxml (the validation) and once by Saxon (the
        Schematron and every stylesheet); the TEI is parsed again only to place the
        problems of an invalid document on their plain-text lines.
        """
        result = converted.result
        if result is None:
            return Outcome(job.index, job.key, None, tuple(converted.problems))
        written = result.tei if result.ok else None
        tei = written.to_bytes() if written is not None else None
        parsed = saxon.from_tree(written.tree) if tei is not None and written is not None and (
            self.schema_dir is not None or self.outputs) else None
        checked: list[Diagnostic] = []
        if tei is not None and written is not None and self.schema_dir is not None:
            checked = _validator(self.schema_dir).validate(
                tei, job.tei_display or job.display, OriginsByLine(written, tei), parsed)
        diagnostics = tuple(converted.problems) + result.diagnostics + tuple(checked)
        made = None
        if self.outputs and parsed is not None and written is not None and not any(
                d.severity is Severity.ERROR for d in diagnostics):
            made, found = outputs_mod.for_document(
                _transformer(self.stylesheets), written.tree, parsed, job.name,
                job.tei_display or job.display)
            diagnostics += tuple(found)
        return Outcome(job.index, job.key, tei, diagnostics, made)

    @staticmethod
    def _align_pair(job: Job, own: _Converted, partner: _Converted) -> None:
        """Paragraph and note links between two translations converted together, in place
        in both trees (what each would have got by converting the other again)."""
        mine, theirs = own.result, partner.result
        if (job.links.partner is not None and mine is not None and theirs is not None
                and mine.tei is not None and theirs.tei is not None
                and (mine.ok or theirs.ok)):
            align_with(mine.tei.tree, job.name, theirs.tei.tree, job.links.partner)

    def _align_with_converted_partner(self, job: Job, tree: etree._ElementTree) -> None:
        """Paragraph and note links with a partner that is not converted in this task (it
        has another partner of its own, or the cache holds it), in place."""
        partner = job.links.partner
        if partner is not None:
            partner_tree = self._partner_tree(partner)
            if partner_tree is not None:
                align_with(tree, job.name, partner_tree, partner)

    def _partner_tree(self, partner: Partner) -> etree._ElementTree | None:
        try:
            src = source_mod.from_bytes(partner.text, partner.display)
        except source_mod.SourceError:
            return None  # the partner's own conversion reports it
        side = None
        if partner.sidecar is not None:
            side, _ = sidecar_mod.parse(partner.sidecar.decode("utf-8", "replace"),
                                        partner.display)
        result = convert_source(src, self.register, side, None, None, self.schema_base)
        return result.tei.tree if result.tei is not None else None


@dataclass(frozen=True)
class _Converted:
    """A document's conversion in a task, before its checks: the sidecar's and decoding's
    problems, and the result (None when the text could not be decoded)."""

    problems: list[Diagnostic]
    result: Converted | None


class OriginsByLine(Mapping[int, Location]):
    """TEI line → plain-text place, worked out from the serialised bytes at the first
    look-up: a valid document is never parsed again for it."""

    def __init__(self, written: WrittenTEI, data: bytes) -> None:
        self._written, self._data = written, data
        self._table: dict[int, Location] | None = None

    def _lines(self) -> dict[int, Location]:
        if self._table is None:
            self._table = self._written.origin_by_line(self._data)
        return self._table

    def __getitem__(self, line: int) -> Location:
        return self._lines()[line]

    def __iter__(self) -> Iterator[int]:
        return iter(self._lines())

    def __len__(self) -> int:
        return len(self._lines())


def _validator(schema_dir: str) -> Validator:
    """The compiled schema of a folder, once per worker process and version of its files
    (a build that wrote or changed them in this process gets them compiled afresh)."""
    stamps = tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size)
                   for f in sorted(Path(schema_dir).glob("teipipe.*")))
    return _compiled_validator(schema_dir, stamps)


@lru_cache(maxsize=2)
def _compiled_validator(schema_dir: str, _stamps: tuple[tuple[str, int, int], ...]) -> Validator:
    return load_validator(Path(schema_dir))


@lru_cache(maxsize=1)
def _transformer(stylesheets: Stylesheets) -> Transformer:
    """The compiled stylesheets, once per worker process."""
    return Transformer(stylesheets)


def _sidecar(job: Job) -> tuple[sidecar_mod.Sidecar | None, list[Diagnostic]]:
    if job.sidecar is None:
        return None, []
    shown = str(Path(job.display).with_suffix(".toml"))
    try:
        text = job.sidecar.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, [Diagnostic("sidecar.encoding", Severity.ERROR, Location(shown),
                                 f"the sidecar is not UTF-8 (byte {error.start}); save it "
                                 "as UTF-8")]
    return sidecar_mod.parse(text, shown)
