"""corpus/edition.toml: the language of the site's own pages."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from teipipe.project.edition import Edition, load


def test_the_page_language_is_one_the_labels_exist_in(tmp_path: Path) -> None:
    settings = tmp_path / "edition.toml"
    settings.write_text('[edition]\nlanguage = "en"\n', encoding="utf-8")
    assert load(settings, "edition.toml")[0].language == "en"
    settings.write_text('[edition]\nlanguage = "fr"\n', encoding="utf-8")
    assert load(settings, "edition.toml") == (replace(Edition(), language="fr"), [])
    settings.write_text('[edition]\nlanguage = "pl"\ntitle = "Lettres"\n', encoding="utf-8")
    edition, problems = load(settings, "edition.toml")
    assert (edition.language, edition.title) == ("en", "Lettres")
    assert [(p.code, p.location.path) for p in problems] == [
        ("edition.page-language", "edition.toml")]
    assert "English" in problems[0].message
