"""The Schematron compiler: which nodes each pattern sees, which rule wins, keys."""

from __future__ import annotations

from lxml import etree

from teipipe.validation.schematron import Failure, compile_schematron

SCHEMA = b"""<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <sch:ns prefix="t" uri="urn:t"/>
  <xsl:key name="a-by-k" match="t:a" use="@k"/>
  <sch:pattern id="first-rule-wins">
    <sch:rule context="t:a[@k]"><sch:report test="true()">a with k</sch:report></sch:rule>
    <sch:rule context="t:a"><sch:report test="true()">plain a</sch:report></sch:rule>
  </sch:pattern>
  <sch:pattern id="attributes">
    <sch:rule context="@k|@xml:id"><sch:report test="true()"><sch:name/>=<sch:value-of
      select="."/></sch:report></sch:rule>
  </sch:pattern>
  <sch:pattern id="document-node">
    <sch:rule context="/"><sch:report test="true()">the document node</sch:report></sch:rule>
    <sch:rule context="/t:r"><sch:report test="true()">the root</sch:report></sch:rule>
  </sch:pattern>
  <sch:pattern id="current">
    <sch:rule context="t:a[@k = current()/@k]"><sch:report test="true()">current</sch:report>
    </sch:rule>
  </sch:pattern>
  <sch:pattern id="keys">
    <sch:rule context="t:r"><sch:assert test="key('a-by-k', '2')">no a with k="2" among
      <sch:value-of select="count(key('a-by-k', '1'))"/></sch:assert></sch:rule>
  </sch:pattern>
  <sch:pattern id="text">
    <sch:rule context="text()"><sch:report test="true()">text</sch:report></sch:rule>
  </sch:pattern>
</sch:schema>"""

DOCUMENT = """<r xmlns="urn:t"><a k="1" xml:id="x">one</a><b><a>two</a></b></r>"""


def test_each_pattern_sees_its_nodes_once_in_document_order() -> None:
    compiled = compile_schematron(etree.fromstring(SCHEMA))
    assert compiled.run(etree.ElementTree(etree.fromstring(DOCUMENT))) == [
        Failure("first-rule-wins", "error", "*[1]/*[1]", "a with k"),
        Failure("first-rule-wins", "error", "*[1]/*[2]/*[1]", "plain a"),
        Failure("attributes", "error", "*[1]/*[1]/@k", "k=1"),
        Failure("attributes", "error", "*[1]/*[1]/@xml:id", "xml:id=x"),
        # Rules on the document node or on text never fire: only elements and
        # attributes are offered to the rules.
        Failure("document-node", "error", "*[1]", "the root"),
        Failure("current", "error", "*[1]/*[1]", "current"),
        Failure("keys", "error", "*[1]", 'no a with k="2" among 1'),
    ]


def test_a_one_rule_pattern_sees_position_and_variables_as_a_template_would() -> None:
    """Such a pattern runs in a for-each, not through a template: the node's position
    among the nodes offered, its lets and the order of its reports stay the same."""
    schema = b"""<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron"
        queryBinding="xslt2"><sch:ns prefix="t" uri="urn:t"/>
      <sch:pattern id="one"><sch:rule context="t:a">
        <sch:let name="n" value="position()"/>
        <sch:report test="$n = last()">last of <sch:value-of select="last()"/></sch:report>
        <sch:report test="true()">a <sch:value-of select="$n"/></sch:report>
      </sch:rule></sch:pattern>
      <sch:pattern id="one"><sch:rule context="t:a"><sch:let name="n" value="1"/>
        <sch:assert test="$n = 2">again</sch:assert></sch:rule></sch:pattern>
    </sch:schema>"""
    compiled = compile_schematron(etree.fromstring(schema))
    assert compiled.run(etree.ElementTree(etree.fromstring(DOCUMENT))) == [
        Failure("one", "error", "*[1]/*[1]", "a 1"),
        Failure("one", "error", "*[1]/*[2]/*[1]", "last of 2"),
        Failure("one", "error", "*[1]/*[2]/*[1]", "a 2"),
        Failure("one", "error", "*[1]/*[1]", "again"),
        Failure("one", "error", "*[1]/*[2]/*[1]", "again"),
    ]
