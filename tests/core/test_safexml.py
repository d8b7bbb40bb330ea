"""The secure reader (safexml) and the hardened Saxon processor, on hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teipipe.xml import safexml, saxon

HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"
SECRET = "TEIPIPE-SECRET-7f3a"
TEI = "http://www.tei-c.org/ns/1.0"


def _document(inside: str, root_attributes: str = "") -> bytes:
    return (f'<TEI xmlns="{TEI}" {root_attributes}><text><body><p>{inside}</p></body></text>'
            "</TEI>").encode()


@pytest.mark.parametrize(("name", "code", "line"), [
    ("external-entity.xml", "xml.doctype-refused", 3),
    ("parameter-entity.xml", "xml.doctype-refused", 3),
    ("quadratic-blowup.xml", "xml.doctype-refused", 3),
    ("doctype-entity-bomb.xml", "xml.doctype-refused", 3),
    ("xinclude-local.xml", "xml.xinclude-refused", 68),
    ("wrong-encoding.xml", "xml.not-well-formed", 68),
    ("empty.xml", "xml.empty", 1),
])
def test_hostile_fixtures_are_refused_with_one_located_line(name: str, code: str,
                                                             line: int) -> None:
    tree, (problem, *more) = safexml.read(HOSTILE / name, name)
    assert tree is None and not more
    assert (problem.code, problem.location.path, problem.location.line) == (code, name, line)


def test_a_dtd_the_byte_scan_cannot_see_is_refused_after_parsing() -> None:
    # In UTF-16 the bytes hold no ASCII "<!DOCTYPE"; the parser's view of the DTD decides.
    text = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE TEI [<!ENTITY s SYSTEM '
            f'"{(HOSTILE / "secret.txt").as_uri()}">]><TEI>&s;</TEI>')
    tree, (problem,) = safexml.parse(text.encode("utf-16"), "u16.xml")
    assert tree is None and problem.code == "xml.doctype-refused"


def test_a_plain_doctype_is_harmless_and_read() -> None:
    tree, problems = safexml.parse(b"<!DOCTYPE TEI>\n<TEI><p>x</p></TEI>", "plain.xml")
    assert tree is not None and not problems and tree.getroot().findtext("p") == "x"


def test_size_limit_refuses_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.xml"
    path.write_bytes(_document("x" * 5000))
    tree, (problem,) = safexml.read(path, "big.xml", safexml.Limits(max_bytes=1000))
    assert tree is None and problem.code == "input.too-large"
    assert "over the limit of 1000 bytes" in problem.message and "--max-size" in problem.message


def test_xinclude_when_allowed_takes_files_below_the_folder_only(tmp_path: Path) -> None:
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "p.xml").write_bytes(f'<p xmlns="{TEI}">included</p>'.encode())
    (tmp_path / "parts" / "note.txt").write_text("plain & text", encoding="utf-8")
    xi = 'xmlns:xi="http://www.w3.org/2001/XInclude"'
    main = tmp_path / "main.xml"
    main.write_bytes(_document('<xi:include href="parts/p.xml"/>, '
                               '<xi:include href="parts/note.txt" parse="text"/>!', xi))
    allowed = safexml.Limits(xinclude=True)
    tree, problems = safexml.read(main, "main.xml", allowed)
    assert tree is not None and not problems
    paragraph = tree.getroot().find(f".//{{{TEI}}}body/{{{TEI}}}p")
    assert paragraph is not None
    assert "".join(paragraph.itertext()) == "included, plain & text!"

    for href in ("../outside.xml", (tmp_path / "parts" / "p.xml").as_uri(),
                 "http://example.org/p.xml"):
        main.write_bytes(_document(f'<xi:include href="{href}"/>', xi))
        tree, (problem,) = safexml.read(main, "main.xml", allowed)
        assert tree is None and problem.code == "xml.xinclude-refused", href


def test_an_included_file_is_itself_read_securely(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    (tmp_path / "part.xml").write_bytes(
        b'<!DOCTYPE p [<!ENTITY s SYSTEM "secret.txt">]><p>&s;</p>')
    main = tmp_path / "main.xml"
    main.write_bytes(_document('<xi:include href="part.xml"/>',
                               'xmlns:xi="http://www.w3.org/2001/XInclude"'))
    tree, (problem,) = safexml.read(main, "main.xml", safexml.Limits(xinclude=True))
    assert tree is None and problem.code == "xml.doctype-refused"
    assert problem.location.path == "main.xml (included part.xml)"


def test_a_cycle_of_includes_ends(tmp_path: Path) -> None:
    main = tmp_path / "main.xml"
    main.write_bytes(_document('<xi:include href="main.xml"/>',
                               'xmlns:xi="http://www.w3.org/2001/XInclude"'))
    tree, (problem,) = safexml.read(main, "main.xml", safexml.Limits(xinclude=True))
    assert tree is None and "nested more than" in problem.message


def test_saxon_reads_no_doctype_itself() -> None:
    """What a stylesheet opens with doc() meets a parser that refuses any DOCTYPE."""
    stylesheet = ('<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" '
                  'version="3.0"><xsl:template match="/"><r><xsl:copy-of select="doc('
                  f"'{(HOSTILE / 'external-entity.xml').as_uri()}')\"/></r></xsl:template>"
                  "</xsl:stylesheet>")
    with saxon.quiet():
        executable = saxon.processor().new_xslt30_processor().compile_stylesheet(
            stylesheet_text=stylesheet)
    node = saxon.from_tree(etree.fromstring(b"<a/>"))
    with pytest.raises(saxon.PySaxonApiError) as raised, saxon.quiet():
        executable.transform_to_string(xdm_node=node)
    assert "DOCTYPE is disallowed" in str(raised.value)
    assert SECRET not in str(raised.value)


def test_saxon_errors_become_one_line_without_host_paths() -> None:
    error = saxon.PySaxonApiError("I/O error processing\n  file:///home/someone/x/y.xml. Caused")
    assert saxon.one_line(error) == "I/O error processing y.xml. Caused"


@pytest.mark.parametrize("data", [
    b"<?xml version='1.0' encoding='UTF-8'?>\n<?xml-model href='a.rng'?>\n<!-- note -->\n"
    b"<a xmlns='urn:x' b='1&#9;2'><c>x &amp; y<![CDATA[<z>]]></c><!-- in --></a>\n\n",
    b"\xef\xbb\xbf<a>\r\n<b/>\xc3\xa9</a>",
    b"<a><b/></a>",
])
def test_saxon_builds_the_same_tree_from_the_root_text_as_from_lxml(data: bytes) -> None:
    """The root element's own text, prolog cut off, is what Saxon would get from lxml."""
    tree, _ = safexml.parse(data, "x.xml")
    assert tree is not None
    text = saxon.root_text(data, tree)
    assert text is not None and text.startswith("<a") and text.endswith("</a>")
    with saxon.quiet():
        assert str(saxon.loud_from_text(text)) == str(saxon.loud_from_tree(tree))


@pytest.mark.parametrize("data", [
    b"<!DOCTYPE a><a/>",  # Saxon refuses any DOCTYPE: lxml's tree goes instead
    b"<a/>",  # an empty root element: its end is not an end tag
    b"<a></a><!-- after -->",
    b"<a></a><?pi after?>",
    b"<?xml version='1.0' encoding='ISO-8859-1'?><a>\xe9</a>",
    b"<?xml version='1.1'?><a></a>",
])
def test_the_root_text_is_not_used_where_it_could_differ(data: bytes) -> None:
    tree, _ = safexml.parse(data, "x.xml")
    assert tree is not None
    assert saxon.root_text(data, tree) is None
