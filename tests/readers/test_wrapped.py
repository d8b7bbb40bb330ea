"""The shared rules of hard-wrapped text: page ends inside sentences, note runs, sniffing."""

from __future__ import annotations

from pathlib import Path

from teipipe import readers, source
from teipipe.diagnostics import Reporter, Severity
from teipipe.model import Note, PageBreak, Paragraph, Text, inline_text
from teipipe.readers.blocks import Line, RawBlock, source_lines, split_blocks
from teipipe.readers.markers import MarkerStyle
from teipipe.readers.units import Unit
from teipipe.readers.wrapped import (
    continues,
    paragraphs,
)
from teipipe.readers.wrapped_notes import (
    NoteSpec,
    group_notes,
    mark_whole_text_notes,
    notes_of,
    trailing_notes_start,
)

FIXTURES = Path(__file__).parent.parent / "fixtures" / "readers"


def block(*texts: str, start: int = 1, gap: int = 1) -> RawBlock:
    return RawBlock(tuple(Line(start + i, t) for i, t in enumerate(texts)), gap)


def lines_of(text: str) -> list[Line]:
    return source_lines(source.from_text(text, "t.txt"))


def test_a_blank_inside_a_sentence_is_a_page_end() -> None:
    # The page ends on a filled line: `Committee` would not have fitted on it.
    assert continues(block("It was a long meeting and we wrote", "to the members of the new",
                           start=30), block("Committee again.", start=33))
    assert continues(block("It was over, etc."), block("and nobody came."))


def test_no_page_ends_before_a_capital_within_a_pages_length_of_lines() -> None:
    """A paragraph left without its stop (`… Wendung nehmen` / `Nicht sehr …`) ends where
    no page can have ended yet; before a line in lower case the page end stands."""
    ended = block("so kann die Sache leicht eine äußerst fatale Wendung nehmen", start=22)
    assert not continues(ended, block("Nicht sehr trostreich ist der Bericht.", start=24))
    assert continues(ended, block("und alles geht verloren.", start=24))
    assert continues(ended, RawBlock((Line(24, "Nicht sehr trostreich ist der Bericht."),), 1,
                                     page_start=True))
    assert continues(block("so kann die Sache leicht eine äußerst fatale Wendung nehmen",
                           start=40), block("Nicht sehr trostreich ist der Bericht.", start=42))


def test_a_blank_after_a_full_stop_before_lower_case_ends_a_paragraph() -> None:
    """Page ends fall inside sentences; a paragraph may open in lower case (`au second, …`)."""
    assert not continues(
        block("au premier, pour rappeler nos demandes de concessions antérieures & ",
              "l'autorisation de faire des études, ou toute autre variente. "),
        block("au second, pour rappeler nos précédentes demandes de Vaumarcus–Yverdon "))
    # An abbreviation's point ends no sentence: the page end stands.
    assert continues(block("Wir haben die Akten, die Briefe, die Rechnungen u. s. w."),
                     block("und alles Übrige erhalten."))


def test_a_line_that_ends_early_ends_its_paragraph_before_a_blank() -> None:
    # `Committee` would have fitted after `new`: the typesetter ended the paragraph there,
    # without a full stop (a heading-like last line, an edition's missing point).
    assert not continues(block("It was a long meeting and we wrote", "to the new"),
                         block("Committee members came to us on Monday."))
    # Even before a lower-case line, when the line is far short of the measure.
    assert not continues(block("It was a long meeting and we wrote to all of them", "to the"),
                         block("members of the new committee, who came."))


def test_a_blank_after_a_sentence_ends_the_paragraph() -> None:
    assert not continues(block("It was over."), block("Nobody came."))


def test_short_lines_that_stand_alone_are_not_continued() -> None:
    assert not continues(block("Dear friend,"), block("Your letter came."))
    assert not continues(block("The Congress"), block("It opened in May."))


def test_paragraphs_put_the_page_break_where_the_page_starts() -> None:
    blocks = split_blocks(lines_of("One line of the\n\nsecond page.\n\nA new paragraph.\n"))
    units = paragraphs(blocks, "t.txt")
    assert len(units) == 2
    kinds = [type(n).__name__ for n in units[0].inlines]
    assert kinds == ["Text", "PageBreak", "Text"]
    brk = units[0].inlines[1]
    assert isinstance(brk, PageBreak) and brk.loc.line == 3


def test_a_known_page_start_before_a_paragraph_becomes_its_page_break() -> None:
    blocks = split_blocks(lines_of("It ended.\n\nIt began.\n"), frozenset({2}))
    units = paragraphs(blocks, "t.txt")
    assert units[0].page_break is None
    assert units[1].page_break is not None and units[1].page_break.loc.line == 3


