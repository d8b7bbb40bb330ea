"""The ranged word patterns find exactly what their plain twins find, in any text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from teipipe.language import identify
from teipipe.language.letters import ALPHANUMERIC, LETTER, WordPattern
from teipipe.passes import foreign
from teipipe.repair import base, misread, split_word

# Every character of the BMP but the surrogates, in runs cut by the characters that the
# patterns treat specially around words.
_BMP = "".join(chr(code) for code in range(0x10000) if not 0xD800 <= code < 0xE000)
_EVERY_CHARACTER = "".join(_BMP[i:i + 7] + " '’-_3" for i in range(0, len(_BMP), 7))

PATTERNS = [base._WORDS, split_word._LETTERS, misread._TOKEN, foreign._WORD, identify._WORD]


@pytest.mark.parametrize("klass", [LETTER, ALPHANUMERIC])
def test_a_ranged_class_matches_every_bmp_character_the_plain_class_matches(klass: str) -> None:
    pattern = WordPattern(klass)
    ranged = pattern.of("ascii")
    assert ranged is not pattern.plain
    assert ranged.findall(_BMP) == pattern.plain.findall(_BMP)
    assert len(pattern.plain.findall(_BMP)) > 40_000  # the test sees letters of many scripts


@pytest.mark.parametrize("pattern", PATTERNS)
def test_the_passes_patterns_find_the_same_with_ranges(pattern: WordPattern) -> None:
    ranged = pattern.of(_EVERY_CHARACTER)
    assert ranged is not pattern.plain
    assert [m.span() for m in ranged.finditer(_EVERY_CHARACTER)] == \
        [m.span() for m in pattern.plain.finditer(_EVERY_CHARACTER)]
    assert ranged.split(_EVERY_CHARACTER) == pattern.plain.split(_EVERY_CHARACTER)


def test_a_text_beyond_the_bmp_is_scanned_with_the_plain_pattern() -> None:
    pattern = WordPattern(r"[^\W\d_]+")
    text = "Brief 𝐀𝐁 an 𐌰𐌱 Wien"  # mathematical bold and Gothic letters
    assert pattern.of(text) is pattern.plain
    assert pattern.of("Brief an Wien, März") is not pattern.plain
    assert pattern.of(text).findall(text) == ["Brief", "𝐀𝐁", "an", "𐌰𐌱", "Wien"]


_PIECES = st.sampled_from(["Wörter", "und", "ΛΟΓΟΣ", "x²", "Ⅻ", "3", "_", "'", "’", "-", " ",
                           "\n", "𝐀", "𐌰", "l'", "«", "\ud800", "ß", "İ"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=20).map("".join))
def test_any_text_gives_what_the_plain_pattern_gives(text: str) -> None:
    for pattern in PATTERNS:
        assert pattern.of(text).findall(text) == pattern.plain.findall(text)
        assert pattern.of(text).split(text) == pattern.plain.split(text)


def test_the_classes_are_written_as_the_patterns_write_them() -> None:
    # A pattern that spelled a letter otherwise would silently keep the slow class.
    for pattern in PATTERNS:
        assert LETTER in pattern.plain.pattern or ALPHANUMERIC in pattern.plain.pattern
        ranged = pattern.of("ascii").pattern
        assert LETTER not in ranged and ALPHANUMERIC not in ranged
        assert re.search(r"\\u00c0-\\u00d6", ranged)  # `À` to `Ö` as one range
