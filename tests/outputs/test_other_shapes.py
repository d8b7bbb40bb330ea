"""Outputs of TEI shapes that other editions use and teipipe never writes: blocks the text
output did not know (ab, verse lines, table cells, a closer written out), choices without a
repaired reading, a teiCorpus of letters, a group of texts, relations between people and a
neighbouring letter named without a link. Every word of the body reaches the text and the
page, and a teiCorpus gives a page, a text and a CMIF entry per letter."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from support import html5check
from teipipe.publish import outputs
from teipipe.publish.transform import OUTPUTS, Transformer

NS = "http://www.tei-c.org/ns/1.0"
HEADER = """<teiHeader><fileDesc><titleStmt><title>{title}</title></titleStmt>
<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc>
{profile}</teiHeader>"""
CORRESP = """<profileDesc><correspDesc>
<correspAction type="sent"><persName>{sender}</persName><date when="{when}"/></correspAction>
<correspAction type="received"><persName>Quentin Receiver</persName></correspAction>
</correspDesc></profileDesc>"""
BODY = """<text><body>
<ab><lb/>Ablock<lb/>wordsafterbreak<lb/>wordsplit<lb break="no"/>continued</ab>
<lg><l>Verseline one</l><l>Verselinetwo</l></lg>
<table><row><cell>Cellword</cell><cell>Othercell</cell></row></table>
<p>Noted<note>Outernote<note>Innernote</note></note> Before
<choice><abbr>abbrform</abbr><expan>expandedform</expan></choice> and
<choice><sic>lonesic</sic></choice> and <app><lem>lemmaword</lem><rdg>rdgword</rdg></app>.</p>
<closer>Closerword <signed>Signername</signed></closer>
</body></text>"""


def tei(title: str, profile: str = "", body: str = BODY) -> str:
    return (f'<TEI xmlns="{NS}">' + HEADER.format(title=title, profile=profile) + body
            + "</TEI>")


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text))


EXPECTED = {"Ablock", "wordsafterbreak", "wordsplitcontinued", "Verseline", "Verselinetwo",
            "Cellword", "Othercell", "expandedform", "lonesic", "lemmaword", "Closerword",
            "Signername", "Outernote", "Innernote"}


def apply(transformer: Transformer, fmt: str, source: str) -> str:
    tree = etree.ElementTree(etree.fromstring(source))
    return transformer.apply_tree(OUTPUTS[fmt], tree, "t.xml")


def test_the_text_keeps_every_block_whatever_its_element(transformer: Transformer) -> None:
    text = apply(transformer, "text", tei("Blocks"))
    assert words(text) >= EXPECTED
    assert "rdgword" not in text and "abbrform" not in text  # one reading of each


def test_the_page_keeps_every_block_whatever_its_element(transformer: Transformer) -> None:
    page = apply(transformer, "html", tei("Blocks"))
    assert html5check.problems(page) == []
    assert EXPECTED - {"wordsplitcontinued"} <= words(page)


CORPUS = (f'<teiCorpus xmlns="{NS}">' + HEADER.format(title="The corpus", profile="")
          + tei("First letter", CORRESP.format(sender="Ada Sender", when="1840-03-01"),
                "<text><body><p>Firstletterword</p></body></text>")
          + tei("Second letter", CORRESP.format(sender="Bea Sender", when="1840-03-02"),
                "<text><body><p>Secondletterword</p></body></text>")
          + "</teiCorpus>")


def test_a_tei_corpus_gives_one_page_with_every_letter(transformer: Transformer) -> None:
    page = apply(transformer, "html", CORPUS)
    assert html5check.problems(page) == []
    assert html5check.title(page) == "The corpus"
    assert {"Firstletterword", "Secondletterword", "First", "Second"} <= words(page)


def test_a_tei_corpus_gives_the_text_of_every_letter(transformer: Transformer) -> None:
    text = apply(transformer, "text", CORPUS)
    assert text.splitlines()[0] == "The corpus"
    assert text.index("Firstletterword") < text.index("Secondletterword")


def test_a_tei_corpus_gives_a_cmif_entry_per_letter(tmp_path: Path) -> None:
    (tmp_path / "corpus.xml").write_text(CORPUS, encoding="utf-8")
    written, problems = outputs.transform_files("cmif", [tmp_path / "corpus.xml"],
                                                tmp_path / "out")
    assert [d for d in problems if d.severity.value == "error"] == []
    cmif = etree.parse(str(written[0]))
    senders = cmif.findall(f".//{{{NS}}}correspAction[@type='sent']/{{{NS}}}persName")
    assert [s.text for s in senders] == ["Ada Sender", "Bea Sender"]


def test_a_group_of_texts_is_on_the_page(transformer: Transformer) -> None:
    page = apply(transformer, "html", tei("Grouped", "", "<text><group>"
                                          "<text><body><p>Lettertext</p></body></text>"
                                          "<text><body><p>Enclosuretext<note>Notetext"
                                          "</note></p></body></text>"
                                          "</group></text>"))
    assert html5check.problems(page) == []
    assert {"Lettertext", "Enclosuretext", "Notetext"} <= words(page)


@pytest.mark.parametrize("context", [
    '<listRelation><relation name="friend" mutual="#a #b"/></listRelation>',
    '<correspDesc><correspContext><ref type="prev">The letter before</ref></correspContext>'
    "</correspDesc>",
])
def test_relations_of_other_kinds_and_unlinked_neighbours_make_no_links(
        transformer: Transformer, context: str) -> None:
    page = apply(transformer, "html", tei("Related", f"<profileDesc>{context}</profileDesc>",
                                          "<text><body><p>Word</p></body></text>"))
    assert html5check.problems(page) == []
    links = [a.get("href") for a in html5check.parse(page).iter(f"{html5check.XHTML}a")]
    assert not [h for h in links if h and h.endswith(".html")]
    if "prev" in context:
        assert "The letter before" in page


def test_c1_control_characters_become_what_a_browser_shows(transformer: Transformer) -> None:
    # Text mis-decoded from Windows-1252 (the letters1916 data) carries U+0093 and U+0094.
    page = apply(transformer, "html", tei("Controls", "", "<text><body><p>He said \x93yes"
                                          "\x94 \x81</p></body></text>"))
    assert html5check.problems(page) == []
    assert "He said \u201cyes\u201d \ufffd" in page


def test_a_choice_of_other_alternatives_names_the_others(transformer: Transformer) -> None:
    page = apply(transformer, "html", tei("Alternatives", "", "<text><body><p><choice>"
                                          "<unclear>Kauzene</unclear><unclear>Kanzene</unclear>"
                                          "</choice></p></body></text>"))
    assert html5check.problems(page) == []
    assert 'title="Other readings: Kanzene"' in page
