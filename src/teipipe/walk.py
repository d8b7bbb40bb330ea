"""Walk the model in document order: visit or rewrite every run of inline content.

Passes that change text (linking markers, repairs, names) need the same
traversal; it lives here once so that a new block type is handled in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TypeVar

from .model import (
    Block,
    Closer,
    Dateline,
    Division,
    Document,
    FrontLine,
    Heading,
    Inline,
    ListBlock,
    ListItem,
    Note,
    Opener,
    PageBreakBlock,
    Paragraph,
    Postscript,
    Quote,
    Salute,
    Signed,
)

InlineRewrite = Callable[[tuple[Inline, ...]], tuple[Inline, ...]]
_Leaf = TypeVar("_Leaf", Paragraph, Heading, ListItem, Dateline, Salute, Signed, FrontLine)


_Node = TypeVar("_Node")


def _with(node: _Node, **changes: object) -> _Node:
    """`node` with `changes`, or `node` itself when they change nothing: most runs come
    back from a rewrite as they were, and a copy of every block per pass was the cost."""
    for name, value in changes.items():  # a loop, not all(<generator>): called per block
        if getattr(node, name) != value:
            return replace(node, **changes)  # type: ignore[type-var]
    return node


def _rewrite_leaf(leaf: _Leaf, fn: InlineRewrite) -> _Leaf:
    # The commonest case of `_with`, written out: it is called for every leaf of every pass.
    inlines = fn(leaf.inlines)
    return leaf if inlines == leaf.inlines else replace(leaf, inlines=inlines)


def _rewrite_part(part: Dateline | Salute | Signed,
                  fn: InlineRewrite) -> Dateline | Salute | Signed:
    inlines = fn(part.inlines)
    return part if inlines == part.inlines else replace(part, inlines=inlines)


def rewrite_block(block: Block, fn: InlineRewrite) -> Block:
    """The block with `fn` applied to each of its inline runs, in document order."""
    if isinstance(block, Paragraph):
        return _rewrite_leaf(block, fn)
    if isinstance(block, Heading):
        return _rewrite_leaf(block, fn)
    if isinstance(block, ListBlock):
        return _with(block, items=tuple(_rewrite_leaf(i, fn) for i in block.items))
    if isinstance(block, Quote):
        return _with(block, blocks=tuple(_rewrite_leaf(p, fn) for p in block.blocks))
    if isinstance(block, Postscript):
        return _with(block, blocks=tuple(_rewrite_leaf(p, fn) for p in block.blocks))
    if isinstance(block, Opener):
        return _with(block, parts=tuple(_with(p, inlines=fn(p.inlines)) for p in block.parts))
    if isinstance(block, Closer):
        return _with(block, parts=tuple(_rewrite_part(p, fn) for p in block.parts))
    if isinstance(block, Division):
        head = None if block.head is None else _rewrite_leaf(block.head, fn)
        return _with(block, head=head, blocks=rewrite_blocks(block.blocks, fn))
    if isinstance(block, PageBreakBlock):
        return block
    raise TypeError(f"unknown block {type(block).__name__}")


def rewrite_blocks(blocks: tuple[Block, ...], fn: InlineRewrite) -> tuple[Block, ...]:
    return tuple(rewrite_block(b, fn) for b in blocks)


def rewrite_note(note: Note, fn: InlineRewrite) -> Note:
    return _with(note, blocks=tuple(_rewrite_leaf(p, fn) for p in note.blocks))


def rewrite_document(doc: Document, fn: InlineRewrite, *, notes: bool = True,
                     front: bool = True) -> Document:
    """Every inline run of the document (front, body, then notes) through `fn`."""
    new_front = tuple(_rewrite_leaf(f, fn) for f in doc.front) if front else doc.front
    new_body = rewrite_blocks(doc.body, fn)
    new_notes = tuple(rewrite_note(n, fn) for n in doc.notes) if notes else doc.notes
    return doc.with_(front=new_front, body=new_body, notes=new_notes)


def iter_inline_runs(doc: Document, *, notes: bool = True) -> Iterator[tuple[Inline, ...]]:
    """Every inline run of the document, in the order rewrite_document visits them (read
    without rewriting: the writer and the repairs read every run of a letter several times)."""
    for line in doc.front:
        yield line.inlines
    for block in doc.body:
        yield from _block_runs(block)
    for note in doc.notes if notes else ():
        for leaf in note.blocks:
            yield leaf.inlines


def _block_runs(block: Block) -> Iterator[tuple[Inline, ...]]:
    """The inline runs of a block in rewrite_block's order."""
    if isinstance(block, Paragraph | Heading):
        yield block.inlines
    elif isinstance(block, ListBlock):
        for item in block.items:
            yield item.inlines
    elif isinstance(block, Quote | Postscript):
        for leaf in block.blocks:
            yield leaf.inlines
    elif isinstance(block, Opener | Closer):
        for part in block.parts:
            yield part.inlines
    elif isinstance(block, Division):
        if block.head is not None:
            yield block.head.inlines
        for inner in block.blocks:
            yield from _block_runs(inner)
    elif not isinstance(block, PageBreakBlock):
        raise TypeError(f"unknown block {type(block).__name__}")


def iter_blocks(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Blocks depth-first, divisions before their content."""
    for block in blocks:
        yield block
        if isinstance(block, Division):
            yield from iter_blocks(block.blocks)
