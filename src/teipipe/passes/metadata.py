"""The sidecar pass: the editor's metadata overrides what was read in the text.

Where the text states a value (a date line, a `Letter to …` title, a signature)
and the sidecar states another, the sidecar wins and a warning says so, since
one of the two is likely a mistake.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..diagnostics import Location
from ..language.dates import iso_problem
from ..model import (
    CorrespAction,
    DateValue,
    Division,
    Document,
    Licence,
    Metadata,
    Note,
    Party,
    Place,
    Relation,
    Responsibility,
)
from ..project.register import Register
from ..project.sidecar import Sidecar
from .base import Context

_CERTS = ("high", "medium", "low")
_EVIDENCE = ("internal", "external", "conjecture")


def _cert(value: Any) -> Any:
    return value if value in _CERTS else None


def _evidence(value: Any) -> Any:
    return value if value in _EVIDENCE else None


def _party(value: str, register: Register, kind: str, cert: Any = None,
           evidence: Any = None) -> Party:
    """A Party from a register id or a plain name."""
    entry = register.get(value) or register.find(value)
    if entry is not None and entry.kind in ("person", "org"):
        return Party(entry.name, entry.id, "org" if entry.kind == "org" else "person",
                     _cert(cert), _evidence(evidence))
    return Party(value, None, "org" if kind == "org" else "person", _cert(cert),
                 _evidence(evidence))


def _place(value: str, register: Register, cert: Any, evidence: Any) -> Place:
    entry = register.get(value) or register.find(value, "place")
    if entry is not None:
        return Place(entry.name, entry.id, _cert(cert), _evidence(evidence))
    return Place(value, None, _cert(cert), _evidence(evidence))


def _date(table: dict[str, Any]) -> DateValue | None:
    """The sidecar's date; values that are no dates were reported when it was read."""
    when, not_before, not_after = (
        _valid_iso(table.get(key)) for key in ("date", "not_before", "not_after"))
    if when is None and not_before is None and not_after is None:
        return None
    return DateValue(when=when, not_before=not_before, not_after=not_after,
                     cert=_cert(table.get("date_cert")),
                     evidence=_evidence(table.get("date_evidence")))


def _valid_iso(value: Any) -> str | None:
    return None if value is None or iso_problem(str(value)) else str(value)


def _action(kind: str, detected: CorrespAction | None, sidecar: Sidecar,
            ctx: Context) -> CorrespAction | None:
    table = sidecar.table(kind)
    if not table:
        return detected
    base = detected or CorrespAction(kind)  # type: ignore[arg-type]
    parties = tuple(
        [_party(p, ctx.register, "person", table.get("cert"), table.get("evidence"))
         for p in table.get("persons", [])]
        + [_party(o, ctx.register, "org", table.get("cert"), table.get("evidence"))
           for o in table.get("orgs", [])]) or base.parties
    place = base.place
    if "place" in table:
        place = _place(str(table["place"]), ctx.register, table.get("place_cert"),
                       table.get("place_evidence"))
    date = _date(table) or base.date
    _warn_disagreement(ctx, sidecar, "date", base.date.when if base.date else None,
                       date.when if date else None, "date")
    if base.place is not None and place is not None:
        _warn_disagreement(ctx, sidecar, "place", base.place.name, place.name, "place")
    return CorrespAction(base.type, parties, place, date)


def _warn_disagreement(ctx: Context, sidecar: Sidecar, key: str, read: str | None,
                       stated: str | None, what: str) -> None:
    if read and stated and read.casefold() not in stated.casefold():
        ctx.reporter.warning(
            "sidecar.disagrees", sidecar.where(key),
            f"the text gives the {what} as {read!r} but the sidecar says {stated!r}; "
            "using the sidecar's value")


