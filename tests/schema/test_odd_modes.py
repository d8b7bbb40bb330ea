"""The ODD compiler on customisations of TEI P5: selections, modes, chaining, located errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from support.schema_helpers import P5, REALWORLD
from teipipe.schema import compile_file, compile_odd
from teipipe.schema.expand import Sources, load

HEAD = """<?xml version="1.0"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>
<schemaSpec ident="t" start="TEI">
<moduleRef key="tei"/><moduleRef key="core" include="p title list item"/>
<moduleRef key="header" include="teiHeader fileDesc titleStmt publicationStmt sourceDesc"/>
<moduleRef key="textstructure" include="TEI text body"/>
"""
TAIL = "\n</schemaSpec></body></text></TEI>\n"
TEI_NS = "http://www.tei-c.org/ns/1.0"
DOC = (f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
       "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc>"
       "</teiHeader><text><body>{body}</body></text></TEI>")


def grammar(specs: str = "", source: str = "") -> etree.RelaxNG:
    head = HEAD.replace('start="TEI"', f'start="TEI" {source}') if source else HEAD
    result = compile_odd((head + specs + TAIL).encode(), "t.odd", P5)
    assert result.ok, [d.format() for d in result.diagnostics]
    return etree.RelaxNG(etree.fromstring(result.outputs["t.rng"]))


def valid(relaxng: etree.RelaxNG, body: str) -> bool:
    return bool(relaxng.validate(etree.fromstring(DOC.format(body=body))))


@pytest.fixture(scope="module")
def plain() -> etree.RelaxNG:
    return grammar()


def test_include_selects_elements_and_leaves_out_the_rest(plain: etree.RelaxNG) -> None:
    assert valid(plain, "<p>a <title>b</title></p><list><item>c</item></list>")
    assert not valid(plain, "<p>a <hi>b</hi></p>")  # hi is in core but not included
    assert not valid(plain, "<div><p>a</p></div>")  # so is div, of textstructure


def test_except_leaves_out_the_named_elements() -> None:
    relaxng = grammar().__class__(etree.fromstring(compile_odd((HEAD.replace(
        '<moduleRef key="core" include="p title list item"/>',
        '<moduleRef key="core" except="hi"/>') + TAIL).encode(), "t.odd", P5).outputs["t.rng"]))
    assert valid(relaxng, "<p>a <emph>b</emph></p>")
    assert not valid(relaxng, "<p>a <hi>b</hi></p>")


def test_deleting_an_attribute_class_drops_what_its_members_inherit(
        plain: etree.RelaxNG) -> None:
    assert valid(plain, '<p rend="x">a</p>')
    changed = grammar('<classSpec ident="att.global.rendition" type="atts" mode="delete"/>')
    assert not valid(changed, '<p rend="x">a</p>')
    assert valid(changed, '<p xml:id="a">a</p>')


def test_deleting_an_element_removes_it_from_content_models() -> None:
    relaxng = grammar('<elementSpec ident="title" mode="delete"/>')
    assert valid(relaxng, "<p>a</p>") is False  # titleStmt needed a title: it is gone...
    assert relaxng.validate(etree.fromstring(DOC.replace("<title>t</title>", "").format(
        body="<p>a</p>")))  # ...and titleStmt no longer requires one


def test_an_attdef_changing_an_inherited_attribute_overrides_it() -> None:
    relaxng = grammar('<elementSpec ident="item" mode="change"><attList>'
                      '<attDef ident="xml:lang" mode="change" usage="req"/></attList>'
                      "</elementSpec>")
    assert valid(relaxng, '<list><item xml:lang="de">a</item></list>')
    assert not valid(relaxng, "<list><item>a</item></list>")
    assert not valid(relaxng, '<list><item xml:lang="not a tag">a</item></list>')


def test_an_attdef_adding_an_inherited_attribute_again_is_a_located_error() -> None:
    data = (HEAD + '<elementSpec ident="p" mode="change"><attList>\n'
            '<attDef ident="xml:lang" usage="req"/></attList></elementSpec>' + TAIL).encode()
    result = compile_odd(data, "t.odd", P5)
    assert [d.format() for d in result.diagnostics] == [
        't.odd:8:1: error: attDef ident="xml:lang" on element "p" declares again the attribute '
        'it inherits from att.global; write mode="change" to alter the inherited one or '
        'mode="replace" to redefine it [odd.attribute-redeclared]']


def test_closed_value_lists_in_attributes_and_in_content() -> None:
    relaxng = grammar('<elementSpec ident="list" mode="change"><attList>'
                      '<attDef ident="type" mode="change"><valList type="closed" mode="replace">'
                      '<valItem ident="simple"/></valList></attDef></attList></elementSpec>'
                      '<elementSpec ident="title" mode="change"><content>'
                      '<valList type="closed"><valItem ident="A"/><valItem ident="B"/></valList>'
                      "</content></elementSpec>")
    ok = '<list type="simple"><item>x</item></list>'
    assert relaxng.validate(etree.fromstring(DOC.replace("<title>t</title>", "<title>A</title>")
                                             .format(body=ok)))
    assert not valid(relaxng, ok)  # title "t" is not in its closed list
    assert not relaxng.validate(etree.fromstring(DOC.replace("<title>t</title>",
                                                             "<title>A</title>").format(
        body=ok.replace("simple", "gloss"))))


def test_spec_groups_are_followed_from_anywhere_in_the_odd() -> None:
    data = (HEAD.replace("<teiHeader/>", '<teiHeader/><specGrp xml:id="g"><elementSpec '
                         'ident="p" mode="delete"/></specGrp>') + '<specGrpRef target="#g"/>'
            + TAIL).encode()
    odd, problems = load(data, "t.odd", Sources(P5))
    assert problems == [] and "p" not in odd.of("element") and "p" in odd.known


def test_a_chained_odd_customises_the_compiled_one(tmp_path: Path) -> None:
    (tmp_path / "base.odd").write_text(HEAD + TAIL, encoding="utf-8")
    child = HEAD.replace('<schemaSpec ident="t" start="TEI">',
                         '<schemaSpec ident="child" start="TEI" source="base.odd">')
    child = child.split("<moduleRef")[0] + '<elementSpec ident="list" mode="delete"/>' + TAIL
    (tmp_path / "child.odd").write_text(child, encoding="utf-8")
    result = compile_file(tmp_path / "child.odd", "child.odd", P5)
    assert result.ok, [d.format() for d in result.diagnostics]
    relaxng = etree.RelaxNG(etree.fromstring(result.outputs["child.rng"]))
    assert valid(relaxng, "<p>a <title>b</title></p>")
    assert not valid(relaxng, "<list><item>c</item></list>")  # deleted by the child
    assert not valid(relaxng, "<p>a <hi>b</hi></p>")  # never selected by the base


def test_a_broken_chain_is_reported_with_the_file_and_line_where_it_breaks() -> None:
    result = compile_file(REALWORLD / "odd" / "escher.odd", "odd/escher.odd", P5)
    assert not result.ok
    (problem,) = result.diagnostics
    # The repeated xml:id "n7" of its examples (line 1082) is read (a validity error, no
    # reason to refuse the file); the chain breaks where the ODD refers to nothing.
    assert problem.location.path == "odd/tei_simplePrint.odd"
    assert (problem.location.line, problem.location.column, problem.code) == (
        3520, 11, "odd.undefined-specgrp")
    assert 'specGrpRef target="#simplechanges" names no specGrp' in problem.message
    assert "odd/teipublisher.odd customises this ODD" in problem.message


def test_without_a_p5_source_the_error_says_where_to_put_one() -> None:
    result = compile_odd((HEAD + TAIL).encode(), "t.odd", None)
    (problem,) = result.diagnostics
    assert problem.code == "odd.no-p5" and problem.location.line == 3
    assert "--p5" in problem.message and "TEIPIPE_P5" in problem.message


def test_an_unknown_module_and_a_version_mismatch_are_located() -> None:
    data = (HEAD.replace('start="TEI"', 'start="TEI" source="tei:4.0.0"')
            + '<moduleRef key="nosuch"/>' + TAIL).encode()
    result = compile_odd(data, "t.odd", P5)
    assert [(d.code, d.severity.value, d.location.line) for d in result.diagnostics] == [
        ("odd.p5-version", "warning", 3), ("odd.unknown-module", "error", 7)]


def test_unsupported_content_is_a_located_error_not_a_traceback() -> None:
    data = (HEAD + '<elementSpec ident="p" mode="change"><content>\n<bogus/></content>'
            "</elementSpec>" + TAIL).encode()
    result = compile_odd(data, "t.odd", P5)
    assert [(d.code, d.location.line) for d in result.diagnostics] == [("odd.unsupported", 8)]


def test_an_attlist_naming_one_attribute_twice_applies_both_in_turn() -> None:
    # Real ODDs repeat an attDef in one attList (a change, deletions, the same change again).
    relaxng = grammar('<elementSpec ident="list" mode="change"><attList>'
                      '<attDef ident="type" mode="change"><valList type="closed" mode="add">'
                      '<valItem ident="ordered"/></valList></attDef>'
                      '<attDef ident="xml:lang" mode="delete"/>'
                      '<attDef ident="xml:lang" mode="delete"/>'
                      '<attDef ident="type" mode="change" usage="req"/>'
                      "</attList></elementSpec>")
    assert valid(relaxng, '<list type="ordered"><item>a</item></list>')
    assert not valid(relaxng, "<list><item>a</item></list>")  # the second change: required
    assert not valid(relaxng, '<list type="bulleted"><item>a</item></list>')  # closed
    assert not valid(relaxng, '<list type="ordered" xml:lang="de"><item>a</item></list>')


def test_a_closed_list_of_a_repeated_datatype_takes_several_of_its_values() -> None:
    # @rend is teidata.word maxOccurs="unbounded": rend="bold underline" is two values.
    relaxng = grammar('<classSpec ident="att.global.rendition" type="atts" mode="change">'
                      '<attList><attDef ident="rend" mode="change">'
                      '<valList type="closed" mode="replace"><valItem ident="bold"/>'
                      '<valItem ident="underline"/></valList></attDef></attList></classSpec>')
    assert valid(relaxng, '<p rend="bold underline">a</p>')
    assert valid(relaxng, '<p rend="bold">a</p>')
    assert not valid(relaxng, '<p rend="bold italic">a</p>')
    assert not valid(relaxng, '<p rend="">a</p>')


def test_a_spec_missing_from_the_p5_release_says_which_release_to_give() -> None:
    # Older ODDs refer to macros later releases dropped (macro.schemaPattern).
    result = compile_odd((HEAD + '<macroRef key="macro.noSuchPattern"/>' + TAIL).encode(),
                         "t.odd", P5)
    found = [d for d in result.diagnostics if d.code == "odd.undefined-macro"]
    assert found and "another TEI release" in found[0].message
    assert "--p5" in found[0].message
