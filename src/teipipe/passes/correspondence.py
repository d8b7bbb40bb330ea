"""The correspondence pass: sender, addressee, date and place of sending, read in the text.

It looks where letters state them: a title line (`Victor Serge to Leon Trotsky`),
an address (`À Louis du Tillet`), the salutation (`Dear Leon Davidovich:`), the
date line at the top or in the closing (`De Strasbourg, ce 10 de juillet
(1538).`) and the signature. Each value keeps the line it was read from and a
certainty, so that `teipipe sidecar draft` can show the editor where it came
from; the sidecar pass, which runs next, lets the editor's values win.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

from ..diagnostics import Location
from ..language.correspondents import (
    address_recipient,
    opens_address,
    person_name,
    salutation_recipient,
    signature_sender,
    title_parties,
)
from ..language.dates import read_dateline, read_weekday_place, read_yearless_place
from ..model import (
    AddressLine,
    Block,
    Closer,
    CorrespAction,
    Dateline,
    DateValue,
    Division,
    Document,
    Heading,
    Opener,
    Paragraph,
    Party,
    Place,
    Postscript,
    Salute,
    inline_text,
)
from .base import Context
from .found import Cert, Found, Line, LineKind, found_in
from .sending_date import USUAL_CENTURY, century_of, date_and_place

__all__ = ["Cert", "Found", "Reading", "century_of", "read_correspondence", "read_sending"]

_SHORT_LINE = 14  # words: longer lines are running text, not an address or a signature
_TOP_LINES = 8
_TAIL_LINES = 30  # lines at the end of a letter searched for a date line
_LAST_PAGE_LINES = 4  # lines after the notes searched for a date line


@dataclass(frozen=True)
class Reading:
    """Everything the text says about its sending; None where it says nothing."""

    sender: Found | None = None
    recipient: Found | None = None
    date: Found | None = None
    """The value is ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)."""
    place: Found | None = None


def _text(inlines: tuple[object, ...]) -> str:
    return inline_text(inlines).strip()  # type: ignore[arg-type]


def _flatten(blocks: tuple[Block, ...]) -> Iterator[Block]:
    for block in blocks:
        if isinstance(block, Division):
            if block.head is not None:
                yield block.head
            yield from _flatten(block.blocks)
        else:
            yield block


def _block_lines(block: Block) -> Iterator[Line]:
    if isinstance(block, Opener | Closer):
        for part in block.parts:
            kind: LineKind = ("dateline" if isinstance(part, Dateline) else
                              "salute" if isinstance(part, Salute) else
                              "short" if isinstance(part, AddressLine) else "signed")
            yield Line(kind, _text(part.inlines), part.loc)
    elif isinstance(block, Paragraph | Heading):
        text = _text(block.inlines)
        if len(text.split()) <= _SHORT_LINE:
            yield Line("head" if isinstance(block, Heading) else "short", text, block.loc)


def _is_running_text(block: Block) -> bool:
    return isinstance(block, Paragraph) and len(_text(block.inlines).split()) > _SHORT_LINE


def _top_lines(doc: Document) -> list[Line]:
    lines = [Line("title" if line.role == "title" else "front", _text(line.inlines), line.loc)
             for line in doc.front]
    for block in _flatten(doc.body):
        if _is_running_text(block) or len(lines) >= _TOP_LINES + len(doc.front):
            break
        lines.extend(_block_lines(block))
    return lines


def _bottom_lines(doc: Document) -> list[Line]:
    """Closer parts and the short lines after the last paragraph of running text."""
    lines: list[Line] = []
    for block in reversed(list(_flatten(doc.body))):
        if isinstance(block, Postscript):
            continue
        if _is_running_text(block) or len(lines) >= _TOP_LINES:
            break
        lines[:0] = list(_block_lines(block))
    return lines


_NOTE_LINE = re.compile(r"^\s*(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)]?\s*[^\W\d])")
# A rule, or a page's number; a year alone (`1911`) is kept, as what dates the letter.
_RULE_LINE = re.compile(r"^[\s_\-–—=*.·]*$|^\s*(?!(?:1[4-9]|20)\d\d\s*$)\d{1,4}\s*$")


_NOTES_START = re.compile(
    r"^\s*(?:[_\-—–=*]{5,}|(?:notes?|endnotes|footnotes|anmerkungen|fu(?:ß|ss)noten|notas|"
    r"note\s+al\s+testo)\s*:?)\s*$", re.IGNORECASE)


def _text_end(doc: Document, source: tuple[str, ...]) -> int:
    """The line after the letter: where notes printed after it begin (the last rule or
    `Notes` heading in the second half of the text, or the first note the reader found
    after the last block)."""
    starts = [block.loc.line for block in _flatten(doc.body) if hasattr(block, "loc")]
    last = max(starts, default=0)
    ends = [note.loc.line for note in doc.notes if note.loc.line > last]
    half = len(source) // 2
    # The last rule or heading: earlier ones may divide the pages of a PDF from their notes.
    ends += [number for number, line in enumerate(source, start=1)
             if number > half and _NOTES_START.match(line)][-1:]
    return min(ends, default=len(source) + 1)


def _address_lines(doc: Document) -> set[int]:
    """Source lines the reader took for the address in a letter's opener."""
    return {part.loc.line for block in _flatten(doc.body) if isinstance(block, Opener)
            for part in block.parts if isinstance(part, AddressLine)}


