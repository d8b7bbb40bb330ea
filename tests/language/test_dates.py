"""Dates and date lines as letters write them, in the five languages read."""

from __future__ import annotations

import pytest

from teipipe.language.dates import (
    find_date,
    iso_problem,
    parse_dateline,
    range_end,
    read_dateline,
    read_weekday_place,
    read_yearless_place,
)

DATELINES = [
    # (line, century hint, expected date, expected place)
    ("Paris, le 12 janvier 1902.", None, "1902-01-12", "Paris"),
    ("De Strasbourg, ce 10 de juillet (1538).", None, "1538-07-10", "Strasbourg"),
    ("Neuchatel le 13 Aout 1856", None, "1856-08-13", "Neuchatel"),
    ("Bischofzell, Samstag den 27. Juni 1829", None, "1829-06-27", "Bischofzell"),
    ("Leipzig, d. 5ten Merz 1790", None, "1790-03-05", "Leipzig"),
    ("Wien, 3. III. 1850", None, "1850-03-03", "Wien"),
    ("Frankfurt a. M., 27.6.1829", None, "1829-06-27", "Frankfurt a. M."),
    ("Zürich den 9ten Aug. 45.", 18, "1845-08-09", "Zürich"),
    ("Belvoir 31 dez.ber 1861.", None, "1861-12-31", "Belvoir"),
    ("Turin–15–Juillet–1860.", None, "1860-07-15", "Turin"),
    ("Fluntern (Warlburg) den 26 October 1871.", None, "1871-10-26", "Fluntern"),
    ("London, March 3rd, 1850", None, "1850-03-03", "London"),
    ("3 March 1850", None, "1850-03-03", None),
    ("Monday, March 3, 1850", None, "1850-03-03", None),
    ("the 1st of May, 1850", None, "1850-05-01", None),
    ("St Louis Mo May 22/96", 18, "1896-05-22", "St Louis Mo"),
    ("Pine Ridge Agency, April [3, 1897]", None, "1897-04-03", "Pine Ridge Agency"),
    ("April 2, 19021", None, "1902-04-02", None),  # a note number glued to the year
    ("Firenze, 3 marzo 1870", None, "1870-03-03", "Firenze"),
    ("Firenze, li 3 Marzo 1870", None, "1870-03-03", "Firenze"),
    ("Dall’Haya al primo agosto 1617", None, "1617-08-01", "Haya"),
    ("Da Amsterdam a’ 8 genaro 1619", None, "1619-01-08", "Amsterdam"),
    ("Roma, 1° marzo 1870", None, "1870-03-01", "Roma"),
    ("Dall’Haye all’ultimo d’ottobre 1616", None, "1616-10-31", "Haye"),
    ("Dall’Haya il dì primo settembre 1620", None, "1620-09-01", "Haya"),
    ("Di Grunighen a’ 30 ottobre 1617", None, "1617-10-30", "Grunighen"),
    ("Madrid, 4 de mayo de 1902", None, "1902-05-04", "Madrid"),
    ("Bord en mer Salonique le 16 Mars 1916", None, "1916-03-16", "Salonique"),
    ("M.Stammlager III A, 6 luglio 1944", None, "1944-07-06", "M.Stammlager III A"),
    ("Selvatelle 5-5-1944", None, "1944-05-05", "Selvatelle"),
    ("Wien, 28. X. 904", 19, "1904-10-28", "Wien"),
    ("Coyoacán, D.F., 3 de mayo de 1938", None, "1938-05-03", "Coyoacán, D.F."),
    ("Madrid, a 1.º de setiembre de 1902", None, "1902-09-01", "Madrid"),
    # The place as the line writes it, qualifiers and address included (#12).
    ("Washington, D.C. May 29, 1882.", None, "1882-05-29", "Washington, D.C."),
    ("Brooklyn, N. Y. Feb. 6th 1863", None, "1863-02-06", "Brooklyn, N. Y."),
    ("London W. 3 March 1876", None, "1876-03-03", "London W."),
    ("328 Mickle Street Camden New Jersey Nov: 25 '85", 18, "1885-11-25",
     "328 Mickle Street Camden New Jersey"),
    ("Camden noon Sept.27 '89", 18, "1889-09-27", "Camden"),
    ("Camden Feb: 24 '88— noon", 18, "1888-02-24", "Camden"),
    ("Washington Monday forenoon May 23 '64", 18, "1864-05-23", "Washington"),
    ("Millthorpe near Chesterfield, January 27, 1889.", None, "1889-01-27",
     "Millthorpe near Chesterfield"),
    ("431 Stevens st. cor West. Camden, N. Jersey. Feb. 15, /76", 18, "1876-02-15",
     "431 Stevens st. cor West. Camden, N. Jersey"),
    ("August 31st /91 Supreme Court Library Melbourne", 18, "1891-08-31",
     "Supreme Court Library Melbourne"),
    ("Rodaun 18/1 1903", None, "1903-01-18", "Rodaun"),
    ("Wien-Döbling. 11/10. 1902.", None, "1902-10-11", "Wien-Döbling"),
    ("21/3 92 Wien.", 18, "1892-03-21", "Wien"),
    ("Riesbach–Zürich z. Schwanen 27. Februar 1877.", None, "1877-02-27",
     "Riesbach–Zürich z. Schwanen"),
    ("Nugola 17,5,944", None, "1944-05-17", "Nugola"),
    ("Venezia 7/9/43 ore 10", 19, "1943-09-07", "Venezia"),
    ("Selvatelle ore 12 del 25-9-43", 19, "1943-09-25", "Selvatelle"),
    ("Di Venezia, li 3 di marzo 1620", None, "1620-03-03", "Venezia"),
    ("Bord en mer environ de Corfou le 04 Novembre 1916", None, "1916-11-04", "Corfou"),
    ("En Madrid a 3 de mayo de 1820", None, "1820-05-03", "Madrid"),
    ("Sevilla, mayo 3 de 1820", None, "1820-05-03", "Sevilla"),
    # Chancery dates: days in small Roman figures or ordinal words, `mil vc xxxvi`.
    ("Escript à Valence le dixieme jour de aoust mil vc xxxvi.", None, "1536-08-10",
     "Valence"),
    ("Escript à Roussillon le vme jour d’aoust mil vc xxxvi.", None, "1536-08-05",
     "Roussillon"),
    ("Escript au camp de Pernes le dernier jour d’avril mil vc xxxvii.", None,
     "1537-04-30", "camp de Pernes"),
    ("À Guillestre le iiiime jour de decembre mil vc xxxvii.", None, "1537-12-04",
     "Guillestre"),
    ("Dall’Haya li xi febraro 1620", None, "1620-02-11", "Haya"),
    # Postal districts and house numbers after the street (Tillich's letters).
    ("Berlin W 8, den 24. März 1931.", None, "1931-03-24", "Berlin W 8"),
    ("Berlin-Friedenau, Taunusstr. 1, 13.I.1920", None, "1920-01-13",
     "Berlin-Friedenau, Taunusstr. 1"),
    ("Dölzig/Neumark, den 2. September 1903.", None, "1903-09-02", "Dölzig/Neumark"),
    ("Kloster auf Hiddensee (Rügen) den 21. August 1923", None, "1923-08-21",
     "Kloster auf Hiddensee"),
    ("Dresden, den 12. Dezember 1926 Elisenstr. 11", None, "1926-12-12", "Dresden"),
    ("Nauen, 24.4.1912 Potsdamerstr 50-51.", None, "1912-04-24", "Nauen"),
    ("Frankfurt an der Oder, 3. März 1850", None, "1850-03-03", "Frankfurt an der Oder"),
    # A month and year are no day: `Mai 1906` is not the 19th of May 06.
    ("Rodaun, Mai 1906", 19, "1906-05", "Rodaun"),
    ("Frankfurt a/M. 3. März 1850", None, "1850-03-03", "Frankfurt a/M."),
    # A salutation or an address before the place is not part of it.
    ("Dear Sir, London 3 March 1850", None, "1850-03-03", "London"),
    ("Lieber Freund, Wien 3. März 1850", None, "1850-03-03", "Wien"),
    ("Herrn Professor Tillich, Dresden, 3. März 1928", None, "1928-03-03", "Dresden"),
    ("Montevideo, Mayo 9 de 1839", None, "1839-05-09", "Montevideo"),
    ("En la ciudad de México, a 3 de mayo de 1820", None, "1820-05-03", "México"),
    ("Santiago de Chile, 3 de mayo de 1820", None, "1820-05-03", "Santiago de Chile"),
    ("Camden Oct: 26.82 Evn'g", 18, "1882-10-26", "Camden"),
    # A place the edition supplied in brackets (Whitman's correspondents).
    ("[London, Ont.,] 3 April 1889", None, "1889-04-03", "London, Ont."),
    # Digits of the year the edition supplied in brackets.
    ("[London, Ont.,] 8 Jan [188]9", None, "1889-01-08", "London, Ont."),
    ("Camden, May 3, 18[89]", None, "1889-05-03", "Camden"),
    # English month abbreviations with an apostrophe; Italian `dell’`.
    ("Philad'a, Jan'y 3d, 1788", None, "1788-01-03", "Philad'a"),
    ("Mount Vernon, Sept'r 3, 1787", None, "1787-09-03", "Mount Vernon"),
    ("Roma, 3 dell'ottobre 1850", None, "1850-10-03", "Roma"),
    # A printed letterhead run into the date line: its last parts are the place.
    ("J. H. JOHNSTON & CO., Diamond Merchants and Jewelers, 17 Union Square, New York, "
     "May 3, 1880", None, "1880-05-03", "17 Union Square, New York"),
]


