"""Alternatives regrouped by their anchors match the same texts as the pattern written (#16)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from teipipe.readers import rules
from teipipe.readers.alternation import regrouped

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "texts"

# Comments, classes and escapes that hold `|`, `(` and `)`, which must not cut alternatives.
TRICKY = re.compile(
    r"""(?:
        \bfoo\b   # a comment with | and ( in it
      | [|(]bar\)
      | ^baz
      | qu\|x
      | (?#inline | comment)\bwin(?:ter|e)\b
      | \[(?:a|b)\]
    )""",
    re.VERBOSE,
)


def test_closing_formulas_are_regrouped_behind_their_anchors() -> None:
    fast = regrouped(rules.CLOSING)
    assert fast is not rules.CLOSING
    assert fast.pattern.lstrip("(?:").startswith("\\b(?:")


def _samples() -> list[str]:
    lines = [line.strip().lower() for path in sorted(CORPUS.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    made = ["yours truly,", "i remain, sir,", "i am, sir, your obedient servant", "begrusse dich",
            "mit herzlichen grüssen", "so long", "also so long", "adieu!", "sans adieux",
            "in haste", "written in haste", "ich bin ganz dein", "je suis votre",
            "grussen", "vergrusst", "", " ", "-- yours", "x"]
    return lines + made


@pytest.mark.parametrize("pattern", [rules.CLOSING, TRICKY])
def test_regrouped_pattern_occurs_in_the_same_texts(pattern: re.Pattern[str]) -> None:
    fast = regrouped(pattern)
    texts = _samples() + ["foo", "xfoo", "|bar)", "(bar)", "baz", " baz", "qu|x", "winter",
                          "twinter", "[a]", "[c]"]
    differ = [text for text in texts
              if (pattern.search(text) is None) != (fast.search(text) is None)]
    assert differ == []
    assert sum(fast.search(text) is not None for text in texts) > 5  # not vacuous


def test_tricky_pattern_is_cut_into_its_six_alternatives() -> None:
    fast = regrouped(TRICKY)
    assert fast.pattern.count("\\b(?:") == 1 and fast.pattern.count("^(?:") == 1
    assert fast.search("xfoo") is None and fast.search(" foo.") is not None
    assert fast.search("a baz") is None and fast.search("baz") is not None


@pytest.mark.parametrize("written", [r"(\bfoo|\bbar)", r"\bfoo|\bbar", r"(?:\bfoo)|(?:\bbar)"])
def test_other_shapes_are_left_as_written(written: str) -> None:
    pattern = re.compile(written)
    assert regrouped(pattern) is pattern
