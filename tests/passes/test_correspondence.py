"""The correspondence pass: sender, addressee, date and place read in letters of five languages.

Each fixture is a letter as a new user brings it, without a sidecar; the
assertions are on the header's fields, and the TEI must be valid.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from teipipe import pipeline
from teipipe.diagnostics import Severity
from teipipe.language.identify import guess
from teipipe.model import CorrespAction, Document
from teipipe.passes.correspondence import Reading, read_correspondence
from teipipe.project.register import Register
from teipipe.source import Source, from_text, read

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "letters"


def _convert(name: str) -> pipeline.Converted:
    path = FIXTURES / name
    return pipeline.convert_source(read(path, name), Register(()), None)


def _reading(src: Source) -> Reading:
    """What the metadata pass reads of a text converted without a sidecar."""
    doc = pipeline.convert_source(src, Register(()), None).document
    assert doc is not None
    return read_correspondence(doc, src.lines)


def _names(action: CorrespAction | None) -> list[str]:
    return [p.name for p in action.parties] if action else []


def _meta(result: pipeline.Converted) -> Document:
    assert result.document is not None
    return result.document


@pytest.mark.parametrize(("name", "language", "sender", "recipient", "when", "place"), [
    ("de-address-closing-date.txt", "de", "Johann Konrad Escher", "Karl von Stein",
     "1829-06-27", "Bischofzell"),
    ("en-title-salutation.txt", "en", "Victor Serge", "Leon trotsky", None, None),
    ("en-two-digit-year.txt", "en", "John Bell", "Cody", "1895-07-02", "Lowell. Mass"),
    ("fr-closing-dateline.txt", "fr", "Charles d'Espeville", "Louis du Tillet",
     "1538-07-10", "Strasbourg"),
    ("fr-title-is-not-a-place.txt", "fr", "Victor Serge", "Marguerite Rosmer",
     "1936-09-27", None),
    ("it-dateline-salutation.txt", "it", "Giuseppe Verdi", "Giovanni", "1870-03-03",
     "Firenze"),
    ("es-dateline-signature.txt", "es", "Miguel de Unamuno", None, "1902-05-04", "Madrid"),
])
def test_letters_state_their_correspondence(name: str, language: str, sender: str,
                                            recipient: str | None, when: str | None,
                                            place: str | None) -> None:
    result = _convert(name)
    meta = _meta(result).meta
    assert meta.language == language
    assert _names(meta.sent) == [sender]
    assert _names(meta.received) == ([recipient] if recipient else [])
    assert meta.sent is not None
    assert (meta.sent.date.when if meta.sent.date else None) == when
    assert (meta.sent.place.name if meta.sent.place else None) == place
    assert not [d for d in result.diagnostics if d.severity is Severity.ERROR]


def test_each_value_keeps_the_line_it_was_read_from() -> None:
    path = FIXTURES / "fr-closing-dateline.txt"
    reading = _reading(read(path, path.name))
    assert reading.date is not None and reading.place is not None
    assert reading.date.line == "De Strasbourg, ce 10 de juillet (1538)."
    assert reading.date.loc.line == 7 and reading.date.how == "date line"
    assert reading.recipient is not None and reading.recipient.loc.line == 1
    assert reading.recipient.how == "address"
    assert reading.sender is not None and reading.sender.line == "Charles d'Espeville."


def test_a_title_line_gives_place_and_date_after_the_names() -> None:
    text = ("Alberto Pacini a Angiolo Pacini, Selvatelle, 23 maggio 1944\n\nCari genitori,\n\n"
            "vi scrivo per dirvi che sto bene e che il pacco è arrivato intatto, con tutte le "
            "cose che la mamma aveva preparato per me con tanta cura.\n\nVostro Alberto\n")
    reading = _reading(from_text(text, "pacini.txt"))
    assert reading.date is not None and reading.place is not None
    assert (reading.date.value, reading.date.cert, reading.date.how) == (
        "1944-05-23", "high", "title line")
    assert reading.place.value == "Selvatelle"
    assert reading.sender is not None and reading.recipient is not None
    assert (reading.sender.value, reading.recipient.value) == ("Alberto Pacini",
                                                               "Angiolo Pacini")


def test_an_undated_unaddressed_letter_says_so_and_is_valid() -> None:
    result = _convert("undated-unaddressed.txt")
    codes = {d.code for d in result.diagnostics if d.severity is Severity.WARNING}
    assert {"letter.undated", "letter.no-addressee"} <= codes
    assert result.tei is not None
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    root = result.tei.tree.getroot()
    date = root.find(".//t:correspAction[@type='sent']/t:date", ns)
    assert date is not None and date.get("type") == "unknown" and date.text == "undated"
    received = root.find(".//t:correspAction[@type='received']/t:persName", ns)
    assert received is not None and received.get("type") == "unknown"


@pytest.mark.parametrize(("text", "language"), [
    ("Ich habe Ihren Brief erhalten und danke Ihnen sehr, dass Sie an mich gedacht haben.",
     "de"),
    ("Ho ricevuto la tua lettera e ti ringrazio molto per le notizie che mi dai.", "it"),
    ("He recibido su carta y le agradezco mucho las noticias que me da de los amigos.", "es"),
    ("J'ai reçu votre lettre et je vous remercie des nouvelles que vous me donnez.", "fr"),
    ("I have received your letter and thank you for the news that you give me.", "en"),
])
def test_language_is_one_of_five(text: str, language: str) -> None:
    assert guess(text) == language


def test_a_two_digit_year_without_a_year_in_full_is_read_with_low_certainty() -> None:
    text = ("Mein lieber Freund!\n\nIch danke dir für Deine Mittheilungen von gestern, die mich "
            "sehr gefreut haben, und schicke Dir die Entwürfe zurück.\n\nDein\n\n"
            "Bern 19. XI. 50\n\nA Escher\n")
    reading = _reading(from_text(text, "escher.txt"))
    assert reading.date is not None and reading.place is not None
    assert (reading.date.value, reading.date.cert, reading.place.value) == (
        "1850-11-19", "low", "Bern")
    assert reading.sender is not None and reading.sender.value == "A Escher"


def test_a_date_line_on_the_last_page_after_the_foot_notes_is_read() -> None:
    # A Suriano dispatch as PDF text: the foot notes of the page before, then the
    # closing date line and signature on the last page.
    text = ("Serenissimo Principe\n\n"
            "Ho ricevuta colla solita mia riverenza l’informatione che l’Eccellenze loro "
            "illustrissime si sono compiaciute di darmi di quanto è stato negotiato a "
            "proposito del passo, et dell’aleanza in Grisoni.\n\n"
            "di vostra Serenità humilissimo, et devotissimo servitore\n\n"
            "____________________\n"
            "10\"m-\" corrected above \"ch-.\"\n"
            "11Added above the line with an insertion mark.\n\n\n"
            "Dall’Haya a’ 14 genaro 1617\n"
            "Christofforo Suriano\n")
    reading = _reading(from_text(text, "suriano.txt"))
    assert reading.date is not None and reading.place is not None
    assert (reading.date.value, reading.place.value) == ("1617-01-14", "Haya")
    assert reading.date.loc.line == 12


@pytest.mark.parametrize(("text", "when", "place"), [
    # Real first lines of Escher's and Schnitzler's letters, the date line itself.
    ("Florenz, 2 Dec. 65.\nHerrn Dr A. Escher.\n", "1865-12-02", "Florenz"),
    ("Brüssel, 4. August.\nMein lieber Arthur!\n", None, "Brüssel"),
    ("328 Mickle Street Camden New Jersey June 14 '87\n\nDear S E C\n", "1887-06-14",
     "328 Mickle Street Camden New Jersey"),
])
def test_a_first_line_naming_no_parties_may_be_the_date_line(text: str, when: str | None,
                                                             place: str) -> None:
    body = "Ich schreibe Ihnen heute nur wenige Worte, da die Post gleich abgeht.\n"
    reading = _reading(from_text(text + "\n" + body, "first.txt"))
    assert (reading.date.value if reading.date else None) == when
    assert reading.place is not None and reading.place.value == place


def test_a_date_line_run_on_with_its_addressee_is_read() -> None:
    # A Whitman correspondent's head as a flattened text gives it: date line and addressee.
    text = ("Cohoctah, Michigan, March 10, 1863 Mr. Whitman\n\nDear Sir\n\n"
            "I am seated in an easy chair pen in hand trying to scribble a few lines to you.\n")
    reading = _reading(from_text(text, "head.txt"))
    assert reading.date is not None and reading.place is not None
    assert (reading.date.value, reading.place.value) == ("1863-03-10", "Cohoctah, Michigan")


def test_a_note_dated_by_its_weekday_names_its_place_with_low_certainty() -> None:
    text = ("Pete, dear son, I am not sinking nor getting worse, and I think now I am even "
            "getting better, it is slow, and with great alternations.\n\n"
            "Good bye, my dear loving boy.\n\nCamden Thursday evening\n\nWalt.\n")
    reading = _reading(from_text(text, "note.txt"))
    assert reading.date is None
    assert reading.place is not None
    assert (reading.place.value, reading.place.cert) == ("Camden", "low")


def test_an_address_run_on_before_the_salutation_names_the_recipient() -> None:
    text = ("Pine Ridge Agency, July 9, 1899.\n\n"
            "The Honorable Commissioner of Indian Affairs, Washington, D. C. Sir:\n\n"
            "I have the honor to request that the following may be brought to the attention "
            "of the Honorable Secretary of the Interior.\n\nVery respectfully,\n\nW. H. Clapp\n")
    reading = _reading(from_text(text, "agency.txt"))
    assert reading.recipient is not None
    assert reading.recipient.value == "Commissioner of Indian Affairs"


@pytest.mark.parametrize(("text", "year"), [
    # Cody's letters as the edition titles them: the year alone after the names or below.
    ("Letter from William F. Cody to John H. Tait, 1916\n\nJohn\n\n", "1916"),
    ("William F. Cody to Everett E. Arbuckle\n\n1911\n\nBuck\n\n", "1911"),
])
def test_a_year_alone_at_the_head_dates_the_letter(text: str, year: str) -> None:
    body = ("My Children at Cody are getting up an illustrated folder of my dear old Home "
            "Ranch, no man ever looked on a prettier place.\n\nBill\n")
    reading = _reading(from_text(text + body, "year.txt"))
    assert reading.date is not None and reading.date.value == year


def test_a_closing_line_of_street_and_weekday_names_the_place() -> None:
    # The line starts with a house number, as a foot note does; it is a date line.
    text = ("Dear Mrs. Johnston,\n\nThis is the queer little book, perhaps you may remember "
            "I spoke about some weeks since. It is odd in form.\n\n"
            "431 Stevens st. Thursday afternoon 1 2 past 2.\n\nWalt Whitman\n")
    reading = _reading(from_text(text, "street.txt"))
    assert reading.place is not None and reading.place.value == "431 Stevens st."
