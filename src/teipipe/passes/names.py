"""The register pass: names in the header and the text point at the register with @ref.

Mentions are found by the names and aliases an editor lists in the register,
longest first and on word boundaries; a name that is also a common word is
kept out of the text matching with `match_in_text = false`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from ..model import (
    CorrespAction,
    Document,
    Inline,
    Name,
    Note,
    Party,
    Place,
    Responsibility,
    Text,
)
from ..project.register import Entry, Register
from ..walk import rewrite_document
from .base import Context


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _resolve_party(party: Party, register: Register) -> Party:
    if party.ref is not None:
        return party
    entry = register.find(party.name)
    return replace(party, ref=entry.id) if entry and entry.kind != "place" else party


def _resolve_place(place: Place | None, register: Register) -> Place | None:
    if place is None or place.ref is not None:
        return place
    entry = register.find(place.name, "place")
    return replace(place, ref=entry.id) if entry else place


def _resolve_action(action: CorrespAction | None, register: Register) -> CorrespAction | None:
    if action is None:
        return None
    return replace(action, parties=tuple(_resolve_party(p, register) for p in action.parties),
                   place=_resolve_place(action.place, register))


@dataclass(frozen=True)
class _Mentions:
    """How the register's names are found in a text; made once per register, not per text."""

    pattern: re.Pattern[str]
    """A name on word boundaries, longest first."""
    anywhere: re.Pattern[str]
    """The names alone, without the look-behind that opens `pattern`: the regex engine skips
    ahead to a name's first letters, where the full pattern is tried at every place. A text
    without any name as a substring (most of them) has no mention either."""
    by_name: dict[str, Entry]


@lru_cache(maxsize=8)
def _mentions(entries: tuple[Entry, ...]) -> _Mentions | None:
    # Keyed by the entries, which a conversion does not change: escaping and compiling
    # every name of the register took about as long as finding them in a letter.
    by_name: dict[str, Entry] = {}
    for entry in entries:
        if entry.match_in_text:
            for name in entry.names:
                by_name.setdefault(name, entry)
    if not by_name:
        return None
    names = sorted(by_name, key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in names)
    return _Mentions(re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])"),
                     re.compile("|".join(re.escape(n) for n in by_name)), by_name)


def _tag_mentions(mentions: _Mentions) -> Callable[[tuple[Inline, ...]], tuple[Inline, ...]]:
    pattern, anywhere, by_name = mentions.pattern, mentions.anywhere, mentions.by_name

    def rewrite(run: tuple[Inline, ...]) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for node in run:
            if isinstance(node, Name) and node.ref is None:
                entry = by_name.get(node.text)
                out.append(replace(node, ref=entry.id) if entry else node)
                continue
            if not isinstance(node, Text):
                out.append(node)
                continue
            matches = list(pattern.finditer(node.text)) if anywhere.search(node.text) else []
            if not matches:
                out.append(node)  # the very node: the run is seen to be unchanged
                continue
            position = 0
            for match in matches:
                entry = by_name[match.group()]
                if match.start() > position:
                    out.append(Text(node.text[position: match.start()],
                                    node.loc.shifted(position)))
                out.append(Name(entry.kind, entry.id, match.group(),
                                node.loc.shifted(match.start())))
                position = match.end()
            if position < len(node.text):
                out.append(Text(node.text[position:], node.loc.shifted(position)))
        return tuple(out)

    return rewrite


def _note_responsibilities(doc: Document, register: Register) -> Document:
    """`(Note MIA)` becomes resp="#resp-mia", a respStmt naming the register's entry."""
    responsibilities = list(doc.meta.responsibilities)
    known = {r.id for r in responsibilities}
    notes: list[Note] = []
    for note in doc.notes:
        if note.resp is None or note.resp in known:
            notes.append(note)
            continue
        entry = register.get(note.resp) or register.find(note.resp)
        resp_id = f"resp-{entry.id if entry else _slug(note.resp)}"
        if resp_id not in known:
            known.add(resp_id)
            responsibilities.append(Responsibility(
                resp_id, "notes", entry.name if entry else note.resp,
                entry.id if entry else None,
                "org" if entry is not None and entry.kind == "org" else "person"))
        notes.append(replace(note, resp=resp_id))
    return doc.with_(notes=tuple(notes),
                     meta=replace(doc.meta, responsibilities=tuple(responsibilities)))


def apply_register(doc: Document, ctx: Context) -> Document:
    register = ctx.register
    meta = doc.meta
    doc = doc.with_(meta=replace(
        meta,
        authors=tuple(_resolve_party(a, register) for a in meta.authors),
        sent=_resolve_action(meta.sent, register),
        received=_resolve_action(meta.received, register),
    ))
    doc = _note_responsibilities(doc, register)
    mentions = _mentions(register.entries)
    if mentions is None:
        return doc
    return rewrite_document(doc, _tag_mentions(mentions))
