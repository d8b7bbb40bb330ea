"""What ties one document to others of the corpus, known before any document is converted.

The correspondence a letter belongs to (its parties and date) and the translation
it is paired with are stated in the sidecars, so they are read from there, for
the whole corpus at once and cheaply. Each document's conversion then gets its
own links as an input: its neighbouring letters become relations of its model
(the TEI writer makes the correspContext), and it converts its partner too to
align the pair. Links are thereby part of each document's cache key,
and every document is still converted on its own, in any process.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from ..project import sidecar
from ..project.register import Register
from .align import align_pair
from .context import Letter, neighbours


@dataclass(frozen=True)
class Partner:
    """The other side of a translation pair, with the bytes needed to convert it."""

    name: str
    display: str
    text: bytes
    sidecar: bytes | None
    own_role: str
    """`translation` when this document translates the partner, else `original`."""


@dataclass(frozen=True)
class Links:
    """A document's ties to the corpus: neighbours in its correspondence, its translation pair."""

    context: tuple[tuple[str, str, str], ...] = ()
    """(`prev` or `next`, document name, title) of the neighbouring letters."""
    partner: Partner | None = None

    def key(self) -> bytes:
        """What the links add to a document's cache key."""
        parts = [f"{kind}\0{name}\0{title}" for kind, name, title in self.context]
        if self.partner is not None:
            parts.append(f"partner\0{self.partner.name}\0{self.partner.own_role}")
            return "\n".join(parts).encode() + b"\0" + self.partner.text + b"\0" + (
                self.partner.sidecar or b"")
        return "\n".join(parts).encode()


@dataclass(frozen=True, slots=True)
class SidecarSummary:
    """What planning the corpus needs of one sidecar. Only this much is kept while the
    corpus is planned, so that planning 100,000 letters holds no 100,000 parsed tables."""

    letter: bool
    language: str
    title: str | None
    date: str
    parties: tuple[str, ...]
    """Names or register ids of the sender's and addressee's persons and organisations."""
    relations: tuple[tuple[str, str], ...]
    """(type, target) of each [[relation]]."""

    def to_json(self) -> list[Any]:
        return [self.letter, self.language, self.title, self.date, list(self.parties),
                [list(relation) for relation in self.relations]]

    @classmethod
    def from_json(cls, value: Any) -> SidecarSummary | None:
        """The summary `to_json` gave; None for anything else (a damaged memo)."""
        try:
            letter, language, title, date, parties, relations = value
            return cls(bool(letter), sys.intern(str(language)),
                       None if title is None else str(title), sys.intern(str(date)),
                       tuple(sys.intern(str(p)) for p in parties),
                       tuple((str(kind), str(target)) for kind, target in relations))
        except (TypeError, ValueError):
            return None


SidecarReader = Callable[[bytes], SidecarSummary]
"""Turns a sidecar's bytes into its summary."""

_ROLES = {"translationOf": "translation", "hasTranslation": "original"}


def _parties(table: dict[str, Any]) -> list[str]:
    persons, orgs = table.get("persons", []), table.get("orgs", [])
    return [str(v) for v in [*persons, *orgs]] if isinstance(persons, list) and isinstance(
        orgs, list) else []


def summarize(data: bytes) -> SidecarSummary:
    """What the corpus plan needs of the sidecar in `data`, read by the one sidecar reader."""
    side = sidecar.read_quietly(data)
    document, sent, received = side.table("document"), side.table("sent"), side.table("received")
    letter = all(isinstance(side.data.get(name, {}), dict) for name in ("sent", "received"))
    title = document.get("title")
    # Languages, dates and party ids repeat across a corpus: one string object each.
    return SidecarSummary(
        letter, sys.intern(str(document.get("language", ""))),
        None if title is None else str(title),
        sys.intern(str(sent.get("date") or sent.get("not_before") or "")),
        tuple(sys.intern(p) for p in _parties(sent) + _parties(received)),
        tuple((str(r.get("type")), str(r.get("target", ""))) for r in side.tables("relation")))


def _summary(path: Path, read: SidecarReader) -> SidecarSummary:
    side = path.with_suffix(".toml")
    try:
        return read(side.read_bytes() if side.is_file() else b"")
    except OSError:
        return read(b"")  # the document's own conversion reports an unreadable sidecar


def _letter(path: Path, summary: SidecarSummary, register: Register,
            shared: dict[frozenset[str], frozenset[str]]) -> Letter | None:
    """The letter of a summary; `shared` holds one copy of each set of parties (a corpus
    has few correspondences and many letters)."""
    if not summary.letter:
        return None
    ids = set()
    for value in summary.parties:
        entry = register.get(value) or register.find(value)
        ids.add(entry.id if entry is not None else value)
    party_set = frozenset(ids)
    related = frozenset(target for kind, target in summary.relations if kind in _ROLES)
    return Letter(path.stem, shared.setdefault(party_set, party_set), summary.date,
                  summary.language, path.stem if summary.title is None else summary.title,
                  related if related else _NO_NAMES)


_NO_NAMES: frozenset[str] = frozenset()


@dataclass(frozen=True)
class PartnerRef:
    """The other side of a translation pair, by path: its bytes are read when its
    document's task is made, so a plan of the corpus holds no texts."""

    name: str
    display: str
    path: Path
    own_role: str

    def load(self) -> Partner:
        side = self.path.with_suffix(".toml")
        return Partner(self.name, self.display, self.path.read_bytes(),
                       side.read_bytes() if side.is_file() else None, self.own_role)


@dataclass(frozen=True, slots=True)
class PlannedLinks:
    """A document's links as planned for the whole corpus: neighbours, and its partner."""

    context: tuple[tuple[str, str, str], ...] = ()
    partner: PartnerRef | None = None

    def load(self) -> Links:
        """The links with the partner's bytes, for the document's task (OSError: unreadable)."""
        return Links(self.context, self.partner.load() if self.partner is not None else None)


def _partner(summary: SidecarSummary, by_name: dict[str, Path],
             display: Any) -> PartnerRef | None:
    for kind, target in summary.relations:
        role, other = _ROLES.get(kind), by_name.get(target)
        if role is not None and other is not None:
            return PartnerRef(other.stem, display(other), other, role)
    return None


def plan_links(files: Sequence[Path], register: Register, display: Any,
               read: SidecarReader = summarize) -> list[PlannedLinks]:
    """Links of every file, in the order of `files`."""
    by_name = {path.stem: path for path in files}
    summaries = [_summary(path, read) for path in files]
    shared: dict[frozenset[str], frozenset[str]] = {}
    letters = [lt for path, summary in zip(files, summaries, strict=True)
               if (lt := _letter(path, summary, register, shared)) is not None]
    around = neighbours(letters)
    links: list[PlannedLinks] = []
    for path, summary in zip(files, summaries, strict=True):
        context = tuple((kind, other.name, other.title)
                        for kind, other in sorted(around.get(path.stem, {}).items(),
                                                  key=lambda item: item[0] != "prev"))
        links.append(PlannedLinks(context, _partner(summary, by_name, display)))
    return links


def align_with(tree: etree._ElementTree, own_name: str, partner_tree: etree._ElementTree,
               partner: Partner) -> None:
    """Paragraph and note ids and @corresp pointers between a document and its partner."""
    if partner.own_role == "translation":
        align_pair(tree, partner_tree, f"{own_name}.xml", f"{partner.name}.xml")
    else:
        align_pair(partner_tree, tree, f"{partner.name}.xml", f"{own_name}.xml")
