"""The rules of a letter's end: closing formulas of five languages and their older
spellings, datelines of the closing, signatures, and the shape of a letter's last lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from letter_reading import body_blocks as _blocks
from letter_reading import closer_parts as _closer_parts
from letter_reading import read_letter

from teipipe.model import (
    Division,
    Document,
    Paragraph,
    Postscript,
    inline_text,
)
from teipipe.readers import rules
from teipipe.readers.closing import possessive_signature
from teipipe.readers.closing_dates import closing_dateline


@pytest.mark.parametrize("line", [
    "herzlichst Ihr", "Herzlich", "Von Herzen Ihr", "Mit Freundesgruß Dein", "von Deinem",
    "Stets Dein", "Lebet wohl", "Yours in haste", "Love to all", "With fond Love,",
    "Your friend,", "God bless you", "Affectionately yours",
    "par vostre tres humble et obeissant serviteur,",
    "Priant Dieu, Monsieur, qu'il vous ait en sa tres saincte garde.",
    "Je me recommande humblement à vostre bonne grace.",
    "Vi bacio le mani", "Addio", "Afectuosamente", "Su seguro servidor q. b. s. m.",
])
def test_closing_formulas_in_five_languages_and_older_spellings(line: str) -> None:
    assert rules.is_closing(line)


@pytest.mark.parametrize("line", [
    "That true Love may subsist between you and your Brothers the English, is my Wish.",
    "I write in haste and ask your indulgence for the form.",
    "I would love to see the new house in the spring.",
    "We went to the theatre, and afterwards we talked of the new play until late at night. "
    "The next morning the servant brought your letter, and I read it twice over.",
])
def test_sentences_with_a_formula_word_are_no_closings(line: str) -> None:
    assert not rules.is_closing(line)


@pytest.mark.parametrize(("line", "dateline"), [
    ("Donnerstag", True), ("Montag abend", True), ("Sunday morning.", True),
    ("Escript à Lyon le xiie jour de mars.", True), ("Fait à Paris, ce 3 mai.", True),
    ("Given at London this tenth day of May.", True),
    ("De Paris, ce xxiie jour d'octobre,", True),
    ("Donnerstag kommt er wieder zu uns und bleibt bis Sonntag.", False),
    ("Françoys.", False), ("Herzlich Ihr", False),
])
def test_datelines_of_the_closing(line: str, dateline: bool) -> None:
    assert closing_dateline(line) is dateline


def _read(tmp_path: Path, text: str) -> Document:
    return read_letter(tmp_path, text)[0]




BODY = ("Ich weiss nun nicht, wann ich in den nächsten Tagen zu Ihnen kommen kann, und muss "
        "Sie nur etwas fragen. Bitte sagen Sie mir ein Wort.")


def test_a_first_name_after_a_lower_case_closing_signs_and_a_short_line_after_it_is_a_postscript(
        tmp_path: Path) -> None:
    doc = _read(tmp_path, f"Lieber Freund,\n\n{BODY}\n\nherzlichst Ihr\n\nArthur\n\n"
                          "Endlich hab ich die Villa\n")
    assert _closer_parts(doc) == [("salute", "herzlichst Ihr"), ("signed", "Arthur")]
    assert [type(b) for b in _blocks(doc) if isinstance(b, Paragraph | Postscript)] == [
        Paragraph, Postscript]
    assert doc.meta.sent is not None and [p.name for p in doc.meta.sent.parties] == ["Arthur"]


def test_a_sentence_above_a_possessive_closing_stays_in_the_text(tmp_path: Path) -> None:
    doc = _read(tmp_path, f"Lieber Freund,\n\n{BODY}\n\n"
                          "Leben Sie wohl, schreiben Sie mir, und seien Sie herzlichst gegrüßt.\n\n"
                          "Ihr\n\nArthur\n")
    assert _closer_parts(doc) == [("salute", "Ihr"), ("signed", "Arthur")]
    assert sum(isinstance(b, Paragraph) for b in _blocks(doc)) == 2


def test_an_early_modern_closing_with_its_dateline_between_formula_and_name(
        tmp_path: Path) -> None:
    doc = _read(tmp_path, "Monsieur,\n\nJ'ay receu voz lettres et vous en remercie bien fort, "
                          "car elles m'ont apporté grande consolation en ce temps.\n\n"
                          "Priant Dieu, Monsieur, qu'il vous ait en sa tres saincte garde.\n\n"
                          "Escript à Lyon le xiie jour de mars.\n\nFrançoys.\n")
    assert _closer_parts(doc) == [
        ("salute", "Priant Dieu, Monsieur, qu'il vous ait en sa tres saincte garde."),
        ("dateline", "Escript à Lyon le xiie jour de mars."), ("signed", "Françoys.")]


def test_a_name_after_the_last_paragraph_with_a_line_after_it_is_no_heading(
        tmp_path: Path) -> None:
    doc = _read(tmp_path, "Dear Sir,\n\nYours with the order received, thanks. I send you the "
                          "books by Express this morning.\n\nWalt Whitman\n\n"
                          "There are several portraits in the book I send.\n")
    assert _closer_parts(doc) == [("signed", "Walt Whitman")]
    assert not any(isinstance(b, Division) and b.head is not None for b in doc.body)


@pytest.mark.parametrize(("line", "signature"), [
    ("Dein Paul.", True), ("il vostro Berto", True), ("Tua mogliettina Liana", True),
    ("In Liebe Dein Emanuel.", True), ("von Eurem treuen Enkel Paul", True),
    ("Your loving son Will", True), ("Dein getr. Erich H.", True),
    ("Ihr ergebener Diener", False), ("Yours truly", False), ("tuo babbo", False),
    ("Ihr Brief kam gestern an", False),
])
def test_a_signature_may_carry_the_writers_possessive(line: str, signature: bool) -> None:
    assert possessive_signature(line) is signature


def test_a_few_words_above_the_dateline_and_apossessive_signature_close_the_letter(
        tmp_path: Path) -> None:
    doc = _read(tmp_path, f"Lieber Freund,\n\n{BODY}\n\nIn alter Freundschaft\n\n"
                          "d. 11. Jan. 1916\n\nDein Paul.\n")
    assert _closer_parts(doc) == [("salute", "In alter Freundschaft"),
                                  ("dateline", "d. 11. Jan. 1916"), ("signed", "Dein Paul.")]
    assert not any(isinstance(b, Division) and b.head is not None for b in doc.body)


def test_a_line_ending_in_the_possessive_is_no_heading(tmp_path: Path) -> None:
    doc = _read(tmp_path, f"Liebste Hannah!\n\n{BODY}\n\nIch liebe Dich! Dein\n\nPaul\n")
    assert _closer_parts(doc) == [("salute", "Ich liebe Dich! Dein"), ("signed", "Paul")]


def test_a_firm_signs_under_a_closing_formula_and_a_dateline_does_not(tmp_path: Path) -> None:
    doc = _read(tmp_path, f"Sehr verehrter Herr Professor,\n\n{BODY}\n\n"
                          "In vorzüglicher Hochachtung Ihr ergebenster\n\n"
                          "J. C. B. Mohr (Paul Siebeck)\n")
    assert _closer_parts(doc) == [("salute", "In vorzüglicher Hochachtung Ihr ergebenster"),
                                  ("signed", "J. C. B. Mohr (Paul Siebeck)")]
    doc = _read(tmp_path, "Dear George,\n\nGlad to get your letter, and I hope you can meet me "
                          "in Cheyenne next week.\n\nYours truly\n\nFairbury Neb Aug 2d 1902\n\n"
                          "W. F. Cody\n")
    assert _closer_parts(doc) == [
        ("salute", "Yours truly"), ("dateline", "Fairbury Neb Aug 2d 1902"),
        ("signed", "W. F. Cody")]


def test_a_name_after_the_closings_dateline_signs_before_a_postscript(tmp_path: Path) -> None:
    doc = _read(tmp_path, f"Lieber Freund,\n\n{BODY}\n\nDein\n\nd. 11 Juli 1853.\n\nDav. Fries\n\n"
                          "Das Geschenk wird jetzt besorgt.\n")
    assert _closer_parts(doc) == [("salute", "Dein"), ("dateline", "d. 11 Juli 1853."),
                                  ("signed", "Dav. Fries")]
    assert isinstance(_blocks(doc)[-1], Postscript)


def test_a_long_formula_above_a_short_closing_stays_in_the_text(tmp_path: Path) -> None:
    doc = _read(tmp_path, f"Lieber Freund,\n\n{BODY}\n\n"
                          "Leben Sie recht wohl, lieber Freund, und seien Sie herzlichst "
                          "gegrüßt\n\n"
                          "von Ihrem getreuen\n\nEmil\n")
    assert _closer_parts(doc) == [("salute", "von Ihrem getreuen"), ("signed", "Emil")]


def test_a_line_above_a_closing_formula_and_the_name_is_no_heading(tmp_path: Path) -> None:
    doc = _read(tmp_path, "Dear George,\n\nYour telegram just received. You know the necessity of "
                          "getting that canal extended.\n\nIts now up to you—\n\nKind regards\n\n"
                          "W. F. Cody\n")
    assert _closer_parts(doc) == [("salute", "Kind regards"), ("signed", "W. F. Cody")]
    assert not any(isinstance(b, Division) and b.head is not None for b in doc.body)


@pytest.mark.parametrize(("line", "signature"), [
    ("Peyer im Hof", True), ("Ferdinand von Saar.", True), ("Charles d'Espeville.", True),
    ("Endlich hab ich die Villa", False), ("Bitte sag es ihr", False),
])
def test_a_name_holds_no_lower_case_words_but_particles(line: str, signature: bool) -> None:
    assert rules.is_signature(line) is signature


def test_a_weekday_between_closing_and_name_is_the_dateline(tmp_path: Path) -> None:
    doc = _read(tmp_path, f"Lieber Richard,\n\n{BODY}\n\nHerzlich Ihr\n\nDonnerstag\n\nArthur.\n")
    assert _closer_parts(doc) == [("salute", "Herzlich Ihr"), ("dateline", "Donnerstag"),
                                  ("signed", "Arthur.")]


def test_a_name_with_its_office_under_the_closings_dateline_signs(tmp_path: Path) -> None:
    doc = _read(tmp_path, f"Hochgeachteter Herr!\n\n{BODY}\n\nBülach den 28. Februar 1846.\n\n"
                          "J: Kern Sttthltr:\n")
    assert _closer_parts(doc) == [("dateline", "Bülach den 28. Februar 1846."),
                                  ("signed", "J: Kern Sttthltr:")]
    doc = _read(tmp_path, f"Sehr verehrter Herr Professor,\n\n{BODY}\n\n"
                          "In vorzüglicher Hochachtung Ihr ergebenster\n\n"
                          "Tübingen, den 24. November 1924\n\n"
                          "J. C. B. MOHR (Paul Siebeck) p. pa. L. Häberle i. V. W. Obst\n")
    assert _closer_parts(doc) == [
        ("salute", "In vorzüglicher Hochachtung Ihr ergebenster"),
        ("dateline", "Tübingen, den 24. November 1924"),
        ("signed", "J. C. B. MOHR (Paul Siebeck) p. pa. L. Häberle i. V. W. Obst")]


def test_an_address_under_the_closing_is_set_apart_after_the_closer(tmp_path: Path) -> None:
    address = "Herrn Stefan Grossmann Herausgeber des »Tagebuch«, Berlin SW. 19"
    doc = _read(tmp_path, f"Sehr geehrter Herr,\n\n{BODY}\n\n"
                          f"Mit verbindlichen Grüssen Ihr sehr ergebener\n\n7. 11. 1927.\n\n"
                          f"{address}\n")
    assert _closer_parts(doc) == [("salute", "Mit verbindlichen Grüssen Ihr sehr ergebener"),
                                  ("dateline", "7. 11. 1927.")]
    last = _blocks(doc)[-1]
    assert isinstance(last, Postscript)
    assert [inline_text(p.inlines) for p in last.blocks] == [address]
    # The name that signs under the formula is no address, though a title opens it.
    doc = _read(tmp_path, f"Lieber Freund,\n\n{BODY}\n\nIhr ergebener\n\nDr. A. Escher\n")
    assert _closer_parts(doc) == [("salute", "Ihr ergebener"), ("signed", "Dr. A. Escher")]


@pytest.mark.parametrize("line", [
    "Accolga i sentimenti della più distinta mia considerazione.",
    "Reciba el testimonio de mi más distinguida consideración",
])
def test_a_formula_of_respect_may_name_its_sentiments_at_length(line: str) -> None:
    assert rules.is_closing(line)


ENGLISH_BODY = ("Mother, I want to hear about you all, and about George and how he is spending "
                "his time at home; I do hope you are well.")


def test_a_letterhead_with_its_date_between_formula_and_name_is_the_dateline(
        tmp_path: Path) -> None:
    letterhead = ("LIBRARIAN OF CONGRESS COPYRIGHT OFFICE UNITED STATES OF AMERICA Library of "
                  "Congress, Washington, July 21st, 1876")
    doc = _read(tmp_path, f"Dear Sir,\n\n{ENGLISH_BODY}\n\nVery respectfully,\n\n{letterhead}\n\n"
                          "AR Spofford\n")
    assert _closer_parts(doc) == [("salute", "Very respectfully,"), ("dateline", letterhead),
                                  ("signed", "AR Spofford")]


def test_a_first_name_alone_after_the_text_signs_above_an_unmarked_postscript(
        tmp_path: Path) -> None:
    doc = _read(tmp_path, f"Dearest Mother,\n\n{ENGLISH_BODY}\n\nWalt\n\n"
                          "I hope I shall find several letters waiting for me when I get back—\n")
    assert _closer_parts(doc) == [("signed", "Walt")]
    assert isinstance(_blocks(doc)[-1], Postscript)


def test_a_name_handed_over_by_a_particle_signs_above_an_unmarked_postscript(
        tmp_path: Path) -> None:
    doc = _read(tmp_path, "Comtesse\n\nJe crois que depuis quelques jours il est fortement "
                          "question de nous expédier de nouveau à Port Saïd.\n\nEnvoi de\n\n"
                          "A Horel\n\nJe crois que cette maudite Grèce ne m'inspire guère "
                          "confiance.\n")
    assert ("signed", "A Horel") in _closer_parts(doc)
    assert isinstance(_blocks(doc)[-1], Postscript)


@pytest.mark.parametrize(("line", "dateline"), [
    ("Washington Monday forenoon May 23 '64", True), ("Camden Feb: 24 '88— noon", True),
    ("Bonn 14.6.21. nachts.", True), ("Camden June 19 '88 2 ½ PM", True),
    ("Paris, le 3 mars, après-midi", True), ("Firenze 7 marzo, sera", True),
    ("Madrid, 3 de marzo, por la tarde", True),
    ("Ich komme morgen früh", False), ("Good night to all", False),
    ("Heute Abend um 8 Uhr", False),
])
def test_a_closings_dateline_may_write_the_hour(line: str, dateline: bool) -> None:
    assert closing_dateline(line) is dateline


@pytest.mark.parametrize(("line", "closing"), [
    ("I have the honor Sir to remain", True), ("Ich habe die Ehre mich zu zeichnen", True),
    ("Im Namen des Schweizerischen Bundesrathes,", True), ("Au nom du Conseil fédéral,", True),
    ("In nome della Giunta municipale,", True), ("En nombre del Ayuntamiento,", True),
    ("On behalf of the Committee,", True),
    ("In the name of God, Amen.", False), ("Im Namen des Volkes wurde entschieden.", False),
])
def test_formulas_of_honour_and_of_an_office_signing_close_a_letter(
        line: str, closing: bool) -> None:
    assert rules.is_closing(line) is closing


def test_a_given_at_formula_written_out_at_length_is_the_closings_dateline(
        tmp_path: Path) -> None:
    given = ("GIVEN at Williamsburg, under my Hand and the Great-Seal of this Colony, this "
             "Twenty-Third Day of December, One Thousand Seven Hundred and Fifty Five.")
    doc = _read(tmp_path, f"Friends and Brethren,\n\n{ENGLISH_BODY}\n\n{given}\n\n"
                          "ROBERT DINWIDDIE.\n")
    assert _closer_parts(doc) == [("dateline", given), ("signed", "ROBERT DINWIDDIE.")]


@pytest.mark.parametrize(("line", "closing"), [
    ("Baci", True), ("Bacioni", True), ("Gros bisous", True), ("Kisses", True),
    ("Besos", True), ("Bacino di carenaggio", False),
])
def test_kisses_close_a_letter_in_five_languages(line: str, closing: bool) -> None:
    assert rules.is_closing(line) is closing


def test_kisses_above_the_writers_possessive_close_the_letter(tmp_path: Path) -> None:
    doc = _read(tmp_path, "Adorato figlio\n\ntu penserai tanto ai tuoi cari, però ti assicuro "
                          "che noi siamo tutti insieme qui e godiamo buona salute.\n\nBaci\n\n"
                          "tuo babbo\n")
    assert [kind for kind, _ in _closer_parts(doc)][0] == "salute"
    assert not any(isinstance(b, Paragraph) and inline_text(b.inlines) == "Baci"
                   for b in _blocks(doc))


@pytest.mark.parametrize("line", [
    "Thy sincere Friend,", "Thine ever,", "Humblest and sincerest of your Servants,",
    "Dein treuer Freund", "Vos très humbles serviteurs,", "Ton ami dévoué,",
    "I vostri servitori,", "Il tuo affezionato amico,", "Tu amigo que te quiere,",
    "Sus atentos servidores,",
])
def test_closings_in_the_second_person_singular_and_in_the_plural(line: str) -> None:
    # The older English `thy`, Spanish `tu`, and formulas of several servants.
    assert rules.is_closing(line)


def test_a_formula_of_several_servants_and_the_name_close_the_letter(tmp_path: Path) -> None:
    doc = _read(tmp_path, "Madam,\n\nWe have received your letter of the fourth and hasten "
                          "to answer it, for the matter cannot wait.\n\n"
                          "Humblest and sincerest of your Servants, LUCY SELBY.\n")
    # A formula and the name after its comma sign together (`_formula_and_name`).
    assert _closer_parts(doc) == [
        ("signed", "Humblest and sincerest of your Servants, LUCY SELBY.")]


@pytest.mark.parametrize(("place", "name"), [
    ("London, Grosvenor Street.", "F. HENLEY."),
    ("Schloss Neuhaus, Oberland.", "Karl Müller."),
    ("Château de Villebrun.", "Paul Favre."),
    ("Villa Rossi, Fiesole.", "Paolo Bianchi."),
    ("Casa Blanca, Sevilla.", "Juan Pérez."),
])
def test_a_place_alone_between_the_last_paragraph_and_the_name_is_the_closings_dateline(
        tmp_path: Path, place: str, name: str) -> None:
    doc = _read(tmp_path, "We have received your letter of the fourth and hasten to answer "
                          f"it, for the matter cannot wait.\n\n{place}\n\n{name}\n")
    assert _closer_parts(doc) == [("dateline", place), ("signed", name)]


def test_a_name_alone_above_the_office_is_no_place(tmp_path: Path) -> None:
    doc = _read(tmp_path, "We have received your letter of the fourth and hasten to answer "
                          "it, for the matter cannot wait.\n\nYours truly,\n\nJohn Smith.\n\n"
                          "Secretary.\n")
    assert ("dateline", "John Smith.") not in _closer_parts(doc)
