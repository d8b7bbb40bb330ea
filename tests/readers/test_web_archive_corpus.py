"""The web-archive corpus texts: structure, every marker linked to its note, header facts."""

from __future__ import annotations

from support.corpus import markers, read
from teipipe.model import Closer, Division, ListBlock, Opener, Paragraph, Quote, Salute
from teipipe.model import inline_text as text_of
from teipipe.walk import iter_blocks

LETTER = "1936-08-10_serge-to-trotsky_en.txt"
ARTICLE = "1939-02_serge-and-editors_letter-and-some-notes_en.txt"
ESSAY = "abidor_serge-and-anarchism-russian-years_en.txt"


def test_letter_markers_point_at_their_notes_after_the_right_words() -> None:
    doc, reporter = read(LETTER)
    assert doc.reader == "web-archive"
    found = markers(doc)
    assert {label: note for label, (note, _) in found.items()} == {
        "[1]": "n1", "[2]": "n2", "[3]": "n3", "[4]": "n4"}
    assert found["[1]"][1].endswith("comrades of RP")
    assert found["[2]"][1].endswith("declaration Hernandez ")
    assert found["[3]"][1].endswith("send him the translation")
    assert found["[4]"][1].endswith("you and N.I.")
    assert [n.label for n in doc.notes] == ["1", "2", "3", "4"]
    assert all(n.cited and n.place == "end" for n in doc.notes)
    assert not reporter.warnings


def test_letter_has_opener_numbered_paragraphs_and_closing_salutation() -> None:
    doc, _ = read(LETTER)
    opener = doc.body[0]
    assert isinstance(opener, Opener)
    assert opener.parts[0].date is not None and opener.parts[0].date.when == "1936-08-10"
    assert not [b for b in doc.body if isinstance(b, ListBlock)]  # numbered paragraphs (#12)
    numbered = [text_of(b.inlines)[:3] for b in doc.body if isinstance(b, Paragraph)
                and text_of(b.inlines)[:2] in ("1.", "2.", "3.")]
    assert numbered == ["1. ", "2. ", "3. ", "1. ", "2. "]
    closer = doc.body[-1]
    assert isinstance(closer, Closer) and isinstance(closer.parts[0], Salute)
    assert [f.role for f in doc.front] == ["byline", "title", "source", "translation", "licence"]
    assert doc.meta.received is not None
    assert [p.name for p in doc.meta.received.parties] == ["Leon Trotsky"]
    assert doc.meta.responsibilities[0].name == "Mitch Abidor"


def test_article_has_four_pieces_with_their_own_opener_and_closer() -> None:
    doc, _ = read(ARTICLE)
    pieces = [b for b in doc.body if isinstance(b, Division)]
    heads = [None if p.head is None else "".join(getattr(n, "text", "") for n in p.head.inlines)
             for p in pieces]
    assert heads == [None, "Reply to Trotsky", "Reply to Ciliga", "Reply to Serge"]
    assert isinstance(pieces[0].blocks[0], Opener)
    assert isinstance(pieces[0].blocks[-1], Closer)
    assert pieces[0].blocks[-1].parts[0].date.when == "1938-10-31"
    assert isinstance(pieces[3].blocks[-1], Closer)
    notes = {n.label: n for n in doc.notes}
    assert set(notes) == {"1", "2", "1*"}
    assert notes["1*"].cited is False
    assert {label: note for label, (note, _) in markers(doc).items()} == {"[1]": "n1", "[2]": "n2"}


def test_article_editorial_insertion_in_brackets_is_not_a_marker() -> None:
    doc, reporter = read(ARTICLE)
    assert "[1918]" not in markers(doc)
    assert not [d for d in reporter.warnings if d.code == "notes.marker-without-note"]


def test_essay_has_84_notes_all_linked_in_order_and_boilerplate_removed() -> None:
    doc, reporter = read(ESSAY)
    found = markers(doc)
    assert len(doc.notes) == 84
    assert [found[f"[{i}]"][0] for i in range(1, 85)] == [f"n{i}" for i in range(1, 85)]
    assert not reporter.warnings
    heads = ["".join(getattr(n, "text", "") for n in b.head.inlines)
             for b in doc.body if isinstance(b, Division) and b.head is not None]
    assert heads == ["Serge and the Russian Anarchists", "Kronstadt",
                     "The Anarchists Against Victor Serge", "Victor Serge against Kibalchich",
                     "Why?"]
    assert [n.removed_text for n in doc.normalisations] == ["Leave a Reply"]
    assert [f.role for f in doc.front] == ["category", "title", "byline", "summary",
                                           "publication"]
    quotes = [b for b in iter_blocks(doc.body) if isinstance(b, Quote)]
    assert [len(q.blocks) for q in quotes] == [1, 1, 4]
