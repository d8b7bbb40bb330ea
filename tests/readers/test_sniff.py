"""Sniffing picks the reader of each corpus text's shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.corpus import CORPUS, load
from teipipe import readers, source

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


FIXTURES = Path(__file__).parent.parent / "fixtures" / "readers"
FIXTURE_CASES = sorted(p for p in FIXTURES.glob("*/*.txt") if not p.name.endswith(".model.txt"))


@pytest.mark.parametrize("case", FIXTURE_CASES, ids=lambda c: f"{c.parent.name}/{c.stem}")
def test_each_fixture_sniffs_to_the_reader_of_its_folder(case: Path) -> None:
    assert readers.sniff(source.read(case)).name == case.parent.name


SHORT_PRINTED = """ Dienstag
Lieber Richard.
Donnerstag Abend oder Freitag früh bin ich in Ischl. Das Zimmer für Paul ist bestellt. Erreicht
Sie dieser Brief überhaupt noch in Salzburg? –

Grüßen Sie Paul herzlich; auch sich selbst.

Ihr
Arthur
"""


def test_a_short_printed_letter_with_one_line_cut_in_a_sentence_is_wrapped() -> None:
    """One long line cut inside a sentence with the next right under it: a web page sets
    a paragraph on one line, so the text is a printed one (#12)."""
    text = source.from_text(SHORT_PRINTED, "short.txt")
    assert readers.sniff(text).name != "web-archive"
