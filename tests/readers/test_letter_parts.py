"""Failures measured on letters of other editions (issue #12), each as a small case."""

from __future__ import annotations

from pathlib import Path

import pytest
from letter_reading import marker_refs, read_letter

from teipipe import source
from teipipe.diagnostics import Location
from teipipe.model import (
    Note,
    Opener,
    PageBreak,
    Paragraph,
    inline_text,
)
from teipipe.pipeline import convert_source
from teipipe.project.register import Register
from teipipe.readers import rules
from teipipe.readers.markers import align
from teipipe.walk import iter_inline_runs


@pytest.mark.parametrize("line", [
    "Paris, le 12 janvier 1902.", "Bischofzell, Samstag den 27. Juni 1829",
    "De Strasbourg, ce 10 de juillet (1538).", "Wien 13 Juni 1845.", "[1538]",
    "Zürich den 10t März 66.", "Leyden den 22ten 8bre 1837.", "ARieden 19.VI.55",
    "Dall’Haya a’ 26 luglio 1617", "Madrid, 3 de marzo de 1902.", "Bauma 10. Aprill 1845.",
])
def test_datelines_are_recognised_by_their_shape(line: str) -> None:
    assert rules.is_dateline(line)


@pytest.mark.parametrize("line", [
    "We left in 1902.", "I arrived in Paris, in June 1902.", "Rosa Winter 1921",
    "Source: Rosa Winter, Collected Letters, 1980;", "Notes (1938)",
])
def test_sentences_bylines_and_headings_with_a_year_are_no_datelines(line: str) -> None:
    assert not rules.is_dateline(line)


@pytest.mark.parametrize(("line", "closing"), [
    ("Votre humble frère,", True), ("Ihr ergebenster Diener", True),
    ("Mit vorzüglicher Hochachtung", True), ("Su afectísimo amigo y seguro servidor,", True),
    ("Vostro affezionatissimo", True), ("Ta lettre m'a fait plaisir.", False),
    ("Nous reviendrons dans huit jours. Je vous embrasse de tout cœur et vous prie de "
     "saluer les enfants de ma part.", False),
])
def test_closing_formulas_of_five_languages(line: str, closing: bool) -> None:
    assert rules.is_closing(line) is closing


def test_a_marker_in_the_address_line_is_linked(tmp_path: Path) -> None:
    doc, reporter = read_letter(tmp_path, (
        "À Louis du Tillet[1]\n\n[Envoyée à Paris]\n\nMonsieur,\n\n"
        "J'ai reçu vos lettres[2] avec grande joie, et je vous en remercie de tout cœur.\n\n"
        "Votre humble frère,\n\nCharles d'Espeville.\n\n"
        "1. Louis du Tillet, chanoine d'Angoulême.\n2. Ces lettres sont perdues.\n"))
    assert marker_refs(doc) == [("Tillet", "n1"), ("lettres", "n2")]
    # The address is the opener's (issue #12: it used to become the title).
    opener = doc.body[0]
    assert isinstance(opener, Opener)
    assert [(type(p).__name__, inline_text(p.inlines).strip()) for p in opener.parts] == [
        ("AddressLine", "À Louis du Tillet[1]"), ("Dateline", "[Envoyée à Paris]"),
        ("Salute", "Monsieur,")]
    assert doc.meta.title == "" and not doc.front
    assert not [d for d in reporter if d.code == "notes.marker-without-note"]


def test_a_single_endnote_after_a_postscript_is_linked(tmp_path: Path) -> None:
    doc, _ = read_letter(tmp_path, (
        "Mexico, 3 March 1938\n\nDear friend,\n\nThank you for the book; I read it with "
        "great interest and will write about it soon.\n\nWith best wishes,\n\nL. Trotsky\n\n"
        "P.S. My wife[1] thanks you as well.\n\n1. Trotsky's wife, Natalia\n"))
    assert marker_refs(doc) == [("wife", "n1")]


