"""The expanded ODD as a RELAX NG grammar (XML syntax), one define per spec."""

from __future__ import annotations

from lxml import etree

from ..xml import safexml
from .odd import NS, RNG_NS, AttDef, Odd, local, tei

XSD = "http://www.w3.org/2001/XMLSchema-datatypes"
_ANN = "http://relaxng.org/ns/compatibility/annotations/1.0"
_ANY = "teipipe.anyElement"


def r(parent: etree._Element | None, tag: str, **attributes: str) -> etree._Element:
    """A RELAX NG element (appended to `parent` when given)."""
    name = f"{{{RNG_NS}}}{tag}"
    node = (etree.Element(name, nsmap={None: RNG_NS, "a": _ANN})  # type: ignore[dict-item]
            if parent is None
            else etree.SubElement(parent, name))
    for key, value in attributes.items():
        node.set(key, value)
    return node


def _occurs(parent: etree._Element, node: etree._Element) -> list[etree._Element]:
    """Containers to put copies of a particle in, following @minOccurs and @maxOccurs.

    (0,1) optional, (0,∞) zeroOrMore, (1,∞) oneOrMore; other counts repeat the
    particle: n required copies, then optional ones up to the maximum.
    """
    low = int(node.get("minOccurs", "1"))
    high_text = node.get("maxOccurs", "1")
    high = None if high_text == "unbounded" else int(high_text)
    if (low, high) == (1, 1):
        return [parent]
    if high is None:
        slots = [parent] * max(low - 1, 0)
        return slots + [r(parent, "zeroOrMore" if low == 0 else "oneOrMore")]
    return [parent] * low + [r(parent, "optional") for _ in range(high - low)]


def _documentation(parent: etree._Element, spec: etree._Element) -> None:
    parts = [spec.findtext("tei:gloss", namespaces=NS), spec.findtext("tei:desc", namespaces=NS)]
    text = " — ".join(p.strip() for p in parts if p and p.strip())
    if text:
        etree.SubElement(parent, f"{{{_ANN}}}documentation").text = text


class _Grammar:
    """Builds one grammar; lives for one compile."""

    def __init__(self, odd: Odd) -> None:
        self.odd = odd
        self.root = r(None, "grammar", ns=odd.ns, datatypeLibrary=XSD)
        self.needs_any = False

    def content(self, parent: etree._Element, node: etree._Element | None) -> None:
        """Translate one particle of ODD content (or a datatype) into `parent`."""
        if node is None:
            return  # a spec without content has nothing to translate
        name = local(node)
        if name == "datatype" and node.get("maxOccurs", "1") != "1":
            # A repeated datatype is a white-space separated list of values.
            holder = r(r(parent, "list"), "oneOrMore")
            for child in _children(node):
                self.content(holder, child)
            return
        if name in ("content", "datatype"):
            for child in _children(node):
                self.content(parent, child)
            return
        for slot in _occurs(parent, node):
            self._particle(slot, node, name)

    def _particle(self, slot: etree._Element, node: etree._Element, name: str) -> None:
        if name in ("sequence", "alternate"):
            group = r(slot, "group" if name == "sequence" else "choice")
            for child in _children(node):
                self.content(group, child)
            if len(group) == 0:
                group.tag = f"{{{RNG_NS}}}empty"
        elif name in ("elementRef", "classRef", "macroRef") or (
                name == "dataRef" and node.get("key")):
            r(slot, "ref", name=node.get("key", ""))
        elif name == "dataRef":
            r(slot, "data", type=node.get("name", "string"))
        elif name == "textNode":
            r(slot, "text")
        elif name == "empty":
            r(slot, "empty")
        elif name == "anyElement":
            self.needs_any = True
            r(slot, "ref", name=_ANY)
        elif node.tag.startswith(f"{{{RNG_NS}}}"):
            slot.append(_rng_copy(node))
        else:
            raise ValueError(f"ODD content element {name} is not supported")

    def attribute(self, parent: etree._Element, att: AttDef) -> None:
        holder = parent if att.usage == "req" else r(parent, "optional")
        node = r(holder, "attribute", name=att.ident)
        node.set("ns", att.ns)
        _documentation(node, att.node)
        datatype = att.node.find("tei:datatype", NS)
        kind = att.value_list_type
        if kind == "closed" or (kind is not None and datatype is None):
            choice = r(node, "choice")
            for value in att.values:
                r(choice, "value").text = value
            return
        target = r(node, "choice") if kind in ("semi", "open") and att.values else node
        if target is not node:
            for value in att.values:
                r(target, "value").text = value
        if datatype is not None:
            self.content(target, datatype)
        else:
            r(target, "text")

    def any_element(self) -> None:
        define = r(self.root, "define", name=_ANY)
        element = r(define, "element")
        r(element, "anyName")
        r(r(element, "zeroOrMore"), "attribute").append(r(None, "anyName"))
        mixed = r(r(element, "zeroOrMore"), "choice")
        r(mixed, "text")
        r(mixed, "ref", name=_ANY)


