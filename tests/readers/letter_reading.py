"""What the reader tests share: a text read by one reader, and where its markers point."""

from __future__ import annotations

from pathlib import Path

from teipipe import readers, source
from teipipe.diagnostics import Reporter
from teipipe.model import Document, NoteRef, Text
from teipipe.walk import iter_inline_runs


def read_letter(tmp_path: Path, text: str,
                reader: str = "web-archive") -> tuple[Document, Reporter]:
    """The document `reader` makes of `text`, written to a file, and what it reported."""
    path = tmp_path / "letter.txt"
    path.write_text(text, encoding="utf-8")
    reporter = Reporter()
    return readers.get(reader).read(source.read(path, path.name), reporter), reporter


def marker_refs(doc: Document) -> list[tuple[str, str]]:
    """(the word before, the note id) of every marker, in document order."""
    found = []
    for run in iter_inline_runs(doc):
        for before, node in zip(run, run[1:], strict=False):
            if isinstance(node, NoteRef) and isinstance(before, Text):
                found.append((before.text.split()[-1], node.note_id))
    return found
