"""The HTML reference of the customisation: elements, attributes, values, rules, examples."""

from __future__ import annotations

import copy

from lxml import etree
from lxml.html import builder as h

from .odd import NS, XML_NS, Odd, local

_STYLE = """
body { font-family: sans-serif; max-width: 60em; margin: auto; line-height: 1.4; }
code, pre { background: #f4f4f4; }
pre { padding: .5em; overflow-x: auto; }
table { border-collapse: collapse; }
td, th { border: 1px solid #ccc; padding: .2em .5em; vertical-align: top; text-align: left; }
nav a { margin-right: .5em; }
"""


def _text(node: etree._Element | None) -> str:
    return " ".join("".join(str(t) for t in node.itertext()).split()) if node is not None else ""


def _english(spec: etree._Element, tag: str) -> etree._Element | None:
    """The first `tag` child in English or in no stated language (P5 has many languages)."""
    for node in spec.iterfind(tag, NS):
        if node.get(f"{{{XML_NS}}}lang") in (None, "en"):
            return node
    return None


def _doc(spec: etree._Element) -> str:
    return _text(_english(spec, "tei:desc"))


def _gloss(spec: etree._Element) -> str:
    return _text(_english(spec, "tei:gloss"))


def _links(names: list[str]) -> list[object]:
    items: list[object] = []
    for name in names:
        if items:
            items.append(" ")
        items.append(h.A(h.CODE(name), href=f"#{name}"))
    return items or ["—"]


def _example(egxml: etree._Element) -> str:
    """The example as TEI text, without the Examples namespace around it."""
    parts = []
    for child in egxml:
        if not isinstance(child.tag, str):
            continue
        clean = copy.deepcopy(child)
        for node in clean.iter():
            if isinstance(node.tag, str):
                node.tag = local(node)
        clean.tail = None
        etree.cleanup_namespaces(clean)
        parts.append(etree.tostring(clean, encoding="unicode"))
    return (egxml.text or "").strip() + "\n".join(parts)


def _attributes(odd: Odd, ident: str) -> etree._Element:
    table = h.TABLE(h.TR(h.TH("attribute"), h.TH("use"), h.TH("from"), h.TH("values"),
                         h.TH("meaning")))
    for cls, att in odd.attributes(ident):
        datatype = att.node.find("tei:datatype/tei:dataRef", NS)
        kind = att.value_list_type
        if att.values:
            values = h.UL(*(h.LI(h.CODE(v.get("ident", "")), " ", _doc(v))
                            for v in att.node.iterfind("tei:valList/tei:valItem", NS)))
            values.insert(0, h.P(f"{kind} list"))
        else:
            values = h.CODE(datatype.get("key") or datatype.get("name") or ""
                            if datatype is not None else "text")
        table.append(h.TR(h.TD(h.CODE(att.display)),
                          h.TD("required" if att.usage == "req" else "optional"),
                          h.TD(cls or "this element"), h.TD(values), h.TD(_doc(att.node))))
    return table  # type: ignore[no-any-return]  # lxml.html.builder is untyped


def _element_section(odd: Odd, ident: str, parents: dict[str, list[str]]) -> etree._Element:
    spec = odd.of("element")[ident]
    section = h.DIV(h.H2(h.CODE(f"<{ident}>"), f" {_gloss(spec)}", id=ident), h.P(_doc(spec)))
    section.append(h.P(h.STRONG("May contain: "), *_links(odd.child_elements(ident))))
    section.append(h.P(h.STRONG("Contained by: "), *_links(parents.get(ident, []))))
    if odd.attributes(ident):
        section.append(_attributes(odd, ident))
    for constraint in spec.iterfind("tei:constraintSpec", NS):
        section.append(h.P(h.STRONG("Rule "), h.CODE(constraint.get("ident", "")), ": ",
                           _doc(constraint)))
    for exemplum in spec.iterfind("tei:exemplum", NS):
        egxml = exemplum.find("eg:egXML", NS)
        if egxml is not None and exemplum.get(f"{{{XML_NS}}}lang") in (None, "en"):
            section.append(h.PRE(_example(egxml)))
    return section  # type: ignore[no-any-return]  # lxml.html.builder is untyped


def render(odd: Odd) -> bytes:
    """The reference page, as bytes; the same ODD always gives the same bytes."""
    idents = sorted(odd.of("element"), key=str.lower)
    parents: dict[str, list[str]] = {}
    for ident in idents:
        for child in odd.child_elements(ident):
            parents.setdefault(child, []).append(ident)
    around = odd.schema.getparent()
    prose = [h.P(_text(p)) for p in around.iterfind("tei:p", NS)] if around is not None else []
    body = h.BODY(h.H1(f"The {odd.ident} encoding: a reference"), *prose,
                  h.NAV(*_links(idents)))
    for ident in idents:
        body.append(_element_section(odd, ident, parents))
    body.append(h.H2("Classes, macros and datatypes", id="classes"))
    listing = h.DL()
    for kind in ("class", "macro", "data"):
        for ident, spec in sorted(odd.of(kind).items()):
            listing.append(h.DT(h.CODE(ident), f" ({kind})"))
            listing.append(h.DD(_doc(spec)))
    body.append(listing)
    page = h.HTML(h.HEAD(h.META(charset="utf-8"), h.TITLE(f"{odd.ident} reference"),
                         h.STYLE(_STYLE)), body)
    return etree.tostring(page, method="html", encoding="UTF-8", doctype="<!DOCTYPE html>",
                          pretty_print=True)