@pytest.mark.parametrize(("line", "century", "when", "place"), DATELINES)
def test_dateline_gives_date_and_place(line: str, century: int | None, when: str,
                                       place: str | None) -> None:
    found = read_dateline(line, century)
    assert found is not None
    assert (found.date.when, found.place) == (when, place)
    if place is not None:
        assert line[found.place_start:found.place_end] == place
    assert find_date(line, century) is not None


@pytest.mark.parametrize("line", [
    "Lettre à Marguerite Rosmer, 27 septembre 1936",  # a title naming the addressee
    "Received 3 March 1850",  # a docket: when it arrived, not when it was sent
    "Ich habe Ihren Brief vom 3. März 1850 erhalten und danke Ihnen sehr dafür.",
    "Rosa Winter 1921",  # a season is no month
    "I arrived in London 3 March 1850",  # a sentence
    "Thank you for your letter of 3 March 1850.",
    "3 March 1850 I went to see him in London again",  # a sentence after the date
    "Camden 3 March 1850 and the rest of the week",
    "My dear friend, 3 March 1850",  # a salutation, not a place
])
def test_lines_that_are_not_datelines(line: str) -> None:
    assert read_dateline(line) is None


def test_a_day_that_does_not_exist_leaves_the_month() -> None:
    found = read_dateline("Paris, 30 février 1902")
    assert found is not None and found.date.when == "1902-02"


