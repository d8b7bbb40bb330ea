"""The edition's settings for corpus-level outputs (CMIF, site, bundle): corpus/edition.toml."""

from __future__ import annotations

import re
import tomllib
import uuid
from dataclasses import dataclass, fields, replace
from pathlib import Path

from ..diagnostics import Diagnostic, Location, Severity

PAGE_LANGUAGES = ("en", "fr", "de", "it", "es")
"""Languages the labels of the pages are written in (xslt/labels.xml, tested to agree)."""


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
    letter_url: str = "{base}letters/{name}.html"
    """Where each letter is read online: {base} is base_url, {name} the TEI file's name
    without .xml (for an edition published elsewhere, its own pattern)."""
    language: str = ""
    """Language of the site's own pages (index, register), ISO 639-1; one of PAGE_LANGUAGES;
    empty: the language most of its documents are in. Each letter's page takes the
    letter's language."""
    ocr_repairs: str = "recorded"
    """Errors of the digitisation: `recorded` (orig/reg type="ocr" in the text) or `silent`
    (the source's reading alone; editorialDecl says so)."""

    def cmif_settings(self, fallback_date: str) -> dict[str, str]:
        base = self.base_url if self.base_url.endswith("/") else f"{self.base_url}/"
        return {"title": self.title, "editor": self.editor, "publisher": self.publisher,
                "base-url": base, "id": self.bibl_id(), "licence": self.licence,
                "licence-url": self.licence_url, "date": self.date or fallback_date,
                "letter-url": self.letter_url}

    def bibl_id(self) -> str:
        """The xml:id of the CMIF bibl: the id setting with a UUID made from the edition's
        URL and id (CMIF recommends a UUID; an xml:id cannot start with a digit)."""
        return f"{self.id}-{uuid.uuid5(uuid.NAMESPACE_URL, self.base_url + '#' + self.id)}"


# Hosts that only stand in for a real address (RFC 2606 and 6761).
_PLACEHOLDER = re.compile(r"""//([^/]*\.)?
    (example\.(org|com|net) | localhost | [^/]*\.(test|invalid|example))  # reserved names
    (:\d+)?(/|$)""", re.IGNORECASE | re.VERBOSE)


def placeholder_warnings(edition: Edition, display: str,
                         severity: Severity = Severity.WARNING) -> list[Diagnostic]:
    """A problem of `severity` for each address of the edition that is a placeholder
    (example.org ...), which correspSearch would publish as the letters' links, and for a
    missing publication date. `transform --to cmif`, the hand-off to correspSearch, warns;
    the build, whose site is often a preview, only informs."""
    problems: list[Diagnostic] = []
    for key in ("base_url", "letter_url", "licence_url"):
        value = getattr(edition, key)
        if _PLACEHOLDER.search(value):
            problems.append(Diagnostic(
                "edition.placeholder-url", severity, Location(display),
                f"{key} is the placeholder {value!r}: set the edition's real address in "
                f"[edition] {key} of edition.toml (or the file given to --edition), or the "
                "CMIF links lead nowhere"))
    if not edition.date:
        problems.append(Diagnostic(
            "edition.no-date", severity, Location(display),
            "no publication date: set [edition] date = \"YYYY-MM-DD\" in edition.toml; until "
            "then the CMIF gives the latest letter's date as its publication date"))
    return problems


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
    if values.get("language", "en") not in (*PAGE_LANGUAGES, ""):
        problems.append(Diagnostic(
            "edition.page-language", Severity.WARNING, Location(display),
            f"language {values['language']!r}: the site's labels exist in "
            f"{', '.join(PAGE_LANGUAGES)} only so far, so its pages are in English"))
        values["language"] = "en"
    if values.get("ocr_repairs", OCR_REPAIRS[0]) not in OCR_REPAIRS:
        problems.append(Diagnostic(
            "edition.bad-value", Severity.ERROR, Location(display),
            f"ocr_repairs = {values.pop('ocr_repairs')!r}; expected one of "
            f"{', '.join(OCR_REPAIRS)} (how errors of the digitisation are encoded)"))
    return replace(Edition(), **values), problems


OCR_REPAIRS = ("recorded", "silent")
