"""Sniffing picks the reader of each corpus text's shape."""

from __future__ import annotations

import pytest

from support.corpus import CORPUS, load
from teipipe import readers

EXPECTED = {
    "1936-07-30_trotsky-to-serge_fr.txt": "book-ocr",
    "1936-08-10_serge-to-trotsky_en.txt": "web-archive",
    "1936-08-10_serge-to-trotsky_fr.txt": "pdf-text",
    "1939-02_serge-and-editors_letter-and-some-notes_en.txt": "web-archive",
    "abidor_serge-and-anarchism-russian-years_en.txt": "web-archive",
}


def test_every_corpus_text_is_listed() -> None:
    assert sorted(p.name for p in CORPUS.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize(("name", "reader"), sorted(EXPECTED.items()))
def test_sniff_chooses(name: str, reader: str) -> None:
    assert readers.sniff(load(name)).name == reader


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_choice_is_clear(name: str) -> None:
    """The winner leads the others by a margin, so a small change does not flip it."""
    src = load(name)
    scores = sorted((r.sniff(src) for r in readers.READERS.values()), reverse=True)
    assert scores[0] - scores[1] >= 0.3
