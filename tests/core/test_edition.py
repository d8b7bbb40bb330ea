"""corpus/edition.toml: the language of the site's own pages."""

from __future__ import annotations

from pathlib import Path

from teipipe.project.edition import load


def test_the_page_language_is_one_the_labels_exist_in(tmp_path: Path) -> None:
    settings = tmp_path / "edition.toml"
    settings.write_text('[edition]\nlanguage = "en"\n', encoding="utf-8")
    assert load(settings, "edition.toml") == load(tmp_path / "missing.toml", "x")
    settings.write_text('[edition]\nlanguage = "fr"\ntitle = "Lettres"\n', encoding="utf-8")
    edition, problems = load(settings, "edition.toml")
    assert (edition.language, edition.title) == ("en", "Lettres")
    assert [(p.code, p.location.path) for p in problems] == [
        ("edition.page-language", "edition.toml")]
    assert "English" in problems[0].message
