"""Letters in the shape of an OCR'd book (lines wrapped at the printed measure, closing
lines set without blank lines between them, numbered paragraphs) read by the book-ocr
reader. The letters are written for these tests in the shapes of real editions' books."""

from __future__ import annotations

from pathlib import Path

import pytest
from letter_reading import body_blocks, closer_parts, read_letter

from teipipe.model import Closer, Paragraph

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
