"""The teiHeader and standOff register of a document, from its Metadata alone."""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from .. import __version__
from ..model import (
    Choice,
    CorrespAction,
    DateValue,
    Document,
    Name,
    Normalisation,
    Party,
    Place,
)
from ..project.register import Entry, Register
from ..tei import LANGUAGE_NAMES
from ..walk import iter_inline_runs
from .xml import el

# What each kind of normalisation means, stated once for the editorialDecl.
NORMALISATION_STATEMENTS = {
    "boilerplate.removed": "Text that the web page added after the work and that is not part "
                           "of it was removed; it is quoted here.",
    "lines.rejoined": "Line breaks of the source were not kept: lines are rejoined into "
                      "paragraphs; blank lines inside a sentence are encoded as page breaks.",
    "heading.notes": "The printed heading of the notes is the head of the notes division.",
    "layout.whitespace": "Indentation and runs of blank lines are not kept.",
    "page-furniture.removed": "Page numbers and running heads printed between the pages of "
                              "the text were taken out; page breaks stand in their place, "
                              "with the page's number where it was printed. They are quoted "
                              "here.",
}


def date_attributes(date: DateValue | None) -> dict[str, str | None]:
    if date is None:
        return {}
    return {"when": date.when, "notBefore": date.not_before, "notAfter": date.not_after,
            "cert": date.cert, "evidence": date.evidence}


def _ref(entry_id: str | None) -> str | None:
    return f"#{entry_id}" if entry_id else None


def _party(parent: etree._Element, party: Party) -> None:
    tag = "orgName" if party.kind == "org" else "persName"
    el(parent, tag, party.name, ref=_ref(party.ref), cert=party.cert, evidence=party.evidence)


def _place(parent: etree._Element, place: Place | None) -> None:
    if place is not None:
        el(parent, "placeName", place.name, ref=_ref(place.ref), cert=place.cert,
           evidence=place.evidence)


def _corresp_action(parent: etree._Element, action: CorrespAction) -> None:
    node = el(parent, "correspAction", type=action.type)
    if action.parties:
        for party in action.parties:
            _party(node, party)
    else:
        el(node, "persName", "unknown", type="unknown")  # unknown stays explicit
    _place(node, action.place)
    if action.date is not None:
        el(node, "date", **date_attributes(action.date))
    elif action.type == "sent":
        el(node, "date", "undated", type="unknown")  # an undated letter says so


def _title_stmt(parent: etree._Element, doc: Document) -> None:
    meta = doc.meta
    stmt = el(parent, "titleStmt")
    el(stmt, "title", meta.title or doc.meta.identifier, type="main")
    for author in meta.authors:
        _party(el(stmt, "author"), author)
    for resp in meta.responsibilities:
        node = el(stmt, "respStmt", xml_id=resp.id)
        el(node, "resp", resp.role)
        el(node, "orgName" if resp.kind == "org" else "persName", resp.name, ref=_ref(resp.ref))
    node = el(stmt, "respStmt", xml_id="teipipe")
    el(node, "resp", "automatic TEI encoding and the repairs marked with its id")
    el(node, "name", f"teipipe {__version__}", type="software")


def _publication_stmt(parent: etree._Element, doc: Document) -> None:
    stmt = el(parent, "publicationStmt")
    el(stmt, "publisher", doc.meta.publisher)
    el(stmt, "idno", doc.meta.identifier, type="teipipe")
    availability = el(stmt, "availability")
    licence = doc.meta.licence
    if licence is None:
        el(availability, "p", "No licence is stated in the source or the sidecar.")
    else:
        el(availability, "licence", licence.text, target=licence.url)


def _source_desc(parent: etree._Element, doc: Document) -> None:
    desc = el(parent, "sourceDesc")
    bibl = el(desc, "bibl", doc.meta.source_bibl or "Source not stated.", xml_id="source")
    if doc.meta.source_url:
        el(bibl, "ptr", target=doc.meta.source_url)


def _editorial_decl(parent: etree._Element, doc: Document) -> None:
    decl = el(el(parent, "encodingDesc"), "editorialDecl")
    normalization = el(decl, "normalization")
    codes = sorted({n.code for n in doc.normalisations} | {"layout.whitespace"})
    for code in codes:
        statement = NORMALISATION_STATEMENTS.get(code, code)
        p = el(normalization, "p", statement)
        # Only removals are quoted: their words are in no other place of the TEI.
        for item in (n for n in doc.normalisations
                     if n.code == code and n.removed_text and code.endswith(".removed")):
            _quote_removed(p, item)
    _hyphenation(decl, doc)
    corrected = _count_choices(doc, "correction") + _count_choices(doc, "digitisation")
    silent = any(n.code == "ocr.applied-silently" for n in doc.normalisations)
    correction = el(decl, "correction", status="high" if corrected or silent else None,
                    method="silent" if silent else None)
    el(correction, "p", "Errors of the source that the edition repairs are encoded as choice "
                        "with sic (the source reading) and corr (the repair) carrying resp and "
                        "cert (resp=\"#teipipe\" for automatic repairs, \"#editor\" for repairs "
                        "an editor accepted); readings the edition is unsure of are reported "
                        "to the editor, not applied.")
    el(correction, "p", _DIGITISATION_SILENT if silent else _DIGITISATION_RECORDED)
    quotation = el(decl, "quotation", marks="all")
    el(quotation, "p", "Quotation marks are kept as printed.")
    _notes_statement(decl, doc)


