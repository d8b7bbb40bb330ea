"""The repair pass: OCR and PDF-extraction damage repaired visibly, as sic/corr choices.

It runs after the sidecar pass (which settles the language and holds the
editor's review) and before the register pass, so that names are looked for in
repaired text; the register pass only splits Text nodes, so it never cuts a
Choice in two. Findings of low certainty are not applied but reported as
`repair.proposal`; an editor accepts or rejects any finding by its key in the
sidecar's [repairs] table, and accepted repairs point at the `editor` respStmt.
"""

from __future__ import annotations

from dataclasses import replace

from ..diagnostics import Location
from ..model import Document, Responsibility, inline_text
from ..repair import Decisions, Evidence, Proposal, lexicon_for, repair_document
from ..repair.base import vocabulary_of
from ..walk import iter_inline_runs
from .base import Context

EDITOR = Responsibility("editor", "review of the proposed repairs",
                        "the editor who reviewed this text's repairs (see its sidecar)")


def decisions_of(ctx: Context) -> Decisions:
    table = ctx.sidecar.table("repairs") if ctx.sidecar else {}

    def keys(name: str) -> frozenset[str]:
        value = table.get(name, [])
        return frozenset(str(v) for v in value) if isinstance(value, list) else frozenset()

    return Decisions(accept=keys("accept"), reject=keys("reject"), editor=EDITOR.id)


def enabled(ctx: Context) -> bool:
    table = ctx.sidecar.table("repairs") if ctx.sidecar else {}
    return ctx.options.repair and table.get("enabled", True) is not False


def evidence_for(doc: Document, ctx: Context) -> Evidence | None:
    lexicon = lexicon_for(doc.meta.language)
    if lexicon is None:
        return None
    texts = [inline_text(run, source=True) for run in iter_inline_runs(doc)]
    return Evidence(lexicon, vocabulary_of(texts), ctx.register.name_words)


def find_repairs(doc: Document, ctx: Context) -> tuple[Document, list[Proposal]]:
    """The repaired document and every finding, with what the review made of it."""
    evidence = evidence_for(doc, ctx)
    if evidence is None:
        ctx.reporter.info("repair.no-lexicon", Location(doc.source_path),
                          f"no lexicon for language {doc.meta.language!r}: nothing repaired")
        return doc, []
    decisions = decisions_of(ctx)
    doc, proposals = repair_document(doc, evidence, decisions)
    if any(p.status == "accepted" for p in proposals) and all(
            r.id != EDITOR.id for r in doc.meta.responsibilities):
        doc = doc.with_(meta=replace(
            doc.meta, responsibilities=(*doc.meta.responsibilities, EDITOR)))
    _report_unknown_keys(decisions, proposals, ctx)
    return doc, proposals


def _report_unknown_keys(decisions: Decisions, proposals: list[Proposal], ctx: Context) -> None:
    """A key that matches no finding is review work that no longer applies: say so."""
    found = {p.key for p in proposals}
    for name, keys in (("accept", decisions.accept), ("reject", decisions.reject)):
        for key in sorted(keys - found):
            where = ctx.sidecar.where(name) if ctx.sidecar else Location("")
            ctx.reporter.warning(
                "repair.unknown-key", where,
                f"[repairs] {name} lists {key!r}, which matches no repair finding of this "
                "text; run `teipipe repairs` on it to see the current keys")


def apply_repairs(doc: Document, ctx: Context) -> Document:
    if not enabled(ctx):
        return doc
    doc, proposals = find_repairs(doc, ctx)
    for p in proposals:
        if p.status == "proposed":
            ctx.reporter.info(
                "repair.proposal", p.loc,
                f'proposal: "{p.original}" → "{p.edited}" ({p.cert}) [{p.rule}] not applied; '
                f'to apply it, add "{p.key}" to [repairs] accept in the sidecar')
    return doc
