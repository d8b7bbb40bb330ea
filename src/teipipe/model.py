"""The document model: the one structure that flows from readers through passes to writers.

Every node is a small frozen dataclass that keeps the Location of the plain text
it came from, so that any later problem can be reported against the source.
Readers build it from text; passes return changed copies; only writers turn it
into XML. Nothing here imports lxml.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal, TypeAlias

from .diagnostics import Location

# --------------------------------------------------------------------- inline


@dataclass(frozen=True)
class Text:
    """A run of source characters, kept exactly as read (after line joining)."""

    text: str
    loc: Location


@dataclass(frozen=True)
class NoteRef:
    """A note marker at the exact place that cites a note."""

    label: str
    """The marker as printed, brackets included: `[1]`, `375`, `2`."""
    note_id: str
    """The `xml:id` of the note it points at."""
    loc: Location


@dataclass(frozen=True)
class Choice:
    """An editorial change that keeps the source reading beside the edited one."""

    original: str
    """The source form (TEI `sic` or `orig`), e.g. `secta risme` or `Est-` + `ce`."""
    edited: str
    """The repaired or normalised form (TEI `corr` or `reg`)."""
    kind: Literal["correction", "normalisation", "digitisation"]
    """`correction` repairs an error of the source (`sic`/`corr`); `normalisation`
    regularises (`orig`/`reg`); `digitisation` repairs an error that OCR or PDF
    extraction made, not the source (`orig`/`reg type="ocr"`, or applied silently)."""
    rule: str
    """Code of the rule that made it (`repair.split-word`, `hyphen.rejoin`)."""
    loc: Location
    cert: Literal["high", "medium", "low"] = "high"
    resp: str = "teipipe"
    """Id of the `respStmt` responsible; `teipipe` for automatic changes."""
    break_inside: bool = False
    """The original spans a line end (encoded with `lb break="no"` inside `orig`)."""


@dataclass(frozen=True)
class PageBreak:
    """The start of a new page of the source (TEI `pb`)."""

    loc: Location
    n: str | None = None
    cert: Literal["high", "medium", "low"] | None = None
    """None where the page end is marked (a form feed, a page foot); lower where it is
    only inferred from a blank run inside a sentence."""


@dataclass(frozen=True)
class Name:
    """A mention of a person, place or organisation of the register (TEI persName etc.)."""

    kind: Literal["person", "place", "org"]
    ref: str | None
    """Register id the mention points at; None until the register pass resolves it."""
    text: str
    loc: Location


@dataclass(frozen=True)
class Foreign:
    """A passage in another language than the document's."""

    lang: str
    text: str
    loc: Location


@dataclass(frozen=True)
class DateText:
    """A date as written in running text, with its ISO value."""

    text: str
    date: DateValue
    loc: Location


Inline: TypeAlias = Text | NoteRef | Choice | PageBreak | Name | Foreign | DateText

# ---------------------------------------------------------------- metadata


@dataclass(frozen=True)
class DateValue:
    """A date or date range in ISO 8601 forms YYYY, YYYY-MM or YYYY-MM-DD."""

    when: str | None = None
    not_before: str | None = None
    not_after: str | None = None
    cert: Literal["high", "medium", "low"] | None = None
    evidence: Literal["internal", "external", "conjecture"] | None = None
    """Why the value is believed when it is not read in the text itself."""

    @property
    def sort_key(self) -> str:
        return self.when or self.not_before or self.not_after or "9999"


@dataclass(frozen=True)
class Party:
    """A sender or addressee: a person or an organisation, or explicitly unknown."""

    name: str
    ref: str | None = None
    kind: Literal["person", "org"] = "person"
    cert: Literal["high", "medium", "low"] | None = None
    evidence: Literal["internal", "external", "conjecture"] | None = None


@dataclass(frozen=True)
class Place:
    name: str
    ref: str | None = None
    cert: Literal["high", "medium", "low"] | None = None
    evidence: Literal["internal", "external", "conjecture"] | None = None


@dataclass(frozen=True)
class CorrespAction:
    """One side of the exchange: who sent or received, where and when."""

    type: Literal["sent", "received"]
    parties: tuple[Party, ...] = ()
    place: Place | None = None
    date: DateValue | None = None


@dataclass(frozen=True)
class Licence:
    text: str
    url: str | None = None


@dataclass(frozen=True)
class Relation:
    """A link from this document to another of the corpus (`translation-of`, `prev`)."""

    type: str
    target: str
    """Identifier of the other document."""
    label: str | None = None
    """How the link reads (the other document's title), for neighbouring letters."""


@dataclass(frozen=True)
class Responsibility:
    """A `respStmt`: somebody and what they did (translation, encoding, editing)."""

    id: str
    role: str
    name: str
    ref: str | None = None
    kind: Literal["person", "org"] = "person"


@dataclass(frozen=True)
class Metadata:
    """What the header says; detected from the text, then overridden by the sidecar."""

    identifier: str = ""
    title: str = ""
    kind: Literal["letter", "article", "essay"] = "letter"
    language: str = "en"
    authors: tuple[Party, ...] = ()
    responsibilities: tuple[Responsibility, ...] = ()
    source_bibl: str = ""
    source_url: str | None = None
    licence: Licence | None = None
    sent: CorrespAction | None = None
    received: CorrespAction | None = None
    relations: tuple[Relation, ...] = ()
    languages: tuple[str, ...] = ()
    """Every language used in the text, the document's own first."""
    division_type: str = "section"
    """TEI `div/@type` of the divisions headed in the text (`section`, `piece`)."""
    publisher: str = "teipipe corpus"


