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

import json
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from ..register import Register
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


SidecarReader = Callable[[bytes], dict[str, Any]]
"""Turns a sidecar's bytes into its tables (plain JSON values: dates become strings)."""


def parse_sidecar(data: bytes) -> dict[str, Any]:
    try:
        tables = tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}  # the document's own conversion reports a broken sidecar
    # The same plain values whether parsed now or remembered from an earlier build.
    plain: dict[str, Any] = json.loads(json.dumps(tables, default=str))
    return plain


def _sidecar(path: Path, read: SidecarReader) -> dict[str, Any]:
    side = path.with_suffix(".toml")
    try:
        return read(side.read_bytes()) if side.is_file() else {}
    except OSError:
        return {}  # the document's own conversion reports an unreadable sidecar


def _party_ids(table: dict[str, Any], register: Register) -> set[str]:
    ids: set[str] = set()
    for value in [*table.get("persons", []), *table.get("orgs", [])]:
        entry = register.get(str(value)) or register.find(str(value))
        ids.add(entry.id if entry is not None else str(value))
    return ids


def _letter(path: Path, data: dict[str, Any], register: Register) -> Letter | None:
    document = data.get("document", {})
    sent, received = data.get("sent", {}), data.get("received", {})
    if not isinstance(sent, dict) or not isinstance(received, dict):
        return None
    related = frozenset(str(r.get("target", "")) for r in data.get("relation", [])
                        if isinstance(r, dict) and r.get("type") in ("translationOf",
                                                                      "hasTranslation"))
    date = str(sent.get("date") or sent.get("not_before") or "")
    return Letter(path.stem, frozenset(_party_ids(sent, register) | _party_ids(received, register)),
                  date, str(document.get("language", "")), str(document.get("title", path.stem)),
                  related)


def _partner(path: Path, data: dict[str, Any], by_name: dict[str, Path],
             display: Any) -> Partner | None:
    for relation in data.get("relation", []):
        if not isinstance(relation, dict):
            continue
        role = {"translationOf": "translation", "hasTranslation": "original"}.get(
            str(relation.get("type")))
        other = by_name.get(str(relation.get("target", "")))
        if role is None or other is None:
            continue
        side = other.with_suffix(".toml")
        return Partner(other.stem, display(other), other.read_bytes(),
                       side.read_bytes() if side.is_file() else None, role)
    return None


def plan_links(files: Sequence[Path], register: Register, display: Any,
               read: SidecarReader = parse_sidecar) -> list[Links]:
    """Links of every file, in the order of `files`."""
    by_name = {path.stem: path for path in files}
    sidecars = [_sidecar(path, read) for path in files]
    letters = [lt for path, data in zip(files, sidecars, strict=True)
               if (lt := _letter(path, data, register)) is not None]
    around = neighbours(letters)
    links: list[Links] = []
    for path, data in zip(files, sidecars, strict=True):
        context = tuple((kind, other.name, other.title)
                        for kind, other in sorted(around.get(path.stem, {}).items(),
                                                  key=lambda item: item[0] != "prev"))
        links.append(Links(context, _partner(path, data, by_name, display)))
    return links


def align_with(tree: etree._ElementTree, own_name: str, partner_tree: etree._ElementTree,
               partner: Partner) -> None:
    """Paragraph and note ids and @corresp pointers between a document and its partner."""
    if partner.own_role == "translation":
        align_pair(tree, partner_tree, f"{own_name}.xml", f"{partner.name}.xml")
    else:
        align_pair(partner_tree, tree, f"{partner.name}.xml", f"{own_name}.xml")
