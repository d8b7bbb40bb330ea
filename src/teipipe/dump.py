"""A stable, readable text dump of a Document, one line per node, for golden reader tests.

Each line is indented by depth and names the node, its source line and column
(`@12:3`; the path is left out so goldens do not depend on where a file lives),
and its content. Strings are written as JSON strings so that spaces at run ends
show. The dump is meant to be read in a diff when a reader changes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from .diagnostics import Diagnostic, Location
from .model import (
    AddressLine,
    Block,
    Choice,
    Closer,
    Dateline,
    DateText,
    DateValue,
    Division,
    Document,
    Foreign,
    Heading,
    Inline,
    ListBlock,
    Name,
    Note,
    NoteRef,
    Opener,
    PageBreak,
    PageBreakBlock,
    Paragraph,
    Postscript,
    Quote,
    Salute,
    Signed,
    Text,
)

_INDENT = "  "


def _at(loc: Location) -> str:
    return f"@{loc.line}:{loc.column}"


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _date(value: DateValue | None) -> str:
    if value is None:
        return "-"
    if value.when:
        return value.when
    return f"{value.not_before or ''}..{value.not_after or ''}"


def inline_line(node: Inline) -> str:
    """One inline node on one line."""
    if isinstance(node, Text):
        return f"Text {_at(node.loc)} {_q(node.text)}"
    if isinstance(node, NoteRef):
        return f"NoteRef {_at(node.loc)} {_q(node.label)} -> {node.note_id}"
    if isinstance(node, PageBreak):
        return f"PageBreak {_at(node.loc)}" + (f" n={node.n}" if node.n else "")
    if isinstance(node, Choice):
        inside = " break-inside" if node.break_inside else ""
        return (f"Choice {_at(node.loc)} {node.kind} {node.rule}{inside} "
                f"{_q(node.original)} -> {_q(node.edited)}")
    if isinstance(node, Name):
        return f"Name {_at(node.loc)} {node.kind}={node.ref} {_q(node.text)}"
    if isinstance(node, Foreign):
        return f"Foreign {_at(node.loc)} {node.lang} {_q(node.text)}"
    if isinstance(node, DateText):
        return f"DateText {_at(node.loc)} {_date(node.date)} {_q(node.text)}"
    raise TypeError(f"unknown inline {type(node).__name__}")


def _inlines(inlines: Iterable[Inline], depth: int) -> list[str]:
    return [_INDENT * depth + inline_line(node) for node in inlines]


def _leaf(title: str, inlines: tuple[Inline, ...], loc: Location, depth: int) -> list[str]:
    return [f"{_INDENT * depth}{title} {_at(loc)}", *_inlines(inlines, depth + 1)]


def _part(part: AddressLine | Dateline | Salute | Signed, depth: int) -> list[str]:
    if isinstance(part, Dateline):
        title = f"Dateline date={_date(part.date)} place={part.place or '-'}"
        return _leaf(title, part.inlines, part.loc, depth)
    return _leaf(type(part).__name__, part.inlines, part.loc, depth)


def block_lines(block: Block, depth: int = 0) -> list[str]:
    """The lines of one block and everything inside it."""
    pad = _INDENT * depth
    if isinstance(block, Paragraph | Heading):
        return _leaf(type(block).__name__, block.inlines, block.loc, depth)
    if isinstance(block, PageBreakBlock):
        return [f"{pad}PageBreakBlock", *_inlines((block.brk,), depth + 1)]
    if isinstance(block, ListBlock):
        out = [f"{pad}List {_at(block.loc)} ordered={block.ordered}"]
        for item in block.items:
            out += _leaf(f"Item {_q(item.label)}", item.inlines, item.loc, depth + 1)
        return out
    if isinstance(block, Quote | Postscript):
        out = [f"{pad}{type(block).__name__} {_at(block.loc)}"]
        for para in block.blocks:
            out += block_lines(para, depth + 1)
        return out
    if isinstance(block, Opener | Closer):
        out = [f"{pad}{type(block).__name__} {_at(block.loc)}"]
        for part in block.parts:
            out += _part(part, depth + 1)
        return out
    if isinstance(block, Division):
        out = [f"{pad}Division type={block.type} {_at(block.loc)}"]
        if block.head is not None:
            out += block_lines(block.head, depth + 1)
        for child in block.blocks:
            out += block_lines(child, depth + 1)
        return out
    raise TypeError(f"unknown block {type(block).__name__}")


def note_lines(note: Note, depth: int = 1) -> list[str]:
    head = (f"{_INDENT * depth}Note {note.id} label={_q(note.label)} place={note.place} "
            f"type={note.type} resp={note.resp or '-'} cited={note.cited} {_at(note.loc)}")
    out = [head]
    for para in note.blocks:
        out += block_lines(para, depth + 1)
    return out


def _meta_lines(doc: Document) -> list[str]:
    meta = doc.meta
    sent = meta.sent
    parties = ", ".join(p.name for p in sent.parties) if sent else ""
    place = sent.place.name if sent and sent.place else "-"
    return [f"meta language={meta.language} title={_q(meta.title)}",
            f"{_INDENT}sent parties={_q(parties)} place={_q(place)} "
            f"date={_date(sent.date if sent else None)}"]


def dump(doc: Document, diagnostics: Iterable[Diagnostic] = ()) -> str:
    """The whole document (and optionally what the reader reported) as stable text."""
    out = [f"document reader={doc.reader}", *_meta_lines(doc), "front"]
    for line in doc.front:
        out += _leaf(f"FrontLine {line.role}", line.inlines, line.loc, 1)
    out.append("body")
    for block in doc.body:
        out += block_lines(block, 1)
    out.append("notes")
    for note in doc.notes:
        out += note_lines(note)
    out.append("normalisations")
    for norm in doc.normalisations:
        removed = _q(norm.removed_text) if norm.removed_text is not None else "-"
        out.append(f"{_INDENT}{norm.code} {_at(norm.loc)} removed={removed}")
    items = list(diagnostics)
    if items:
        out.append("diagnostics")
        for diag in items:
            out.append(f"{_INDENT}{diag.severity.value} {diag.code} {_at(diag.location)}: "
                       f"{diag.message}")
    return "\n".join(out) + "\n"
