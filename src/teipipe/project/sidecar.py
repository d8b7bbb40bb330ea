"""The editor's sidecar: a TOML file beside each text with what only a person can say.

It states the kind of text, language, correspondents, places, dates, source,
licence and relations, and keeps the editor's decisions on proposed repairs.
Values here override what teipipe reads in the text; the sidecar pass warns
where the two disagree.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import langcodes

from ..diagnostics import Diagnostic, Location, Severity
from ..language.dates import iso_problem, range_end, range_start

_KNOWN: dict[str, set[str]] = {
    "document": {"identifier", "kind", "language", "languages", "title", "authors",
                 "division_type", "reader", "publisher"},
    "source": {"bibl", "url"},
    "licence": {"text", "url"},
    "responsibility": {"id", "role", "name", "ref", "kind"},
    "sent": {"persons", "orgs", "place", "date", "not_before", "not_after", "date_cert",
             "date_evidence", "place_cert", "place_evidence", "cert", "evidence"},
    "received": {"persons", "orgs", "place", "date", "not_before", "not_after", "date_cert",
                 "date_evidence", "place_cert", "place_evidence", "cert", "evidence"},
    "notes": {"type", "resp"},
    "relation": {"type", "target"},
    "repairs": {"accept", "reject", "enabled"},
}
KINDS = ("letter", "article", "essay")


@dataclass(frozen=True)
class Sidecar:
    """The parsed sidecar: plain tables, checked for unknown keys and bad values."""

    path: str
    data: dict[str, Any] = field(default_factory=dict)
    lines: tuple[str, ...] = ()

    def table(self, name: str) -> dict[str, Any]:
        value = self.data.get(name, {})
        return value if isinstance(value, dict) else {}

    def tables(self, name: str) -> list[dict[str, Any]]:
        value = self.data.get(name, [])
        return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []

    def where(self, key: str, section: str | None = None) -> Location:
        """The line that sets `key` (first match; within `[section]` when given), for
        messages about its value."""
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        current: str | None = None
        for number, line in enumerate(self.lines, start=1):
            header = _HEADER.match(line)
            if header is not None:
                current = header.group(1)
            elif pattern.match(line) and (section is None or current == section):
                return Location(self.path, number, line.index(key) + 1)
        return Location(self.path)


_HEADER = re.compile(r"^\s*\[\[?\s*([\w.-]+)\s*\]\]?")
_DATE_KEYS = ("date", "not_before", "not_after")


def _check_dates(sidecar: Sidecar, problems: list[Diagnostic]) -> None:
    """Dates that exist, in ISO form, and ranges that do not run backwards."""
    for section in ("sent", "received"):
        table = sidecar.table(section)
        valid: dict[str, str] = {}
        for key in _DATE_KEYS:
            if key not in table:
                continue
            value = str(table[key])  # a TOML date literal reads as a date: same text
            problem = iso_problem(value)
            if problem is None:
                valid[key] = value
                continue
            problems.append(Diagnostic(
                "sidecar.bad-date", Severity.ERROR, sidecar.where(key, section),
                f"[{section}] {key}: {problem}; write a date that exists, as YYYY, YYYY-MM "
                "or YYYY-MM-DD"))
        start, end = valid.get("not_before"), valid.get("not_after")
        if start and end and range_start(start) > range_end(end):
            problems.append(Diagnostic(
                "sidecar.inverted-range", Severity.ERROR, sidecar.where("not_before", section),
                f"[{section}] not_before = {start!r} is later than not_after = {end!r}; swap "
                "them or correct one"))


def _check_languages(sidecar: Sidecar, problems: list[Diagnostic]) -> None:
    """Language codes that the IANA registry knows (`de`, `fr`, `grc`, `de-CH`)."""
    document = sidecar.table("document")
    codes = [("language", document.get("language"))]
    codes += [("languages", code) for code in document.get("languages", []) or []]
    for key, code in codes:
        if code is not None and not (isinstance(code, str) and langcodes.tag_is_valid(code)):
            problems.append(Diagnostic(
                "sidecar.bad-language", Severity.ERROR, sidecar.where(key, "document"),
                f"{key}: {code!r} is not a language code; write an ISO 639 / BCP 47 code "
                "such as \"de\", \"en\", \"fr\", \"it\", \"es\" or \"la\""))


def _check_keys(sidecar: Sidecar, problems: list[Diagnostic]) -> None:
    for section, value in sidecar.data.items():
        if section not in _KNOWN:
            problems.append(Diagnostic(
                "sidecar.unknown-table", Severity.WARNING, sidecar.where(section),
                f"unknown table [{section}]; known tables: {', '.join(sorted(_KNOWN))}"))
            continue
        rows = value if isinstance(value, list) else [value]
        for row in rows:
            if not isinstance(row, dict):
                continue
            for key in row:
                if key not in _KNOWN[section]:
                    problems.append(Diagnostic(
                        "sidecar.unknown-key", Severity.WARNING, sidecar.where(key),
                        f"[{section}] has no key {key!r}; known keys: "
                        f"{', '.join(sorted(_KNOWN[section]))}"))
    kind = sidecar.table("document").get("kind")
    if kind is not None and kind not in KINDS:
        problems.append(Diagnostic(
            "sidecar.bad-kind", Severity.ERROR, sidecar.where("kind"),
            f"kind {kind!r} is not one of {', '.join(KINDS)}"))


def parse(text: str, path: str) -> tuple[Sidecar, list[Diagnostic]]:
    """A Sidecar from TOML text, with every problem found."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"line (\d+), column (\d+)", str(error))
        loc = Location(path, int(match.group(1)), int(match.group(2))) if match else Location(path)
        return Sidecar(path), [Diagnostic("sidecar.syntax", Severity.ERROR, loc,
                                          f"the sidecar is not valid TOML: {error}")]
    sidecar = Sidecar(path, data, tuple(text.splitlines()))
    problems: list[Diagnostic] = []
    _check_keys(sidecar, problems)
    _check_dates(sidecar, problems)
    _check_languages(sidecar, problems)
    return sidecar, problems


def read_quietly(data: bytes, path: str = "") -> Sidecar:
    """The sidecar in `data`, unchecked; empty when it is not UTF-8 TOML (the document's
    own conversion reports that). For the corpus plan, which needs a few values of every
    sidecar and reports nothing."""
    try:
        return Sidecar(path, tomllib.loads(data.decode("utf-8")))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return Sidecar(path)


def path_for(text_path: Path) -> Path:
    """Where the sidecar of a text lives: same name, `.toml`."""
    return text_path.with_suffix(".toml")


def load(text_path: Path, display: str) -> tuple[Sidecar | None, list[Diagnostic]]:
    """The sidecar beside a text, or None when there is none."""
    path = path_for(text_path)
    if not path.is_file():
        return None, []
    shown = str(Path(display).with_suffix(".toml"))
    return parse(path.read_text(encoding="utf-8"), shown)
