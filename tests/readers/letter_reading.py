"""What the reader tests share: a text read by one reader, and where its markers point."""

from __future__ import annotations

from pathlib import Path

from teipipe import readers, source
from teipipe.diagnostics import Reporter
from teipipe.model import (
    Closer,
    Dateline,
    Division,
    Document,
    NoteRef,
    Salute,
    Signed,
    Text,
    inline_text,
)
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


def body_blocks(doc: Document) -> list[object]:
    """The body's blocks, those inside a division in its place."""
    blocks: list[object] = []
    for block in doc.body:
        blocks.extend(block.blocks if isinstance(block, Division) else (block,))
    return blocks


def closer_parts(doc: Document) -> list[tuple[str, str]]:
    """(kind, text) of each part of the first closer: salute, signed or dateline."""
    closer = next(b for b in body_blocks(doc) if isinstance(b, Closer))
    names = {Salute: "salute", Signed: "signed", Dateline: "dateline"}
    return [(names[type(part)], inline_text(part.inlines).strip()) for part in closer.parts]
