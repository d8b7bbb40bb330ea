"""The end of a letter read from its last closing formula: whatever short line stands under
the formula signs it, a dateline may stand on either side of that line, and paragraphs after
the signature are an unmarked postscript. The letters are written for these tests in the
shapes of real editions' letters."""

from __future__ import annotations

from pathlib import Path

import pytest
from letter_reading import body_blocks as _blocks
from letter_reading import closer_parts as _closer_parts
from letter_reading import read_letter

from teipipe.model import (
    Closer,
    Document,
    Paragraph,
    Postscript,
)
from teipipe.readers import rules
from teipipe.readers.closing import possessive_signature
from teipipe.readers.closing_dates import closing_dateline

BODY = ("Ihr Schreiben vom letzten Monat habe ich mit Dank erhalten und die Sache sogleich dem "
        "Rathe vorgelegt, der sie in seiner nächsten Sitzung behandeln wird.")




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
    ("Berlin d. 13./II. 07.", True), ("Louis XIV", False), ("Kapitel 5 I", False),
    ("Boston, Jan. 31. 1744, 5.", True), ("Kane. Pa. Aug 10th. 16", True),
    ("We met in 1744, 5 of us.", False),
])
def test_a_closing_dateline_with_the_month_in_roman_numerals_or_two_years_or_points(
        line: str, dateline: bool) -> None:
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


@pytest.mark.parametrize("line", [
    "Auf Wiedersehen!", "Auf baldiges Wiedersehn", "À bientôt", "Au revoir", "Arrivederci",
    "A presto", "Hasta pronto", "Hastily", "Much Love to all",
])
def test_a_farewell_closes(line: str) -> None:
    assert rules.is_closing(line)


def test_a_second_formula_under_a_farewell_is_no_signature(tmp_path: Path) -> None:
    doc = read_letter(tmp_path, f"Lieber Freund!\n\n{BODY}\n\nAuf Wiedersehen,\n\n"
                                "Herzlichst Ihr\n\nKarlH\n")[0]
    assert _closer_parts(doc) == [("salute", "Auf Wiedersehen,"), ("salute", "Herzlichst Ihr"),
                                  ("signed", "KarlH")]
    assert _kinds(doc) == [Paragraph, Closer]


@pytest.mark.parametrize("line", [
    "Indessen empfehle ich mich Ihnen aufs freundschaftlichste",
    "Et à Dieu, Monsieur, qui vous ait en sa garde.",
])
def test_commending_oneself_and_god_keeping_the_reader_close(line: str) -> None:
    assert rules.is_closing(line)


def test_a_line_ending_in_the_possessive_closes_above_the_dateline_and_the_name(
        tmp_path: Path) -> None:
    doc = read_letter(tmp_path, f"Lieber Freund!\n\n{BODY}\n\nMit allen guten Wünschen und in "
                                "alter Treue Ihr\n\nBern. 11/10. 1902.\n\nKarl von Arx.\n")[0]
    assert _closer_parts(doc) == [
        ("salute", "Mit allen guten Wünschen und in alter Treue Ihr"),
        ("dateline", "Bern. 11/10. 1902."), ("signed", "Karl von Arx.")]
    assert _kinds(doc) == [Paragraph, Closer]


def test_a_closing_formula_goes_on_over_a_page_end(tmp_path: Path) -> None:
    body = ("Le Roy m'a commandé de vous faire entendre ce qui s'est passé en ce lieu depuis "
            "mes dernières lettres, et je le fais volontiers.")
    formula = "Priant Dieu, Monsieur, qu'il vous ait en sa tres saincte garde."
    doc = read_letter(tmp_path, f"Monsieur,\n\n{body}\n\f\n{formula}\n\n"
                                "Escript à Lyon le xiie jour de mars.\n\nFrançoys.\n",
                      "pdf-text")[0]
    assert _closer_parts(doc) == [
        ("salute", formula),
        ("dateline", "Escript à Lyon le xiie jour de mars."), ("signed", "Françoys.")]


@pytest.mark.parametrize(("line", "signature"), [
    ('JOHN WHITE."', True), ("Geo: WASHINGTON.", True), ("= müller.", False),
])
def test_a_name_may_close_a_quotation_or_abbreviate_with_a_colon(
        line: str, signature: bool) -> None:
    assert rules.is_signature(line) is signature


