"""A RELAX NG grammar (XML syntax, one file) read into the patterns of `rngpatterns`.

Defines are combined as their `combine` attributes say, references are followed
(each define built once), `mixed`, `optional` and `zeroOrMore` become the
choices and interleaves they stand for, and every `element` keeps its content
until first asked for it. A grammar that includes or references other files, or
nests grammars, is not read (None): the caller keeps libxml2's messages then.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from . import rngtypes
from .rngpatterns import Element, NameClass, Pattern, Patterns

RNG_NS = "http://relaxng.org/ns/structure/1.0"
_R = f"{{{RNG_NS}}}"
XML_NS = "http://www.w3.org/XML/1998/namespace"


@dataclass
class Loaded:
    """A grammar read: its start pattern, its patterns and its element patterns."""

    start: Pattern
    patterns: Patterns
    elements: list[Element]


class _Unsupported(Exception):
    """The grammar uses what this reader does not follow."""


def load(grammar: etree._Element) -> Loaded | None:
    """The patterns of a RELAX NG grammar element (or of a lone pattern), else None."""
    try:
        return _Reader(grammar).read()
    except (_Unsupported, KeyError, ValueError):
        return None


def _children(node: etree._Element) -> list[etree._Element]:
    return [c for c in node if isinstance(c.tag, str) and c.tag.startswith(_R)]


def _local(node: etree._Element) -> str:
    return str(node.tag)[len(_R):]


def _inherited(node: etree._Element, attribute: str) -> str:
    for candidate in (node, *node.iterancestors()):
        value = candidate.get(attribute)
        if value is not None:
            return value
    return ""


class _Reader:
    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.p = Patterns()
        self.elements: list[Element] = []
        self.defines: dict[str, list[etree._Element]] = {}
        self.built: dict[str, Pattern] = {}
        self.building: set[str] = set()

    def read(self) -> Loaded:
        if any(True for _ in self.root.iter(f"{_R}include", f"{_R}externalRef",
                                            f"{_R}parentRef")):
            raise _Unsupported("other files")
        if _local(self.root) != "grammar":
            return Loaded(self.pattern(self.root), self.p, self.elements)
        if self.root.find(f".//{_R}grammar") is not None:
            raise _Unsupported("nested grammar")
        starts: list[etree._Element] = []
        self._collect(self.root, starts)
        if not starts:
            raise _Unsupported("no start")
        return Loaded(self._combined(starts), self.p, self.elements)

    def _collect(self, node: etree._Element, starts: list[etree._Element]) -> None:
        for child in _children(node):
            if _local(child) == "start":
                starts.append(child)
            elif _local(child) == "define":
                self.defines.setdefault(child.get("name", ""), []).append(child)
            elif _local(child) == "div":
                self._collect(child, starts)

    def _combined(self, parts: list[etree._Element]) -> Pattern:
        how = next((p.get("combine") for p in parts if p.get("combine")), "choice")
        join = self.p.interleave if how == "interleave" else self.p.choice
        result = self.group(parts[0])
        for part in parts[1:]:
            result = join(result, self.group(part))
        return result

    def ref(self, name: str) -> Pattern:
        found = self.built.get(name)
        if found is None:
            if name in self.building:
                raise _Unsupported(f"reference loop through {name}")
            self.building.add(name)
            found = self.built[name] = self._combined(self.defines[name])
            self.building.discard(name)
        return found

    def group(self, node: etree._Element, join: Callable[[Pattern, Pattern], Pattern] | None
              = None) -> Pattern:
        """The child patterns of `node` joined (a group unless `join` says otherwise)."""
        join = join or self.p.group
        result: Pattern | None = None
        for child in _children(node):
            pattern = self.pattern(child)
            result = pattern if result is None else join(result, pattern)
        return self.p.empty if result is None else result

    def pattern(self, node: etree._Element) -> Pattern:
        kind = _local(node)
        p = self.p
        simple: dict[str, Callable[[], Pattern]] = {
            "empty": lambda: p.empty, "notAllowed": lambda: p.not_allowed,
            "text": lambda: p.text, "group": lambda: self.group(node),
            "interleave": lambda: self.group(node, p.interleave),
            "choice": lambda: self.group(node, p.choice),
            "optional": lambda: p.optional(self.group(node)),
            "zeroOrMore": lambda: p.zero_or_more(self.group(node)),
            "oneOrMore": lambda: p.one_or_more(self.group(node)),
            "mixed": lambda: p.interleave(self.group(node), p.text),
            "list": lambda: p.list(self.group(node)),
            "ref": lambda: self.ref(node.get("name", "")),
        }
        if kind in simple:
            return simple[kind]()
        if kind == "element":
            return self.element(node)
        if kind == "attribute":
            return self.attribute(node)
        if kind in ("data", "value"):
            return self.data(node)
        raise _Unsupported(kind)

    def element(self, node: etree._Element) -> Pattern:
        name_class, body = self._named(node, _inherited(node, "ns"))
        element = Element(name_class, lambda: self._content(body))
        self.elements.append(element)
        return self.p.element(element)

    def _content(self, body: list[etree._Element]) -> Pattern:
        result = self.p.empty
        for child in body:
            result = self.p.group(result, self.pattern(child))
        return result

    def attribute(self, node: etree._Element) -> Pattern:
        name_class, body = self._named(node, node.get("ns", ""))
        value = self._content(body) if body else self.p.text
        return self.p.attribute(name_class, value)

    def _named(self, node: etree._Element, uri: str
               ) -> tuple[NameClass, list[etree._Element]]:
        """The name class of an element or attribute pattern, and its other children."""
        children = _children(node)
        if node.get("name") is not None:
            return self._qname(node, node.get("name", ""), uri), children
        return self.name_class(children[0]), children[1:]

    def _qname(self, node: etree._Element, name: str, uri: str) -> NameClass:
        prefix, _, local = name.rpartition(":")
        if prefix == "xml":
            uri = XML_NS
        elif prefix:
            uri = node.nsmap.get(prefix) or ""
        return NameClass("name", uri, local)

    def name_class(self, node: etree._Element) -> NameClass:
        kind = _local(node)
        if kind == "name":
            return self._qname(node, (node.text or "").strip(), _inherited(node, "ns"))
        if kind == "choice":
            classes = [self.name_class(c) for c in _children(node)]
            result = classes[0]
            for other in classes[1:]:
                result = NameClass("choice", left=result, right=other)
            return result
        excepted = node.find(f"{_R}except")
        left = None
        if excepted is not None:
            parts = [self.name_class(c) for c in _children(excepted)]
            left = parts[0]
            for other in parts[1:]:
                left = NameClass("choice", left=left, right=other)
        if kind == "anyName":
            return NameClass("any", left=left)
        if kind == "nsName":
            return NameClass("ns", _inherited(node, "ns"), left=left)
        raise _Unsupported(kind)

    def data(self, node: etree._Element) -> Pattern:
        library = _inherited(node, "datatypeLibrary")
        kind = node.get("type", "token")
        if _local(node) == "value":
            datatype = rngtypes.datatype(library if node.get("type") else "", kind, ())
            return self.p.value(datatype, node.text or "")
        params = tuple((param.get("name", ""), param.text or "")
                       for param in node.iterchildren(f"{_R}param"))
        excepted = node.find(f"{_R}except")
        return self.p.data(rngtypes.datatype(library, kind, params),
                           self.group(excepted, self.p.choice) if excepted is not None
                           else None)
