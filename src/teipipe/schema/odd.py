"""The expanded ODD, the one middle form of the compiler: specs by kind and ident, and the
questions the outputs ask of it (members of a class, attributes of an element)."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ..diagnostics import Diagnostic
from ..tei import TEI_NS as TEI_NS
from ..tei import XML_NS as XML_NS

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
EG_NS = "http://www.tei-c.org/ns/Examples"
NS = {"tei": TEI_NS, "sch": SCH_NS, "rng": RNG_NS, "eg": EG_NS}

# Which spec kinds share one ident space, and which reference element points into each.
SPEC_KINDS = {"elementSpec": "element", "classSpec": "class", "macroSpec": "macro",
              "dataSpec": "data"}
REF_KINDS = {"elementRef": "element", "classRef": "class", "macroRef": "macro",
             "dataRef": "data", "memberOf": "class"}


def tei(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


def local(node: etree._Element) -> str:
    return etree.QName(node).localname


class OddError(Exception):
    """The ODD cannot be read at all (not well-formed, no schemaSpec, a broken chain)."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.format())
        self.diagnostic = diagnostic


def att_key(node: etree._Element) -> tuple[str, str]:
    """(namespace, local name) of an attDef: `ident="xml:lang"` and `ident="lang"
    ns="…/XML/1998/namespace"` are the same attribute."""
    ident = node.get("ident", "")
    if ident.startswith("xml:"):
        return (XML_NS, ident[4:])
    return (node.get("ns", ""), ident)


@dataclass(frozen=True)
class AttDef:
    """One attribute as the compiled schema sees it."""

    ident: str
    ns: str
    usage: str
    node: etree._Element
    """The attDef element, for its datatype, valList and documentation."""

    @property
    def key(self) -> tuple[str, str]:
        return (self.ns, self.ident)

    @property
    def display(self) -> str:
        return f"xml:{self.ident}" if self.ns == XML_NS else self.ident

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(v.get("ident", "") for v in self.node.iterfind("tei:valList/tei:valItem", NS))

    @property
    def value_list_type(self) -> str | None:
        found = self.node.find("tei:valList", NS)
        return None if found is None else found.get("type", "open")


def attdef(node: etree._Element) -> AttDef:
    ns, ident = att_key(node)
    return AttDef(ident, ns, node.get("usage", "opt"), node)


def own_attdefs(spec: etree._Element) -> list[AttDef]:
    """The attDefs a spec declares itself, nested `attList org="choice"` included."""
    attlist = spec.find("tei:attList", NS)
    return [] if attlist is None else [attdef(a) for a in attlist.iter(tei("attDef"))]


def declared(spec: etree._Element) -> list[AttDef]:
    """The attributes a spec declares, without the markers that only alter inherited ones."""
    return [a for a in own_attdefs(spec) if a.node.get("mode", "add") not in ("delete", "change")]


@dataclass
class Odd:
    """The expanded ODD: every spec by kind and ident, in document order. Read-only once built."""

    path: str
    ident: str
    ns: str
    start: tuple[str, ...]
    schema: etree._Element
    specs: dict[str, dict[str, etree._Element]] = field(default_factory=dict)
    known: set[str] = field(default_factory=set)
    """Idents the source declares that this ODD left out or deleted: references to them
    are dropped, as the TEI does, where a reference to an unknown ident is an error."""
    external: list[str] = field(default_factory=list)
    """RELAX NG grammars named by `moduleRef url`."""
    _members: dict[str, list[tuple[str, str]]] | None = field(default=None, repr=False)

    def of(self, kind: str) -> dict[str, etree._Element]:
        return self.specs.setdefault(kind, {})

    def defined(self, kind: str, key: str) -> bool:
        return key in self.of(kind)

    def members(self, class_ident: str) -> list[tuple[str, str]]:
        """(kind, ident) of the elements and classes that are members of a class."""
        return self._membership().get(class_ident, [])

    def _membership(self) -> dict[str, list[tuple[str, str]]]:
        if self._members is not None:
            return self._members
        found: dict[str, list[tuple[str, str]]] = {}
        for kind in ("class", "element"):
            for ident, spec in self.of(kind).items():
                for member in spec.iterfind("tei:classes/tei:memberOf", NS):
                    pairs = found.setdefault(member.get("key", ""), [])
                    if (kind, ident) not in pairs:
                        pairs.append((kind, ident))
        self._members = found
        return found

    def att_classes(self, spec: etree._Element) -> list[str]:
        """The attribute classes a spec belongs to, directly or through other classes,
        nearest first; a deleted class passes on nothing."""
        found: list[str] = []
        pending = [m.get("key", "") for m in spec.iterfind("tei:classes/tei:memberOf", NS)]
        while pending:
            key = pending.pop(0)
            cls = self.of("class").get(key)
            if cls is None or cls.get("type") != "atts" or key in found:
                continue
            found.append(key)
            pending.extend(m.get("key", "") for m in cls.iterfind("tei:classes/tei:memberOf", NS))
        return found

    def inherited(self, spec: etree._Element) -> list[tuple[str, AttDef]]:
        """(class, attribute) of every attribute a spec inherits, nearest class first."""
        result: list[tuple[str, AttDef]] = []
        seen: set[tuple[str, str]] = set()
        for cls in self.att_classes(spec):
            for att in declared(self.of("class")[cls]):
                if att.key not in seen:
                    seen.add(att.key)
                    result.append((cls, att))
        return result

    def attributes(self, element_ident: str) -> list[tuple[str | None, AttDef]]:
        """(defining class or None for the element itself, attribute) of an element.

        The element's own attDef overrides a class attribute of the same name (one in
        mode="change" was made whole from the inherited one when the ODD was read, see
        `expand`); one in mode="delete" removes it.
        """
        spec = self.of("element")[element_ident]
        inherited = self.inherited(spec)
        own: dict[tuple[str, str], AttDef] = {}
        removed: set[tuple[str, str]] = set()
        for att in own_attdefs(spec):
            mode = att.node.get("mode", "add")
            if mode == "delete":
                removed.add(att.key)
            elif mode != "change":
                own[att.key] = att
        result: list[tuple[str | None, AttDef]] = [
            (cls, att) for cls, att in inherited if att.key not in own and att.key not in removed]
        result.extend((None, att) for key, att in own.items() if key not in removed)
        return result

    def child_elements(self, element_ident: str) -> list[str]:
        """Every element that may occur somewhere in the content of an element, sorted."""
        content = self.of("element")[element_ident].find("tei:content", NS)
        return sorted(self._reach(content, set())) if content is not None else []

    def _reach(self, node: etree._Element, seen: set[str]) -> set[str]:
        found: set[str] = set()
        for ref in node.iter(tei("elementRef"), tei("classRef"), tei("macroRef")):
            key = ref.get("key", "")
            if local(ref) == "elementRef":
                if key in self.of("element"):
                    found.add(key)
            elif key not in seen:
                seen.add(key)
                if local(ref) == "macroRef" and key in self.of("macro"):
                    found |= self._reach(self.of("macro")[key], seen)
                elif key in self.of("class"):
                    found |= self._class_elements(key, seen)
        return found

    def _class_elements(self, key: str, seen: set[str]) -> set[str]:
        found: set[str] = set()
        for kind, ident in self.members(key):
            if kind == "element":
                found.add(ident)
            elif ident not in seen:
                seen.add(ident)
                found |= self._class_elements(ident, seen)
        return found
