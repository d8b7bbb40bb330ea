"""The grammar check: the faster screening grammar accepts exactly what the compiled one does."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from support.schema_helpers import CORPUS, INVALID, SCHEMA, VALID
from teipipe.validation.interleaved import RNG_NS, attributes_interleaved

GRAMMAR = f"""<grammar xmlns="{RNG_NS}">
  <start><ref name="r"/></start>
  <define name="atts"><optional><attribute name="a"/></optional>
    <optional><attribute name="b"/></optional></define>
  <define name="mixed"><optional><attribute name="m"/></optional><element name="x"><empty/>
    </element></define>
  <define name="r"><element name="r">
    <zeroOrMore><ref name="mixed"/></zeroOrMore>
    <ref name="atts"/>
    <optional><attribute name="c"><choice><value>1</value><value>2</value></choice>
    </attribute></optional>
    <attribute name="d"/>
  </element></define>
</grammar>"""


def test_only_attribute_patterns_move_into_the_interleave() -> None:
    rewritten = attributes_interleaved(etree.fromstring(GRAMMAR))
    assert rewritten is not None
    element = rewritten.find(f"{{{RNG_NS}}}define[@name='r']/{{{RNG_NS}}}element")
    assert element is not None
    assert [etree.QName(c).localname for c in element] == ["zeroOrMore", "interleave"]
    interleave = element[1]
    assert [(etree.QName(c).localname, c.get("name")) for c in interleave] == [
        ("ref", "atts"), ("optional", None), ("attribute", "d")]
    assert rewritten.find(f"{{{RNG_NS}}}define[@name='mixed']/{{{RNG_NS}}}element") is not None


@pytest.mark.parametrize("document", [
    '<r d="1"/>', '<r d="1" c="2" b="x" a="y"/>', '<r a="y" d="1"><x/></r>',
    '<r c="3" d="1"/>', '<r a="y"/>', '<r d="1" e="2"/>', '<r d="1"><x/><y/></r>'])
def test_the_rewritten_grammar_accepts_the_same_documents(document: str) -> None:
    original = etree.RelaxNG(etree.fromstring(GRAMMAR))
    screen = attributes_interleaved(etree.fromstring(GRAMMAR))
    assert screen is not None
    rewritten = etree.RelaxNG(screen)
    tree = etree.ElementTree(etree.fromstring(document))
    assert rewritten.validate(tree) == original.validate(tree)


def test_grammars_that_include_others_are_not_rewritten() -> None:
    including = f'<grammar xmlns="{RNG_NS}"><include href="x.rng"/></grammar>'
    assert attributes_interleaved(etree.fromstring(including)) is None


def test_teipipe_grammar_screens_like_the_compiled_one() -> None:
    compiled = etree.fromstring((SCHEMA / "teipipe.rng").read_bytes())
    original = etree.RelaxNG(compiled)
    screen = attributes_interleaved(compiled)
    assert screen is not None
    rewritten = etree.RelaxNG(screen)
    documents: list[Path] = [*CORPUS, *VALID, *INVALID]
    verdicts = [(p.name, original.validate(etree.parse(str(p)))) for p in documents]
    assert [(p.name, rewritten.validate(etree.parse(str(p)))) for p in documents] == verdicts
    assert any(ok for _, ok in verdicts) and not all(ok for _, ok in verdicts)


def _attributes_one_by_one(count: int) -> etree._Element:
    """A grammar whose element lists its optional attributes one by one, as older TEI
    Stylesheets wrote every element (libxml2 hung compiling one such real grammar)."""
    atts = "".join(f'<optional><attribute name="a{i}"/></optional>' for i in range(count))
    return etree.fromstring(
        f'<grammar xmlns="{RNG_NS}"><start><element name="doc">{atts}<zeroOrMore>'
        f'<element name="p">{atts}<text/></element></zeroOrMore></element></start></grammar>')


def test_a_valid_document_needs_only_the_fast_grammar() -> None:
    from teipipe.validation import grammar as grammar_mod
    compiled = grammar_mod.load(_attributes_one_by_one(30), None)
    assert compiled.screen is not None
    assert compiled.check(etree.ElementTree(etree.fromstring('<doc a1="x"><p a29="y"/></doc>'))
                          ) == []
    assert compiled.relaxng is None and compiled.late == []  # never compiled as written
    problems = compiled.check(etree.ElementTree(etree.fromstring('<doc><q/></doc>')))
    assert problems and compiled.late  # an invalid one compiles it for the messages
    assert any('"q"' in p.message for p in problems)


def test_an_invalid_document_with_its_bytes_is_worded_without_the_slow_grammar() -> None:
    # jing's errors come from the grammar's source, so the screen's refusal plus those
    # errors settle the document: the grammar as written (which libxml2 may take minutes
    # to compile) is never compiled, in the deferring first round nor in the wording.
    from teipipe.validation import grammar as grammar_mod
    compiled = grammar_mod.load(_attributes_one_by_one(30), None)
    data = b'<doc a1="x">\n  <q/>\n</doc>'
    tree = etree.ElementTree(etree.fromstring(data))
    assert not compiled.valid(tree)
    problems = compiled.check(tree, data)
    assert compiled.late == []
    assert [(p.line, p.column) for p in problems] == [(2, 7)]
    assert '"q"' in problems[0].message
