"""Each repair rule on invented sentences: what it repairs, and look-alikes it leaves alone."""

from __future__ import annotations

import pytest

from teipipe.repair import Evidence, lexicon_for
from teipipe.repair.base import vocabulary_of
from teipipe.repair.engine import findings


def evidence(text: str, language: str = "fr", protected: frozenset[str] = frozenset()) -> Evidence:
    lexicon = lexicon_for(language)
    assert lexicon is not None
    return Evidence(lexicon, vocabulary_of([text]), protected)


def repairs(text: str, language: str = "fr") -> list[tuple[str, str, str, str]]:
    return [(f.original, f.edited, f.rule, f.cert)
            for f in findings(text, evidence(text, language))]


@pytest.mark.parametrize(("text", "original", "edited"), [
    ("Nous partirons demain. Malheureuse ment la pluie tombe.", "Malheureuse ment",
     "Malheureusement"),
    ("La maison est entiè rement vide.", "entiè rement", "entièrement"),
    ("Je vous salue cor dialement.", "cor dialement", "cordialement"),
    ("The committee met in the after noon to vote.", "after noon", "afternoon"),
    ("She waited pa tiently for the train.", "pa tiently", "patiently"),
])
def test_split_word_joined(text: str, original: str, edited: str) -> None:
    assert (original, edited, "repair.split-word") in [r[:3] for r in repairs(text,
            "en" if "the" in text.lower().split() else "fr")]


def test_split_word_with_the_joined_form_elsewhere_is_high() -> None:
    text = "Les exilés attendent. On parle des dé portés et des exilés, des exilés déportés."
    assert ("dé portés", "déportés", "repair.split-word", "high") in repairs(text)


def test_split_word_of_two_words_without_evidence_is_only_low() -> None:
    assert ("dé portés", "déportés", "repair.split-word", "low") in repairs(
        "Les enfants des dé portés sont partis.")


@pytest.mark.parametrize(("text", "language"), [
    ("Il parle de la guerre et de la paix, à peu près sans fin.", "fr"),
    ("Vous jugez a priori, mais le peuple se lève en masse.", "fr"),
    ("Est-ce un hasard ? Reviendra-t-il ? Les socialistes-révolutionnaires hésitent.", "fr"),
    ("He stood a part of the way, apart from the others, in to the night.", "en"),
    ("Any one of them may be right; we cannot say every day.", "en"),
    ("Le camarade Marc Dupin arriva avec Jean Ber tin.", "fr"),
])
def test_split_word_look_alikes_untouched(text: str, language: str) -> None:
    assert [r for r in repairs(text, language) if r[3] != "low"] == []


def test_names_of_the_register_are_never_changed() -> None:
    text = "Nous avons vu Vil lard hier."
    found = findings(text, evidence(text, protected=frozenset({"Vil", "lard"})))
    assert found == []


def test_misread_letters() -> None:
    assert ("tusse", "russe", "repair.misread", "medium") in repairs(
        "Il écrivit une histoire de la révolution tusse en deux volumes.")


def test_misread_double_i_at_sentence_start() -> None:
    text = "Nous attendons. II faut partir. Il le faut."
    assert ("II", "Il", "repair.misread", "high") in repairs(text)


@pytest.mark.parametrize("text", [
    "Louis II fut un roi bâtisseur.",
    "Le tome II contient les lettres de 1910 et 1920.",
    "En 1905, 10 000 ouvriers firent grève ; le chapitre II en parle.",
    "Chapter II. It was the year 1910 and 100 men came.",
])
def test_misread_look_alikes_untouched(text: str) -> None:
    language = "en" if text.startswith("Chapter") else "fr"
    assert repairs(text, language) == []


def test_misread_zero_among_initials() -> None:
    assert ("0", "O", "repair.misread", "high") in repairs("Le P. 0. U. M. signa le pacte.")


def test_stray_quote_before_a_space() -> None:
    assert ("sur'", "sur", "repair.stray-quote", "medium") in repairs(
        "Ils débattent sur' la question de l'unité.")


def test_stray_quote_ordinal() -> None:
    assert ('IV"', "IVe", "repair.stray-quote", "medium") in repairs(
        'Il parla de la IV" Internationale.')


@pytest.mark.parametrize(("text", "language"), [
    ("L'homme d'aujourd'hui n'a qu'un mot.", "fr"),
    ("The workers' party met at the miners' hall.", "en"),
])
def test_stray_quote_look_alikes_untouched(text: str, language: str) -> None:
    assert repairs(text, language) == []
