"""The static site: reading pages (XSLT), a sortable index and register pages (jinja2).

Layout of the site folder: index.html; letters/<name>.html and, for a translation,
letters/<name>.parallel.html; register/index.html and register/<id>.html; cmif.xml.
schema/reference.html belongs to the schema step and is only linked to.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2
from lxml import etree

from .diagnostics import Diagnostic, Location, Severity
from .edition import Edition
from .pipeline import write_atomic
from .register import AUTHORITY_URI, Entry, Register
from .transform import OUTPUTS, PARALLEL, Transformer, TransformError
from .writers.tei_header import LANGUAGE_NAMES
from .writers.xml import TEI_NS, XML_LANG
from .xpath import elements, string, strings, text_of

_NS = {"t": TEI_NS}
_KINDS = (("person", "People"), ("place", "Places"), ("org", "Organisations"))


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
    letters: tuple[DocumentRow, ...]


def _names(tree: etree._ElementTree, action: str) -> str:
    return ", ".join(text_of(n) for n in elements(
        tree, f"//t:correspDesc/t:correspAction[@type='{action}']/*"
              "[self::t:persName or self::t:orgName]", _NS))


def document_row(path: Path) -> DocumentRow:
    tree = etree.parse(str(path))
    lang = tree.getroot().get(XML_LANG, "")
    dates = strings(tree, "//t:correspAction[@type='sent']/t:date/@when | "
                          "//t:correspAction[@type='sent']/t:date/@notBefore", _NS)
    authors = ", ".join(text_of(a) for a in elements(tree, "//t:titleStmt/t:author", _NS))
    translation = bool(elements(tree, "//t:relation[@name='translationOf']", _NS))
    refs = frozenset(r[1:] for r in strings(tree, "//@ref[starts-with(., '#')]"))
    return DocumentRow(
        name=path.stem,
        title=" ".join(string(tree, "string(//t:titleStmt/t:title[1])", _NS).split()),
        date=str(dates[0]) if dates else "", sender=_names(tree, "sent") or authors,
        addressee=_names(tree, "received"), language=lang,
        language_name=LANGUAGE_NAMES.get(lang, lang),
        parallel=f"{path.stem}{PARALLEL.extension}" if translation else "", refs=refs)


def entry_page(entry: Entry, rows: list[DocumentRow]) -> EntryPage:
    life = " – ".join(x for x in (entry.birth or "", entry.death or "") if x) \
        if entry.birth or entry.death else ""
    authorities = tuple((a, AUTHORITY_URI[a] + v) for a, v in entry.idnos if a in AUTHORITY_URI)
    return EntryPage(entry.kind, entry.id, entry.name, entry.note, life, authorities,
                     tuple(r for r in rows if entry.id in r.refs))


def environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("teipipe", "templates"),
                              autoescape=True, keep_trailing_newline=True,
                              undefined=jinja2.StrictUndefined)


def _render(env: jinja2.Environment, template: str, target: Path, **values: object) -> None:
    write_atomic(target, env.get_template(template).render(**values).encode("utf-8"))


def write_pages(files: list[Path], out: Path, engine: Transformer) -> list[Diagnostic]:
    """The reading page of every document and the side-by-side page of every translation."""
    problems: list[Diagnostic] = []
    for path in files:
        outputs = [OUTPUTS["html"]]
        if document_row(path).parallel:
            outputs.append(PARALLEL)
        for output in outputs:
            try:
                html = engine.apply_file(output, path)
            except TransformError as error:
                problems.append(Diagnostic("site.transform-failed", Severity.ERROR,
                                           Location(path.name), str(error)))
                continue
            write_atomic(out / "letters" / f"{path.stem}{output.extension}", html.encode("utf-8"))
    return problems


def build_site(files: list[Path], register: Register, edition: Edition, out: Path,
               engine: Transformer) -> list[Diagnostic]:
    """Write the whole site into `out` (made if missing); the problems found."""
    problems = write_pages(files, out, engine)
    rows = sorted((document_row(p) for p in files), key=lambda r: (r.date or "9999", r.name))
    env = environment()
    _render(env, "index.html", out / "index.html", edition=edition, documents=rows, root="")
    pages = [entry_page(e, rows) for e in sorted(register.entries, key=lambda e: e.name)]
    _render(env, "register_index.html", out / "register" / "index.html", edition=edition,
            entries=pages, kinds=_KINDS, root="../")
    for page in pages:
        _render(env, "entry.html", out / "register" / f"{page.id}.html", edition=edition,
                entry=page, root="../")
    return problems