def _meta(doc: Document, sidecar: Sidecar, ctx: Context) -> Metadata:
    meta = doc.meta
    document = sidecar.table("document")
    title = document.get("title", meta.title)
    _warn_disagreement(ctx, sidecar, "title", meta.title, title, "title")
    authors = tuple(_party(a, ctx.register, "person") for a in document.get("authors", [])) \
        or tuple(_party(a.name, ctx.register, "person") for a in meta.authors)
    responsibilities = tuple(
        Responsibility(r["id"], r.get("role", ""), r.get("name", ""), r.get("ref"),
                       "org" if r.get("kind") == "org" else "person")
        for r in sidecar.tables("responsibility") if "id" in r) or meta.responsibilities
    source = sidecar.table("source")
    licence_table = sidecar.table("licence")
    licence = Licence(licence_table["text"], licence_table.get("url")) \
        if "text" in licence_table else meta.licence
    relations = tuple(Relation(r["type"], r["target"]) for r in sidecar.tables("relation")
                      if "type" in r and "target" in r) or meta.relations
    language = document.get("language", meta.language)
    _warn_disagreement(ctx, sidecar, "language", meta.language, language, "language")
    languages = tuple(document.get("languages", [language]))
    return replace(
        meta,
        identifier=document.get("identifier", meta.identifier),
        title=title, kind=document.get("kind", meta.kind), language=language,
        languages=languages if language in languages else (language, *languages),
        authors=authors, responsibilities=responsibilities,
        source_bibl=source.get("bibl", meta.source_bibl),
        source_url=source.get("url", meta.source_url),
        licence=licence, relations=relations,
        sent=_action("sent", meta.sent, sidecar, ctx),
        received=_action("received", meta.received, sidecar, ctx),
        division_type=document.get("division_type", meta.division_type),
        publisher=document.get("publisher", meta.publisher),
    )


def _retype_divisions(blocks: tuple[Any, ...], division_type: str) -> tuple[Any, ...]:
    return tuple(
        replace(b, type=division_type, blocks=_retype_divisions(b.blocks, division_type))
        if isinstance(b, Division) else b for b in blocks)


def _note_defaults(notes: tuple[Note, ...], sidecar: Sidecar) -> tuple[Note, ...]:
    """Notes whose author the text does not state get the sidecar's default type and resp."""
    table = sidecar.table("notes")
    default_type = table.get("type")
    default_resp = table.get("resp")
    out = []
    for note in notes:
        if note.resp is None and default_type in ("authorial", "editorial", "translator"):
            note = replace(note, type=default_type, resp=default_resp)
        out.append(note)
    return tuple(out)


def apply_sidecar(doc: Document, ctx: Context) -> Document:
    """Metadata from the sidecar over what the text says; identifier from the file name."""
    if not doc.meta.identifier:
        stem = doc.source_path.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
        doc = doc.with_(meta=replace(doc.meta, identifier=stem))
    if ctx.sidecar is None:
        ctx.reporter.info("sidecar.missing", Location(doc.source_path),
                          "no sidecar (.toml) beside the text: the header holds only what the "
                          "text itself says")
        _warn_unknown_parts(doc, ctx)
        return doc
    meta = _meta(doc, ctx.sidecar, ctx)
    doc = doc.with_(
        meta=meta,
        body=_retype_divisions(doc.body, meta.division_type),
        notes=_note_defaults(doc.notes, ctx.sidecar),
    )
    _warn_unknown_parts(doc, ctx)
    return doc


def _warn_unknown_parts(doc: Document, ctx: Context) -> None:
    """A letter without a date, a sender or an addressee is encoded as such; say so."""
    meta = doc.meta
    if meta.kind != "letter":
        return
    where = Location(ctx.sidecar.path) if ctx.sidecar else Location(doc.source_path)
    if meta.sent is None or meta.sent.date is None:
        ctx.reporter.warning(
            "letter.undated", where,
            "no date of sending in the text or the sidecar: the letter is encoded as undated "
            '(date type="unknown"); add date = "YYYY-MM-DD" (or not_before/not_after) to '
            "[sent] in the sidecar if it is known")
    for action, what, table in ((meta.sent, "sender", "sent"),
                                (meta.received, "addressee", "received")):
        if action is None or not action.parties:
            ctx.reporter.warning(
                f"letter.no-{what}", where,
                f"no {what} in the text or the sidecar: the letter names the {what} as "
                f'unknown (persName type="unknown"); add persons = ["..."] to [{table}] in '
                "the sidecar if it is known")
