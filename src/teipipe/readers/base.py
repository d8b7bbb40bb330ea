"""What every reader is, and the metadata a reader can state from the text alone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from ..diagnostics import Reporter
from ..language import identify
from ..language.dates import find_date
from ..model import (
    CorrespAction,
    DateValue,
    Document,
    Metadata,
    Normalisation,
    Note,
    Party,
    Place,
    Responsibility,
)
from ..source import Source
from .blocks import sample_words
from .front import FrontFacts, facts, split_front
from .markers import MarkerStyle
from .notes import link_markers
from .structure import Detected, assemble
from .units import Unit


class Reader(Protocol):
    """Turns one Source into a Document. Readers are stateless and thread-safe."""

    name: str
    description: str

    def sniff(self, source: Source) -> float:
        """How much the text looks like this reader's shape, from 0 to 1."""
        ...

    def read(self, source: Source, reporter: Reporter) -> Document:
        ...


@dataclass(frozen=True)
class TextFacts:
    """Everything a reader learnt about the document from its text."""

    front: FrontFacts
    body: Detected
    language: str


def detected_metadata(facts: TextFacts) -> Metadata:
    """Header metadata as read in the text; the sidecar pass refines and overrides it."""
    front, body = facts.front, facts.body
    authors = tuple(Party(name) for name in front.authors)
    sender_parties: tuple[Party, ...] = authors
    if not sender_parties and body.signature:
        sender_parties = (Party(body.signature.rstrip("."), cert="low", evidence="internal"),)
    date = body.date
    titled = find_date(front.title) if front.title and date is None else None
    if titled is not None:  # `Brief von X an Y, Ort, 13. Juni 1845`
        date = replace(titled.value, cert="medium", evidence="internal")
    if date is None and front.year:
        date = DateValue(when=front.year, cert="medium", evidence="internal")
    sent = CorrespAction(
        "sent", sender_parties,
        Place(body.place) if body.place else None,
        date,
    )
    received_parties = (Party(front.addressee),) if front.addressee else ()
    received = CorrespAction("received", received_parties)
    responsibilities: tuple[Responsibility, ...] = ()
    if front.translator:
        responsibilities = (Responsibility("translator", "translation", front.translator),)
    return Metadata(
        title=front.title,
        language=facts.language,
        authors=authors,
        responsibilities=responsibilities,
        source_bibl=front.source_bibl,
        licence=front.licence,
        sent=sent,
        received=received,
        languages=(facts.language,),
    )


def guess_language(source: Source) -> str:
    """The language of the text by its commonest short words; the sidecar states it for sure."""
    return identify.guess_by_words(sample_words(source))  # cut into words once a text


def finish(reader: str, source: Source, units: Sequence[Unit], notes: Sequence[Note],
           normalisations: Sequence[Normalisation], markers: MarkerStyle,
           reporter: Reporter) -> Document:
    """The part every reader ends with: front matter, body structure, metadata, linked notes."""
    front, body_units = split_front(units)
    body, detected = assemble(body_units, division_type="section")
    doc = Document(
        source_path=source.path,
        reader=reader,
        meta=detected_metadata(TextFacts(facts(front), detected, guess_language(source))),
        front=tuple(front),
        body=body,
        notes=tuple(notes),
        normalisations=tuple(normalisations),
        source_sha256=source.sha256,
    )
    return link_markers(doc, markers, reporter)
