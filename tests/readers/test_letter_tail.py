"""The end of a letter read from its last closing formula: whatever short line stands under
the formula signs it, a dateline may stand on either side of that line, and paragraphs after
the signature are an unmarked postscript. The letters are written for these tests in the
shapes of real editions' letters."""

from __future__ import annotations

from pathlib import Path

import pytest
from letter_reading import read_letter

from teipipe.model import (
    Closer,
    Dateline,
    Division,
    Document,
    Paragraph,
    Postscript,
    Salute,
    Signed,
)
from teipipe.model import inline_text as text_of
from teipipe.readers import rules
from teipipe.readers.closing_dates import closing_dateline

BODY = ("Ihr Schreiben vom letzten Monat habe ich mit Dank erhalten und die Sache sogleich dem "
        "Rathe vorgelegt, der sie in seiner nächsten Sitzung behandeln wird.")


def _blocks(doc: Document) -> list[object]:
    blocks: list[object] = []
    for block in doc.body:
        blocks.extend(block.blocks if isinstance(block, Division) else (block,))
    return blocks


def _closer_parts(doc: Document) -> list[tuple[str, str]]:
    closer = next(b for b in _blocks(doc) if isinstance(b, Closer))
    names = {Salute: "salute", Signed: "signed", Dateline: "dateline"}
    return [(names[type(part)], text_of(part.inlines).strip()) for part in closer.parts]


def _kinds(doc: Document) -> list[type]:
    return [type(b) for b in _blocks(doc) if isinstance(b, Paragraph | Closer | Postscript)]


@pytest.mark.parametrize("reader", ["web-archive", "pdf-text"])
def test_an_office_in_lower_case_signs_under_a_closing_formula(
        tmp_path: Path, reader: str) -> None:
    doc = read_letter(tmp_path, f"Hochgeehrter Herr!\n\n{BODY}\n\nMit vollkommenster "
                                f"Hochachtung\n\nder Sekretär des Schulrathes Prof. Meier\n",
                      reader)[0]
    assert _closer_parts(doc) == [("salute", "Mit vollkommenster Hochachtung"),
                                  ("signed", "der Sekretär des Schulrathes Prof. Meier")]
    assert _kinds(doc) == [Paragraph, Closer]


def test_a_signature_with_a_comma_after_the_dateline_and_an_unmarked_postscript(
        tmp_path: Path) -> None:
    doc = read_letter(tmp_path, f"Lieber Freund!\n\n{BODY}\n\nHerzl. Gruß\n\n"
                                "Gießen, d. 4 Mai 05.\n\nDein tr. Kamerad Karl,\n\n"
                                "Die Bücher schicke ich morgen mit der Post.\n")[0]
    assert _closer_parts(doc) == [("salute", "Herzl. Gruß"), ("dateline", "Gießen, d. 4 Mai 05."),
                                  ("signed", "Dein tr. Kamerad Karl,")]
    assert _kinds(doc) == [Paragraph, Closer, Postscript]


def test_a_sentence_under_a_closing_formula_does_not_sign(tmp_path: Path) -> None:
    doc = read_letter(tmp_path, f"Lieber Freund!\n\n{BODY}\n\nHerzliche Grüße an Deine Frau.\n\n"
                                "Das Paket kam gestern hier an.\n")[0]
    assert not any(isinstance(b, Closer) for b in _blocks(doc))


@pytest.mark.parametrize(("line", "dateline"), [
    ("Amsterdam 5/X 04", True), ("Rodaun 6 XI.", True), ("24/XII 98", True),
    ("Louis XIV", False), ("Kapitel 5 I", False),
])
def test_a_closing_dateline_with_the_month_in_roman_numerals(line: str, dateline: bool) -> None:
    assert closing_dateline(line) is dateline


@pytest.mark.parametrize("line", [
    "I am, Sir, Yours, &c.", "I am your most humble Servant", "We have the honour to remain",
    "Je suis, Monsieur, votre très humble", "Ho l'onore di essere suo devotissimo",
    "Mi creda suo devotissimo", "Quedo de Vd. afectísimo", "Ich bin Ihr aufrichtig ergebener",
    "Accept my respects", "Reciba un cordial saludo",
])
def test_the_writer_declaring_himself_yours_closes(line: str) -> None:
    assert rules.is_closing(line)


@pytest.mark.parametrize("line", ["I am going to Boston tomorrow.", "I am with you all",
                                  "Ich bin morgen in Bern."])
def test_a_sentence_in_the_first_person_does_not_close(line: str) -> None:
    assert not rules.is_closing(line)


@pytest.mark.parametrize(("line", "signed"), [
    ("I am, Sir, your most obedient Servant, JOHN CARTER.", "I am, Sir, your most obedient "
                                                           "Servant, JOHN CARTER."),
    ("Accept my respects, DUVAL.", "Accept my respects, DUVAL."),
])
def test_a_formula_with_the_name_after_its_comma_signs(
        tmp_path: Path, line: str, signed: str) -> None:
    doc = read_letter(tmp_path, "Sir,\n\nI have received your letter of the fifth and laid it "
                                f"before the committee, who approve of the plan.\n\n{line}\n")[0]
    assert _closer_parts(doc) == [("signed", signed)]
    assert _kinds(doc) == [Paragraph, Closer]
