"""The ODD compiler: fresh outputs, deterministic, ODD errors located, modes applied."""

from __future__ import annotations

from lxml import etree

from support.schema_helpers import SCHEMA
from teipipe.schema import OUTPUTS, compile_odd, compile_project
from teipipe.schema.expand import load

ODD_HEAD = b"""<?xml version="1.0"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>
<schemaSpec ident="t" start="root" ns="http://www.tei-c.org/ns/1.0">
"""
ODD_TAIL = b"\n</schemaSpec></body></text></TEI>\n"


def odd(specs: str) -> bytes:
    return ODD_HEAD + specs.encode() + ODD_TAIL


def test_committed_outputs_are_what_the_odd_compiles_to() -> None:
    result = compile_project(SCHEMA)
    assert result.ok, [d.format() for d in result.diagnostics]
    for name in OUTPUTS:
        assert (SCHEMA / name).read_bytes() == result.outputs[name], (
            f"schema/{name} is stale: run `teipipe schema compile` and commit it")


def test_the_schema_is_committed_once_and_shipped_through_a_link() -> None:
    shipped = SCHEMA.parent / "src" / "teipipe" / "data" / "schema"
    assert shipped.is_symlink() and shipped.resolve() == SCHEMA.resolve()


def test_compiling_twice_gives_the_same_bytes() -> None:
    data = (SCHEMA / "teipipe.odd").read_bytes()
    assert compile_odd(data, "a").outputs == compile_odd(data, "a").outputs


def test_the_odd_needs_no_tei_source() -> None:
    tree = etree.parse(str(SCHEMA / "teipipe.odd"))
    assert not tree.xpath("//*[@source]")


def test_undefined_references_are_located() -> None:
    result = compile_odd(odd('<elementSpec ident="root">\n'
                             '<classes><memberOf key="att.nowhere"/></classes>\n'
                             '<content><elementRef key="missing"/></content></elementSpec>'),
                         "x.odd")
    assert not result.ok
    assert [d.format() for d in result.diagnostics] == [
        'x.odd:5:10: error: memberOf key="att.nowhere" refers to no declared class; declare it '
        "with classSpec or correct the key [odd.undefined-class]",
        'x.odd:6:10: error: elementRef key="missing" refers to no declared element; declare it '
        "with elementSpec or correct the key [odd.undefined-element]",
    ]


def test_duplicate_idents_are_located() -> None:
    result = compile_odd(odd('<elementSpec ident="root"><content><empty/></content></elementSpec>'
                             '\n<elementSpec ident="root"/>'), "x.odd")
    assert [d.code for d in result.diagnostics] == ["odd.duplicate-ident"]
    assert result.diagnostics[0].location.line == 5


def test_not_well_formed_odd_is_a_located_error() -> None:
    result = compile_odd(b"<TEI>\n<oops></TEI>", "x.odd")
    assert result.diagnostics[0].code == "xml.not-well-formed"
    assert result.diagnostics[0].location.line == 2


def test_modes_change_replace_and_delete() -> None:
    parsed, problems = load(odd("""
<elementSpec ident="root"><content><elementRef key="a" minOccurs="0" maxOccurs="3"/></content>
 <attList><attDef ident="type" usage="opt"><valList type="closed"><valItem ident="x"/></valList>
 </attDef></attList></elementSpec>
<elementSpec ident="a"><content><textNode/></content></elementSpec>
<elementSpec ident="b"><content><empty/></content></elementSpec>
<elementSpec ident="root" mode="change"><attList><attDef ident="type" usage="req">
 <valList type="closed"><valItem ident="y"/></valList></attDef></attList></elementSpec>
<elementSpec ident="a" mode="replace"><content><empty/></content></elementSpec>
<elementSpec ident="b" mode="delete"/>"""), "x.odd")
    assert problems == []
    assert sorted(parsed.of("element")) == ["a", "root"]
    (_, att), = parsed.attributes("root")
    assert (att.usage, att.values) == ("req", ("y",))
    assert parsed.of("element")["a"].find("{*}content/{*}empty") is not None


def test_occurrences_and_required_attributes_in_the_grammar() -> None:
    from teipipe.schema.rng import build
    parsed, _ = load(odd("""
<elementSpec ident="root"><content><elementRef key="a" minOccurs="2" maxOccurs="3"/></content>
 <attList><attDef ident="type" usage="req"><valList type="closed"><valItem ident="x"/>
 </valList></attDef></attList></elementSpec>
<elementSpec ident="a"><content><textNode/></content></elementSpec>"""), "x.odd")
    grammar = etree.RelaxNG(build(parsed))
    ns = 'xmlns="http://www.tei-c.org/ns/1.0"'
    assert grammar.validate(etree.fromstring(f'<root {ns} type="x"><a/><a/></root>'))
    assert grammar.validate(etree.fromstring(f'<root {ns} type="x"><a/><a/><a/></root>'))
    assert not grammar.validate(etree.fromstring(f'<root {ns} type="x"><a/></root>'))
    assert not grammar.validate(etree.fromstring(f'<root {ns} type="x">{"<a/>" * 4}</root>'))
    assert not grammar.validate(etree.fromstring(f'<root {ns}><a/><a/></root>'))
    assert not grammar.validate(etree.fromstring(f'<root {ns} type="y"><a/><a/></root>'))


def test_keys_of_a_constraint_go_to_schema_level() -> None:
    from teipipe.schema.sch import build
    parsed, _ = load(odd("""
<elementSpec ident="root"><content><empty/></content>
 <constraintSpec ident="k" scheme="schematron"><constraint>
  <xsl:key xmlns:xsl="http://www.w3.org/1999/XSL/Transform" name="by-id" match="*"
   use="@xml:id"/>
  <sch:assert xmlns:sch="http://purl.oclc.org/dsdl/schematron" test="key('by-id', 'a')">no
   a</sch:assert>
 </constraint></constraintSpec></elementSpec>"""), "x.odd")
    schema = build(parsed).getroot()
    assert [etree.QName(child).localname for child in schema] == [
        "title", "ns", "ns", "key", "pattern"]
    assert schema[3].attrib == {"name": "by-id", "match": "*", "use": "@xml:id"}
    assert [etree.QName(c).localname for c in schema[4].iter("{*}*")] == [
        "pattern", "rule", "assert"]
