"""Golden tests of the XSLT outputs: fixture TEI → expected HTML and text.

Regenerate the expected files with TEIPIPE_ACCEPT=1 and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree, html

from support.outputs_paths import FIXTURES
from teipipe.publish.transform import OUTPUTS, SITE_PAGE, Transformer

CASES = sorted(FIXTURES.glob("*.xml"))


@pytest.mark.parametrize("fmt", ["html", "text"])
@pytest.mark.parametrize("source", CASES, ids=[p.stem for p in CASES])
def test_golden(source: Path, fmt: str, transformer: Transformer) -> None:
    result = transformer.apply_file(OUTPUTS[fmt], source)
    expected = source.with_suffix(OUTPUTS[fmt].extension)
    if os.environ.get("TEIPIPE_ACCEPT") == "1":
        expected.write_text(result, encoding="utf-8")
    assert expected.is_file(), f"no golden {expected.name}; run with TEIPIPE_ACCEPT=1"
    assert result == expected.read_text(encoding="utf-8")


def _page(transformer: Transformer) -> html.HtmlElement:
    """The fixture's page as the site has it (the golden file is the page on its own)."""
    source = FIXTURES / "letter-features.xml"
    return html.fromstring(transformer.apply_file(SITE_PAGE, source))


def test_a_page_on_its_own_links_into_no_site(transformer: Transformer) -> None:
    page = html.fromstring(transformer.apply_file(OUTPUTS["html"],
                                                  FIXTURES / "letter-features.xml"))
    assert not page.xpath("//nav[@class='site']")
    assert not page.xpath("//a[starts-with(@href, '../')]")
    assert page.xpath("//span[@class='name persName'][. = 'Ben']")
    assert _page(transformer).xpath("//nav[@class='site']/a[@href='../schema/reference.html']")


def test_html_is_html5_with_languages(transformer: Transformer) -> None:
    text = transformer.apply_file(OUTPUTS["html"], FIXTURES / "letter-features.xml")
    assert text.lower().startswith("<!doctype html>")
    page = html.fromstring(text)
    assert page.get("lang") == "en"
    assert page.xpath("//span[@class='foreign'][@lang='fr']")
    assert not page.xpath("//script | //link[@rel='stylesheet'] | //img")


def test_ids_are_unique_and_links_go_both_ways(transformer: Transformer) -> None:
    page = _page(transformer)
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids))
    for link in page.xpath("//a[starts-with(@href, '#')]"):
        assert link.get("href")[1:] in ids, link.get("href")
    # a note cited twice has two markers and two back-links
    assert [a.get("href") for a in page.xpath("//li[@id='note-n1']/a[@class='backlink']")] == \
        ["#ref-n1", "#ref-n1-2"]
    assert page.xpath("//a[@id='ref-fn1'][@href='#note-fn1']")


def test_editorial_notes_are_marked(transformer: Transformer) -> None:
    page = _page(transformer)
    assert page.xpath("//li[@id='note-n1'][contains(@class, 'editorial')]//*[@class='note-kind']")
    assert page.xpath("//li[@id='note-fn1'][contains(@class, 'authorial')]")
    assert not page.xpath("//li[@id='note-fn1']//*[@class='note-kind']")
    assert len(page.xpath("//li[@id='note-n1']//p")) == 2


def test_repairs_show_the_source_on_focus(transformer: Transformer) -> None:
    page = _page(transformer)
    repairs = page.xpath("//span[contains(@class, 'choice')]")
    assert [r.text_content() for r in repairs] == ["hyphenated", "mistake"]
    assert all(r.get("tabindex") == "0" and r.get("title") for r in repairs)
    assert "hyph-|enated" in repairs[0].get("title")
    assert "mistaek" in repairs[1].get("title") and "teipipe" in repairs[1].get("title")


def test_names_pages_and_letter_layout(transformer: Transformer) -> None:
    page = _page(transformer)
    assert page.xpath("//a[@href='../register/sample-ben.html']")
    assert [p.get("aria-label") for p in page.xpath("//*[contains(@class, 'pb')][@role]")] == \
        ["page 2", "page 3"]
    assert page.xpath("//div[@class='opener']/p[@class='dateline']")
    assert page.xpath("//div[@class='closer']/p[@class='signed']")
    facts = page.xpath("string(//header[@class='facts'])")
    assert "Anna Example" in facts and "Ben Sample" in facts and "2 March 1901" in facts
    assert "CC BY 4.0" in facts


def test_every_word_survives_in_the_text(transformer: Transformer) -> None:
    source = etree.parse(str(FIXTURES / "letter-features.xml"))
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    text = transformer.apply_file(OUTPUTS["text"], FIXTURES / "letter-features.xml")
    for node in source.xpath("//t:text//t:p", namespaces=ns):
        for word in " ".join(node.xpath(".//text()[not(ancestor::t:orig or ancestor::t:sic)]",
                                       namespaces=ns)).split():
            assert word.strip(".,[]") in text, word