def test_a_notes_heading_over_one_unanchored_note_loses_no_word(tmp_path: Path) -> None:
    text = ("Paris, 3 mars 1902\n\nCher ami,\n\nJe vous remercie de votre lettre. Nous partirons "
            "demain pour Lyon avec les enfants.\n\nBien à vous,\n\nJean Dupont\n\nNOTES\n\n"
            "Cette lettre a été publiée pour la première fois en 1950.\n")
    result = convert_source(source.from_text(text, "lettre.txt"), Register(), None)
    assert result.ok, [d.message for d in result.diagnostics]
    assert result.tei is not None
    xml = result.tei.to_bytes().decode()
    assert '<div type="notes">\n        <head>NOTES</head>\n        <note' in xml
    assert 'anchored="false"' in xml


def test_a_page_break_inferred_inside_a_sentence_is_only_probable(tmp_path: Path) -> None:
    page = "Wir reisten am Montag ab und kamen nach einer langen und beschwerlichen Fahrt"
    # A page holds twenty lines at least: the page end falls after a page's length of text.
    before = "Die Tage vor der Reise waren voller Arbeit, und wir schrieben Briefe an alle, die\n"
    doc, _ = read_letter(tmp_path, (
        f"Lieber Freund!\n\n{before * 20}uns erwarteten.\n\n{page}\n"
        "über die hohen Berge endlich in der alten Stadt am Fluss an, wo uns am Abend die\n\n"
        "Freunde schon am Tor erwarteten und sogleich zum Essen in ihr Haus führten.\n\n"
        "Dein Arthur\n"), reader="book-ocr")
    breaks = [n for run in iter_inline_runs(doc) for n in run if isinstance(n, PageBreak)]
    assert [b.cert for b in breaks] == ["medium"]


def test_markers_are_aligned_with_the_order_of_the_notes() -> None:
    """A number of the text that reads like a marker does not carry the notes off."""
    def note(label: str) -> Note:
        return Note(f"n{label}", label, (Paragraph((), Location("x")),), Location("x"))

    texts = ["Vergicb 1 mir, daß ich Deinen Brief2 so spät beantworte",
             "den Tschudi'schen Aktienverein3 und Dr. Trümpi's4 Nachläßigkeit",
             "am 1. Januar kam Gerlich1 zurück"]
    chosen = align([(text, "") for text in texts], [note("1"), note("2"), note("3"), note("4")])
    assert {k: (p.text, p.start, p.glued) for k, p in chosen.items()} == {
        "n1": (0, texts[0].index("1 mir"), False), "n2": (0, texts[0].index("2 so"), True),
        "n3": (1, texts[1].index("3 und"), True), "n4": (1, texts[1].index("4 Nach"), True)}


def test_address_lines_at_the_head_are_the_openers_address(tmp_path: Path) -> None:
    text = ("Johannes Kern an Alfred Escher, Bülach, 28. Februar 1846\n\nAn Alfred Escher\n\n"
            "An Herrn Dr. Alfred Escher in Zürich.\n\nHochgeehrter Herr!\n\nHeute wurde ich über "
            "eine an mich gelangte Anzeige unterrichtet, die ich Ihnen mitteilen muss.\n\n"
            "Mit Hochachtung\n\nJ. Kern\n")
    result = convert_source(source.from_text(text, "brief.txt"), Register(), None)
    assert result.tei is not None and not [d for d in result.diagnostics
                                           if d.code.startswith("lossless")]
    xml = result.tei.to_bytes().decode()
    assert ("<opener>\n        <address>\n          <addrLine>An Alfred Escher</addrLine>\n"
            "          <addrLine>An Herrn Dr. Alfred Escher in Zürich.</addrLine>\n"
            "        </address>\n        <salute>Hochgeehrter Herr!</salute>") in xml
    assert xml.count("<p>") == 1 + xml.split("<body>")[0].count("<p>")