@pytest.mark.parametrize(("line", "signature"), [
    ("Euer treuer Paul!", True), ("il vostroBerto", True), ("Tua Liana!", True),
    ("Deinen Brief", False), ("Ihr Brief kam gestern an!", False),
])
def test_a_possessive_signature_may_end_in_an_exclamation_or_glue_the_name(
        line: str, signature: bool) -> None:
    assert possessive_signature(line) is signature


def test_a_greeting_handed_over_to_the_name_with_the_possessive_signs(tmp_path: Path) -> None:
    doc = read_letter(tmp_path, f"Lieber Freund!\n\n{BODY}\n\n"
                                "Sei sehr gegrüßt von Deinem Karl.\n")[0]
    assert _closer_parts(doc) == [("signed", "Sei sehr gegrüßt von Deinem Karl.")]
    assert _kinds(doc) == [Paragraph, Closer]


def test_the_last_words_of_a_telegram_in_lower_case_sign_it(tmp_path: Path) -> None:
    doc = read_letter(tmp_path, "komme freitag abend mit dem schnellzug bitte zimmer bestellen "
                                "herzlich\n\nrudolf\n")[0]
    assert _closer_parts(doc) == [("signed", "rudolf")]
    doc = read_letter(tmp_path, "Ich komme Freitag abend mit dem Schnellzug, bitte bestellen Sie "
                                "mir ein Zimmer.\n\nund dann weiter\n")[0]
    assert not any(isinstance(b, Closer) for b in _blocks(doc))


@pytest.mark.parametrize("wish", ["Ich liebe Dich!", "Good luck.", "A presto, cara!"])
def test_a_wish_of_a_few_words_above_the_name_closes(tmp_path: Path, wish: str) -> None:
    doc = read_letter(tmp_path, f"Lieber Freund!\n\n{BODY}\n\n{wish}\n\nKarl\n")[0]
    assert _closer_parts(doc) == [("salute", wish), ("signed", "Karl")]
    assert _kinds(doc) == [Paragraph, Closer]


def test_sentences_ending_in_a_short_formula_above_the_name_close(tmp_path: Path) -> None:
    last = ("Entschuldigen Sie die Eile; ich schreibe auf der Reise und wollte nicht warten. "
            "Hochachtungsvoll")
    doc = read_letter(tmp_path, f"Hochgeehrter Herr!\n\n{BODY}\n\n{last}\n\nBern 25 April 1876"
                                "\n\nK. Vogt\n")[0]
    assert _closer_parts(doc) == [("salute", last), ("dateline", "Bern 25 April 1876"),
                                  ("signed", "K. Vogt")]
    doc = read_letter(tmp_path, f"Hochgeehrter Herr!\n\n{BODY}\n\nIch schreibe auf der Reise. "
                                "Das Wetter ist gut\n\nK. Vogt\n")[0]
    assert _closer_parts(doc) == [("signed", "K. Vogt")]


def test_a_dateline_goes_on_over_a_page_end(tmp_path: Path) -> None:
    body = ("Ho ricevuto le vostre lettere e ne ho dato conto a chi di dovere, come mi era stato "
            "commandato nell'ultima.")
    doc = read_letter(tmp_path, f"Serenissimo Principe,\n\n{body}\n\f\nDall'Aia li 2 luglio "
                                "1619\n\nCristoforo Suriano\n", "pdf-text")[0]
    assert _closer_parts(doc) == [("dateline", "Dall'Aia li 2 luglio 1619"),
                                  ("signed", "Cristoforo Suriano")]


@pytest.mark.parametrize(("line", "signature"), [
    ("Envoi de", False), ("Gruß von", False), ("Jean de la Fontaine", True),
])
def test_a_line_ending_in_a_particle_hands_over_to_the_name(line: str, signature: bool) -> None:
    assert rules.is_signature(line) is signature


def test_a_line_naming_the_sender_above_the_name_stays_in_the_text(tmp_path: Path) -> None:
    doc = read_letter(tmp_path, "Comtesse\n\nJe vous écris ces deux mots pour vous faire savoir "
                                "que je suis toujours en bonne santé et que tout va bien ici.\n\n"
                                "Envoi de\n\nArmand Morel\n")[0]
    assert _closer_parts(doc) == [("signed", "Armand Morel")]
    assert _kinds(doc) == [Paragraph, Paragraph, Closer]