# ----------------------------------------------------------------- blocks


@dataclass(frozen=True)
class Paragraph:
    inlines: tuple[Inline, ...]
    loc: Location


@dataclass(frozen=True)
class Heading:
    inlines: tuple[Inline, ...]
    loc: Location


@dataclass(frozen=True)
class ListItem:
    label: str
    """The number or bullet as printed, without trailing punctuation: `1`."""
    inlines: tuple[Inline, ...]
    loc: Location


@dataclass(frozen=True)
class ListBlock:
    items: tuple[ListItem, ...]
    loc: Location
    ordered: bool = True


@dataclass(frozen=True)
class Quote:
    """A block quotation set off from the running text."""

    blocks: tuple[Paragraph, ...]
    loc: Location


@dataclass(frozen=True)
class Dateline:
    inlines: tuple[Inline, ...]
    loc: Location
    date: DateValue | None = None
    place: str | None = None


@dataclass(frozen=True)
class AddressLine:
    """A line of the addressee's address at the head of a letter (TEI `address/addrLine`)."""

    inlines: tuple[Inline, ...]
    loc: Location


@dataclass(frozen=True)
class Salute:
    inlines: tuple[Inline, ...]
    loc: Location


@dataclass(frozen=True)
class Signed:
    inlines: tuple[Inline, ...]
    loc: Location


@dataclass(frozen=True)
class Opener:
    """The letter's start: dateline and salutation, in source order."""

    parts: tuple[AddressLine | Dateline | Salute, ...]
    loc: Location


@dataclass(frozen=True)
class Closer:
    """The letter's end: closing salutation, signature, a dateline at the end."""

    parts: tuple[Dateline | Salute | Signed, ...]
    loc: Location


@dataclass(frozen=True)
class Postscript:
    blocks: tuple[Paragraph, ...]
    loc: Location


@dataclass(frozen=True)
class PageBreakBlock:
    """A page break between blocks."""

    brk: PageBreak


@dataclass(frozen=True)
class Division:
    """A headed part of the text: a section of an essay or a piece of an article."""

    type: str
    head: Heading | None
    blocks: tuple[Block, ...]
    loc: Location


Block: TypeAlias = (
    Paragraph | Heading | ListBlock | Quote | Opener | Closer | Postscript | PageBreakBlock
    | Division
)

# --------------------------------------------------------------- front matter

FrontRole = Literal["category", "title", "byline", "summary", "source", "translation",
                    "licence", "publication", "date"]


@dataclass(frozen=True)
class FrontLine:
    """A line before the work itself (title, byline, `Source:`), kept verbatim in `front`."""

    role: FrontRole
    inlines: tuple[Inline, ...]
    loc: Location


# ------------------------------------------------------------------ notes

NotePlace = Literal["foot", "end"]
NoteType = Literal["authorial", "editorial", "translator"]


@dataclass(frozen=True)
class Note:
    """A note of the source, kept whole, with the label it was printed with."""

    id: str
    label: str
    """The label as printed without punctuation: `1`, `374`, `1*`."""
    blocks: tuple[Paragraph, ...]
    loc: Location
    place: NotePlace = "end"
    type: NoteType = "authorial"
    resp: str | None = None
    """Id of the `respStmt` or register entry of who wrote the note, when known."""
    cited: bool = True
    """False for a note that no marker in the text cites (a note on the whole text)."""


# ---------------------------------------------------------- normalisations


@dataclass(frozen=True)
class Normalisation:
    """A change made to the source that the encoding states (removed boilerplate...)."""

    code: str
    """`boilerplate.removed`, `lines.rejoined`, `hyphen.rejoined`, `whitespace.collapsed`..."""
    description: str
    loc: Location
    removed_text: str | None = None
    """The exact text taken out, so that nothing of the source is lost."""


# ---------------------------------------------------------------- document


@dataclass(frozen=True)
class Document:
    """One source text as teipipe understands it."""

    source_path: str
    reader: str
    meta: Metadata
    front: tuple[FrontLine, ...] = ()
    body: tuple[Block, ...] = ()
    notes: tuple[Note, ...] = ()
    normalisations: tuple[Normalisation, ...] = ()
    source_sha256: str = ""

    def with_(self, **changes: object) -> Document:
        """A copy with some fields replaced (frozen dataclasses are never changed in place)."""
        return replace(self, **changes)  # type: ignore[arg-type]


# A tuple: isinstance is quicker with one than with a union of the same types.
_TEXTUAL = (Text, Name, Foreign, DateText)


def inline_text(inlines: tuple[Inline, ...], *, source: bool = True) -> str:
    """The plain characters of some inlines: the source reading, or the edited one."""
    parts: list[str] = []
    for node in inlines:
        if isinstance(node, _TEXTUAL):
            parts.append(node.text)
        elif isinstance(node, NoteRef):
            parts.append(node.label)
        elif isinstance(node, Choice):
            parts.append(node.original if source else node.edited)
    return "".join(parts)
