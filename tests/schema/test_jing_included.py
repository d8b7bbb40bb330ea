"""A grammar split into files (one includes another and overrides a define of it) and an
attribute that is a list of values: teipipe's errors are jing's, line, column and words."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.schema_helpers import jing_errors
from teipipe.cli import main

RNG = "http://relaxng.org/ns/structure/1.0"
TEI = "http://www.tei-c.org/ns/1.0"
PARTS = f"""<grammar xmlns="{RNG}" ns="{TEI}"
  datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <define name="rend"><optional><attribute name="rend"><list><oneOrMore><choice>
    <value>bold</value><value>italic</value></choice></oneOrMore></list></attribute></optional>
  </define>
  <define name="head"><element name="head"><ref name="rend"/><text/></element></define>
  <define name="p"><element name="p"><text/></element></define>
</grammar>"""
MAIN = f"""<grammar xmlns="{RNG}" ns="{TEI}">
  <start><element name="TEI"><ref name="head"/><oneOrMore><ref name="p"/></oneOrMore>
  </element></start>
  <include href="parts.rng">
    <define name="p"><element name="p"><ref name="rend"/><optional><attribute name="place">
      <list><choice><value>left</value><value>right</value></choice></list></attribute>
    </optional><text/></element></define>
  </include>
</grammar>"""
DOCUMENT = f"""<TEI xmlns="{TEI}">
<head rend="bold lmarg2">a</head>
<p rend="italic">overridden: p takes rend</p>
<p rend="bold italic small">b</p>
<p><q/></p>
<p place="left right">one token only</p>
</TEI>
"""


def test_an_included_grammar_and_list_values_give_jings_errors(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "parts.rng").write_text(PARTS, encoding="utf-8")
    (tmp_path / "main.rng").write_text(MAIN, encoding="utf-8")
    document = tmp_path / "letter.xml"
    document.write_text(DOCUMENT, encoding="utf-8")
    expected = jing_errors(tmp_path / "main.rng", document)
    assert len(expected) == 4  # two list tokens, one element, one list too long
    assert 'token "lmarg2" invalid; must be equal to "bold" or "italic"' in expected[0]
    assert main(["validate", "--jobs", "1", "--schema", str(tmp_path / "main.rng"),
                 str(document)]) == 1
    err = capsys.readouterr().err
    ours = [line.rsplit(" [", 1)[0] for line in err.splitlines() if ": error:" in line]
    assert ours == expected