def test_a_quotation_mark_before_a_formula_hides_it_not() -> None:
    assert rules.is_closing('"So long," old friend')


def test_a_question_after_a_possessive_signature_is_a_postscript(tmp_path: Path) -> None:
    doc = read_letter(tmp_path, f"Liebe Freundin!\n\n{BODY}\n\nAntworte mir bald! In Eile\n\n"
                                "Dein Paul\n\nHast Du mit Elisabeth gesprochen?\n")[0]
    assert [type(b) for b in _blocks(doc)][-1] is Postscript
    assert ("signed", "Dein Paul") in _closer_parts(doc)


def test_a_name_after_a_short_sentence_signs_before_a_postscript(tmp_path: Path) -> None:
    doc = read_letter(tmp_path, "Chère Comtesse,\n\nJe vous écris ces deux mots pour vous faire "
                                "savoir que je suis toujours en bonne santé et que tout va bien "
                                "ici.\n\nToujours la même adresse.\n\nArmand Morel\n\n"
                                "Le bonjour à Madame votre fille.\n")[0]
    assert _closer_parts(doc)[-1] == ("signed", "Armand Morel")
    assert [type(b) for b in _blocks(doc)][-1] is Postscript


@pytest.mark.parametrize("line", ["Yours Truly", "Your's Sincerely"])
def test_a_formula_adverb_is_no_name(line: str) -> None:
    assert not possessive_signature(line)


def test_a_possessive_line_above_a_name_is_the_closing_not_the_signature(
        tmp_path: Path) -> None:
    doc = read_letter(tmp_path, f"Lieber Großvater!\n\n{BODY}\n\nDein treuer Enkel\n\nPaul.\n")[0]
    assert _closer_parts(doc) == [("salute", "Dein treuer Enkel"), ("signed", "Paul.")]
    assert _kinds(doc) == [Paragraph, Closer]


@pytest.mark.parametrize(("line", "closing"), [
    ("Stai contento pensami. Ciao a presto", True), ("good bie", True),
    ("so it is good by i hope you well", False),
])
def test_italian_and_misspelt_farewells(line: str, closing: bool) -> None:
    assert rules.is_closing(line) is closing


EN_BODY = ("The goods you sent by the last ship arrived safely, and I have paid the freight to the "
           "master as you desired in your former letter.")


@pytest.mark.parametrize("mark", ["N. B.", "NB", "Nota bene:"])
def test_a_note_mark_in_the_middle_of_a_letter_opens_no_postscript(
        tmp_path: Path, mark: str) -> None:
    middle = "\n\n".join([EN_BODY] * 5)
    doc = read_letter(tmp_path, f"SIR,\n\n{EN_BODY}\n\n{mark} The prices are those of last "
                                f"week.\n\n{middle}\n\nI am, Sir, your most humble Servant,\n\n"
                                "John Miller.\n")[0]
    assert _kinds(doc) == [Paragraph] * 7 + [Closer]


def test_a_note_mark_below_the_signature_opens_a_postscript(tmp_path: Path) -> None:
    middle = "\n\n".join([EN_BODY] * 5)
    doc = read_letter(tmp_path, f"Muy señor mío:\n\n{middle}\n\nSu atento servidor,\n\n"
                                f"Juan Pérez\n\nN. B. {EN_BODY}\n\n{EN_BODY}\n\n{EN_BODY}\n\n"
                                f"{EN_BODY}\n\n{EN_BODY}\n")[0]
    assert _kinds(doc) == [Paragraph] * 5 + [Closer, Postscript]


@pytest.mark.parametrize(("last", "signed"), [
    ("With great respect, We have the honor to be, SIR, Your Excellency's most obedient "
     "servants. Henry Carter, CHAIRMAN.",
     "With great respect, We have the honor to be, SIR, Your Excellency's most obedient "
     "servants. Henry Carter, CHAIRMAN."),
    ("Test. SAMUEL HOLT, Clerk for the said Meeting.",
     "Test. SAMUEL HOLT, Clerk for the said Meeting."),
    ("Es copia: Juan Pérez, Secretario.", "Es copia: Juan Pérez, Secretario."),
])
def test_a_name_with_its_office_signs_as_the_last_line(
        tmp_path: Path, last: str, signed: str) -> None:
    doc = read_letter(tmp_path, f"SIR,\n\n{EN_BODY}\n\n{EN_BODY}\n\n{last}\n")[0]
    assert _closer_parts(doc) == [("signed", signed)]
    assert _kinds(doc) == [Paragraph, Paragraph, Closer]


