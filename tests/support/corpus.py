"""Reading corpus texts in tests, with the model walked the way the assertions need."""

from __future__ import annotations

from pathlib import Path

from teipipe import readers, source
from teipipe.diagnostics import Reporter
from teipipe.model import Document, Inline, NoteRef, PageBreak, PageBreakBlock, Text
from teipipe.walk import iter_blocks, iter_inline_runs

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "texts"


def load(name: str) -> source.Source:
    return source.read(CORPUS / name, name)


def read(name: str) -> tuple[Document, Reporter]:
    """The text read by the reader sniffing chooses, with what it reported."""
    src = load(name)
    reporter = Reporter()
    return readers.sniff(src).read(src, reporter), reporter


def markers(doc: Document) -> dict[str, tuple[str, str]]:
    """Each marker's label: the note id it points at and the text just before it."""
    found: dict[str, tuple[str, str]] = {}
    for run in iter_inline_runs(doc):
        for index, node in enumerate(run):
            if isinstance(node, NoteRef):
                before = run[index - 1] if index else None
                text = before.text if isinstance(before, Text) else ""
                found[node.label] = (node.note_id, text)
    return found


def page_breaks_after(run: tuple[Inline, ...]) -> list[str]:
    """For each inline PageBreak of a run, the first three words that follow it."""
    out: list[str] = []
    for index, node in enumerate(run):
        if isinstance(node, PageBreak) and index + 1 < len(run):
            following = run[index + 1]
            out.append(" ".join(following.text.split()[:3]) if isinstance(following, Text) else "")
    return out


def inline_page_breaks(doc: Document, notes: bool) -> list[str]:
    """Starts of the text after each inline page break, in the body or in the notes."""
    runs = ([p.inlines for n in doc.notes for p in n.blocks] if notes else
            [r for r in iter_inline_runs(doc.with_(notes=()))])
    return [start for run in runs for start in page_breaks_after(run)]


def block_page_breaks(doc: Document) -> int:
    return sum(isinstance(b, PageBreakBlock) for b in iter_blocks(doc.body))
