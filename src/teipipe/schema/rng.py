"""The expanded ODD as a RELAX NG grammar (XML syntax), one define per spec.

A reference to a spec the customisation left out or deleted is dropped, and so is
every group, choice or repetition that is left empty by it (the TEI's rule: a
deleted element is removed from the content models); a model class without
members is `notAllowed`.
"""

from __future__ import annotations

from lxml import etree

from ..diagnostics import Diagnostic, Location, Severity
from ..xml import safexml
from ..xml.xmlloc import line_of
from .odd import (
    EG_NS,
    NS,
    REF_KINDS,
    RNG_NS,
    TEI_NS,
    XML_NS,
    AttDef,
    Odd,
    OddError,
    declared,
    local,
)

XSD = "http://www.w3.org/2001/XMLSchema-datatypes"
_ANN = "http://relaxng.org/ns/compatibility/annotations/1.0"
_ANY = "teipipe.anyElement"
_COMBINATORS = {f"{{{RNG_NS}}}{n}" for n in (
    "group", "choice", "optional", "zeroOrMore", "oneOrMore", "interleave", "list", "mixed")}
_OPTIONAL = {f"{{{RNG_NS}}}{n}" for n in ("optional", "zeroOrMore")}
# classRef/@expand: how each member of the class is repeated inside one group.
_EXPANSIONS = {"sequence": None, "sequenceOptional": "optional",
               "sequenceOptionalRepeatable": "zeroOrMore", "sequenceRepeatable": "oneOrMore"}


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


def _english(spec: etree._Element, tag: str) -> str | None:
    for node in spec.iterfind(f"tei:{tag}", NS):
        if node.get(f"{{{XML_NS}}}lang") in (None, "en"):
            return " ".join("".join(str(t) for t in node.itertext()).split())
    return None


def _documentation(parent: etree._Element, spec: etree._Element) -> None:
    parts = [_english(spec, "gloss"), _english(spec, "desc")]
    text = " — ".join(p for p in parts if p)
    if text:
        etree.SubElement(parent, f"{{{_ANN}}}documentation").text = text


def _children(node: etree._Element) -> list[etree._Element]:
    return [c for c in node if isinstance(c.tag, str)]


def _patterns(node: etree._Element) -> list[etree._Element]:
    return [c for c in _children(node) if c.tag != f"{{{_ANN}}}documentation"]


def _prune(node: etree._Element) -> None:
    """Remove, bottom-up, every combinator left without a pattern inside; an optional part
    left empty stays as `empty`, so that a choice keeps it as an alternative (as the TEI
    Stylesheets do: `(p+ | (a | b)*)` without a and b is `(p+ | empty)`)."""
    for child in _children(node):
        _prune(child)
        if child.tag in _COMBINATORS and not _patterns(child):
            if child.tag in _OPTIONAL and node.tag == f"{{{RNG_NS}}}choice":
                node.replace(child, r(None, "empty"))
            else:
                node.remove(child)