_DIGITISATION_RECORDED = (
    "Errors of the digitisation (OCR misreadings, words split or joined by PDF extraction) "
    "are no errors of the source: they are encoded as choice with orig (what the "
    "digitisation read) and reg type=\"ocr\" (the source's reading) carrying resp and cert.")
_DIGITISATION_SILENT = (
    "Errors of the digitisation (OCR misreadings, words split or joined by PDF extraction) "
    "are no errors of the source: as the edition chose, they are repaired silently, and the "
    "text gives the source's reading without recording what the digitisation read.")


def _hyphenation(decl: etree._Element, doc: Document) -> None:
    wrapped = any(n.code == "lines.rejoined" for n in doc.normalisations)
    if not wrapped:
        el(el(decl, "hyphenation", eol="all"), "p",
           "The source has no line ends inside paragraphs; hyphens are kept as printed.")
        return
    statement = ("A hyphen at a line end that belongs to the word (Est-ce, a compound) is kept "
                 "and the word is not broken.")
    if _count_choices(doc, "normalisation"):
        statement += (" A word broken by the typesetter across a line end is rejoined inside "
                      "choice: orig keeps the broken form with lb break=\"no\", reg the word.")
    el(el(decl, "hyphenation", eol="hard"), "p", statement)


def _notes_statement(decl: etree._Element, doc: Document) -> None:
    if not doc.notes:
        return
    el(el(decl, "segmentation"), "p",
       "Notes are encoded apart from the running text, in back (or in front for notes that "
       "no marker cites), with the label and the place (foot or end) they were printed with; "
       "each marker is a ref pointing at its note.")


def _quote_removed(p: etree._Element, item: Normalisation) -> None:
    tail = p[-1] if len(p) else None
    q = el(p, "q", item.removed_text)
    q.tail = f" (source line {item.loc.line})."
    if tail is None:
        p.text = (p.text or "") + " "
    else:
        tail.tail = (tail.tail or "")[:-1] + "; "


def _count_choices(doc: Document, kind: str) -> int:
    return sum(1 for run in iter_inline_runs(doc) for node in run
               if isinstance(node, Choice) and node.kind == kind)


def _profile_desc(parent: etree._Element, doc: Document) -> None:
    meta = doc.meta
    profile = el(parent, "profileDesc")
    if meta.kind == "letter" or meta.sent is not None and meta.sent.parties and meta.received \
            and meta.received.parties:
        corresp = el(profile, "correspDesc")
        for action in (meta.sent, meta.received):
            if action is not None:
                _corresp_action(corresp, action)
        context_relations = [r for r in meta.relations if r.type in ("prev", "next")]
        if context_relations:
            context = el(corresp, "correspContext")
            for relation in context_relations:
                el(context, "ref", relation.label, type=relation.type,
                   target=f"{relation.target}.xml")
    usage = el(profile, "langUsage")
    for lang in meta.languages or (meta.language,):
        el(usage, "language", LANGUAGE_NAMES.get(lang, lang), ident=lang)


def header(doc: Document) -> etree._Element:
    """The teiHeader of a document."""
    root = el(None, "teiHeader")
    file_desc = el(root, "fileDesc")
    _title_stmt(file_desc, doc)
    _publication_stmt(file_desc, doc)
    _source_desc(file_desc, doc)
    _editorial_decl(root, doc)
    _profile_desc(root, doc)
    return root


def used_entries(doc: Document, register: Register) -> list[Entry]:
    """Register entries the document points at, in register order."""
    ids: set[str] = set()
    for party in _parties(doc):
        if party.ref:
            ids.add(party.ref)
    # respStmt names (the translator) point at the register too.
    ids.update(resp.ref for resp in doc.meta.responsibilities if resp.ref)
    for run in iter_inline_runs(doc):
        for node in run:
            if isinstance(node, Name) and node.ref:
                ids.add(node.ref)
    return [e for e in register.entries if e.id in ids]


def _parties(doc: Document) -> Iterable[Party | Place]:
    meta = doc.meta
    yield from meta.authors
    for action in (meta.sent, meta.received):
        if action is not None:
            yield from action.parties
            if action.place is not None:
                yield action.place


def _list_relation(parent: etree._Element, doc: Document) -> None:
    # In standOff, not profileDesc: TEI P5 allows listRelation only among model.listLike.
    other = [r for r in doc.meta.relations if r.type not in ("prev", "next")]
    if other:
        relations = el(parent, "listRelation")
        for relation in other:
            el(relations, "relation", name=relation.type, active="#text",
               passive=f"{relation.target}.xml#text")


def stand_off(entries: list[Entry], doc: Document | None = None) -> etree._Element | None:
    """`standOff` with the register entries the document uses and its relations to others."""
    has_relations = doc is not None and any(
        r.type not in ("prev", "next") for r in doc.meta.relations)
    if not entries and not has_relations:
        return None
    root = el(None, "standOff")
    lists = {"person": ("listPerson", "person", "persName"),
             "place": ("listPlace", "place", "placeName"),
             "org": ("listOrg", "org", "orgName")}
    for kind, (list_tag, item_tag, name_tag) in lists.items():
        members = [e for e in entries if e.kind == kind]
        if not members:
            continue
        container = el(root, list_tag)
        for entry in members:
            item = el(container, item_tag, xml_id=entry.id)
            el(item, name_tag, entry.name)
            if entry.birth:
                el(item, "birth", when=entry.birth)
            if entry.death:
                el(item, "death", when=entry.death)
            for authority, value in entry.idnos:
                el(item, "idno", value, type=authority)
            if entry.note:
                el(item, "note", entry.note)
    if doc is not None:
        _list_relation(root, doc)
    return root
