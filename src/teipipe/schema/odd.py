"""Reading an ODD into its expanded middle form: specs by ident, modes applied, refs checked."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from ..diagnostics import Diagnostic, Location, Severity
from ..tei import TEI_NS
from ..xml import safexml
from ..xml.xmlloc import line_of, start_tag_columns

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
EG_NS = "http://www.tei-c.org/ns/Examples"
NS = {"tei": TEI_NS, "sch": SCH_NS, "rng": RNG_NS, "eg": EG_NS}

# Which spec kinds share one ident space, and which reference element points into each.
_SPEC_KINDS = {"elementSpec": "element", "classSpec": "class", "macroSpec": "macro",
               "dataSpec": "data"}
_REF_KINDS = {"elementRef": "element", "classRef": "class", "macroRef": "macro",
              "dataRef": "data", "memberOf": "class"}


def tei(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


def local(node: etree._Element) -> str:
    return etree.QName(node).localname


class OddError(Exception):
    """The ODD cannot be read at all (not well-formed, no schemaSpec)."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.format())
        self.diagnostic = diagnostic


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
        return f"xml:{self.ident}" if self.ns.endswith("/XML/1998/namespace") else self.ident

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(v.get("ident", "") for v in self.node.iterfind("tei:valList/tei:valItem", NS))

    @property
    def value_list_type(self) -> str | None:
        found = self.node.find("tei:valList", NS)
        return None if found is None else found.get("type", "open")


@dataclass
class Odd:
    """The expanded ODD: every spec by kind and ident, in document order. Read-only once built."""

    path: str
    ident: str
    ns: str
    start: tuple[str, ...]
    schema: etree._Element
    specs: dict[str, dict[str, etree._Element]] = field(default_factory=dict)

    def of(self, kind: str) -> dict[str, etree._Element]:
        return self.specs.setdefault(kind, {})

    def members(self, class_ident: str) -> list[tuple[str, str]]:
        """(kind, ident) of the elements and classes that are members of a class."""
        found = []
        for kind in ("class", "element"):
            for ident, spec in self.of(kind).items():
                keys = [m.get("key") for m in spec.iterfind("tei:classes/tei:memberOf", NS)]
                if class_ident in keys:
                    found.append((kind, ident))
        return found

    def att_classes(self, spec: etree._Element) -> list[str]:
        """The attribute classes a spec belongs to, directly or through other classes."""
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

    def attributes(self, element_ident: str) -> list[tuple[str | None, AttDef]]:
        """(defining class or None for the element itself, attribute) of an element.

        The element's own attDef overrides a class attribute of the same name;
        an own attDef with mode="delete" removes it.
        """
        spec = self.of("element")[element_ident]
        own = {a.key: a for a in own_attdefs(spec)}
        deleted = {a.key for a in own.values() if a.node.get("mode") == "delete"}
        result: list[tuple[str | None, AttDef]] = []
        for cls in self.att_classes(spec):
            for att in own_attdefs(self.of("class")[cls]):
                if att.key not in own and att.key not in deleted:
                    result.append((cls, att))
        result.extend((None, a) for a in own.values() if a.key not in deleted)
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


def own_attdefs(spec: etree._Element) -> list[AttDef]:
    return [AttDef(a.get("ident", ""), a.get("ns", ""), a.get("usage", "opt"), a)
            for a in spec.iterfind("tei:attList/tei:attDef", NS)]


@dataclass
class _Reader:
    """Locations in the ODD file, for diagnostics."""

    display: str
    columns: dict[etree._Element, int]
    problems: list[Diagnostic] = field(default_factory=list)

    def at(self, node: etree._Element) -> Location:
        return Location(self.display, line_of(node), self.columns.get(node, 0))

    def error(self, code: str, node: etree._Element, message: str) -> None:
        self.problems.append(Diagnostic(code, Severity.ERROR, self.at(node), message))


def parse(data: bytes, display: str) -> tuple[etree._ElementTree, dict[etree._Element, int]]:
    tree, problems = safexml.parse(data, display)
    if tree is None:
        raise OddError(problems[0])
    return tree, start_tag_columns(data, tree.getroot())


