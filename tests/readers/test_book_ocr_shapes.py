"""Letters in the shape of an OCR'd book (lines wrapped at the printed measure, closing
lines set without blank lines between them, numbered paragraphs) read by the book-ocr
reader. The letters are written for these tests in the shapes of real editions' books."""

from __future__ import annotations

from pathlib import Path

import pytest
from letter_reading import body_blocks, closer_parts, read_letter

from teipipe.model import Closer, PageBreak, Paragraph, inline_text
from teipipe.readers.blocks import Line
from teipipe.readers.page_period import page_starts
from teipipe.readers.wrapped_notes import group_notes

_BODY = (
    "Um die Post nicht zu versäumen, beschränke ich mich auf diese Anfrage. Ueber die "
    "Geschäfte werde ich\ndir wahrscheinlich am nächsten Montag schreiben, da deine gute "
    "Mutter Sonntags eine bereits gestern\nbegonnene Unterredung mit mir fortzusetzen "
    "beabsichtigt und zu wünschen scheint, daß ich dir schreibe.\n")


@pytest.mark.parametrize(("tail", "parts"), [
    ("Die herzlichsten Grüsse an Dich, mein guter Freund, mit der Bitte, Dich zu schonen. "
     "Grüsse an die Herren P. K. u. Gr. Stets Dein\nZürich 19. März 1857.\nE.\n",
     ["salute", "dateline", "signed"]),
    ("Grüsse Deine liebe Frau herzlichst und sei selbst herzlichst von uns beiden gegrüsst! "
     "Dein alter\nHermann\n", ["salute", "signed"]),
    ("Meine herzlichen Grüße an Sie und Ihre Frau. Mit Dank für vergangene und kommende "
     "Bemühungen in meiner Sache! Ihr\nP. Tillich\n", ["salute", "signed"]),
])
def test_a_closing_sentence_ending_in_the_formula_above_the_name_closes(
        tmp_path: Path, tail: str, parts: list[str]) -> None:
    doc = read_letter(tmp_path, f"Mein bester Freund!\n{_BODY}\n{tail}", "book-ocr")[0]
    blocks = [b for b in body_blocks(doc) if isinstance(b, Paragraph | Closer)]
    assert [type(b) for b in blocks] == [Paragraph, Closer]
    assert [kind for kind, _ in closer_parts(doc)] == parts


@pytest.mark.parametrize("opening", [
    "2dly, It was not the Merchants, but the Officers of the Government, who gave the Treasury",
    "4thly, Regiments of veteran Officers resigning rather than obey the Proclamations, is a",
    "2e partie, que nous avons reçue hier, sur les concessions du canton de Vaud",
    "2º Que la carta llegó tarde por causa de la guerra",
    "2o luogo, che la lettera è arrivata tardi", "2ten Punkt: die Rechnung ist bezahlt",
])
def test_a_paragraph_opening_with_an_ordinal_opens_no_endnote(opening: str) -> None:
    assert group_notes([Line(1, opening)]) == []


@pytest.mark.parametrize("opening", ["295 Cody refers to an elaborate fireplace",
                                     "12Die Korrespondenz liegt nicht vor.", "3) Vgl. Brief 12"])
def test_an_endnote_label_glued_or_set_off_still_opens_a_note(opening: str) -> None:
    assert len(group_notes([Line(1, opening)])) == 1


_FULL = ("und die Gesellschaft hat in ihrer letzten Sitzung beschlossen, die Arbeiten am Bau "
         "weiterzuführen")


def _paged(lines: list[str], page: int = 44) -> str:
    """The lines as a book's OCR gives them: a blank line where each page ends."""
    out: list[str] = []
    for count, line in enumerate(lines, start=1):
        out.append(line)
        if count % page == 0 and line:
            out.append("")
    return "\n".join(out) + "\n"


def test_a_blank_run_off_the_page_period_ends_a_paragraph_without_a_full_stop(
        tmp_path: Path) -> None:
    # Pages of 44 lines end inside sentences (the next line goes on in lower case);
    # the first paragraph ends, unpunctuated, where no page ends.
    lines = (["Lieber Freund!"]
             + [_FULL.capitalize()] + [_FULL] * 29 + [""]
             + ["Wie" + _FULL[3:]] + [_FULL] * 59 + [""]
             + ["Daß" + _FULL[3:]] + [_FULL] * 38 + ["und bald fertig sein wird."]
             + ["", "Dein", "Hans"])
    doc = read_letter(tmp_path, _paged(lines), "book-ocr")[0]
    paragraphs = [b for b in body_blocks(doc) if isinstance(b, Paragraph)]
    assert [inline_text(p.inlines).split()[:2] for p in paragraphs] == [
        ["Und", "die"], ["Wie", "die"], ["Daß", "die"]]


