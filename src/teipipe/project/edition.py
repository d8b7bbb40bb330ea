"""The edition's settings for corpus-level outputs (CMIF, site, bundle): corpus/edition.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from ..diagnostics import Diagnostic, Location, Severity

PAGE_LANGUAGES = ("en",)
"""Languages the labels of the site's own pages (index, register) are written in."""


@dataclass(frozen=True)
class Edition:
    """Who publishes the corpus, where, under which licence, and its fixed publication date.

    The date is a setting, never the clock, so that every build writes the same bytes.
    """

    title: str = "teipipe corpus"
    editor: str = "teipipe editors"
    publisher: str = "teipipe corpus"
    base_url: str = "https://example.org/teipipe/"
    id: str = "teipipe-corpus"
    """xml:id of the CMIF bibl that every correspDesc/@source points at."""
    licence: str = "This file is licensed under the terms of the Creative Commons Licence CC BY 4.0"
    licence_url: str = "https://creativecommons.org/licenses/by/4.0/"
    date: str = ""
    """Publication date of the corpus outputs (ISO); empty means: the latest letter's date."""
    version: str = "0.1.0"
    language: str = "en"
    """Language of the site's own pages (index, register), ISO 639-1; one of PAGE_LANGUAGES.
    Each letter's page takes the letter's language."""
    ocr_repairs: str = "recorded"
    """Errors of the digitisation: `recorded` (orig/reg type="ocr" in the text) or `silent`
    (the source's reading alone; editorialDecl says so)."""

    def cmif_settings(self, fallback_date: str) -> dict[str, str]:
        base = self.base_url if self.base_url.endswith("/") else f"{self.base_url}/"
        return {"title": self.title, "editor": self.editor, "publisher": self.publisher,
                "base-url": base, "id": self.id, "licence": self.licence,
                "licence-url": self.licence_url, "date": self.date or fallback_date}


def load(path: Path, display: str) -> tuple[Edition, list[Diagnostic]]:
    """The settings of `path`, defaults for what it leaves out; a missing file is all defaults."""
    if not path.is_file():
        return Edition(), []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError) as error:
        return Edition(), [Diagnostic("edition.unreadable", Severity.ERROR, Location(display),
                                      f"cannot read the edition settings: {error}")]
    table = data.get("edition", {})
    known = {f.name for f in fields(Edition)}
    problems = [Diagnostic("edition.unknown-key", Severity.WARNING, Location(display),
                           f"unknown setting {key!r}; known: {', '.join(sorted(known))}")
                for key in sorted(table) if key not in known]
    values = {k: str(v) for k, v in table.items() if k in known}
    if values.get("language", "en") not in PAGE_LANGUAGES:
        problems.append(Diagnostic(
            "edition.page-language", Severity.WARNING, Location(display),
            f"language {values['language']!r}: the site's labels exist in "
            f"{', '.join(PAGE_LANGUAGES)} only so far, so its pages stay in English"))
        del values["language"]
    if values.get("ocr_repairs", OCR_REPAIRS[0]) not in OCR_REPAIRS:
        problems.append(Diagnostic(
            "edition.bad-value", Severity.ERROR, Location(display),
            f"ocr_repairs = {values.pop('ocr_repairs')!r}; expected one of "
            f"{', '.join(OCR_REPAIRS)} (how errors of the digitisation are encoded)"))
    return replace(Edition(), **values), problems


OCR_REPAIRS = ("recorded", "silent")
