"""The PDF letter of the corpus: page-foot notes, glued markers, page breaks, closer."""

from __future__ import annotations

import pytest

from support.corpus import block_page_breaks, inline_page_breaks, load, markers, read
from support.wordcheck import document_words, source_words
from teipipe.model import Closer, Document, ListBlock, PageBreakBlock, Paragraph, Signed
from teipipe.model import inline_text as text_of

NAME = "1936-08-10_serge-to-trotsky_fr.txt"


@pytest.fixture(scope="module")
def doc() -> Document:
    return read(NAME)[0]


def test_read_by_the_pdf_reader_without_warnings() -> None:
    doc, reporter = read(NAME)
    assert doc.reader == "pdf-text"
    assert reporter.warnings == [] and reporter.errors == []


def test_four_foot_notes_with_their_authors(doc: Document) -> None:
    assert [n.label for n in doc.notes] == ["1", "2", "3", "4"]
    assert {n.place for n in doc.notes} == {"foot"}
    assert [(n.type, n.resp) for n in doc.notes] == [
        ("editorial", "MIA"), ("editorial", "MIA"), ("editorial", "MIA"), ("authorial", None)]
    assert all(n.cited for n in doc.notes)
    assert text_of(doc.notes[1].blocks[0].inlines).startswith("Jesus Hernandez")


def test_each_marker_follows_its_word(doc: Document) -> None:
    found = markers(doc)
    assert {label: target for label, (target, _) in found.items()} == {
        "1": "n1", "2": "n2", "3": "n3", "4": "n4"}
    assert found["1"][1].endswith("R.P.")
    assert found["2"][1].endswith("Hernandez")
    assert found["3"][1].endswith("traduction")
    assert found["4"][1].endswith("N.I")


def test_a_page_break_inside_a_numbered_paragraph(doc: Document) -> None:
    """The writer's numbered proposals are paragraphs that keep their numbers, as
    editions encode them (#12), not list items."""
    assert not [b for b in doc.body if isinstance(b, ListBlock)]
    numbered = [text_of(b.inlines) for b in doc.body
                if isinstance(b, Paragraph) and text_of(b.inlines)[:3] in ("1. ", "2. ", "3. ")]
    assert [t[:3] for t in numbered] == ["1. ", "2. ", "3. ", "1. ", "2. "]
    assert numbered[0].startswith("1. Nous, révolutionnaires")
    assert inline_page_breaks(doc, notes=False) == ["de la révolution,"]


def test_the_foot_notes_end_a_page(doc: Document) -> None:
    assert block_page_breaks(doc) == 1
    index = next(i for i, b in enumerate(doc.body) if isinstance(b, PageBreakBlock))
    after = doc.body[index + 1]
    assert isinstance(after, Paragraph)
    assert text_of(after.inlines).startswith("Votre dernière lettre")
    assert inline_page_breaks(doc, notes=True) == []


def test_initials_signed_in_the_closer(doc: Document) -> None:
    closer = doc.body[-1]
    assert isinstance(closer, Closer)
    signed = closer.parts[-1]
    assert isinstance(signed, Signed) and text_of(signed.inlines) == "V.S."
    assert "N.I4" in text_of(closer.parts[0].inlines)


def test_every_word_survives(doc: Document) -> None:
    assert document_words(doc) == source_words(load(NAME))