def _source_regions(doc: Document, source: tuple[str, ...],
                    century: int) -> tuple[list[Line], list[Line]]:
    """Top and bottom lines of the plain text itself, whatever blocks were made of them.

    A line that starts like a note (`328 Mickle Street …`) is kept when it is a date
    line, read with the `century` of the text's years."""
    numbered = [(number, line.strip()) for number, line in enumerate(source, start=1)
                if not _RULE_LINE.match(line)]
    top: list[Line] = [Line("title", _text(f.inlines), f.loc) for f in doc.front
                        if f.role == "title"]
    addressed = _address_lines(doc)
    for position, (number, text) in enumerate(numbered[:_TOP_LINES]):
        loc = Location(doc.source_path, number, 1)
        if position == 0 and not top:
            # A first line the reader took for no title may still be one; it may as well
            # be the letter's dateline or its salutation.
            top.append(Line("title", text, loc))
        top.append(Line("address" if number in addressed else "short", text, loc))
        if len(text.split()) > _SHORT_LINE:
            break
    end = _text_end(doc, source)
    ending: list[tuple[int, str]] = []
    for number, text in reversed(numbered):
        if len(ending) == _TAIL_LINES:
            break
        if number < end and (not _NOTE_LINE.match(text) or _is_dateline(text, century)):
            ending.insert(0, (number, text))
    bottom: list[Line] = []
    for number, text in reversed(ending):
        if len(text.split()) > _SHORT_LINE or len(bottom) >= _TOP_LINES:
            break
        bottom.insert(0, Line("short", text, Location(doc.source_path, number, 1)))
    # A date line above a postscript: the lines further up, for date lines only.
    tail = [Line("tail", text, Location(doc.source_path, number, 1))
            for number, text in ending[: len(ending) - len(bottom)]]
    # The last page of a PDF after the foot notes of the one before: its date line.
    last_page = [Line("tail", text, Location(doc.source_path, number, 1))
                 for number, text in numbered[-_LAST_PAGE_LINES:]
                 if number > end and not _NOTE_LINE.match(text)
                 and read_dateline(text, century) is not None]
    return top, bottom + tail + last_page


def _is_dateline(text: str, century: int) -> bool:
    return read_dateline(text, century) is not None or read_yearless_place(text) is not None \
        or read_weekday_place(text) is not None  # `431 Stevens st. Thursday afternoon`


def _from_title(top: list[Line]) -> tuple[Found | None, Found | None]:
    """Sender and recipient of the first title line that names them (`X to Y`)."""
    for line in top:
        if line.kind in ("title", "front", "head"):
            parties = title_parties(line.text)
            if parties is not None:
                sender = found_in(parties.sender, "high", line, "title line") \
                    if parties.sender else None
                recipient = found_in(parties.recipient, "high", line, "title line") \
                    if parties.recipient else None
                return sender, recipient
    return None, None


