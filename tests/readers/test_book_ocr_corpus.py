"""The OCR letter of the corpus: opener, page breaks, hyphens, endnotes under `Notes`."""

from __future__ import annotations

import pytest

from support.corpus import block_page_breaks, inline_page_breaks, load, markers, read
from support.wordcheck import document_words, source_words
from teipipe.diagnostics import Severity
from teipipe.model import Choice, Closer, Document, Opener, Signed, Text
from teipipe.model import inline_text as text_of
from teipipe.walk import iter_inline_runs

NAME = "1936-07-30_trotsky-to-serge_fr.txt"


@pytest.fixture(scope="module")
def doc() -> Document:
    return read(NAME)[0]


def test_read_by_the_ocr_reader_with_one_info_and_no_warning() -> None:
    doc, reporter = read(NAME)
    assert doc.reader == "book-ocr"
    assert reporter.warnings == [] and reporter.errors == []
    infos = [d for d in reporter if d.severity is Severity.INFO]
    assert [(d.code, d.location.line) for d in infos] == [("notes.whole-text", 134)]
    assert "whole text" in infos[0].message


def test_endnotes_in_sequence_by_the_editor(doc: Document) -> None:
    assert [n.label for n in doc.notes] == [str(n) for n in range(374, 385)]
    assert {(n.place, n.type) for n in doc.notes} == {("end", "editorial")}
    assert text_of(doc.notes[7].blocks[0].inlines).startswith("Quelques semaines")  # `381Quelques`
    assert len(doc.notes[3].blocks) == 2  # 377 runs over two paragraphs


def test_the_first_note_comments_the_whole_letter(doc: Document) -> None:
    assert [n.label for n in doc.notes if not n.cited] == ["374"]
    assert "374" not in markers(doc)


def test_each_marker_follows_its_word(doc: Document) -> None:
    found = markers(doc)
    assert {label: target for label, (target, _) in found.items()} == {
        str(n): f"n{n}" for n in range(375, 385)}
    words = {label: before.rstrip().split()[-1] for label, (_, before) in found.items()}
    assert words == {
        "375": "l'enseignement", "376": "fédération", "377": "senti", "378": "plus",
        "379": "?", "380": "l'enseignement", "381": "demi", "382": "rangs", "383": "Nin",
        "384": "réciproque"}
    assert found["379"][1].endswith("longtemps ? ")


def test_page_breaks_inside_sentences(doc: Document) -> None:
    assert inline_page_breaks(doc, notes=False) == [
        "d'accord avec vous.", "orientation fondamentalement erronée."]
    assert block_page_breaks(doc) == 0
    assert inline_page_breaks(doc, notes=True) == [
        "l'opposition de gauche", "s'étaient retrouvés dans",
        "Serret et, jugeant", "semble ne pas"]


def test_opener_and_signature(doc: Document) -> None:
    opener, closer = doc.body[0], doc.body[-1]
    assert isinstance(opener, Opener) and isinstance(closer, Closer)
    assert [text_of(p.inlines) for p in opener.parts] == ["30 juillet 1936.", "Cher Victor Serge,"]
    assert isinstance(closer.parts[-1], Signed)
    assert text_of(closer.parts[-1].inlines) == "Léon TROTSKY."
    assert doc.meta.sent is not None and doc.meta.sent.date is not None
    assert doc.meta.sent.date.when == "1936-07-30"


def test_a_real_hyphen_stays(doc: Document) -> None:
    runs = list(iter_inline_runs(doc))
    assert not any(isinstance(n, Choice) for run in runs for n in run)
    pairs = [(a.text, b.text) for run in runs for a, b in zip(run, run[1:], strict=False)
             if isinstance(a, Text) and isinstance(b, Text)]
    assert any(a.endswith("Est-") and b.startswith("ce un hasard") for a, b in pairs)


def test_the_notes_heading_is_recorded(doc: Document) -> None:
    assert [(n.code, n.removed_text, n.loc.line) for n in doc.normalisations] == [
        ("heading.notes", "Notes", 133)]


def test_every_word_survives(doc: Document) -> None:
    assert document_words(doc) == source_words(load(NAME))
