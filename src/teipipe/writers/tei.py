"""The TEI writer: the only place where a Document becomes XML.

Each model node maps to one TEI construct (see docs/encoding.md). The writer
also returns, for every element it made, the source Location it came from, so
that a validation error in the TEI can name the line of the plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from ..diagnostics import Location
from ..model import (
    AddressLine,
    Block,
    Choice,
    Closer,
    Dateline,
    DateText,
    Division,
    Document,
    Foreign,
    FrontLine,
    Heading,
    Inline,
    ListBlock,
    Name,
    Normalisation,
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
from ..project.register import Register
from ..tei import RNG_FILE, SCH_FILE, XML_NS
from ..xml import safexml
from .tei_header import date_attributes, header, stand_off, used_entries
from .xml import append_text, el, indent, serialize

_NAME_TAGS = {"person": "persName", "place": "placeName", "org": "orgName"}


@dataclass
class _Origins:
    """Source locations of the elements made, filled while writing."""

    by_element: dict[etree._Element, Location] = field(default_factory=dict)

    def mark(self, node: etree._Element, loc: Location) -> etree._Element:
        self.by_element[node] = loc
        return node


@dataclass(frozen=True)
class WrittenTEI:
    """A TEI tree with the plain-text origin of its elements."""

    tree: etree._ElementTree
    origins: dict[etree._Element, Location]

    def to_bytes(self) -> bytes:
        return serialize(self.tree)

    def origin_by_line(self, data: bytes | None = None) -> dict[int, Location]:
        """XML line → source location, for the serialised bytes (first element on a line);
        `data`: those bytes, when the caller has them already."""
        reparsed = etree.fromstring(self.to_bytes() if data is None else data, safexml.parser())
        table: dict[int, Location] = {}
        for original, copy in zip(self.tree.getroot().iter(), reparsed.iter(), strict=False):
            loc = self.origins.get(original)
            if loc is not None and isinstance(copy.sourceline, int):
                table.setdefault(copy.sourceline, loc)
        return table


def _inline(parent: etree._Element, node: Inline, origins: _Origins) -> None:
    if isinstance(node, Text):
        append_text(parent, node.text)
    elif isinstance(node, NoteRef):
        origins.mark(el(parent, "ref", node.label, type="noteref", target=f"#{node.note_id}"),
                     node.loc)
    elif isinstance(node, Choice):
        _choice(parent, node, origins)
    elif isinstance(node, PageBreak):
        origins.mark(el(parent, "pb", n=node.n, cert=node.cert), node.loc)
    elif isinstance(node, Name):
        ref = f"#{node.ref}" if node.ref else None
        origins.mark(el(parent, _NAME_TAGS[node.kind], node.text, ref=ref), node.loc)
    elif isinstance(node, Foreign):
        origins.mark(el(parent, "foreign", node.text, xml_lang=node.lang), node.loc)
    elif isinstance(node, DateText):
        origins.mark(el(parent, "date", node.text, **date_attributes(node.date)), node.loc)
    else:
        raise TypeError(f"unknown inline {type(node).__name__}")


def _choice(parent: etree._Element, node: Choice, origins: _Origins) -> None:
    choice = origins.mark(el(parent, "choice"), node.loc)
    source_tag, edited_tag = ("sic", "corr") if node.kind == "correction" else ("orig", "reg")
    # A misreading of the digitisation is no error of the source: orig/reg, typed.
    kind = "ocr" if node.kind == "digitisation" else None
    source = el(choice, source_tag)
    if node.break_inside and "-" in node.original:
        left, right = node.original.split("-", 1)
        source.text = f"{left}-"
        el(source, "lb", break_="no").tail = right
    else:
        source.text = node.original
    el(choice, edited_tag, node.edited, type=kind, resp=f"#{node.resp}", cert=node.cert)


def _inlines(parent: etree._Element, inlines: tuple[Inline, ...], origins: _Origins) -> None:
    # Consecutive Text nodes (the pieces of a paragraph's lines) are added in one go: each
    # addition reads the parent's last child back from lxml, which costs more than joining.
    pending: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            pending.append(node.text)
            continue
        if pending:
            append_text(parent, "".join(pending))
            pending = []
        _inline(parent, node, origins)
    if pending:
        append_text(parent, "".join(pending))


def _leaf(parent: etree._Element, tag: str, inlines: tuple[Inline, ...], loc: Location,
          origins: _Origins, **attributes: str | None) -> etree._Element:
    node = origins.mark(el(parent, tag, **attributes), loc)
    _inlines(node, inlines, origins)
    return node


def _paragraph(parent: etree._Element, block: Paragraph, origins: _Origins) -> None:
    _leaf(parent, "p", block.inlines, block.loc, origins)


def _heading(parent: etree._Element, block: Heading, origins: _Origins) -> None:
    _leaf(parent, "head", block.inlines, block.loc, origins)


def _list(parent: etree._Element, block: ListBlock, origins: _Origins) -> None:
    node = origins.mark(el(parent, "list", type="ordered" if block.ordered else "bulleted"),
                        block.loc)
    for item in block.items:
        _leaf(node, "item", item.inlines, item.loc, origins, n=item.label)


def _container(tag: str) -> Callable[[etree._Element, Quote | Postscript, _Origins], None]:
    """Writer of a block that holds paragraphs (quote, postscript)."""
    def write_container(parent: etree._Element, block: Quote | Postscript,
                        origins: _Origins) -> None:
        node = origins.mark(el(parent, tag), block.loc)
        for paragraph in block.blocks:
            _paragraph(node, paragraph, origins)
    return write_container


def _letter_frame(tag: str) -> Callable[[etree._Element, Opener | Closer, _Origins], None]:
    """Writer of an opener or a closer with its dateline, salute and signed parts."""
    def write_frame(parent: etree._Element, block: Opener | Closer, origins: _Origins) -> None:
        node = origins.mark(el(parent, tag), block.loc)
        address: etree._Element | None = None
        for part in block.parts:
            if isinstance(part, AddressLine):  # consecutive lines make one address
                if address is None:
                    address = origins.mark(el(node, "address"), part.loc)
                _leaf(address, "addrLine", part.inlines, part.loc, origins)
                continue
            address = None
            _letter_part(node, part, origins)
    return write_frame


def _page_break(parent: etree._Element, block: PageBreakBlock, origins: _Origins) -> None:
    origins.mark(el(parent, "pb", n=block.brk.n, cert=block.brk.cert), block.brk.loc)


def _division(parent: etree._Element, block: Division, origins: _Origins) -> None:
    node = origins.mark(el(parent, "div", type=block.type), block.loc)
    if block.head is not None:
        _heading(node, block.head, origins)
    for child in block.blocks:
        _block(node, child, origins)


# One row per block type of the model: a new block type is a function and a row.
_BLOCK_WRITERS: dict[type, Callable[[etree._Element, Any, _Origins], None]] = {
    Paragraph: _paragraph,
    Heading: _heading,
    ListBlock: _list,
    Quote: _container("quote"),
    Postscript: _container("postscript"),
    Opener: _letter_frame("opener"),
    Closer: _letter_frame("closer"),
    PageBreakBlock: _page_break,
    Division: _division,
}


def _block(parent: etree._Element, block: Block, origins: _Origins) -> None:
    writer = _BLOCK_WRITERS.get(type(block))
    if writer is None:
        raise TypeError(f"unknown block {type(block).__name__}")
    writer(parent, block, origins)


def _letter_part(parent: etree._Element, part: Dateline | Salute | Signed,
                 origins: _Origins) -> None:
    tag = {Dateline: "dateline", Salute: "salute", Signed: "signed"}[type(part)]
    _leaf(parent, tag, part.inlines, part.loc, origins)


_FRONT_TAGS = {"category": "titlePart", "byline": "byline", "source": "docImprint",
               "licence": "docImprint", "publication": "docImprint", "translation": "docEdition",
               "date": "docDate"}


def _notes_heading(doc: Document) -> Normalisation | None:
    return next((n for n in doc.normalisations
                 if n.code == "heading.notes" and n.removed_text), None)


def _unanchored_at_end(doc: Document) -> bool:
    """Notes on the whole text printed under a heading of their own, with no other notes,
    stay at the end under that heading; otherwise they open the text."""
    return _notes_heading(doc) is not None and all(not n.cited for n in doc.notes)


def _front(text: etree._Element, doc: Document, origins: _Origins) -> None:
    unanchored = [] if _unanchored_at_end(doc) else [n for n in doc.notes if not n.cited]
    if not doc.front and not unanchored:
        return
    front = el(text, "front")
    for line in doc.front:
        _front_line(front, line, origins)
    if unanchored:
        notes_div = el(front, "div", type="notes")
        for note in unanchored:
            _note(notes_div, note, origins)


def _front_line(front: etree._Element, line: FrontLine, origins: _Origins) -> None:
    if line.role == "title":
        _leaf(el(front, "docTitle"), "titlePart", line.inlines, line.loc, origins, type="main")
    elif line.role == "summary":
        _leaf(el(front, "argument"), "p", line.inlines, line.loc, origins)
    elif line.role == "category":
        _leaf(front, "titlePart", line.inlines, line.loc, origins, type="category")
    else:
        _leaf(front, _FRONT_TAGS[line.role], line.inlines, line.loc, origins)


def _note(parent: etree._Element, note: Note, origins: _Origins) -> None:
    node = origins.mark(el(
        parent, "note", xml_id=note.id, n=note.label or None, place=note.place, type=note.type,
        resp=f"#{note.resp}" if note.resp else None,
        anchored=None if note.cited else "false",
        target=None if note.cited else "#text",
    ), note.loc)
    for paragraph in note.blocks:
        _block(node, paragraph, origins)


def _back(text: etree._Element, doc: Document, origins: _Origins) -> None:
    cited = list(doc.notes) if _unanchored_at_end(doc) else [n for n in doc.notes if n.cited]
    if not cited:
        return
    div = el(el(text, "back"), "div", type="notes")
    heading = _notes_heading(doc)
    if heading is not None and heading.removed_text:
        origins.mark(el(div, "head", heading.removed_text), heading.loc)
    for note in cited:
        _note(div, note, origins)


def _processing_instructions(root: etree._Element, schema_base: str) -> None:
    rng = etree.ProcessingInstruction(
        "xml-model", f'href="{schema_base}{RNG_FILE}" type="application/xml" '
                     'schematypens="http://relaxng.org/ns/structure/1.0"')
    sch = etree.ProcessingInstruction(
        "xml-model", f'href="{schema_base}{SCH_FILE}" type="application/xml" '
                     'schematypens="http://purl.oclc.org/dsdl/schematron"')
    root.addprevious(rng)
    root.addprevious(sch)


def write(doc: Document, register: Register | None = None,
          schema_base: str | None = "../../schema/") -> WrittenTEI:
    """The TEI of a document; `schema_base` is the schema folder relative to the output file
    (None: no project schema to point at, so no xml-model instructions)."""
    origins = _Origins()
    root = el(None, "TEI", xml_lang=doc.meta.language)
    root.append(header(doc))
    standoff = stand_off(used_entries(doc, register or Register()), doc)
    if standoff is not None:
        root.append(standoff)
    text = el(root, "text", xml_id="text")
    _front(text, doc, origins)
    body = el(text, "body")
    for block in doc.body:
        _block(body, block, origins)
    _back(text, doc, origins)
    indent(root)
    tree = etree.ElementTree(root)
    if schema_base is not None:
        _processing_instructions(root, schema_base)
    return WrittenTEI(tree, origins.by_element)


__all__ = ["WrittenTEI", "write", "XML_NS"]