@pytest.mark.parametrize(("line", "dateline"), [
    ("212 Bridge st. cor Elm. Dover, N. Hampshire. April 3.", True),
    ("Calle del Prado 5 bajo. Sevilla. 3 de marzo.", True),
    ("14, rue des Écoles, le 9 mai", True),
    ("I walked down Market st. and back on April 3.", False),
])
def test_a_street_address_before_a_day_and_month_is_a_closing_dateline(
        line: str, dateline: bool) -> None:
    assert closing_dateline(line) is dateline


def test_an_address_dateline_above_the_initials_closes_the_letter(tmp_path: Path) -> None:
    address = "212 Bridge st. cor Elm. Dover, N. Hampshire. April 3."
    doc = read_letter(tmp_path, f"{EN_BODY}\n\n{address}\n\nJ. M.\n")[0]
    assert _closer_parts(doc) == [("dateline", address), ("signed", "J. M.")]
    assert _kinds(doc) == [Paragraph, Closer]


@pytest.mark.parametrize(("line", "dateline"), [
    ("Frankfurt a.M.", True), ("Halle a.d.S.", True), ("Châlons-sur-Marne", True),
    ("Kingston upon Hull", True), ("Karl Weber", False), ("Dein Karl", False),
])
def test_a_place_named_by_its_river_or_region_is_a_closing_dateline(
        line: str, dateline: bool) -> None:
    assert closing_dateline(line) is dateline


def test_a_place_alone_between_the_text_and_the_name_is_the_closings_dateline(
        tmp_path: Path) -> None:
    doc = read_letter(tmp_path, f"Lieber Freund!\n\n{BODY}\n\nFrankfurt a.M.\n\nKarl Weber\n")[0]
    assert _closer_parts(doc) == [("dateline", "Frankfurt a.M."), ("signed", "Karl Weber")]
    assert _kinds(doc) == [Paragraph, Closer]


@pytest.mark.parametrize("last", [
    "Your Brethren and Servants Thomas Hale, Pastor of Dover. John Reed—of Salem. "
    "Amos Ward—of Lynn.",
    "Your assured Friends, Wm. Pratt. Hugh Rowe. Edw. Gale. &c.",
])
def test_a_formula_over_several_signers_signs_the_letter(tmp_path: Path, last: str) -> None:
    doc = read_letter(tmp_path, f"SIR,\n\n{EN_BODY}\n\n{EN_BODY}\n\n{last}\n")[0]
    assert _closer_parts(doc) == [("signed", last)]
    assert _kinds(doc) == [Paragraph, Paragraph, Closer]


def test_a_last_paragraph_of_short_sentences_is_no_list_of_signers(tmp_path: Path) -> None:
    last = "Your letter came on Monday. It was welcome. We read it twice, and we thank you."
    doc = read_letter(tmp_path, f"SIR,\n\n{EN_BODY}\n\n{last}\n\nJohn Miller\n")[0]
    assert _closer_parts(doc) == [("signed", "John Miller")]
    assert _kinds(doc) == [Paragraph, Paragraph, Closer]


@pytest.mark.parametrize("line", [
    "Dover Oct: 3 '82", "212 Bridge Street Dover N Hampshire Oct: 3 '82",
])
def test_a_month_written_with_a_colon_is_a_closing_dateline(line: str) -> None:
    assert closing_dateline(line)


@pytest.mark.parametrize(("line", "signs"), [
    ("HALE & BROOKE.", True), ("Pérez & Cía.", True), ("& Co.", False), ("Hale &", False),
])
def test_a_firm_of_partners_joined_by_an_ampersand_signs(line: str, signs: bool) -> None:
    assert rules.is_signature(line) is signs


def test_a_firm_signs_under_the_last_paragraph(tmp_path: Path) -> None:
    doc = read_letter(tmp_path, f"SIR,\n\n{EN_BODY}\n\n{EN_BODY}\n\nHALE & BROOKE.\n")[0]
    assert _closer_parts(doc) == [("signed", "HALE & BROOKE.")]
    assert _kinds(doc) == [Paragraph, Paragraph, Closer]


