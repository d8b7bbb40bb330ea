"""Reading pages of TEI that other editions made: real letters of two editions and a
generated stress set give valid HTML5 pages, in the text's language, under the letter's own
title; one file that cannot be read is one line and the others are still made."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from support import html5check
from support.outputs_paths import SHARED
from support.stress_tei import letters
from teipipe.publish.transform import OUTPUTS, Transformer

REAL = SHARED / "realworld" / "tei"
EDITIONS = sorted((REAL / "escher").glob("*.xml")) + sorted((REAL / "schnitzler").glob("*.xml"))
# Every 25th of the 500 further Escher letters: the whole set is in benchmarks/.
SAMPLE = sorted((REAL / "escher-500").glob("*.xml"))[::25]
TEI = {"t": "http://www.tei-c.org/ns/1.0"}
STRESS = letters(40)


def _own_title(path: Path) -> str:
    """The title a person would call the letter's: the analytic one when there is one."""
    titles = etree.parse(str(path)).findall(".//t:titleStmt/t:title", TEI)
    chosen = [t for t in titles if t.get("level") == "a"] or titles
    return " ".join("".join(chosen[0].itertext()).split())


@pytest.mark.parametrize("path", EDITIONS + SAMPLE, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_real_letters_give_valid_pages(path: Path, transformer: Transformer) -> None:
    page = transformer.apply_file(OUTPUTS["html"], path)
    assert html5check.problems(page) == []
    assert html5check.title(page) == _own_title(path)
    tree = etree.parse(str(path))
    declared = [str(v) for v in tree.xpath("/t:TEI/@xml:lang | //t:langUsage/t:language/@ident",
                                           namespaces=TEI)]
    # The Escher letters declare no language: their German and French are told apart.
    expected = declared[0] if declared else _escher_language(path)
    assert html5check.root_attributes(page)["lang"] == expected


def _escher_language(path: Path) -> str:
    words = " ".join(etree.parse(str(path)).xpath("//t:text//text()", namespaces=TEI)).split()
    french = sum(w in {"le", "la", "les", "et", "que", "est", "vous"} for w in words)
    german = sum(w in {"der", "die", "das", "und", "ist", "nicht", "Sie"} for w in words)
    return "fr" if french > german else "de"


@pytest.mark.parametrize("letter", STRESS, ids=lambda s: f"seed{s.seed}")
def test_stress_letters_give_valid_pages(letter: object, transformer: Transformer) -> None:
    from support.stress_tei import StressLetter
    assert isinstance(letter, StressLetter)
    page = transformer.apply_tree(OUTPUTS["html"], letter.tree, f"seed{letter.seed}")
    assert html5check.problems(page) == []
    assert html5check.root_attributes(page)["lang"] == letter.language
    assert html5check.title(page) == letter.title
    tree = html5check.parse(page)
    ids = set(tree.xpath("//@id"))
    for href in tree.xpath("//*[local-name()='a']/@href[starts-with(., '#')]"):
        assert href[1:] in ids, href
    # every note of the text is listed once, and every marker links to it
    notes = letter.tree.xpath("//t:text//t:note", namespaces=TEI)
    listed = tree.xpath("//*[local-name()='li'][contains(@class, 'note')]")
    assert len(listed) == len(notes)


def test_stress_set_covers_what_editions_nest() -> None:
    """The generated letters hold each construct the pages must survive."""
    found = {etree.QName(e).localname for s in STRESS for e in s.tree.iter()
             if isinstance(e.tag, str)}
    assert {"salute", "dateline", "list", "table", "figure", "choice", "app", "rdg", "lb",
            "pb", "gap", "unclear", "quote", "hi", "respStmt"} <= found
    inside_p = {etree.QName(e).localname for s in STRESS
                for e in s.tree.xpath("//t:p/*", namespaces=TEI)}
    assert {"salute", "dateline", "list", "table", "figure", "quote"} <= inside_p
    places = {n.get("place") for s in STRESS for n in s.tree.xpath("//t:note", namespaces=TEI)}
    assert len(places) >= 8
    several = [s for s in STRESS if s.tree.xpath("//t:respStmt[count(t:resp) > 1]",
                                                 namespaces=TEI)]
    assert several


def test_checker_finds_what_browsers_repair() -> None:
    assert html5check.problems("<!DOCTYPE html><html lang='en'><title>t</title>"
                               "<p>a<div>b</div></p>")
    assert html5check.problems("<!DOCTYPE html><html lang='en'><title>t</title>"
                               "<span><ul><li>x</li></ul></span>")
    assert html5check.problems("<!DOCTYPE html><html lang='en'><title>t</title>"
                               "<p id='a'>x</p><p id='a'>y</p>")
    assert html5check.problems("<!DOCTYPE html><html lang='en'><title>t</title>"
                               "<p>ok</p>") == []


@pytest.mark.parametrize("fmt", ["html", "cmif"])
def test_a_failing_file_is_one_located_line_and_the_others_go_on(
        fmt: str, tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    from teipipe import cli
    good, bad = tmp_path / "good.xml", tmp_path / "bad.xml"
    good.write_text(f'<TEI xmlns="{TEI["t"]}"><teiHeader><profileDesc><correspDesc>'
                    '<correspAction type="sent"><persName>A</persName></correspAction>'
                    '<correspAction type="received"><persName>B</persName></correspAction>'
                    '</correspDesc></profileDesc></teiHeader>'
                    '<text><body><p>fine</p></body></text></TEI>', encoding="utf-8")
    bad.write_text(f'<TEI xmlns="{TEI["t"]}"><text><body><p>torn</body></text></TEI>',
                   encoding="utf-8")
    code = cli.main(["transform", "--to", fmt, str(bad), str(good), "--out",
                     str(tmp_path / "out"), "-q"])
    assert code == 1
    assert (tmp_path / "out" / ("good.html" if fmt == "html" else "cmif.xml")).is_file()
    # everything on standard error, Saxon's own output included: one line for the bad file
    # (and, for CMIF, the warnings about the edition settings none were given)
    lines = [line for line in capfd.readouterr().err.splitlines() if line.strip()]
    errors = [line for line in lines if ": error: " in line]
    assert len(errors) == 1 and all(": warning: " in line for line in lines
                                    if line not in errors), lines
    place = errors[0].split(": error: ")[0]
    assert Path(place.split(":")[0]).name == "bad.xml" and place.split(":")[1] == "1"
