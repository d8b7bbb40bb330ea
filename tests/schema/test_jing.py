"""Agreement with Jing: teipipe's RELAX NG verdict is Jing's, and the corpus is valid tei_all."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from support.schema_helpers import CORPUS, INVALID, SCHEMA, VALID, jing_errors, tei_all_rng

RNG = SCHEMA / "teipipe.rng"


@pytest.fixture(scope="module")
def relaxng() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(RNG)))


@pytest.mark.parametrize("path", CORPUS + VALID + INVALID, ids=lambda p: p.name)
def test_lxml_and_jing_agree(relaxng: etree.RelaxNG, path: Path) -> None:
    ours = relaxng.validate(etree.parse(str(path)))
    theirs = jing_errors(RNG, path)
    assert ours == (not theirs), f"lxml says {'valid' if ours else 'invalid'}; jing: {theirs}"


def test_corpus_and_valid_fixtures_are_valid_tei_all() -> None:
    rng = tei_all_rng()
    problems = [e for path in CORPUS + VALID for e in jing_errors(rng, path)]
    assert problems == []