class _Grammar:
    """Builds one grammar; lives for one compile."""

    def __init__(self, odd: Odd) -> None:
        self.odd = odd
        self.root = r(None, "grammar", ns=odd.ns, datatypeLibrary=XSD)
        self.anys: dict[tuple[str, str], str] = {}

    def unsupported(self, node: etree._Element, what: str) -> OddError:
        place = Location(self.odd.path, line_of(node))
        return OddError(Diagnostic("odd.unsupported", Severity.ERROR, place,
                                   f"{what} is not supported by teipipe's ODD compiler"))

    def content(self, parent: etree._Element, node: etree._Element | None) -> None:
        """Translate one particle of ODD content (or a datatype) into `parent`."""
        if node is None:
            return  # a spec without content has nothing to translate
        name = local(node)
        if name == "datatype" and node.get("maxOccurs", "1") != "1":
            # A repeated datatype is a white-space separated list of values.
            repeat = "zeroOrMore" if node.get("minOccurs") == "0" else "oneOrMore"
            holder = r(r(parent, "list"), repeat)
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
        if node.tag.startswith(f"{{{RNG_NS}}}"):
            slot.append(etree.fromstring(etree.tostring(node), safexml.parser()))
        elif name in ("sequence", "alternate"):
            group = r(slot, "group" if name == "sequence" else "choice")
            if not _children(node):
                group.tag = f"{{{RNG_NS}}}empty"
            for child in _children(node):
                self.content(group, child)
        elif name in REF_KINDS and node.get("key"):
            self._reference(slot, node, name)
        elif name == "dataRef":
            self._data(slot, node)
        elif name == "textNode":
            r(slot, "text")
        elif name == "empty":
            r(slot, "empty")
        elif name == "anyElement":
            r(slot, "ref", name=self.any_element(node))
        elif name == "valList":
            # In content a value list is the values it lists, whatever its type (as the TEI
            # Stylesheets read it).
            choice = r(slot, "choice")
            for item in node.iterfind("tei:valItem", NS):
                r(choice, "value").text = item.get("ident", "")
        else:
            raise self.unsupported(node, f"<{name}> in a content model")

    def _reference(self, slot: etree._Element, node: etree._Element, name: str) -> None:
        key = node.get("key", "")
        if key not in self.odd.of(REF_KINDS[name]):
            return  # left out or deleted: the reference goes with it
        expand = node.get("expand")
        if name != "classRef" or expand is None:
            r(slot, "ref", name=key)
            return
        holder = r(slot, "choice" if expand == "alternation" else "group")
        for _kind, member in self.odd.members(key):
            around = _EXPANSIONS.get(expand)
            r(r(holder, around) if around else holder, "ref", name=member)

    def _data(self, slot: etree._Element, node: etree._Element) -> None:
        data = r(slot, "data", type=node.get("name", "string"))
        for facet in node.iterfind("tei:dataFacet", NS):
            r(data, "param", name=facet.get("name", "")).text = facet.get("value", "")
        if node.get("restriction"):
            r(data, "param", name="pattern").text = node.get("restriction")

    def attribute(self, parent: etree._Element, att: AttDef) -> None:
        holder = parent if att.usage == "req" else r(parent, "optional")
        node = r(holder, "attribute", name=att.ident)
        node.set("ns", att.ns)
        _documentation(node, att.node)
        datatype = att.node.find("tei:datatype", NS)
        kind = att.value_list_type
        if kind == "closed" or (kind is not None and datatype is None):
            # A repeated datatype (teidata.enumerated maxOccurs="unbounded", as @rend) makes
            # a closed list a white-space separated list of its values.
            repeated = datatype is not None and datatype.get("maxOccurs", "1") != "1"
            holder = r(r(node, "list"), "zeroOrMore" if datatype is not None and datatype.get(
                "minOccurs") == "0" else "oneOrMore") if repeated else node
            choice = r(holder, "choice")
            for value in att.values:
                r(choice, "value").text = value
            if not att.values:
                r(choice, "notAllowed")
            return
        target = r(node, "choice") if kind in ("semi", "open") and att.values else node
        if target is not node:
            for value in att.values:
                r(target, "value").text = value
        if datatype is not None:
            self.content(target, datatype)
        _prune(node)
        if not _patterns(target):
            r(target, "text")

    def any_element(self, node: etree._Element) -> str:
        """The define for an anyElement: any element outside the TEI namespace (the TEI's
        default exceptions, `schemaSpec/@defaultExceptions`), unless `@require` or `@except`
        say otherwise; one define per distinct pair."""
        spec = (node.get("require", ""), node.get("except", self.odd.schema.get(
            "defaultExceptions", f"{TEI_NS} teix:egXML")))
        if spec in self.anys:
            return self.anys[spec]
        name = f"{_ANY}{len(self.anys) + 1}"
        self.anys[spec] = name
        element = r(r(self.root, "define", name=name), "element")
        if spec[0]:
            names = r(element, "choice")
            for uri in spec[0].split():
                r(names, "nsName", ns=uri)
        else:
            names = r(element, "anyName")
            excluded = r(names, "except") if spec[1].split() else names
            for item in spec[1].split():
                prefix, _, local_name = item.rpartition(":")
                if prefix and not item.startswith(("http:", "https:", "urn:")):
                    uri = EG_NS if prefix == "teix" else node.nsmap.get(prefix) or ""
                    r(excluded, "name", ns=uri).text = local_name
                else:
                    r(excluded, "nsName", ns=item)
        r(r(element, "zeroOrMore"), "attribute").append(r(None, "anyName"))
        mixed = r(r(element, "zeroOrMore"), "choice")
        r(mixed, "text")
        r(mixed, "ref", name=name)
        return name


def _attribute_define_name(cls: str, att: AttDef) -> str:
    prefix = "xml" if att.ns == XML_NS else ""
    return f"{cls}.attribute.{prefix}{att.ident}"


def _content_define(grammar: _Grammar, ident: str, spec: etree._Element, fallback: str) -> None:
    define = r(grammar.root, "define", name=ident)
    _documentation(define, spec)
    grammar.content(define, spec.find("tei:content", NS))
    _prune(define)
    if not _patterns(define):
        r(define, fallback)


def build(odd: Odd) -> etree._ElementTree:
    """The RELAX NG grammar of an expanded ODD."""
    grammar = _Grammar(odd)
    root = grammar.root
    for href in odd.external:
        r(root, "include", href=href)
    start = r(root, "start")
    holder = r(start, "choice") if len(odd.start) > 1 else start
    for ident in odd.start:
        r(holder, "ref", name=ident)
    for ident, spec in odd.of("data").items():
        _content_define(grammar, ident, spec, "text")
    for ident, spec in odd.of("macro").items():
        _content_define(grammar, ident, spec, "empty")
    for ident, spec in odd.of("class").items():
        if spec.get("type") == "atts":
            for att in declared(spec):
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
    return etree.ElementTree(root)


def _element(grammar: _Grammar, ident: str, spec: etree._Element) -> None:
    define = r(grammar.root, "define", name=ident)
    element = r(define, "element", name=ident)
    if spec.get("ns"):
        element.set("ns", spec.get("ns", ""))
    _documentation(element, spec)
    grammar.content(element, spec.find("tei:content", NS))
    _prune(element)
    if not _patterns(element):
        r(element, "empty")
    for cls, att in grammar.odd.attributes(ident):
        if cls is None:
            grammar.attribute(element, att)
        else:
            r(element, "ref", name=_attribute_define_name(cls, att))


__all__ = ["build"]