def test_notes_are_cut_by_the_expected_label_only() -> None:
    text = "7 First note, written in\n1936 and later.\n8Second note.\n\n10 still the second.\n"
    groups = group_notes(lines_of(text))
    assert [[line.number for line in g if line.content] for g in groups] == [[1, 2], [3, 5]]


def test_a_label_glued_to_a_number_that_opens_its_note_is_cut_off() -> None:
    # Note 1 opens with a date (`4. 1919`), note 7 with `8. 1893`; a line of note 1 that
    # opens with `25` stays in it, since note 2's own line comes later.
    text = ("14. 1919 appeared as a private print, reviewed after\n25 days.\n"
            "2 The second note.\n3Back in Vienna on 24. 3.\n")
    notes = notes_of(lines_of(text), "t.txt", NoteSpec("foot", "authorial"), set())
    assert [(n.label, inline_text(n.blocks[0].inlines)) for n in notes] == [
        ("1", "4. 1919 appeared as a private print, reviewed after 25 days."),
        ("2", "The second note."), ("3", "Back in Vienna on 24. 3.")]
    # A label set off from its note's words is the whole run of digits, even when a line
    # of the note opens with the next digit (`31. Mai 1862)` in note 223).
    notes = notes_of(lines_of("223. Latin was taught by Karl Hoppe (*\n31. Mai 1862), who "
                              "also taught history.\n"), "t.txt",
                     NoteSpec("end", "editorial"), set())
    assert [n.label for n in notes] == ["223"]
    groups = group_notes(lines_of("6 A quotation.\n78. 1893 and 16. 8. 1893.\n8 A road.\n"))
    assert [[line.content for line in g] for g in groups] == [
        ["6 A quotation."], ["78. 1893 and 16. 8. 1893."], ["8 A road."]]


def test_a_note_keeps_its_paragraphs_and_page_breaks() -> None:
    text = "3 A note that goes\n\non after a page end.\n\nA second paragraph.\n4 Next.\n"
    notes = notes_of(lines_of(text), "t.txt", NoteSpec("end", "editorial"), set())
    assert [(n.id, n.label, len(n.blocks), n.type, n.place) for n in notes] == [
        ("n3", "3", 2, "editorial", "end"), ("n4", "4", 1, "editorial", "end")]
    assert any(isinstance(x, PageBreak) for x in notes[0].blocks[0].inlines)


def _note(label: str) -> Note:
    loc = source.from_text("x").loc(1)
    return Note(f"n{label}", label, (Paragraph((Text("x", loc),), loc),), loc)


def _units(text: str) -> list[Unit]:
    return paragraphs(split_blocks(lines_of(text)), "t.txt")


def test_a_leading_note_without_marker_comments_the_whole_text() -> None:
    reporter = Reporter()
    notes = [_note("20"), _note("21"), _note("22")]
    marked = mark_whole_text_notes(notes, _units("First word21 and second22.\n"),
                                   MarkerStyle(bracketed=False), reporter)
    assert [n.cited for n in marked] == [False, True, True]
    assert [(d.severity, d.code) for d in reporter] == [(Severity.INFO, "notes.whole-text")]


def test_a_note_whose_marker_comes_first_stays_cited() -> None:
    reporter = Reporter()
    notes = [_note("20"), _note("21")]
    marked = mark_whole_text_notes(notes, _units("A word20 then another21.\n"),
                                   MarkerStyle(bracketed=False), reporter)
    assert [n.cited for n in marked] == [True, True] and len(reporter) == 0


def test_fixtures_are_sniffed_to_their_reader() -> None:
    for case in sorted(FIXTURES.glob("*/*.txt")):
        if case.name.endswith(".model.txt"):
            continue
        assert readers.sniff(source.read(case, case.name)).name == case.parent.name


def test_an_ordinal_opening_a_paragraph_is_no_endnote_label() -> None:
    """`2dly, …` / `3dly, …` go on counting the writer's points, not endnotes."""
    lines = lines_of("First, the Bills were never a Tender, as the Act of 1739 says in its\n"
                     "Article 2 of the Province Laws.\n\n"
                     "2dly, It was not the Merchants who gave the Notes a Currency.\n\n"
                     "3dly, Too great a Proportion of our Men going to Sea.\n")
    assert trailing_notes_start(lines, MarkerStyle(bracketed=False)) is None


def test_a_name_alone_after_a_blank_signs_rather_than_going_on_over_a_page_end() -> None:
    last = block("you & the little boy, of whom I am very proud. With renewed thanks I am dear",
                 "Mr Whitman one of your sincerest and most faithful friends and admirers",
                 start=34)
    assert not continues(last, block("Helena de Kay Gilder", start=37))
    assert continues(last, block("Helena de Kay Gilder and the children, who send their love.",
                                 "We are both most obliged to you for the book.", start=37))

