"""Markers linked to their notes where the notes' order and the markers' order part (#12)."""

from __future__ import annotations

from pathlib import Path

from letter_reading import marker_refs, read_letter

from teipipe.model import inline_text
from teipipe.walk import iter_inline_runs


def _pieces(first: str, second: str, third: str) -> str:
    return ("Lieber Paul!\n\nDein lieber Geburtstagsbrief" + first + " hat mich sehr erfreut."
            "\n\nHabe Dank für Deine Karte" + second + ", sie kam gestern.\n\n"
            "Mama läßt fragen, ob Du eine Pekesche" + third + " brauchst.\n\nDeine Mutter\n\n")


def test_bracketed_markers_out_of_the_notes_order_are_linked_where_they_stand(
        tmp_path: Path) -> None:
    text = (_pieces("[1]", "[3]", "[2]")
            + "\n1. Der Brief liegt nicht vor.\n\n2. Eine verschnürte Jacke.\n\n"
              "3. Die Karte liegt nicht vor.\n")
    doc, reporter = read_letter(tmp_path, text, "web-archive")
    assert marker_refs(doc) == [("Geburtstagsbrief", "n1"), ("Karte", "n3"), ("Pekesche", "n2")]
    assert all(note.cited for note in doc.notes)
    assert not [d for d in reporter if d.code.startswith("notes.")]


def test_glued_markers_out_of_the_notes_order_are_linked_where_they_stand(
        tmp_path: Path) -> None:
    text = (_pieces("1", "3", "2").replace("\n\n", " \n\n")
            + "                              \n1 Der Brief liegt nicht vor. \n"
              "2 Eine verschnürte Jacke. \n3 Die Karte liegt nicht vor. \n")
    doc, _ = read_letter(tmp_path, text, "pdf-text")
    assert sorted(marker_refs(doc)) == [("Geburtstagsbrief", "n1"), ("Karte", "n3"),
                                  ("Pekesche", "n2")]


def test_numbered_lines_of_the_letter_before_its_endnotes_stay_in_the_letter(
        tmp_path: Path) -> None:
    # Titles the writer numbers after signing (`1) …`, `1. …`) are not the notes `1.` … `2.`.
    text = ("Lieber Herr Tillich!\n\nDie Arbeit sei zu philosophisch.[1] Die Referenten[2] "
            "haben es gesagt.\n\nMit bestem Gruss Ihr\n\nW. Lütgert\n\n"
            "1) Das Übernatürliche, 2) Die Dialektik des Supranaturalismus.\n\n"
            "1. Die Begriffsbildung, 2. Die logischen Probleme.\n\n\n"
            "1. Für die Gutachten vgl. Neugebauer.\n\n2. Begutachtet von Kattenbusch.\n")
    doc, reporter = read_letter(tmp_path, text, "web-archive")
    assert [(n.label, inline_text(n.blocks[0].inlines)) for n in doc.notes] == [
        ("1", "Für die Gutachten vgl. Neugebauer."), ("2", "Begutachtet von Kattenbusch.")]
    assert marker_refs(doc) == [("philosophisch.", "n1"), ("Referenten", "n2")]
    kept = " ".join(inline_text(run) for run in iter_inline_runs(doc))
    assert "Das Übernatürliche" in kept and "Die Begriffsbildung" in kept
    assert not [d for d in reporter if d.code == "notes.unreferenced"]


def test_markers_glued_to_a_year_inside_a_hyphenation_and_high_labels_set_off(
        tmp_path: Path) -> None:
    # `Apl. 11-18961.`: note 1 after a year; `his re- 2 port`: note 2 between the halves of
    # a hyphenated word; `the North 193 Platte` in a book's endnote numbering.
    text = ("Dear Beck, \n\nPhiladelphia Pa Apl. 11-18961. \n\nI will talk with him, and with "
            "his re- 2 port I may be able to raise the money. \n\nW. F. Cody \n\n"
            "                                        \n1 The year is not inscribed. \n"
            "2 The engineer's report. \n")
    doc, _ = read_letter(tmp_path, text, "pdf-text")
    assert [(n.label, n.cited) for n in doc.notes] == [("1", True), ("2", True)]
    assert marker_refs(doc) == [("11-1896", "n1"), ("re-", "n2")]
    text = ("Dear Julia.\nIf I give her all the North 193 Platte property she will take it. And "
            "I will\ngive up my waterright 194 and segregation.\nBrother\n\nNotes\n\n"
            "193 The Queens Hotel.\n\n194 The Queens Hotel.\n")
    doc, _ = read_letter(tmp_path, text, "book-ocr")
    assert marker_refs(doc) == [("North", "n193"), ("waterright", "n194")]