def test_the_page_period_puts_page_ends_where_they_are_due_not_where_a_paragraph_ends() -> None:
    certain = [46, 91, 99, 136, 181]
    blanks = [20, 46, 60, 91, 99, 120, 136, 160, 181, 200]
    starts = page_starts(certain, blanks, 220)
    assert {46, 91, 136, 181} <= starts
    assert not {20, 60, 99, 120, 160} & starts


@pytest.mark.parametrize("folio", ["24", "— 24 —", "[24]", "- 24 -"])
def test_a_page_number_inside_a_sentence_is_the_page_break_s_number(
        tmp_path: Path, folio: str) -> None:
    text = ("Lieber Freund!\n" + "\n".join(["Die" + _FULL[3:]] + [_FULL] * 20)
            + f"\n\n{folio}\n\n" + "\n".join([_FULL] * 10) + " bald.\n\nDein\nHans\n")
    doc = read_letter(tmp_path, text, "book-ocr")[0]
    paragraphs = [b for b in body_blocks(doc) if isinstance(b, Paragraph)]
    assert len(paragraphs) == 1
    breaks = [node for node in paragraphs[0].inlines if isinstance(node, PageBreak)]
    assert [(b.n, b.cert) for b in breaks] == [("24", None)]
    assert [(n.code, n.removed_text) for n in doc.normalisations
            if n.code == "page-furniture.removed"] == [("page-furniture.removed", folio)]


def test_numbers_among_the_lines_of_an_envelope_are_no_page_numbers(tmp_path: Path) -> None:
    text = ("Dear Mollie,\nI must now close so many bothering me—\n\nNew Or L\n\nMA\n\n830"
            "\n\n18\n\nMiss Mollie\n\nMorganfield\n")
    doc = read_letter(tmp_path, text, "book-ocr")[0]
    assert not [n for n in doc.normalisations if n.code == "page-furniture.removed"]


def test_a_running_head_between_pages_is_taken_out_with_its_page_number(tmp_path: Path) -> None:
    page = [_FULL] * 20
    text = ("Lieber Freund!\n" + "\n".join(["Die" + _FULL[3:]] + page)
            + "\n\n24 BRIEFE AN ALFRED ESCHER\n\n" + "\n".join(page)
            + "\n\nBRIEFE AN ALFRED ESCHER 25\n\n" + "\n".join(page[:5])
            + " bald.\n\nDein\nHans\n")
    doc = read_letter(tmp_path, text, "book-ocr")[0]
    paragraphs = [b for b in body_blocks(doc) if isinstance(b, Paragraph)]
    assert len(paragraphs) == 1
    assert "BRIEFE" not in inline_text(paragraphs[0].inlines)
    breaks = [node for node in paragraphs[0].inlines if isinstance(node, PageBreak)]
    assert [b.n for b in breaks] == ["24", "25"]


def test_a_double_blank_run_where_a_page_ends_also_ends_the_paragraph(tmp_path: Path) -> None:
    # Pages of 45 lines, known from three page ends inside sentences; at the fourth,
    # the paragraph ends on a full line too: the page's blank line and the paragraph's.
    page = [_FULL] * 44
    lines = (["Lieber Freund!"] + ["Die" + _FULL[3:]] + [_FULL] * 42 + [""]
             + page + [""] + page + [""] + page[:42] + [_FULL + "."] + ["", ""]
             + ["Daß" + _FULL[3:]] + [_FULL] * 10 + ["und bald fertig sein wird.", "",
                                                   "Dein", "Hans"])
    doc = read_letter(tmp_path, "\n".join(lines) + "\n", "book-ocr")[0]
    paragraphs = [b for b in body_blocks(doc) if isinstance(b, Paragraph)]
    assert [inline_text(p.inlines).split()[0] for p in paragraphs] == ["Die", "Daß"]
