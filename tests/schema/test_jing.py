"""Agreement with Jing: teipipe's RELAX NG verdict is Jing's, and the corpus is valid tei_all."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from support.schema_helpers import CORPUS, INVALID, SCHEMA, VALID, jing, jing_errors, tei_all_rng

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


_JING_SUBJECT = re.compile(r'^(\d+):\d+: error: (?:value of )?(element|attribute) "([^"]+)"')


def test_the_golden_first_grammar_error_is_jings_first_error() -> None:
    """Each invalid fixture's first RELAX NG message names the element or attribute that
    jing's first error names, on the same line (an incomplete element: the same element;
    jing places that error at its end tag). One jing run for all the fixtures."""
    run = subprocess.run([jing(), "-i", str(RNG), *map(str, INVALID)], capture_output=True,
                         text=True, timeout=120, check=False)
    firsts: dict[str, str] = {}
    for line in run.stdout.splitlines():
        path, _, rest = line.partition(".xml:")
        firsts.setdefault(Path(path).name + ".xml", rest)
    assert len(firsts) >= 8
    for name, jing_line in firsts.items():
        match = _JING_SUBJECT.match(jing_line)
        assert match, jing_line
        golden = (INVALID[0].parent / name).with_suffix(".expected").read_text(encoding="utf-8")
        ours = next(line for line in golden.splitlines() if "[relaxng." in line)
        line_no, kind, subject = match.groups()
        assert f'{kind} "{subject}"' in ours or (
            kind == "attribute" and f'attribute "{subject}"' in ours), (name, jing_line, ours)
        if "incomplete" not in jing_line:
            assert f".xml:{line_no}:" in ours, (name, jing_line, ours)
