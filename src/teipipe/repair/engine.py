"""Run the rules over every inline run and turn findings into Choice nodes or proposals.

Consecutive Text nodes of a run are read as one segment (a word may be split
across a line end); the repaired run keeps every source character, in Text
nodes or in the `original` of a Choice, each with its own source Location.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..diagnostics import Location
from ..model import Choice, Document, Inline, Text
from ..walk import rewrite_document
from .base import Evidence, Finding, Proposal, Status, proposal_key
from .rules import RULES


@dataclass(frozen=True)
class Decisions:
    """The editor's review from the sidecar's [repairs] table."""

    accept: frozenset[str] = frozenset()
    reject: frozenset[str] = frozenset()
    editor: str = "editor"
    """Id of the respStmt that accepted repairs point at."""


def findings(text: str, evidence: Evidence) -> list[Finding]:
    """Every rule's findings in a segment, overlaps resolved in favour of the earlier rule."""
    chosen: list[Finding] = []
    for _name, rule in RULES:
        for found in rule(text, evidence):
            if all(found.end <= f.start or found.start >= f.end for f in chosen):
                chosen.append(found)
    return sorted(chosen, key=lambda f: f.start)


def _status(proposal_cert: str, key: str, decisions: Decisions) -> Status:
    if key in decisions.reject:
        return "rejected"
    if key in decisions.accept:
        return "accepted"
    return "proposed" if proposal_cert == "low" else "applied"


class _Segment:
    """Consecutive Text nodes read as one string, with a way back to their Locations."""

    def __init__(self, nodes: Sequence[Text]) -> None:
        self.nodes = list(nodes)
        self.starts: list[int] = []
        offset = 0
        for node in nodes:
            self.starts.append(offset)
            offset += len(node.text)
        self.text = "".join(node.text for node in nodes)

    def loc(self, position: int) -> Location:
        index = max(i for i, s in enumerate(self.starts) if s <= position)
        return self.nodes[index].loc.shifted(position - self.starts[index])

    def texts(self, start: int, end: int) -> list[Text]:
        """The source characters start..end as Text nodes, split at the original nodes."""
        out: list[Text] = []
        for node, node_start in zip(self.nodes, self.starts, strict=True):
            a, b = max(start, node_start), min(end, node_start + len(node.text))
            if a < b:
                out.append(Text(node.text[a - node_start: b - node_start],
                                node.loc.shifted(a - node_start)))
        return out


def _repair_segment(segment: _Segment, evidence: Evidence, decisions: Decisions,
                    proposals: list[Proposal]) -> list[Inline]:
    found_here = findings(segment.text, evidence)
    if not found_here:
        return list(segment.nodes)  # the very nodes: the run is seen to be unchanged
    out: list[Inline] = []
    position = 0
    for found in found_here:
        loc = segment.loc(found.start)
        key = proposal_key(loc, found.original)
        status = _status(found.cert, key, decisions)
        proposals.append(Proposal(key, loc, found.original, found.edited, found.rule,
                                  found.cert, status))
        if status not in ("applied", "accepted"):
            continue
        out.extend(segment.texts(position, found.start))
        by_editor = status == "accepted"
        out.append(Choice(found.original, found.edited, "digitisation", found.rule, loc,
                          cert="high" if by_editor else found.cert,
                          resp=decisions.editor if by_editor else "teipipe"))
        position = found.end
    out.extend(segment.texts(position, len(segment.text)))
    return out


def repair_run(run: tuple[Inline, ...], evidence: Evidence, decisions: Decisions,
               proposals: list[Proposal]) -> tuple[Inline, ...]:
    """The run with its repairs applied; every finding is added to `proposals`."""
    out: list[Inline] = []
    pending: list[Text] = []
    for node in (*run, None):
        if isinstance(node, Text):
            pending.append(node)
            continue
        if pending:
            out.extend(_repair_segment(_Segment(pending), evidence, decisions, proposals))
            pending = []
        if node is not None:
            out.append(node)
    return tuple(out)


def repair_document(doc: Document, evidence: Evidence,
                    decisions: Decisions) -> tuple[Document, list[Proposal]]:
    """The document with repairs applied, and every finding in document order."""
    proposals: list[Proposal] = []

    def rewrite(run: tuple[Inline, ...]) -> tuple[Inline, ...]:
        return repair_run(run, evidence, decisions, proposals)

    return rewrite_document(doc, rewrite), proposals