def _addressee(line: Line) -> Found | None:
    """The recipient an address or a salutation names, from one line of the top."""
    if line.kind in ("salute", "short"):
        name = salutation_recipient(line.text)
        if name is not None:
            return found_in(name, "medium", line, "salutation")
    # A salutation line may begin with the address run on before it (`The Honorable
    # Commissioner of Indian Affairs, Washington, D. C. Sir:`).
    if line.kind in ("short", "title", "front", "head", "address", "salute"):
        name = address_recipient(line.text)
        if name is not None:
            return found_in(name, "high", line, "address")
    if line.kind == "address":  # a name alone the reader took for the address
        name = person_name(line.text)
        if name is not None:
            return found_in(name, "medium", line, "address")
    return None


def _correspondents(top: list[Line], bottom: list[Line]) -> tuple[Found | None, Found | None]:
    sender, recipient = _from_title(top)
    if recipient is None:
        recipient = next((f for f in map(_addressee, top) if f is not None), None)
    return sender or _signature(bottom), recipient


def _signature(bottom: list[Line]) -> Found | None:
    """The name signed at the end: a signature the reader found, else a short last line."""
    signed = [line for line in bottom if line.kind == "signed"]
    candidates = signed or [line for line in bottom if line.kind == "short"][-3:]
    for line in reversed(candidates):
        if read_dateline(line.text) is not None or len(line.text.split()) > 6:
            continue
        name = signature_sender(line.text)
        if name is not None:
            return found_in(name, "medium" if signed else "low", line, "signature")
    return None


def read_correspondence(doc: Document, source: tuple[str, ...] = ()) -> Reading:
    """What the text says about who sent it to whom, when and from where.

    With the `source` lines, the top and the end of the plain text are read line by
    line; without, the blocks the reader made (opener, closer, short paragraphs)."""
    if source:
        century = century_of(list(source))
        top, bottom = _source_regions(doc, source, century or USUAL_CENTURY)
    else:
        top, bottom = _top_lines(doc), _bottom_lines(doc)
        century = century_of([line.text for line in [*top, *bottom]])
    date, place = date_and_place(top, bottom, century)
    sender, recipient = _correspondents(top, bottom)
    if sender is None and doc.meta.authors:
        author = doc.meta.authors[0].name
        if person_name(author) is not None and not opens_address(author):
            line = next((f for f in doc.front if f.role == "byline"), None)
            loc = line.loc if line is not None else Location(doc.source_path)
            sender = Found(author, "high", loc, _text(line.inlines) if line else author,
                           "byline")
    return Reading(sender, recipient, date, place)


def _party(found: Found) -> Party:
    return Party(found.value, cert=None if found.cert == "high" else found.cert,
                 evidence="internal")


def _with_reading(action: CorrespAction | None, kind: Literal["sent", "received"],
                  party: Found | None, date: Found | None = None,
                  place: Found | None = None) -> CorrespAction:
    base = action or CorrespAction(kind)
    parties = (_party(party),) if party is not None else base.parties
    when = DateValue(when=date.value, cert=None if date.cert == "high" else date.cert) \
        if date is not None else base.date
    where = Place(place.value) if place is not None else base.place
    return CorrespAction(kind, parties, where, when)


def read_sending(doc: Document, ctx: Context) -> Document:
    """The header's sender, addressee, date and place from the text, where it states them."""
    kind = ctx.sidecar.table("document").get("kind") if ctx.sidecar else None
    if (kind or doc.meta.kind) != "letter":
        return doc
    reading = read_correspondence(doc, ctx.source_lines)
    meta = doc.meta
    return doc.with_(meta=replace(
        meta,
        sent=_with_reading(meta.sent, "sent", reading.sender, reading.date, reading.place),
        received=_with_reading(meta.received, "received", reading.recipient)))
