"""How the gold reader reads the ways editions encode letters (small TEI written here)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks" / "realletters"))

import adjust  # noqa: E402
from gold import MARK, letter_language, read_letters  # noqa: E402

NOTE1, NOTE2 = chr(MARK + 1), chr(MARK + 2)


def _tei(body: str, header: str = "", *, namespace: bool = True) -> bytes:
    ns = ' xmlns="http://www.tei-c.org/ns/1.0"' if namespace else ""
    return (f"<TEI{ns}><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>"
            f"</fileDesc><profileDesc>{header}</profileDesc></teiHeader>"
            f"<text><body>{body}</body></text></TEI>").encode()


SENT = ("<correspDesc><correspAction type='sent'><persName>Muster, Anna</persName>"
        "<placeName>Bern</placeName><date when='1890-03-04'>4. März</date></correspAction>"
        "<correspAction type='received'><persName>Paul Beispiel</persName></correspAction>"
        "</correspDesc>")


def test_correspdesc_opener_closer_and_inline_notes() -> None:
    body = ("<opener><dateline>Bern, 4. März 1890</dateline><salute>Lieber Paul!</salute>"
            "</opener><p>Erster Absatz<note>Eine Anmerkung.</note> hier.</p><p>Zweiter.</p>"
            "<closer><salute>Deine</salute><signed>Anna</signed></closer>"
            "<postscript><p>PS. Noch etwas.</p></postscript>")
    [gold] = read_letters(_tei(body, SENT), "e", "de", "f")
    assert (gold.sender, gold.recipient, gold.place, gold.date) == (
        "Anna Muster", "Paul Beispiel", "Bern", "1890-03-04")
    assert (gold.dateline, gold.salute, gold.closer_salute, gold.signed) == (
        "Bern, 4. März 1890", "Lieber Paul!", "Deine", "Anna")
    assert gold.paragraphs == [f"Erster Absatz{NOTE1} hier.", "Zweiter."]
    assert gold.postscript == ["PS. Noch etwas."] and gold.notes == ["Eine Anmerkung."]


def test_notes_by_pointer_lose_their_printed_label_and_line_end_hyphens_join() -> None:
    body = ("<p>sperando che sia conten-<lb/>to, stai conten=<lb/>to e la Gran <lb/>"
            "Bertagna<ptr target='#n1'/>,"
            " et altro<ref target='n2'>2</ref>.</p>"
            "<div type='notes'><note xml:id='n1'><p><hi>1</hi> Followed by a word.</p></note>"
            "<note xml:id='n2'>Note 2: Another.</note></div>")
    [gold] = read_letters(_tei(body), "e", "it", "f")
    assert gold.paragraphs == ["sperando che sia contento, stai contento e la Gran "
                               f"Bertagna{NOTE1}, et altro{NOTE2}."]
    assert gold.notes == ["Followed by a word.", "Another."]


def test_a_tei_corpus_gives_one_letter_per_tei_and_a_namespace_left_to_a_dtd_is_read() -> None:
    one = _tei("<p>Primo.</p>", namespace=False).decode()
    two = _tei("<p>Secondo.</p>", namespace=False).decode().replace("<TEI>",
                                                                   "<TEI xml:id='b'>")
    corpus = f"<teiCorpus>{one}{two}</teiCorpus>".encode()
    letters = read_letters(corpus, "e", "it", "file")
    assert [(g.id, g.paragraphs) for g in letters] == [("file-1", ["Primo."]),
                                                       ("file-b", ["Secondo."])]


def test_a_note_at_the_start_of_a_paragraph_moves_behind_the_first_word() -> None:
    [gold] = read_letters(_tei("<p><note>Zum PS.</note> Beiliegend das Rezept.</p>"),
                          "e", "de", "f")
    assert gold.paragraphs == [f"Beiliegend{NOTE1} das Rezept."]


def test_suriano_parts_are_marked_from_the_dispatch_formulas() -> None:
    header = ("<correspDesc><correspAction type='sent'><name>Christofforo Suriano</name>"
              "<settlement>The Hague</settlement><date when='1618-08-14'/></correspAction>"
              "<correspAction type='received'><name>Doge and Senate of Venice</name>"
              "</correspAction></correspDesc>")
    body = ("<div type='letter'><div type='main'><head>main text of letter</head>"
            "<p>Prima</p><p>Serenissimo Principe</p><p>venerdì passato arrivai.</p>"
            "<p>Io sto aspettando.</p><p>Dall’Haye a’ 16 agosto 1616</p>"
            "<p>di vostra Serenità</p><p>humilissimo servitore</p>"
            "<p>Christofforo Suriano</p><p>Al serenissimo principe di Venetia</p></div>"
            "<div type='secretarial'><p>ricevuta</p></div></div>")
    [gold] = read_letters(_tei(body, header), "suriano", "it", "f", adjust.suriano)
    assert (gold.sender, gold.place, gold.date) == ("Christofforo Suriano", "The Hague",
                                                    "1618-08-14")
    assert gold.salute == "Serenissimo Principe"
    assert (gold.dateline, gold.dateline_at_end) == ("Dall’Haye a’ 16 agosto 1616", True)
    assert gold.closer_salute == "di vostra Serenità humilissimo servitore"
    assert gold.signed == "Christofforo Suriano"
    assert gold.paragraphs == ["venerdì passato arrivai.", "Io sto aspettando."]


def test_a_suriano_paragraph_cut_at_a_page_end_inside_a_sentence_is_one() -> None:
    """The edition closes `p` at a page's end and opens another after the `pb`; where the
    sentence goes on, that is one paragraph of the letter (#12)."""
    body = ("<div type='letter'><div type='main'>"
            "<p>Serenissimo Principe</p><p>Qui non si sa ancora quello, che habbi esposto il"
            " signor </p>\n<pb n='150r'/>\n<p>Bann<ptr target='#n1'/> ambasciator inglese."
            "</p><pb n='150v'/><p>Tornerà all’Haya fra dieci giorni.</p>"
            "<p>Dall’Haye a’ 16 agosto 1616</p><p>di vostra Serenità humilissimo servitore"
            "</p><p>Christofforo Suriano</p></div></div>"
            "<div type='notes'><note xml:id='n1'>Sir Arthur Chichester.</note></div>")
    header = ("<correspDesc><correspAction type='sent'><name>Christofforo Suriano</name>"
              "</correspAction></correspDesc>")
    [gold] = read_letters(_tei(body, header), "suriano", "it", "f", adjust.suriano)
    assert gold.paragraphs == [
        f"Qui non si sa ancora quello, che habbi esposto il signor Bann{NOTE1} ambasciator"
        " inglese.", "Tornerà all’Haya fra dieci giorni."]
    assert gold.notes == ["Sir Arthur Chichester."]


def test_a_letter_in_another_language_than_its_edition_is_reported_in_its_own() -> None:
    french = ["J'ai bien reçu votre lettre et je vous en remercie. Nous avons appris avec"
              " plaisir que la question est réglée; je ne pense pas que le conseil se"
              " réunisse avant la fin du mois, mais nous vous écrirons dans les jours qui"
              " viennent pour vous dire ce que nous avons décidé sur le projet."]
    assert letter_language(french, "de") == "fr"
    assert letter_language(["Ich danke Ihnen. Merci."], "de") == "de"
    [gold] = read_letters(_tei(f"<p>{french[0]}</p>"), "escher", "de", "f")
    assert gold.language == "fr"


def test_a_letterhead_opener_is_a_dateline_and_a_run_in_salute_is_not_body_text() -> None:
    body = ("<opener><seg><seg>Dr A. Muster</seg><seg><date>21. 12. 08</date></seg></seg>"
            "<seg>Wien XVIII.</seg></opener>"
            "<p><salute>lieber Gustav,</salute> wollen Sie kommen?</p>")
    [gold] = read_letters(_tei(body), "e", "de", "f")
    assert gold.dateline == "Dr A. Muster 21. 12. 08 Wien XVIII."
    assert gold.salute == "lieber Gustav,"
    assert gold.paragraphs == ["wollen Sie kommen?"]


def test_words_of_a_closer_outside_its_parts_are_its_salutation() -> None:
    body = "<p>Text.</p><closer>herzlichst<lb/><signed>ArthSch.</signed></closer>"
    [gold] = read_letters(_tei(body), "e", "de", "f")
    assert (gold.closer_salute, gold.signed) == ("herzlichst", "ArthSch.")


def test_a_letterhead_beside_a_salutation_does_not_take_its_place() -> None:
    body = ("<opener><seg>Hotel Bristol, Wien</seg><salute>Lieber Freund!</salute></opener>"
            "<p>Text.</p>")
    [gold] = read_letters(_tei(body), "e", "de", "f")
    assert gold.salute == "Lieber Freund!"


def test_letters_kept_as_texts_in_groups_are_read_one_by_one() -> None:
    letter = ("<text xml:id='l{n}'><front><head>François I<hi>er</hi>à Antoine Du Bourg</head>"
              "<docDate><date when='1536-08-0{n}'>1536</date><placeName>Valence</placeName>"
              "</docDate><argument><p>Résumé de l'éditeur.</p></argument></front>"
              "<body><div><opener><salute>Monsr le Chancellier,</salute></opener>"
              "<p>Lettre {n}<note>Une note.</note> ici.</p><closer><dateline>Escript à Valence"
              "</dateline><signed>Françoys.</signed></closer></div></body></text>")
    data = ("<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader/><text><group><group>"
            + letter.format(n=1) + letter.format(n=2) + "</group></group></text></TEI>").encode()
    letters = read_letters(data, "dubourg", "fr", "f", adjust.dubourg, adjust.dubourg_letters)
    assert [g.id for g in letters] == ["f-l1", "f-l2"]
    first = letters[0]
    assert (first.sender, first.recipient, first.date, first.place) == (
        "François Ier", "Antoine Du Bourg", "1536-08-01", "Valence")
    assert first.paragraphs == [f"Lettre 1{NOTE1} ici."] and first.notes == ["Une note."]
    assert (first.salute, first.signed, first.dateline_at_end) == (
        "Monsr le Chancellier,", "Françoys.", True)


def test_whitman_particdesc_names_and_only_letters_are_read() -> None:
    header = ("<particDesc><person role='sender'><persName>Edward Carpenter</persName></person>"
              "<person role='recipient'><persName>Walt Whitman</persName></person></particDesc>")
    source = ("<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader><fileDesc><sourceDesc><bibl>"
              "<date when='1889-01-27'>January 27, 1889</date></bibl></sourceDesc></fileDesc>"
              "<profileDesc>{header}</profileDesc></teiHeader><text type='{kind}'><body>"
              "<opener><dateline><name type='place'>Millthorpe<lb/>N.<choice><abbr>Y.</abbr>"
              "<expan>York</expan></choice></name> Jan 27</dateline><salute>Dear Walt</salute>"
              "</opener><p>All well here.</p></body></text></TEI>")
    [gold] = read_letters(source.format(header=header, kind="letter").encode(), "whitman",
                          "en", "f", adjust.whitman)
    assert (gold.sender, gold.recipient, gold.date, gold.place) == (
        "Edward Carpenter", "Walt Whitman", "1889-01-27", "Millthorpe N.Y.")
    assert read_letters(source.format(header=header, kind="poem").encode(), "whitman", "en",
                        "f", adjust.whitman) == []


def test_a_letter_copied_into_a_suriano_dispatch_is_read_alone() -> None:
    header = ("<correspDesc><correspAction type='sent'><name>Christofforo Suriano</name>"
              "<date when='1617-08-15'/></correspAction></correspDesc>")
    body = ("<div type='letter'><div type='main'><p>Serenissimo Principe</p><p>Il dispaccio."
            "</p><p>Christofforo Suriano</p></div></div>"
            "<div type='attachment'><div type='main'><head>attachment I</head>"
            "<p>Serenissimo señor</p><p>mi última fue del 27 de junio<ptr target='#n1'/>.</p>"
            "<p>Guarde Dios a v. S. muchos años.</p><p>de v. S. leal</p><p>Joan</p></div></div>"
            "<div type='notes'><note xml:id='n1'><p><hi>1</hi> Gap.</p></note></div>")
    [gold] = read_letters(_tei(body, header), "suriano", "es", "f", adjust.suriano_attachment)
    assert (gold.sender, gold.date) == ("", "")
    assert (gold.salute, gold.closer_salute, gold.signed) == ("Serenissimo señor", "de v. S. leal",
                                                              "Joan")
    assert gold.paragraphs == [f"mi última fue del 27 de junio{NOTE1}.",
                               "Guarde Dios a v. S. muchos años."]
    assert gold.notes == ["Gap."]


def test_tillich_letters_read_without_adjustment_an_english_one_in_english() -> None:
    path = Path(__file__).resolve().parents[1] / "fixtures" / "realletters" / "tillich"
    [gold] = read_letters((path / "L00305.xml").read_bytes(), "tillich", "de", "L00305")
    assert (gold.sender, gold.recipient, gold.place, gold.date, gold.language) == (
        "Elisabeth W.", "Paul Tillich", "Nauen", "1912-04-24", "en")
    assert (gold.salute, gold.signed) == ("Dear friend,", "Elisabeth.")
    assert gold.paragraphs[0].startswith("Having intended to write")  # `<del>ing</del>` dropped
    assert gold.postscript == ["6 o'clock. It is all settled, I shall go and play at the "
                               "old-women-meeting."]
    assert gold.notes == ["Höchstwahrscheinlich handelt es sich bei den beiden hier genannten "
                          "Individuen um Haustiere."]


def test_varela_reads_only_spanish_letters_and_the_colon_line_is_the_salutation() -> None:
    body = ("<div type='letter'><opener><salute>Sõr Don <choice><abbr>Dom.</abbr><expan>Domingo"
            "</expan></choice> de Almeida</salute><dateline>Villa de Melo, Agosto 11 de 1841"
            "</dateline></opener><p>Sõr ministro y mi amigo:</p><p>Quedo impuesto.</p>"
            "<closer><signed>Manuel de Aleman</signed></closer></div>")
    tei = _tei(body).replace(b"<text>", b"<text xml:lang='es'>")
    [gold] = read_letters(tei, "varela", "es", "f", adjust.varela)
    assert (gold.salute, gold.dateline) == ("Sõr ministro y mi amigo:",
                                            "Villa de Melo, Agosto 11 de 1841")
    assert gold.paragraphs == ["Quedo impuesto."] and gold.signed == "Manuel de Aleman"
    portuguese = _tei(body).replace(b"<text>", b"<text xml:lang='pt'>")
    assert read_letters(portuguese, "varela", "es", "f", adjust.varela) == []


def test_letters_of_a_tcp_book_are_its_letter_divisions_in_lower_case_tei() -> None:
    letter = ("<DIV2 TYPE='letter'><HEAD>LETTER {n}.</HEAD><OPENER><DATELINE>London, May {n}, 1769."
              "</DATELINE><SALUTE>SIR,</SALUTE></OPENER><P>Text {n}<NOTE PLACE='foot'>A note."
              "</NOTE> here.</P><CLOSER><SIGNED>J. ANDRE.</SIGNED></CLOSER></DIV2>")
    book = ("<!DOCTYPE ETS SYSTEM 'http://www.lib.umich.edu/tcp/docs/code/eebo2prf.xml.dtd'>"
            "<ETS><EEBO><TEXT><BODY><DIV1 TYPE='preface'><P>To the reader.</P></DIV1>"
            + "".join(letter.format(n=n) for n in range(1, 6)) + "</BODY></TEXT></EEBO></ETS>")
    letters = read_letters(book.encode(), "evans", "en", "N1", adjust.evans, adjust.evans_letters)
    # Five letters in the book; its first, middle and last are read.
    assert [g.dateline for g in letters] == ["London, May 1, 1769.", "London, May 3, 1769.",
                                             "London, May 5, 1769."]
    first = letters[0]
    assert (first.salute, first.signed, first.sender, first.date) == ("SIR,", "J. ANDRE.", "", "")
    assert first.paragraphs == [f"Text 1{NOTE1} here."] and first.notes == ["A note."]