@pytest.mark.parametrize(("line", "closing"), [
    ("Who am, Sir, your faithful Servant", True), ("qui suis, Monsieur, votre serviteur", True),
    ("que soy, señor, su seguro servidor", True), ("Der ich bin Ihr ergebener", True),
    ("che sono il vostro servo", True), ("Who am I to judge your plans?", False),
])
def test_a_relative_declaring_the_writer_yours_closes(line: str, closing: bool) -> None:
    assert rules.is_closing(line) is closing


def test_a_wrapped_paragraph_ending_in_a_formula_hands_over_to_the_lines_under_it(
        tmp_path: Path) -> None:
    """PDF text sets the closing's lines one under the other without a blank line; the
    last paragraph's formula (`… Stets Dein`) does not end a sentence, but hands over."""
    body = ("Um die Post nicht zu versäumen, beschränke ich mich auf diese Anfrage. Ueber \n"
            "domestica werde ich dir wahrscheinlich am nächsten Montag schreiben, da deine \n"
            "gute Mutter eine gestern begonnene Unterredung mit mir fortzusetzen gedenkt. \n")
    last = ("Die herzlichsten Grüsse an Dich, mein guter E. mit der Bitte, Dich zu schonen. "
            "Grüsse an die Herren P. K. u. Gr. Stets Dein")
    doc = read_letter(tmp_path, f" Mein bester Freund! \n\n{body}\n{last} \nZürich 19. März "
                                "1857. \nE. \n", "pdf-text")[0]
    assert _closer_parts(doc) == [("salute", last), ("dateline", "Zürich 19. März 1857."),
                                  ("signed", "E.")]
    assert _kinds(doc) == [Paragraph, Closer]


def test_a_name_under_a_line_handing_over_to_it_signs_before_the_postscripts(
        tmp_path: Path) -> None:
    """`envoi de` / `A Horel`: the sender's name, then paragraphs written after it."""
    after = ("Je crois que cette maudite Grèce ne m'inspire guère confiance c'est une "
             "neutralité hypocrite.")
    later = ("Je viens de recevoir votre lettre à l'instant, deux minutes plus tard je fermais "
             "la lettre qui vous était destinée.")
    doc = read_letter(tmp_path, f"Comtesse\n\n{BODY}\n\nenvoi de\n\nA Horel\n\n{after}\n\n"
                                f"{later}\n")[0]
    assert _closer_parts(doc) == [("signed", "A Horel")]
    assert _kinds(doc) == [Paragraph, Paragraph, Closer, Postscript]


def test_closing_lines_set_under_a_paragraph_before_an_unmarked_postscript_are_cut_off(
        tmp_path: Path) -> None:
    body = ("Pour autant que Monsr le cardinal de Carpy a prins congié de moy pour se retirer a \n"
            "Romme, je desire qu'il luy soit fait ung present de vaisselle jusques a la valleur \n"
            "de quinze cens escus. Et vous me ferez plaisir. \n")
    after = ("J'ay veu les lettres que vous m'avez escriptes par ce porteur et entendu par \n"
             "icelles l'ordre qu'avez donné, tant sur ce que je vous avoys escript touchant \n"
             "Boisrigault, le paiement des Suisses que autres poincts mentionnez. \n")
    formula = "Priant Dieu, Monsr le Chancelier, qu'il vous ayt en sa saincte et digne garde."
    dateline = "Escript au camp de Pernes le dernier jour d'avril."
    doc = read_letter(tmp_path, f" Monsr le Chancelier, \n\n{body}\n{formula} \n{dateline} \n"
                                f"Françoys. \n\n{after}", "pdf-text")[0]
    assert _closer_parts(doc) == [("salute", formula), ("dateline", dateline),
                                  ("signed", "Françoys.")]
    assert _kinds(doc) == [Paragraph, Closer, Postscript]


@pytest.mark.parametrize("mark", ["P.S.", "P.-S.", "PS", "Nachschrift:", "P.D.", "Posdata:"])
def test_postscript_marks_of_the_five_languages(mark: str) -> None:
    assert rules.opens_postscript(f"{mark} Estimaré se digne noticiarme si sabe alguna nueva.")


