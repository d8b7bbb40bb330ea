"""The static site: reading pages (XSLT), a sortable index and register pages (jinja2).

Layout of the site folder: index.html; letters/<name>.html and, for a translation,
letters/<name>.parallel.html; register/index.html and register/<id>.html; cmif.xml.
schema/reference.html belongs to the schema step and is only linked to.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any, overload

import jinja2
from lxml import etree

from ..diagnostics import Diagnostic, Location, Severity
from ..files import atomic_file, write_atomic
from ..project.edition import Edition
from ..project.register import AUTHORITY_URI, Entry, Register
from ..tei import LANGUAGE_NAMES, TEI_NS, XML_LANG
from ..xml import safexml
from ..xml.xpath import elements, string, strings, text_of
from .labels import labels
from .transform import PARALLEL, SITE_PAGE, Output, Transformer, TransformError

_NS = {"t": TEI_NS}
_KINDS = (("person", "people"), ("place", "places"), ("org", "organisations"))
"""Kinds of register entries and the key of their heading in labels.xml."""


@dataclass(frozen=True)
class DocumentRow:
    """One row of the corpus index, read from a TEI header."""

    name: str
    title: str
    date: str
    sender: str
    addressee: str
    language: str
    language_name: str
    parallel: str
    refs: frozenset[str]
    """Register ids the document names anywhere (header or text)."""


@dataclass(frozen=True)
class EntryPage:
    kind: str
    id: str
    name: str
    note: str
    life: str
    authorities: tuple[tuple[str, str], ...]
    letters: Sequence[DocumentRow]
    """The documents that name the entry, in index order."""


def _names(tree: etree._ElementTree, action: str) -> str:
    return ", ".join(text_of(n) for n in elements(
        tree, f"//t:correspDesc/t:correspAction[@type='{action}']/*"
              "[self::t:persName or self::t:orgName]", _NS))


def document_row(tree: etree._ElementTree, name: str) -> DocumentRow:
    """The index row of the TEI document `name` (its file name without extension)."""
    lang = tree.getroot().get(XML_LANG, "")
    dates = strings(tree, "//t:correspAction[@type='sent']/t:date/@when | "
                          "//t:correspAction[@type='sent']/t:date/@notBefore", _NS)
    authors = ", ".join(text_of(a) for a in elements(tree, "//t:titleStmt/t:author", _NS))
    translation = bool(elements(tree, "//t:relation[@name='translationOf']", _NS))
    refs = frozenset(r[1:] for r in strings(tree, "//@ref[starts-with(., '#')]"))
    return DocumentRow(
        name=name,
        title=" ".join(string(tree, "string(//t:titleStmt/t:title[1])", _NS).split()),
        date=str(dates[0]) if dates else "", sender=_names(tree, "sent") or authors,
        addressee=_names(tree, "received"), language=lang,
        language_name=LANGUAGE_NAMES.get(lang, lang),
        parallel=f"{name}{PARALLEL.extension}" if translation else "", refs=refs)


def row_of_file(path: Path, display: str | None = None,
                limits: safexml.Limits = safexml.NO_XINCLUDE) -> DocumentRow | Diagnostic:
    """The index row of a TEI file, or the secure reader's reason to refuse it."""
    tree, problems = safexml.read(path, display or path.as_posix(), limits)
    return document_row(tree, path.stem) if tree is not None else problems[0]


def row_json(row: DocumentRow) -> dict[str, object]:
    values = asdict(row)
    values["refs"] = sorted(row.refs)
    return values


def row_from_json(data: dict[str, Any]) -> DocumentRow:
    """The row `row_json` wrote; KeyError or TypeError when `data` is no such row."""
    values = {f.name: data[f.name] for f in fields(DocumentRow)}
    values["refs"] = frozenset(str(r) for r in data["refs"])
    return DocumentRow(**values)


def entry_page(entry: Entry, letters: Sequence[DocumentRow]) -> EntryPage:
    life = " – ".join(x for x in (entry.birth or "", entry.death or "") if x) \
        if entry.birth or entry.death else ""
    authorities = tuple((a, AUTHORITY_URI[a] + v) for a, v in entry.idnos if a in AUTHORITY_URI)
    return EntryPage(entry.kind, entry.id, entry.name, entry.note, life, authorities, letters)


