"""Passages in another language are marked `foreign`; loans and names are not."""

from __future__ import annotations

from teipipe import source
from teipipe.model import Foreign
from teipipe.pipeline import convert_source
from teipipe.project.register import Register
from teipipe.walk import iter_inline_runs


def _foreign(text: str) -> list[tuple[str, str]]:
    result = convert_source(source.from_text(text, "t.txt"), Register(), None)
    assert result.document is not None
    return [(n.lang, n.text) for run in iter_inline_runs(result.document) for n in run
            if isinstance(n, Foreign)]


def test_a_french_title_in_an_english_letter_is_marked() -> None:
    found = _foreign("May 2, 1931\n\nDear Tom\n\nI have read « Les Ouvriers du Textile et la "
                     "Grève » twice, and it is the best account of the strike that we have. "
                     "The committee went there en masse and it was a success.\n")
    assert found == [("fr", "Les Ouvriers du Textile et la Grève")]


def test_an_italian_book_title_in_a_note_is_marked_with_its_language() -> None:
    found = _foreign("June 2, 1931\n\nDear Tom\n\nSee the memoirs.[1]\n\n\n"
                     "1. Luigi Rossi, Storia della Classe Operaia, Milano 1950.\n")
    assert found == [("it", "Storia della Classe Operaia")]


def test_an_english_phrase_in_a_french_letter_is_marked() -> None:
    found = _foreign(" 3 mars 1932.\nCher ami,\nNous avons lu votre article sur le mouvement "
                     "et la formule « the rank and file of the union » revient sans cesse dans "
                     "nos discussions avec les camarades de la fédération, qui ne le lisent "
                     "pas.\n")
    assert found == [("en", "the rank and file of the union")]


def test_two_word_loans_and_plain_english_are_left_alone() -> None:
    assert _foreign("May 2, 1931\n\nDear Tom\n\nThey left en masse, a priori for good, "
                    "and the committee met in Paris with Pierre Dupont.\n") == []


def test_foreign_languages_are_declared_in_the_header() -> None:
    text = ("May 2, 1931\n\nDear Tom\n\nI have read « Les Ouvriers du Textile et la Grève » "
            "and I think that it is the best book on the strike that we have.\n")
    result = convert_source(source.from_text(text, "t.txt"), Register(), None)
    assert result.document is not None
    assert result.document.meta.languages == ("en", "fr")
    assert b'<language ident="fr">French</language>' in result.tei.to_bytes()
