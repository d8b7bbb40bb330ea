"""The head of a letter: address lines, salutations and datelines above its text.

Lines written for these tests in the shapes real editions print, in the five languages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from letter_reading import read_letter

from teipipe.model import Division, Opener, Paragraph, inline_text
from teipipe.readers.address import is_address_line


@pytest.mark.parametrize("line", [
    "An den Präsidenten der Eisenbahngesellschaft Herrn Dr. Karl Meier in Basel",
    "An das Tit. Direktorium der Nordbahn Basel.",
    "An die Hochwürdige Philosophische Fakultät der Universität Jena",
    "An den ordentlichen Professor Herrn Dr. Anton Huber in Graz",
    "MHHerrn Pfarrer Keller, Präsidenten des h. Schulrathes.",
    "To Mrs J B Morton Council Bluffs Ia",
    "To His EXCELLENCY. GEORGE CLINTON, ESQUIRE, &c.",
    "To the Gentlemen of the Committee of Correspondence of the City of Boston.",
    "Hon. T. R. Walker",
    "Monsieur le Dr Paul Favre, Conseiller d'État, à Neuchâtel.",
    "À l'attention de la baronne de Saint-Aubin",
    "All' on. Sigr. Avvocato Pietro Bianchi Milano.",
    "Alla gentile Signora Maria Rossi",
    "A la Señora Doña Carmen López, Sevilla",
    "Al Excmo. Sr. D. Juan Pérez, Ministro de Hacienda",
])
def test_addresses_of_five_languages(line: str) -> None:
    assert is_address_line(line)


@pytest.mark.parametrize("line", [
    "An Exchange on the Strike",
    "An dem Tag kam er nicht.",
    "To the end of the war we stayed there",
    "To be or not to be",
    "A Letter and Some Notes",
    "Al final llegamos tarde a la estación",
])
def test_sentences_and_titles_are_no_addresses(line: str) -> None:
    assert not is_address_line(line)


def _head(tmp_path: Path, text: str, reader: str = "web-archive"
          ) -> tuple[list[tuple[str, str]], list[str]]:
    """The opener's parts (kind, text) and the body's paragraphs of a letter."""
    doc, _ = read_letter(tmp_path, text, reader)
    blocks = list(doc.body)
    while len(blocks) == 1 and isinstance(blocks[0], Division):
        blocks = list(blocks[0].blocks)
    parts = [(type(part).__name__, inline_text(part.inlines).strip())
             for block in blocks if isinstance(block, Opener) for part in block.parts]
    paragraphs = [inline_text(block.inlines).strip() for block in blocks
                  if isinstance(block, Paragraph)]
    return parts, paragraphs


_BODY = ("We have received your letter of the fourth and hasten to answer it, for the "
         "matter you raise concerns us all and cannot wait until the next meeting.")


@pytest.mark.parametrize(("head", "expected"), [
    # An address and the salutation on one line.
    ("The Honorable Secretary of the Interior, Washington, D. C. Sir:",
     [("Salute", "The Honorable Secretary of the Interior, Washington, D. C. Sir:")]),
    # Salutations of older letters end with a semicolon.
    ("Honoured Brethren;", [("Salute", "Honoured Brethren;")]),
    ("Loving Brother;", [("Salute", "Loving Brother;")]),
    # A long salutation of a formula, shaped as an address.
    ("GENTLEMEN of the COUNCIL, and of the ASSEMBLY of the PROVINCE.",
     [("Salute", "GENTLEMEN of the COUNCIL, and of the ASSEMBLY of the PROVINCE.")]),
    # English salutations of the 18th and 19th centuries: a clergyman's, `Dear` written
    # `Dr`, a Quaker's `Friend Walt`, a brother's, an office's.
    ("Rev. and Dear Sir,", [("Salute", "Rev. and Dear Sir,")]),
    ("Hond Sir", [("Salute", "Hond Sir")]),
    ("Dr. Sir,", [("Salute", "Dr. Sir,")]),
    ("Sirs,", [("Salute", "Sirs,")]),
    ("Friend Walt,", [("Salute", "Friend Walt,")]),
    ("Brother Walt,", [("Salute", "Brother Walt,")]),
    ("Much respected friend,", [("Salute", "Much respected friend,")]),
    ("Your Excellency,", [("Salute", "Your Excellency,")]),
    ("Mr. President,", [("Salute", "Mr. President,")]),
    ("Freund Karl!", [("Salute", "Freund Karl!")]),
    ("Amigo Juan:", [("Salute", "Amigo Juan:")]),
    ("Much Honoured.", [("Salute", "Much Honoured.")]),
    # A yearless date line with an English month abbreviation (W. M. Rossetti's).
    ("56 Euston Sq. N. W. 28 Feb.y\n\nDear Whitman",
     [("Dateline", "56 Euston Sq. N. W. 28 Feb.y"), ("Salute", "Dear Whitman")]),
])
def test_salutations_at_the_head(tmp_path: Path, head: str,
                                 expected: list[tuple[str, str]]) -> None:
    parts, paragraphs = _head(tmp_path, f"{head}\n\n{_BODY}\n\n{_BODY}\n")
    assert parts == expected
    assert len(paragraphs) == 2


@pytest.mark.parametrize(("lines", "kinds"), [
    # A title of courtesy and a name alone under the dateline, above the text.
    (["Boston, May 3, 1871", "Hon. T. R. Walker"], ["Dateline", "AddressLine"]),
    (["Boston, May 3, 1871", "Capt. George Allen, Acting Indian Agent"],
     ["Dateline", "AddressLine"]),
    (["Boston, May 3, 1871", "Thomas Walker"], ["Dateline", "AddressLine"]),
    # An address above the dateline, and a salutation without a mark below it.
    (["la baronne de Saint-Aubin", "Lyon le 3 mai 1916", "Chère baronne"],
     ["AddressLine", "Dateline", "Salute"]),
    # A letterhead that ends with the letter's place and date, above the salutation.
    (["John Miller. Henry Miller. J. MILLER & CO., Booksellers and Stationers. 17 Market "
      "Square, Established 1844. Telephone 21. Albany, Sept 23 1890", "Dear Sir:"],
     ["Dateline", "Salute"]),
    # A dateline that runs on with the year of a republic, above the salutation.
    (["PARIS, 25th December, 1793—2d year of the French Republic, one and indivisible. "
      "The Citizen Minister of the Republic to Mr. Smith, Secretary of the Society of "
      "Friends of the Constitution at Boston.", "SIR,"], ["Dateline", "Salute"]),
    # Spanish: an address with a title, the dateline, the salutation.
    (["Al Excmo. Sr. D. Juan Pérez, Ministro de Hacienda", "Madrid, 3 de mayo de 1871",
      "Muy señor mío:"], ["AddressLine", "Dateline", "Salute"]),
    # A printed letterhead with the place and date, above the addressee's name.
    (["Printing House OF J. MILLER & CO., No. 12 Market Street. Albany, July 3, 1867.",
      "Henry Allen Esq."], ["Dateline", "Salute"]),
    # The sender's office and the address on one line, under the dateline.
    (["Berlin, den 3. Mai 1929.", "Der Minister für Wissenschaft, Kunst und Volksbildung An "
      "Herrn Professor Dr. Karl Huber in Dresden."], ["Dateline", "AddressLine"]),
    # Italian and French: an address to a sovereign, a titled address with an article.
    (["Al Re Vittorio Emanuele, Torino", "Torino, 3 maggio 1861"],
     ["AddressLine", "Dateline"]),
    (["Paris, le 3 mai 1871", "Monsieur le Dr Paul Favre, Conseiller d'État, à Neuchâtel."],
     ["Dateline", "AddressLine"]),
    # German: an address with an article after `An`, under the dateline.
    (["Zürich, den 3. Mai 1871", "An die Hochlöbliche Direktion der Nordbahn in Basel"],
     ["Dateline", "AddressLine"]),
])
def test_head_lines_above_the_text_are_the_opener(tmp_path: Path, lines: list[str],
                                                  kinds: list[str]) -> None:
    parts, paragraphs = _head(tmp_path, "\n\n".join([*lines, _BODY, _BODY]) + "\n")
    assert [kind for kind, _ in parts] == kinds
    assert [text for _, text in parts] == lines
    assert len(paragraphs) == 2


@pytest.mark.parametrize("lines", [
    # A place or a house under the dateline is the sender's, and a closing's words are
    # not an addressee above a dateline: they stay the letter's text.
    ["Seeboden, 2/IX 1899", "Villa Platzer"],
    ["Herzliche Grüße", "Amsterdam 5/X 04"],
])
def test_places_and_greetings_at_the_head_are_no_address(tmp_path: Path,
                                                         lines: list[str]) -> None:
    parts, _ = _head(tmp_path, "\n\n".join([*lines, _BODY, _BODY]) + "\n")
    assert ("AddressLine", lines[1 if "Villa" in lines[1] else 0]) not in parts


def test_a_long_german_sentence_naming_a_herr_stays_the_text(tmp_path: Path) -> None:
    # German capitalises its nouns: a sentence of them with a `Herrn` is no address.
    sentence = ("Auf das an den Herrn Professor Dr. Huber gerichtete Schreiben des "
                "Sächsischen Ministeriums für Volksbildung vom 3. Mai teile ich Ihnen mit.")
    parts, paragraphs = _head(tmp_path, "\n\n".join(
        ["Frankfurt, den 8. Mai 1929.", sentence, _BODY]) + "\n")
    assert [kind for kind, _ in parts] == ["Dateline"]
    assert paragraphs[0] == sentence


@pytest.mark.parametrize("greeting", [
    "Herzliche Grüße aus Rom!", "Greetings from Hongkong.", "Saludos desde Madrid.",
    "Tanti saluti da Napoli!", "Amitiés de Lyon."])
def test_a_greeting_above_a_postcards_text_is_its_first_paragraph(tmp_path: Path,
                                                                   greeting: str) -> None:
    # A short line that greets, at the top of a postcard, addresses nobody.
    parts, paragraphs = _head(tmp_path, f"{greeting}\n\n{_BODY}\n\n{_BODY}\n")
    assert not [text for kind, text in parts if kind == "Salute"]
    assert paragraphs[0] == greeting


@pytest.mark.parametrize(("title", "dateline", "salute"), [
    ("Lettera di Liana a Alberto, 20 aprile 1944", "20-4-44", "Carissimo Alberto mio"),
    ("Arthur an Richard (Wien, 19. Juli 1912)", "19. 7. 912.", "lieber Richard,"),
    ("Carta de Juan a su madre, 4 de agosto de 1944", "4/8/44", "Querida madre,"),
    ("Gustav an Arthur (Mödling, 8. Juli 1893)", "8 VII 93", "Lieber Freund!"),
    ("Letter from Walt to Trübner, 431 Stevens Street, October 1, 1878",
     "431 Stevens Street Camden New Jersey Oct 1 '78—", "Dear Sirs")])
def test_a_dateline_in_figures_at_the_head_of_a_pdf_text_is_no_note(
        tmp_path: Path, title: str, dateline: str, salute: str) -> None:
    # `20-4-44`, `8 VII 93` open with digits as a page-foot note does, and the title
    # cites the number: the letter is still no note's text.
    text = (f" {title} \n\n {dateline} \n\n {salute} \n\n"
            "con grande gioia ho ricevuto tue nuove dove vedo che stai bene. Io e i tuoi \n"
            "familiari stiamo tutti benissimo e speriamo che avrai ricevuto le nostre notizie. \n"
            "\n tua Liana \n")
    doc, _ = read_letter(tmp_path, text, "pdf-text")
    assert not doc.notes
    parts, paragraphs = _head(tmp_path, text, "pdf-text")
    assert ("Dateline", dateline) in parts
    assert [p.split()[:3] for p in paragraphs] == [["con", "grande", "gioia"]]


def test_a_salutation_line_under_a_letterhead_stands_alone_in_a_pdf_text(tmp_path: Path) -> None:
    # The letterhead ends without a point (`… Albany, Sept 23 1890`); the salutation under
    # it is no continuation of its sentence, and the letterhead is the letter's dateline.
    letterhead = ("John Miller. Henry Miller. J. MILLER & CO., Booksellers and Stationers. "
                  "17 Market Square, Albany. Established, 1844. Albany, Sept 23 1890")
    text = (f" To Henry Allen \n\n {letterhead} \n\n Dear Henry: \n\n"
            "Your postal is received and I sent the material you mailed me to the printer, \n"
            "and have no doubt he will find it useful for the book we spoke of last week. \n"
            "\n Yours truly \n John Miller \n")
    parts, paragraphs = _head(tmp_path, text, "pdf-text")
    assert parts == [("AddressLine", "To Henry Allen"), ("Dateline", letterhead),
                     ("Salute", "Dear Henry:")]
    assert len(paragraphs) == 1


def test_a_letterhead_on_the_first_line_of_a_book_page_stands_alone(tmp_path: Path) -> None:
    # Books print the letterhead, the addressee and the text without blank lines between.
    letterhead = ("Printing & Publishing House OF J. MILLER & CO., No. 12 Market Street. "
                  "Albany, July 3, 1867.")
    text = (f"{letterhead}\nHenry Allen Esq.\n"
            "While considering the question of publishing your poems we have consulted with\n"
            "several eminent literary men and they have advised us most strongly against it.\n\n"
            "In view of this fact, though we are favorably impressed, as we were when we first\n"
            "wrote you, we deem it injudicious to commit ourselves at the present time.\n\n"
            "Yours truly\nJ. Miller & Co.\n")
    parts, paragraphs = _head(tmp_path, text, "book-ocr")
    assert parts == [("Dateline", letterhead), ("Salute", "Henry Allen Esq.")]
    assert len(paragraphs) == 2


@pytest.mark.parametrize("line", [
    "Brünn, 23ten 9 Uhr.",
    "Rouen, le 12, 8 heures du soir",
    "Napoli, 5, ore 10",
    "Sevilla, 14, 9 horas",
    "Leeds, 3d 10 o'clock",
])
def test_a_dateline_with_the_day_and_the_hour_heads_the_letter(tmp_path: Path,
                                                               line: str) -> None:
    parts, paragraphs = _head(tmp_path, f"{line}\n\n{_BODY}\n\n{_BODY}\n")
    assert parts == [("Dateline", line)]
    assert len(paragraphs) == 2


@pytest.mark.parametrize("line", ["Um 11 Uhr komme ich.", "Room 12, 3 hours"])
def test_a_sentence_telling_the_hour_is_no_dateline(line: str) -> None:
    from teipipe.readers.topdate import top_dateline

    assert not top_dateline(line)


@pytest.mark.parametrize("line", ["de wien 31207 14 8 10-20 m =", "w roma 4521 12 3 18 :=",
                                  "mad sevilla 812 9 25 7/40+"])
def test_a_telegraph_offices_line_of_figures_heads_the_telegram(tmp_path: Path,
                                                                line: str) -> None:
    text = f"{line}\n\nankomme morgen abend bahnhof bitte wagen schicken.\n\ngruss\n\nkarl\n"
    parts, paragraphs = _head(tmp_path, text)
    assert parts == [("Dateline", line)]
    assert paragraphs == ["ankomme morgen abend bahnhof bitte wagen schicken."]


def test_a_sentence_with_figures_is_no_telegraph_line() -> None:
    from teipipe.readers.topdate import top_dateline

    assert not top_dateline("Wir haben 3 4 5 6 Bände gekauft und bezahlt.")


@pytest.mark.parametrize("line", [
    "Madame, tant et si tres humblement que faire puis je me recommande à vostre bonne grace.",
    "My Lord, with my humble duty I commend me most heartily unto your Lordship.",
    "Gnädiger Herr, zuvor empfehle ich mich und meine Dienste gehorsamst Euer Gnaden an.",
    "Illustrissimo Signore, con ogni riverenza mi raccomando alla sua buona grazia.",
    "Muy ilustre Señor, con toda humildad me encomiendo en la merced de vuestra señoría.",
])
def test_a_whole_sentence_of_commendation_is_the_salutation(tmp_path: Path,
                                                            line: str) -> None:
    parts, paragraphs = _head(tmp_path, f"{line}\n\n{_BODY}\n\n{_BODY}\n")
    assert parts == [("Salute", line)]
    assert len(paragraphs) == 2


def test_a_sentence_asking_a_favour_after_the_address_stays_the_text(tmp_path: Path) -> None:
    line = "Cara mamma, mi raccomando di scrivermi presto e di salutare tutti quanti a casa."
    _, paragraphs = _head(tmp_path, f"{line}\n\n{_BODY}\n")
    assert paragraphs[0] == line


@pytest.mark.parametrize("form", [
    "No. 12 THE NATIONAL TELEGRAPH COMPANY. Messages are sent only on the conditions printed "
    "on the back of this blank, which the sender accepts. The company is not liable for errors "
    "in messages not repeated. Received at 4 10 PM Dated Chicago 12",
    "REGNO D'ITALIA TELEGRAFI DELLO STATO. Il telegramma è consegnato alle condizioni stampate "
    "sul retro del modulo. Ufficio di Milano, consegnato ore 10",
])
def test_a_telegraph_forms_printed_heading_is_no_paragraph(tmp_path: Path, form: str) -> None:
    text = f"{form}\n\nwill arrive tomorrow evening meet me at the station\n\nJohn\n"
    parts, paragraphs = _head(tmp_path, text)
    assert parts == [("Dateline", form)]
    assert paragraphs == ["will arrive tomorrow evening meet me at the station"]


def test_a_telegram_named_in_a_letters_first_paragraph_is_its_text(tmp_path: Path) -> None:
    line = ("I received your telegram this morning and answer at once, for the matter cannot "
            "wait until the next meeting of the committee.")
    _, paragraphs = _head(tmp_path, f"{line}\n\n{_BODY}\n")
    assert paragraphs[0] == line


@pytest.mark.parametrize("line", [
    "Benares, the city of the temples.",
    "Agra, die Hauptstadt des Reiches.",
    "Cuzco, capitale de l'empire.",
    "Palermo, città di mare.",
    "Cádiz, puerto de Andalucía.",
])
def test_a_place_named_with_what_it_is_heads_the_letter(tmp_path: Path, line: str) -> None:
    parts, paragraphs = _head(tmp_path, f"{line}\n\n{_BODY}\n\n{_BODY}\n")
    assert parts == [("Dateline", line)]
    assert len(paragraphs) == 2


def test_a_sentence_on_a_companys_capital_stays_the_text(tmp_path: Path) -> None:
    line = "Sir, the capital of the company is gone."
    parts, _ = _head(tmp_path, f"{line}\n\n{_BODY}\n")
    assert ("Dateline", line) not in parts


@pytest.mark.parametrize(("head", "tail", "expected"), [
    # A postmark's stamp or an envelope's year at the end is not the letter's date line:
    # the date line under the title is the letter's own.
    ("William F. Cody to C. L. Hinkle, March 1, 1900\n\nChicago, Mar 1st 1900\n\n"
     "My. Dear Hinkle.", "Your friend\n\nW. F. Cody\n\nChicago ILL. Mar 1 4-PM 1900",
     [("Dateline", "Chicago, Mar 1st 1900"), ("Salute", "My. Dear Hinkle.")]),
    ("Letter from William F. Cody to Clarence W. Rowley, October 4, 1913\n\n"
     "October 4, 1913\n\nDear Clarence:", "Your friend\n\nW. F. Cody\n\n1913",
     [("Dateline", "October 4, 1913"), ("Salute", "Dear Clarence:")]),
    # The editor's date under an undated title, the letter's own below an address line.
    ("William F. Cody to C. E. Perkins\n\nApril 30, 1900\n\nTo C. E. Perkins\n\n"
     "New York City, April 30, 1900.\n\nMy dear Sir:—", "Very truly yours,\n\nW. F. Cody",
     [("AddressLine", "To C. E. Perkins"), ("Dateline", "New York City, April 30, 1900."),
      ("Salute", "My dear Sir:—")]),
])
def test_a_date_line_under_a_title_is_the_editors_or_the_letters(
        tmp_path: Path, head: str, tail: str, expected: list[tuple[str, str]]) -> None:
    parts, paragraphs = _head(tmp_path, f"{head}\n\n{_BODY}\n\n{_BODY}\n\n{tail}\n")
    assert parts == expected
    assert len(paragraphs) == 2


@pytest.mark.parametrize("line", [
    "London, Dover Street.",
    "Schloss Neuhaus, Oberland.",
    "Château de Villebrun.",
    "Villa Rossi, Fiesole.",
    "Quinta de San Pedro.",
])
def test_a_place_alone_with_a_full_stop_heads_the_letter(tmp_path: Path, line: str) -> None:
    # Printed and epistolary letters head their text with the place, without a date.
    parts, paragraphs = _head(tmp_path, f"{line}\n\n{_BODY}\n\n{_BODY}\n")
    assert parts == [("Dateline", line)]
    assert len(paragraphs) == 2


@pytest.mark.parametrize("line", [
    "Sir.", "Herzliche Grüße.", "Mon cher ami.", "Caro Paolo.", "Querido Juan.",
    "The Early Years.", "Thank you.", "Dr. Smith.", "Adorati.", "Liebste.",
])
def test_a_salutation_greeting_or_heading_with_a_full_stop_is_no_place(
        tmp_path: Path, line: str) -> None:
    parts, _ = _head(tmp_path, f"{line}\n\n{_BODY}\n\n{_BODY}\n")
    assert ("Dateline", line) not in parts


@pytest.mark.parametrize("line", [
    "LAST night arrived Lady Clementina, the General, his Lady, the Count, and Signor Sebastiano.",
    "CURSE upon my stars!—Disappointed again!",
    "GESTERN abend kam der Graf mit seiner Frau und dem Herrn Doktor Weber.",
    "HIER au soir arrivèrent le comte, sa femme et Monsieur Dupont.",
    "IERI sera arrivarono il Conte, la Contessa e il Signor Sebastiano.",
    "AYER por la noche llegaron el Conde, su esposa y el Señor Ramírez.",
])
def test_a_first_word_printed_in_capitals_opens_the_text(tmp_path: Path, line: str) -> None:
    # Printed letters set the text's first word in capitals; names in it address nobody.
    parts, paragraphs = _head(tmp_path, f"Monday, Aug. 21.\n\n{line}\n\n{_BODY}\n\n{_BODY}\n")
    assert parts == [("Dateline", "Monday, Aug. 21.")]
    assert paragraphs[0] == line


@pytest.mark.parametrize(("line", "salute"), [
    ("MY dear Friend,", "MY dear Friend,"),
    ("BROTHERS and FRIENDS,", "BROTHERS and FRIENDS,"),
    ("DEAR COMRADES, here are the theses we promised you.", "DEAR COMRADES,"),
])
def test_a_salutation_in_capitals_stays_the_salutation(tmp_path: Path, line: str,
                                                       salute: str) -> None:
    parts, _ = _head(tmp_path, f"{line}\n\n{_BODY}\n\n{_BODY}\n")
    assert ("Salute", salute) in parts