def load(data: bytes, display: str) -> tuple[Odd, list[Diagnostic]]:
    """The expanded ODD of `data` (the bytes of an ODD file) and the problems found in it."""
    tree, columns = parse(data, display)
    reader = _Reader(display, columns)
    schema = tree.find(".//tei:schemaSpec", NS)
    if schema is None:
        raise OddError(Diagnostic("odd.no-schemaspec", Severity.ERROR, Location(display, 1, 1),
                                  "the ODD has no schemaSpec"))
    odd = Odd(display, schema.get("ident", "schema"), schema.get("ns", TEI_NS),
              tuple((schema.get("start") or "TEI").split()), schema)
    for spec in _spec_nodes(schema):
        _apply(odd, spec, reader)
    _check_references(odd, reader)
    return odd, reader.problems


def _spec_nodes(schema: etree._Element) -> Iterator[etree._Element]:
    yield from schema.iter(*(tei(tag) for tag in _SPEC_KINDS))


def _apply(odd: Odd, spec: etree._Element, reader: _Reader) -> None:
    """Add, change, replace or delete one spec, following its @mode."""
    kind = _SPEC_KINDS[local(spec)]
    ident = spec.get("ident", "")
    table = odd.of(kind)
    mode = spec.get("mode", "add")
    if mode == "add":
        if ident in table:
            reader.error("odd.duplicate-ident", spec,
                         f'{local(spec)} ident="{ident}" is declared twice; use mode="change" '
                         "or mode=\"replace\" to alter the first one")
            return
        table[ident] = spec
    elif ident not in table and mode != "replace":
        reader.error("odd.mode-without-target", spec,
                     f'{local(spec)} ident="{ident}" mode="{mode}" alters nothing: no such '
                     f"{kind} is declared before it")
    elif mode == "delete":
        del table[ident]
    elif mode == "replace":
        table[ident] = spec
    elif mode == "change":
        table[ident] = _changed(table[ident], spec)
    else:
        reader.error("odd.bad-mode", spec, f'mode="{mode}" is not one of add, change, replace, '
                                           "delete")


def _changed(original: etree._Element, change: etree._Element) -> etree._Element:
    """A copy of `original` whose parts are replaced by those `change` gives; attDefs by ident."""
    merged = copy.deepcopy(original)
    for part in change:
        if not isinstance(part.tag, str):
            continue
        if part.tag == tei("attList"):
            _merge_attlist(merged, part)
            continue
        old = merged.find(part.tag)
        if old is not None:
            old.addprevious(copy.deepcopy(part))
            merged.remove(old)
        else:
            merged.append(copy.deepcopy(part))
    # The changed spec is reported at the place of the original; keep its line.
    merged.sourceline = original.sourceline
    return merged


def _merge_attlist(merged: etree._Element, changes: etree._Element) -> None:
    attlist = merged.find("tei:attList", NS)
    if attlist is None:
        attlist = etree.SubElement(merged, tei("attList"))
    for att in changes.iterfind("tei:attDef", NS):
        key = (att.get("ns", ""), att.get("ident"))
        for old in attlist.iterfind("tei:attDef", NS):
            if (old.get("ns", ""), old.get("ident")) == key:
                attlist.remove(old)
        # A mode="delete" attDef is kept too: it removes a class attribute of that name.
        attlist.append(copy.deepcopy(att))


def _check_references(odd: Odd, reader: _Reader) -> None:
    for ident in odd.start:
        if ident not in odd.of("element"):
            reader.error("odd.undefined-start", odd.schema,
                         f'schemaSpec start="{ident}" names no declared element')
    for kind in ("element", "class", "macro", "data"):
        for spec in odd.of(kind).values():
            for ref in spec.iter(*(tei(tag) for tag in _REF_KINDS)):
                key = ref.get("key")
                target = _REF_KINDS[local(ref)]
                if key is not None and key not in odd.of(target):
                    reader.error(f"odd.undefined-{target}", ref,
                                 f'{local(ref)} key="{key}" refers to no declared {target}; '
                                 f"declare it with {_kind_tag(target)} or correct the key")


def _kind_tag(kind: str) -> str:
    return {v: k for k, v in _SPEC_KINDS.items()}[kind]
