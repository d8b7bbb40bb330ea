"""A text is cut into runs of letters once: the whole text's for the hyphen policy and its
sample's for the guess of the language are those each would cut on its own (#16)."""

from __future__ import annotations

import re

import pytest

from teipipe.language import identify
from teipipe.readers import blocks
from teipipe.source import from_text

RUN = re.compile(r"[^\W\d_]+")
LINES = ("Liebe Mutter, wir sind", "gestern in Zürich ange-", "kommen; 3 Tage Regen.",
         "", "Dein Hans")


@pytest.mark.parametrize("sample", range(1, 70))
def test_runs_of_the_sample_and_the_whole_text_cut_anywhere(
        monkeypatch: pytest.MonkeyPatch, sample: int) -> None:
    monkeypatch.setattr(blocks, "SAMPLE", sample)
    blocks._words_of.cache_clear()
    source = from_text("\n".join(LINES), "letter.txt")
    text = " ".join(source.lines)
    assert blocks.sample_words(source) == tuple(RUN.findall(text[:sample]))
    assert blocks.source_words(source) == tuple(RUN.findall(text))
    blocks._words_of.cache_clear()


def test_the_language_is_guessed_from_the_same_words() -> None:
    source = from_text("\n".join(LINES), "letter.txt")
    assert identify.guess_by_words(blocks.sample_words(source)) == identify.guess(
        " ".join(source.lines)) == "de"
