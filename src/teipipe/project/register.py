"""The edition's register of people, places and organisations, kept by editors in TOML.

Entries carry the authority identifiers an editor has checked (Wikidata, VIAF,
GND, GeoNames); teipipe never invents one. Names in the header and the text
point at entries with `@ref`.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

from ..diagnostics import Diagnostic, Location, Severity

EntryKind = Literal["person", "place", "org"]
_KINDS: tuple[EntryKind, ...] = ("person", "place", "org")
AUTHORITIES = ("wikidata", "viaf", "gnd", "geonames")
_ID = re.compile(r"^[A-Za-z_][\w.-]*$")


@dataclass(frozen=True)
class Entry:
    """One person, place or organisation of the register."""

    kind: EntryKind
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    """Other forms the texts use (`Trotsky`, `L.D. Trotsky`, `Léon Trotsky`)."""
    idnos: tuple[tuple[str, str], ...] = ()
    """(authority, identifier) pairs, authority one of AUTHORITIES."""
    note: str = ""
    birth: str | None = None
    death: str | None = None
    match_in_text: bool = True
    """Whether mentions in the running text are tagged (off for ambiguous short names)."""
    no_identifier: str = ""
    """Why the entry has no authority identifier, when the editor says so (`no_identifier`
    in the register); the CMIF export then does not warn about it."""
    sort: str = ""
    """How the register orders the entry (`Serge, Victor`); empty: see `sort_key`."""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def sort_key(self) -> tuple[str, str]:
        """The entry's place in the register: its `sort` setting; for a person without one,
        the surname first (the part after a comma comes last, else the last word leads:
        `Victor Serge` → `Serge Victor`); places and organisations by name. Letter case
        and accents do not count, except to break ties."""
        if self.sort:
            key = self.sort
        elif self.kind == "person" and "," not in self.name and " " in self.name.strip():
            first, _, last = self.name.strip().rpartition(" ")
            key = f"{last} {first}"
        else:
            key = self.name.replace(",", " ")
        plain = "".join(c for c in unicodedata.normalize("NFKD", key)
                        if not unicodedata.combining(c))
        return " ".join(plain.casefold().split()), key


@dataclass(frozen=True)
class Register:
    entries: tuple[Entry, ...] = ()
    path: str = ""
    _by_name: dict[str, Entry] = field(default_factory=dict, compare=False, repr=False)
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    """The line of each entry's table (`[person.serge-victor]`) in the register file."""

    def __post_init__(self) -> None:
        for entry in self.entries:
            for name in entry.names:
                self._by_name.setdefault(_key(name), entry)

    @cached_property
    def name_words(self) -> frozenset[str]:
        """Every word of every name in the register (`Victor`, `Serge`, `Hønefoss`)."""
        return frozenset(word for entry in self.entries for name in entry.names
                         for word in _NAME_WORD.findall(name))

    def where(self, entry: Entry) -> Location:
        """The place of an entry in the register file, for messages that ask to edit it."""
        return Location(self.path, self.lines.get(entry.id, 0), 1 if entry.id in self.lines else 0)

    def get(self, entry_id: str) -> Entry | None:
        return next((e for e in self.entries if e.id == entry_id), None)

    def find(self, name: str, kind: EntryKind | None = None) -> Entry | None:
        """The entry one of whose names is `name` (case and spacing ignored)."""
        entry = self._by_name.get(_key(name))
        if entry is not None and (kind is None or entry.kind == kind):
            return entry
        return None


_NAME_WORD = re.compile(r"[^\W\d_]+")


def _key(name: str) -> str:
    return " ".join(name.replace(".", ". ").split()).casefold()