def _children(node: etree._Element) -> list[etree._Element]:
    return [c for c in node if isinstance(c.tag, str)]


def _rng_copy(node: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(node), safexml.parser())


def _attribute_define_name(cls: str, att: AttDef) -> str:
    prefix = "xml" if att.ns.endswith("/XML/1998/namespace") else ""
    return f"{cls}.attribute.{prefix}{att.ident}"


def build(odd: Odd) -> etree._ElementTree:
    """The RELAX NG grammar of an expanded ODD."""
    grammar = _Grammar(odd)
    root = grammar.root
    start = r(root, "start")
    holder = r(start, "choice") if len(odd.start) > 1 else start
    for ident in odd.start:
        r(holder, "ref", name=ident)
    for ident, spec in odd.of("data").items():
        define = r(root, "define", name=ident)
        _documentation(define, spec)
        grammar.content(define, spec.find("tei:content", NS))
    for ident, spec in odd.of("macro").items():
        define = r(root, "define", name=ident)
        _documentation(define, spec)
        grammar.content(define, spec.find("tei:content", NS))
    for ident, spec in odd.of("class").items():
        if spec.get("type") == "atts":
            for att in _class_attdefs(odd, ident):
                define = r(root, "define", name=_attribute_define_name(ident, att))
                grammar.attribute(define, att)
            continue
        define = r(root, "define", name=ident)
        _documentation(define, spec)
        members = odd.members(ident)
        holder = r(define, "choice") if len(members) > 1 else define
        for _kind, member in members:
            r(holder, "ref", name=member)
        if not members:
            r(define, "notAllowed")
    for ident, spec in odd.of("element").items():
        _element(grammar, ident, spec)
    if grammar.needs_any:
        grammar.any_element()
    return etree.ElementTree(root)


def _class_attdefs(odd: Odd, ident: str) -> list[AttDef]:
    from .odd import own_attdefs
    return [a for a in own_attdefs(odd.of("class")[ident]) if a.node.get("mode") != "delete"]


def _element(grammar: _Grammar, ident: str, spec: etree._Element) -> None:
    define = r(grammar.root, "define", name=ident)
    element = r(define, "element", name=ident)
    if spec.get("ns"):
        element.set("ns", spec.get("ns", ""))
    _documentation(element, spec)
    content = spec.find("tei:content", NS)
    if content is None:
        r(element, "empty")
    else:
        grammar.content(element, content)
    for cls, att in grammar.odd.attributes(ident):
        if cls is None:
            grammar.attribute(element, att)
        else:
            r(element, "ref", name=_attribute_define_name(cls, att))
    if len(element) == (1 if element[0].tag == f"{{{_ANN}}}documentation" else 0):
        r(element, "empty")


__all__ = ["build", "tei"]
