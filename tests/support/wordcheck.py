"""Every word of a source survives in its Document, in source order.

Each piece of the model that carries source characters (inline runs in their
source reading, note and list labels, removed text of a Normalisation) keeps
its Location; sorted by location, their words must be the source's words.
Words are runs of letters or runs of digits, so a label glued to a word
(`12Word`) compares equal to the label and the word kept apart.
"""

from __future__ import annotations

import re

from teipipe.model import Choice, DateText, Document, Foreign, ListBlock, Name, NoteRef, Text
from teipipe.source import Source
from teipipe.walk import iter_blocks, iter_inline_runs

_WORD = re.compile(r"[^\W\d_]+|\d+")
Piece = tuple[int, int, str]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def _inline_pieces(doc: Document) -> list[Piece]:
    pieces: list[Piece] = []
    for run in iter_inline_runs(doc):
        for node in run:
            if isinstance(node, Text | Name | Foreign | DateText):
                pieces.append((node.loc.line, node.loc.column, node.text))
            elif isinstance(node, NoteRef):
                pieces.append((node.loc.line, node.loc.column, node.label))
            elif isinstance(node, Choice):
                pieces.append((node.loc.line, node.loc.column, node.original))
    return pieces


def _label_pieces(doc: Document) -> list[Piece]:
    pieces = [(n.loc.line, n.loc.column, n.label) for n in doc.notes]
    for block in iter_blocks(doc.body):
        if isinstance(block, ListBlock):
            pieces += [(i.loc.line, i.loc.column, i.label) for i in block.items]
    for norm in doc.normalisations:
        pieces.append((norm.loc.line, norm.loc.column, norm.removed_text or ""))
    return pieces


def document_words(doc: Document) -> list[str]:
    """The document's words, every piece put back at its source place."""
    pieces = sorted(_inline_pieces(doc) + _label_pieces(doc), key=lambda p: (p[0], p[1]))
    return [w for piece in pieces for w in words(piece[2])]


def source_words(source: Source) -> list[str]:
    return words(source.text)