def _entry(kind: EntryKind, entry_id: str, table: dict[str, object], where: Location,
           problems: list[Diagnostic]) -> Entry | None:
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append(Diagnostic("register.no-name", Severity.ERROR, where,
                                   f"{kind} {entry_id!r} has no `name`"))
        return None
    if not _ID.match(entry_id):
        problems.append(Diagnostic("register.bad-id", Severity.ERROR, where,
                                   f"{kind} id {entry_id!r} is not a valid XML name; use letters, "
                                   "digits, `-` and `_`, starting with a letter"))
        return None
    idno_table = table.get("idno", {})
    idnos: list[tuple[str, str]] = []
    if isinstance(idno_table, dict):
        for authority, value in sorted(idno_table.items()):
            if authority.lower() not in AUTHORITIES:
                problems.append(Diagnostic(
                    "register.unknown-authority", Severity.WARNING, where,
                    f"{entry_id}: authority {authority!r} is not one of {', '.join(AUTHORITIES)}"))
            idnos.append((authority.lower(), str(value)))
    aliases = table.get("aliases", [])
    no_identifier = _no_identifier(table.get("no_identifier"), entry_id, bool(idnos), where,
                                   problems)
    return Entry(
        kind=kind, id=entry_id, name=name.strip(),
        aliases=tuple(str(a) for a in aliases) if isinstance(aliases, list) else (),
        idnos=tuple(idnos), note=str(table.get("note", "")),
        birth=_optional_str(table.get("birth")), death=_optional_str(table.get("death")),
        match_in_text=bool(table.get("match_in_text", True)), no_identifier=no_identifier,
        sort=str(table.get("sort", "")),
    )


NO_IDENTIFIER_KNOWN = "no identifier known"


def _no_identifier(value: object, entry_id: str, has_idno: bool, where: Location,
                   problems: list[Diagnostic]) -> str:
    """The editor's statement that an entry has no authority identifier: `true`, or the
    reason as text; "" when not stated (or contradicted by an idno, which wins)."""
    if value is None or value is False or value == "":
        return ""
    if not isinstance(value, bool | str):
        problems.append(Diagnostic(
            "register.bad-no-identifier", Severity.WARNING, where,
            f"{entry_id}: `no_identifier` is true or the reason as text, not {value!r}"))
        return ""
    if has_idno:
        problems.append(Diagnostic(
            "register.no-identifier-with-idno", Severity.WARNING, where,
            f"{entry_id} has an idno and says `no_identifier`; remove one of them "
            "(the idno is used)"))
        return ""
    return value.strip() if isinstance(value, str) else NO_IDENTIFIER_KNOWN


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


def parse(text: str, path: str) -> tuple[Register, list[Diagnostic]]:
    """A Register from TOML text, with every problem found (never raises for content)."""
    problems: list[Diagnostic] = []
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line, column = _toml_position(str(error))
        return Register(path=path), [Diagnostic(
            "register.syntax", Severity.ERROR, Location(path, line, column), str(error))]
    entries: list[Entry] = []
    for kind in _KINDS:
        section = data.get(kind, {})
        for entry_id, table in sorted(section.items()):
            entry = _entry(kind, entry_id, table, Location(path), problems)
            if entry is not None:
                entries.append(entry)
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            problems.append(Diagnostic("register.duplicate-id", Severity.ERROR, Location(path),
                                       f"id {entry.id!r} is used by two entries"))
        seen.add(entry.id)
    lines = {match.group(2): number for number, line in enumerate(text.splitlines(), 1)
             if (match := _TABLE.match(line))}
    return Register(tuple(entries), path, lines=lines), problems


_TABLE = re.compile(r"\s*\[\s*(person|place|org)\.([^\]\s]+)\s*\]")


def _toml_position(message: str) -> tuple[int, int]:
    match = re.search(r"line (\d+), column (\d+)", message)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


def load(path: Path, display: str | None = None) -> tuple[Register, list[Diagnostic]]:
    return parse(path.read_text(encoding="utf-8"), display or str(path))


# The address an identifier of each authority is appended to (the CMIF stylesheet,
# in XSLT, keeps the same table for the export).
AUTHORITY_URI = {
    "wikidata": "http://www.wikidata.org/entity/",
    "viaf": "http://viaf.org/viaf/",
    "gnd": "https://d-nb.info/gnd/",
    "geonames": "http://www.geonames.org/",
}