class RowsAt(Sequence[DocumentRow]):
    """The rows that `row_at` gives for `positions`, each read when asked for: the build's
    rows stay on disk (shares.DocumentShares) and only positions are held."""

    def __init__(self, row_at: Callable[[int], DocumentRow], positions: Sequence[int]) -> None:
        self._row_at, self._positions = row_at, positions

    def __len__(self) -> int:
        return len(self._positions)

    @overload
    def __getitem__(self, index: int) -> DocumentRow: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[DocumentRow]: ...

    def __getitem__(self, index: int | slice) -> DocumentRow | Sequence[DocumentRow]:
        if isinstance(index, slice):
            return [self._row_at(p) for p in self._positions[index]]
        return self._row_at(self._positions[index])


def environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("teipipe.publish", "templates"),
                              autoescape=True, keep_trailing_newline=True,
                              undefined=jinja2.StrictUndefined)


def _render(env: jinja2.Environment, template: str, target: Path, **values: object) -> None:
    # Streamed: the index of a large corpus is tens of megabytes, never held whole.
    with atomic_file(target) as out:
        for chunk in env.get_template(template).generate(**values):
            out.write(chunk.encode("utf-8"))


def page_path(out: Path, name: str, output: Output = SITE_PAGE) -> Path:
    """Where the site keeps a document's page of `output`."""
    return out / "letters" / f"{name}{output.extension}"


def write_pages(files: list[Path], out: Path, engine: Transformer,
                outputs: tuple[Output, ...] = (SITE_PAGE, PARALLEL)) -> list[Diagnostic]:
    """The pages of `outputs` for every document (the side-by-side page for translations only).

    `teipipe build` makes the reading pages in each document's task and only the
    side-by-side pages here, since those read the original's TEI as well.
    """
    problems: list[Diagnostic] = []
    for path in files:
        tree, refused = safexml.read(path, path.name)
        if tree is None:
            problems.extend(refused)
            continue
        parallel = document_row(tree, path.stem).parallel
        wanted = [o for o in outputs if o is not PARALLEL or parallel]
        for output in wanted:
            try:
                html = engine.apply_tree(output, tree, path.name, path.resolve().as_uri())
            except TransformError as error:
                problems.append(Diagnostic("site.transform-failed", Severity.ERROR,
                                           Location(path.name), str(error)))
                continue
            write_atomic(page_path(out, path.stem, output), html.encode("utf-8"))
    return problems


def remove_stale_pages(out: Path, names: set[str]) -> list[Path]:
    """Delete pages of documents no longer in the corpus (`names`); the deleted files."""
    letters = out / "letters"
    stale = [p for p in sorted(letters.glob("*.html"))
             if p.name.split(".", 1)[0] not in names] if letters.is_dir() else []
    for path in stale:
        path.unlink()
    return stale


def _index_order(row: DocumentRow) -> tuple[str, str]:
    return row.date or "9999", row.name


def write_index(rows: Sequence[DocumentRow], register: Register, edition: Edition,
                out: Path) -> None:
    """The corpus index and the register pages, from the documents' rows.

    Only positions and sort keys are held: `rows` may be read from disk row by row.
    """
    order = sorted(range(len(rows)), key=lambda p: _index_order(rows[p]))
    naming: dict[str, array[int]] = {}
    for position in order:
        for ref in rows[position].refs:
            naming.setdefault(ref, array("q")).append(position)
    env = environment()
    words = labels(edition.language or _commonest(rows[p].language for p in order))
    _render(env, "index.html", out / "index.html", edition=edition, t=words,
            documents=RowsAt(rows.__getitem__, order), root="")
    pages = [entry_page(e, RowsAt(rows.__getitem__, naming.get(e.id, array("q"))))
             for e in sorted(register.entries, key=lambda e: e.sort_key())]
    _render(env, "register_index.html", out / "register" / "index.html", edition=edition,
            t=words, entries=pages, kinds=_KINDS, root="../")
    for page in pages:
        _render(env, "entry.html", out / "register" / f"{page.id}.html", edition=edition,
                t=words, entry=page, root="../")


def _commonest(languages: Iterable[str]) -> str:
    """The language most documents are in (the site's pages are in it); ties: the first."""
    counts = Counter(language for language in languages if language)
    return counts.most_common(1)[0][0] if counts else "en"


def build_site(files: list[Path], register: Register, edition: Edition, out: Path,
               engine: Transformer) -> list[Diagnostic]:
    """Write the whole site of `files` into `out` (made if missing); the problems found."""
    problems = write_pages(files, out, engine)
    rows = [row_of_file(p, p.name) for p in files]
    write_index([r for r in rows if isinstance(r, DocumentRow)], register, edition, out)
    return problems
