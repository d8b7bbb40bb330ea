"""Bad input: each case converts correctly or fails with one located, readable error."""

from __future__ import annotations

import pytest

from teipipe import source
from teipipe.source import SourceError


def test_empty_file_is_a_located_error() -> None:
    with pytest.raises(SourceError) as raised:
        source.from_bytes(b"", "empty.txt")
    assert raised.value.diagnostic.format() == (
        "empty.txt:1:1: error: the file is empty or holds only white space; "
        "there is no text to convert [source.empty]")


def test_whitespace_only_file_is_empty() -> None:
    with pytest.raises(SourceError) as raised:
        source.from_bytes(b"  \n\t\r\n \n", "blank.txt")
    assert raised.value.diagnostic.code == "source.empty"


def test_binary_data_names_the_nul_byte() -> None:
    with pytest.raises(SourceError) as raised:
        source.from_bytes(b"%PDF-1.4\nabc\x00def", "letter.pdf")
    diagnostic = raised.value.diagnostic
    assert diagnostic.code == "source.binary"
    assert (diagnostic.location.line, diagnostic.location.column) == (2, 4)


def test_cp1252_is_decoded_with_a_warning_at_the_first_bad_byte() -> None:
    src = source.from_bytes("Cher ami,\nvoilà l'été « chaud ».\n".encode("cp1252"), "l.txt")
    assert src.lines[1] == "voilà l'été « chaud »."
    assert src.encoding == "cp1252"
    (warning,) = src.diagnostics
    assert warning.code == "source.legacy-encoding"
    assert (warning.location.line, warning.location.column) == (2, 5)


def test_bytes_neither_utf8_nor_cp1252_are_an_error() -> None:
    with pytest.raises(SourceError) as raised:
        source.from_bytes(b"Dear sir\n\x81\x8d broken\n", "bad.txt")
    assert raised.value.diagnostic.code == "source.undecodable"
    assert raised.value.diagnostic.location.line == 2


def test_bom_is_dropped_and_line_ends_are_unified() -> None:
    src = source.from_bytes("\ufeffOne\r\nTwo\rThree\n".encode(), "bom.txt")
    assert src.lines == ("One", "Two", "Three")
    assert src.diagnostics == ()


def test_form_feed_marks_a_page_start_and_is_removed() -> None:
    src = source.from_bytes(b"page one\n\x0cpage two\n", "ff.txt")
    assert src.lines == ("page one", "page two")
    assert src.page_starts == frozenset({2})


def test_characters_xml_forbids_are_removed_with_a_warning() -> None:
    src = source.from_bytes(b"bell\x07 and escape\x1b here\n", "ctl.txt")
    assert src.lines == ("bell and escape here",)
    (warning,) = src.diagnostics
    assert warning.code == "source.control-character"
    assert warning.location.column == 5