def test_a_number_before_a_month_is_a_day_and_before_a_word_like_one_a_marker() -> None:
    from teipipe.diagnostics import Location
    from teipipe.model import Note, Paragraph
    from teipipe.readers.markers import align

    def note(label: str) -> Note:
        return Note(f"n{label}", label, (Paragraph((), Location("x")),), Location("x"))

    texts = [("am 6 Mai kam er; ich hätte ihn an dessen Spitze stellen dürfen. 6 Jener "
              "Techniker", "")]
    chosen = align(texts, [note("6")])
    assert texts[0][0][: chosen["n6"].start].endswith("stellen dürfen. ")


def test_a_marker_between_a_comma_and_the_next_word_lost_its_space(tmp_path: Path) -> None:
    # An Evans-TCP sermon's dedication as PDF text: `Servant,1the` (the space after the
    # superscript lost in extraction).
    text = ("As we were seasonably taught from I Chron 29.18 by a message in the mouth of \n"
            "his Servant,1the same Day when the following Discourse was delivered. \n\n"
            "I am Your Affectionate Pastor, Eliphalet Adams. \n\n"
            "                                                    \n"
            "1 The Rev'd Mr. WILLIAM WILLIAMS of Weston. \n")
    doc, _ = read_letter(tmp_path, text, "pdf-text")
    assert marker_refs(doc) == [("Servant,", "n1")]


def test_numbers_of_bible_references_give_way_to_markers(tmp_path: Path) -> None:
    # Evans-TCP tracts as PDF text: a glued marker early (`F—'s1`, `seal2`) and later
    # the same digits in a chapter and verse (`John 15.1`, `Levit. 12.2.3.`); a marker
    # at a line's start (`Refuge. \n3 And`) and later a roman chapter (`Acts iv. 3`).
    text = ("DEAR SIR, \n\nYour piece, occasioned by his late answer to Mr. F—'s1 letter, \n"
            "has confirmed me. You hold circumcision as the seal2 of the covenant of works. \n"
            "Whose Death only could deliver those that were fled to the Cities of Refuge. \n"
            "3 And that these Priests were their ordinary Judges. \n\n"
            "This grafting, if we compare it with John 15.1—6. is into Christ by faith, \n"
            "because their mothers were unclean seven days, Levit. 12.2.3. And it is told, \n"
            "Acts iv. 3 that Five Thousand believed. \n\nYour humble servant, \nJ. S. \n\n"
            "                                        \n"
            "1 Mr. Frothingham. \n2 Here note my 53. page. \n3 Num. xxxv. 25, 28. \n")
    doc, _ = read_letter(tmp_path, text, "pdf-text")
    assert marker_refs(doc) == [("F—'s", "n1"), ("seal", "n2"), ("Refuge.", "n3")]


def test_an_endnote_whose_marker_lost_its_space_in_ocr_ends_the_letter(
        tmp_path: Path) -> None:
    # The same Evans-TCP dedication as OCR of a book: a high note number glued to the
    # words on both sides (`Servant,120the`), its note after the closing, no heading.
    text = ("As we were seasonably taught from, I Chron 29.18 by a message in the\n"
            "mouth of his Servant,120the same Day when the following Discourse was delivered;\n"
            "And may we all of us give diligence that we may be found of him in peace.\n\n"
            "I am Your Affectionate Pastor, Eliphalet Adams.\n\n"
            "120 The Rev'd Mr. WILLIAM WILLIAMS of Weston.\n")
    doc, _ = read_letter(tmp_path, text, "book-ocr")
    assert [note.label for note in doc.notes] == ["120"]
    assert marker_refs(doc) == [("Servant,", "n120")]


def test_a_marker_glued_to_a_day_and_month_or_short_year_is_linked(tmp_path: Path) -> None:
    # Cody telegrams: `Philadelphia 5/12151` (May 12, note 151), `Apl 19-962` ('96, note 2).
    text = ("Number Sent By Rec'd by Check pd150\n\nReceived at Cody 5/13 190\n\n"
            "Dated Philadelphia 5/12151\n\nTo Geo T Beck\n\n"
            "Kelsey wires when can he have balance- Answer Philadelphia.\n\nW F Cody.\n\n"
            "NOTES\n\n150 Telegram is handwritten by clerk.\n\n"
            "151 The year is not inscribed by Cody but is 1902.\n")
    doc, _ = read_letter(tmp_path, text, "book-ocr")
    assert marker_refs(doc) == [("pd", "n150"), ("5/12", "n151")]
    text = ("Received at Cor. Jackson St. and pacific Ave., Chicago \n\n"
            "62 P YX AZ 9 Paid.1 788 \n\nPhiladelphia Pa Apl 19-962 \n\n"
            "Geo T Beck, Annex Auditorium, Hotel. Chicago Ills. \n\n"
            "Wire cunningham at once to get his settlers ready. \n\nW.F.Cody. \n\n"
            "___________________\n1 Telegram is handwritten by clerk. \n"
            "2 Buffalo Bill's Wild West opened the 1896 season in Philadelphia. \n")
    doc, _ = read_letter(tmp_path, text, "pdf-text")
    assert marker_refs(doc) == [("Paid.", "n1"), ("19-96", "n2")]
