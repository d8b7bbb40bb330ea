"""The split-word rule's one-scan search finds what the rule's definition finds.

The definition, written out below as the plain loop it is: take the first pair
of letter runs joined by one space (the left one not after a letter, digit or
hyphen; the right one not before a letter, digit or apostrophe); judge it; a
joined pair ends where its right word ends, a pair not joined lets its right
word start the next pair.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from teipipe.repair import Evidence, lexicon_for
from teipipe.repair.base import Finding, vocabulary_of
from teipipe.repair.split_word import RULE, _shape_ok, find, judge

_DEFINED_PAIR = re.compile(r"(?<![\w-])([^\W\d_]+) ([^\W\d_]+)(?![\w'’‘ʼ])")


def defined(text: str, evidence: Evidence) -> Iterator[Finding]:
    position = 0
    while (match := _DEFINED_PAIR.search(text, position)) is not None:
        left, right = match.group(1), match.group(2)
        cert = judge(left, right, evidence)
        if cert is not None and not _shape_ok(left, right, text, match.start(), evidence):
            cert = None
        if cert is None:
            position = match.start(2)
            continue
        yield Finding(match.start(), match.end(), match.group(), left + right, RULE, cert)
        position = match.end()


# Fragments of real split words, words that join into words, and what separates words.
# Chains such as `over night fall` make overlapping pairs that both join; a capital sigma
# and a numeral that is no digit take the scan's slower paths.
PIECES = ["secta", "risme", "cor", "dialement", "a", "part", "apart", "after", "noon",
          "over", "night", "fall", "for", "ever", "more", "Malheureuse", "ment", "entiè",
          "rement", "dé", "portés", "Jean", "Ber", "tin", "l", "3", "_", "vons",
          "ΛΟΓΟΣ", "ος", "x²"]
GLUE = [" ", " ", " ", " ", " ", "  ", "-", "'", "’", ". ", "\n", "« "]

texts = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(GLUE)),
                 max_size=30).map(lambda parts: "".join(p + g for p, g in parts))


@settings(max_examples=400, deadline=None)
@given(texts, st.sampled_from(["fr", "en"]))
def test_one_scan_finds_what_the_definition_finds(text: str, language: str) -> None:
    lexicon = lexicon_for(language)
    assert lexicon is not None
    evidence = Evidence(lexicon, vocabulary_of([text, "sectarisme overnight nightfall"]))
    assert list(find(text, evidence)) == list(defined(text, evidence))


def test_the_definition_joins_consecutive_splits_without_overlap() -> None:
    lexicon = lexicon_for("fr")
    assert lexicon is not None
    text = "le secta risme cor dialement, secta risme."
    evidence = Evidence(lexicon, vocabulary_of([text, "sectarisme cordialement"]))
    found = [(f.original, f.edited) for f in find(text, evidence)]
    assert found == [("secta risme", "sectarisme"), ("cor dialement", "cordialement"),
                     ("secta risme", "sectarisme")]


def test_a_pair_overlapping_a_joined_one_is_not_judged() -> None:
    lexicon = lexicon_for("fr")
    assert lexicon is not None
    evidence = Evidence(lexicon, vocabulary_of(["overnight nightfall"]))
    assert judge("night", "fall", evidence) is not None  # on its own it would be joined
    assert [f.original for f in find("over night fall", evidence)] == ["over night"]


def test_a_right_word_before_an_apostrophe_is_no_pair() -> None:
    lexicon = lexicon_for("fr")
    assert lexicon is not None
    evidence = Evidence(lexicon, vocabulary_of(["cordialement"]))
    assert list(find("cor dialement’s", evidence)) == []
    assert [f.edited for f in find("cor dialement.", evidence)] == ["cordialement"]
