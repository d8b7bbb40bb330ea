"""Golden model dumps: each fixture `NAME.txt` beside its expected `NAME.model.txt`.

The folder a fixture sits in names the reader that reads it. Every fixture must
also keep every word of its source, in source order.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.golden import assert_golden
from support.wordcheck import document_words, source_words
from teipipe import readers, source
from teipipe.diagnostics import Reporter
from teipipe.dump import dump

FIXTURES = Path(__file__).parent.parent / "fixtures" / "readers"
CASES = sorted(FIXTURES.glob("*/*.txt"))
CASES = [case for case in CASES if not case.name.endswith(".model.txt")]


def _read(case: Path) -> tuple[str, list[str], list[str]]:
    src = source.read(case, f"{case.parent.name}/{case.name}")
    reporter = Reporter()
    doc = readers.get(case.parent.name).read(src, reporter)
    return dump(doc, reporter), source_words(src), document_words(doc)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.parent.name}/{c.stem}")
def test_model_matches_golden(case: Path) -> None:
    text, _, _ = _read(case)
    assert_golden(text, case.with_suffix(".model.txt"))


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.parent.name}/{c.stem}")
def test_every_word_survives(case: Path) -> None:
    _, want, have = _read(case)
    assert have == want


def test_fixtures_exist_for_both_wrapped_readers() -> None:
    assert {case.parent.name for case in CASES} >= {"pdf-text", "book-ocr"}