def test_a_name_under_a_closing_sentence_set_on_one_line_signs_before_a_spanish_postscript(
        tmp_path: Path) -> None:
    body = ("Movido por la amistad que ha tenido a bien dispensarme y que aprecio en el grado \n"
            "que merece, me dirijo a usted, a fin de que se digne instruirme sobre los puntos a \n"
            "que la adjunta se refiere, con la brevedad que le sea posible. \n")
    formula = ("Con este motivo me repito como siempre su verdadero amigo, deseando tener la "
               "satisfacción de que ocupe la inutilidad de su seguro servidor que besa sus manos.")
    doc = read_letter(tmp_path, f" Estimado amigo: \n\n{body}\n{formula} \nManuel de Aleman \n\n"
                                "P.D. — Estimaré se digne noticiarme si sabe alguna nueva \n"
                                "importante de los ejércitos del Uruguay. \n", "pdf-text")[0]
    assert _closer_parts(doc) == [("salute", formula), ("signed", "Manuel de Aleman")]
    assert _kinds(doc) == [Paragraph, Closer, Postscript]


@pytest.mark.parametrize("line", [
    "Camden New Jersey U S America June 26 '87—3 1/2 P M—", "Camden Wednesday 12:40 P M",
    "Wien, Mittwoch abends", "Paris, jeudi soir", "Roma, venerdì", "Madrid, martes",
])
def test_a_place_with_a_weekday_or_a_half_hour_dates_the_closing(line: str) -> None:
    assert closing_dateline(line)


@pytest.mark.parametrize("line", ["See you on Sunday.", "we meet on Monday"])
def test_a_sentence_naming_a_weekday_does_not_date_the_closing(line: str) -> None:
    assert not closing_dateline(line)


@pytest.mark.parametrize("dateline", ["Camden June 19 '88 2 ½ PM", "Camden Wednesday 12:40 P M"])
def test_a_dated_line_above_the_last_line_name_closes_a_letter_without_formula(
        tmp_path: Path, dateline: str) -> None:
    doc = read_letter(tmp_path, f"{EN_BODY}\n\n{dateline}\n\nWalt Whitman\n")[0]
    assert _kinds(doc) == [Paragraph, Closer]
    assert _closer_parts(doc) == [("dateline", dateline), ("signed", "Walt Whitman")]


@pytest.mark.parametrize("line", [
    "I am, Dear Sir, with Great Respect, your Affectionate Friend, and Humble Servant. T. W.",
    "Wishing you all Happiness. I remain, with all due reverence, your Humble Servant. A BRITISH "
    "BOSTONIAN.",
    "Je suis votre très humble serviteur. P. D.", "Ihr ergebenster Diener. K. M.",
    "il suo servitore. G. B.", "su atento servidor. J. G.",
])
def test_a_closing_formula_and_the_name_after_its_point_sign_together(
        tmp_path: Path, line: str) -> None:
    doc = read_letter(tmp_path, f"SIR,\n\n{EN_BODY}\n\n{EN_BODY}\n\n{line}\n")[0]
    assert _kinds(doc) == [Paragraph, Paragraph, Closer]
    assert _closer_parts(doc) == [("signed", line)]


def test_a_sentence_naming_a_friend_before_a_name_stays_in_the_text(tmp_path: Path) -> None:
    doc = read_letter(tmp_path, f"SIR,\n\n{EN_BODY}\n\nHe was my friend. John came later.\n")[0]
    assert _kinds(doc) == [Paragraph, Paragraph]


@pytest.mark.parametrize("wish", [
    "Good day to you!", "Merry Christmas to you, Mrs: B & the childer—",
    "Kindest wishes to your self and my friends", "Gute Nacht!", "Frohe Weihnachten!",
    "Bonne nuit!", "Joyeux Noël à tous", "Buona notte!", "Buon Natale a tutti", "Buenas noches.",
    "Feliz Navidad!",
])
def test_a_wish_of_the_day_or_season_above_the_name_closes_the_letter(
        tmp_path: Path, wish: str) -> None:
    doc = read_letter(tmp_path,
                      f"Dear Friend,\n\n{EN_BODY}\n\n{EN_BODY}\n\n{wish}\n\nJ Johnston\n")[0]
    assert _kinds(doc) == [Paragraph, Paragraph, Closer]
    assert _closer_parts(doc) == [("salute", wish), ("signed", "J Johnston")]


def test_a_sentence_that_opens_with_good_news_stays_in_the_text() -> None:
    assert not rules.is_closing("Good news came today from the city and we were all glad.")