def test_two_digit_years_need_the_century() -> None:
    assert read_dateline("Bern 19. XI. 50") is None
    found = read_dateline("Bern 19. XI. 50", 18)
    assert found is not None and found.date.when == "1850-11-19"


def test_a_failed_candidate_does_not_hide_the_date_after_it() -> None:
    found = read_dateline("Strassburg, 15 Blauwolkengasse 24. Juli 1878.")
    assert found is not None and found.date.when == "1878-07-24"


def test_iso_problems_name_what_is_wrong() -> None:
    assert iso_problem("1902-02-28") is None and iso_problem("1902") is None
    assert "not a date of the calendar" in str(iso_problem("1902-02-30"))
    assert "not ISO 8601" in str(iso_problem("30.2.1902"))
    assert range_end("1900-02") == "1900-02-28" and range_end("1904-02") == "1904-02-29"


def test_names_before_or_after_a_date_are_no_place() -> None:
    assert read_dateline("Paul Tillich an Werner Richter, Kloster auf Hiddensee, Rügen, "
                         "21. August 1923") is None
    assert read_dateline("Wien, 3. März 1850 Lieber Freund!") is None
    assert read_dateline("12. März 1857. Friedrich Ehrhardt an Alfred Escher") is None
    assert read_dateline("Walt Whitman to Thomas Jefferson Whitman, May 23, 1864") is None


def test_a_date_line_without_a_year_still_names_its_place() -> None:
    assert read_yearless_place("Camden Friday Evn'g Sept: 22") == "Camden"
    assert read_yearless_place("322 Stevens st. Camden, N.J. Monday June 7.") == \
        "322 Stevens st. Camden, N.J."
    assert read_yearless_place("Camden Feb. 14 p m") == "Camden"
    assert read_yearless_place("Berlin, 18. April.") == "Berlin"
    assert read_yearless_place("Chur den 19ten May.") == "Chur"
    assert read_yearless_place("Lettre à Marguerite Rosmer, 27 septembre") is None
    assert read_yearless_place("Jun. 29th") is None


@pytest.mark.parametrize(("line", "place"), [
    # Whitman's notes, dated by the weekday and the hour only.
    ("Camden Thursday evening", "Camden"),
    ("Camden Wednesday 12:40 P M", "Camden"),
    ("431 Stevens st. Thursday afternoon 1 2 past 2.", "431 Stevens st."),
    ("Wien, Montag", "Wien"), ("Paris, mardi soir", "Paris"), ("Firenze, sabato sera", "Firenze"),
    ("Madrid, martes", "Madrid"),
    # No place: a weekday alone, a sentence, a weekday with other words after it.
    ("Friday after dinner", None), ("I came Monday", None), ("Tuesday", None),
    ("Camden Thursday we went to the river", None),
])
def test_a_date_line_with_a_weekday_only_names_its_place(line: str, place: str | None) -> None:
    assert read_weekday_place(line) == place


@pytest.mark.parametrize(("line", "when"), [
    ("February 28, 1727-8.", "1728-02-28"),
    ("London, Jan. 3, 1709/10.", "1710-01-03"),
    ("Leipzig, den 3. März 1582/3", "1583-03-03"),
    ("Paris, le 3 mars 1727-28", "1728-03-03"),
    ("Roma, 3 marzo 1727/8", "1728-03-03"),
    ("Madrid, 3 de marzo de 1727/28", "1728-03-03"),
])
def test_a_year_in_both_reckonings_is_the_later_year(line: str, when: str) -> None:
    # Until the 1750s the English year began on 25 March: `1727-8` is 1728 as we count.
    found = parse_dateline(line)
    assert found is not None and found[0].when == when


def test_a_span_of_years_is_no_dual_year() -> None:
    # Only the next year's last digits make a dual year: `1914-18` is four years.
    found = parse_dateline("London, March 3, 1914-18")
    assert found is None or not found[0].when.startswith("1918")
