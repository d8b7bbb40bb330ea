"""Where tags end, as jing counts columns: after the `>`, lines split by LF, CR or CRLF."""

from __future__ import annotations

from teipipe.xml.tagends import tag_ends


def test_start_and_end_tags_end_just_after_their_close() -> None:
    ends = tag_ends('<?xml version="1.0"?>\n<a x="1>2">\r\n  <b/><!-- <c> --><c>t</c></a>')
    assert ends.starts == [(2, 12), (3, 7), (3, 22)]
    assert ends.ends == [(3, 31), (3, 7), (3, 27)]


def test_text_is_placed_where_the_next_tag_begins() -> None:
    ends = tag_ends("<a>text<b>x</b>tail</a>")
    assert ends.start_begins == [(1, 1), (1, 8)]
    assert ends.end_begins == [(1, 20), (1, 12)]


def test_doctype_and_cdata_hold_no_tags() -> None:
    ends = tag_ends('<!DOCTYPE a [<!ELEMENT a ANY>]><a><![CDATA[<b>]]></a>')
    assert ends.starts == [(1, 35)]
    assert len(ends.ends) == 1
