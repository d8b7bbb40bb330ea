"""Small valid documents generated from a RELAX NG grammar (XML syntax, one grammar, no includes).

For each element the grammar can reach from its start, `documents` makes the
smallest document it finds that contains that element: every choice takes its
cheapest branch unless another leads to the wanted element, optional and repeated
parts are left out unless they lead to it. Attribute and data values are taken
from the grammar's `value`s or from samples that match the datatype (and its
pattern, checked with the `regex` module, which knows XML Schema's \\p{...}).
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import regex
from lxml import etree

RNG = "http://relaxng.org/ns/structure/1.0"
# Samples tried in order for a datatype; the first that fits its pattern is used.
SAMPLES = ("x1", "1", "en", "2000-01-01", "#x1", "http://example.org/x", "1cm", "P1D",
           "x:y", "12:00:00", "2000-01-01T12:00:00", "true", "a b")
_FIXED = {"language": "en", "date": "2000-01-01", "gYear": "2000", "gYearMonth": "2000-01",
          "dateTime": "2000-01-01T12:00:00", "time": "12:00:00", "boolean": "true",
          "integer": "1", "nonNegativeInteger": "1", "positiveInteger": "1", "decimal": "1.5",
          "double": "1.5", "float": "1.5", "anyURI": "http://example.org/x", "ID": "x1",
          "duration": "P1D", "gMonthDay": "--01-01", "gDay": "---01", "gMonth": "--01"}


def _tag(node: etree._Element) -> str:
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


def _patterns(node: etree._Element) -> list[etree._Element]:
    return [c for c in node if isinstance(c.tag, str) and etree.QName(c).namespace == RNG]


class Generator:
    """Generates documents from one grammar; holds the grammar's costs and reach sets."""

    def __init__(self, grammar: etree._Element) -> None:
        self.defines = {d.get("name"): d for d in grammar.iter(f"{{{RNG}}}define")}
        self.start = grammar.find(f"{{{RNG}}}start")
        self.ns = grammar.get("ns", "")
        self.cost: dict[str, float] = {name: math.inf for name in self.defines}
        self.reach: dict[str, set[str]] = {name: set() for name in self.defines}
        self.ids = 0
        self.settled = False
        self.memo: dict[etree._Element, float] = {}
        changed = True
        while changed:  # fixed points of cost (smallest size) and reach (elements inside)
            changed = False
            for name, define in self.defines.items():
                cost = self._cost_all(_patterns(define))
                found = set().union(*(self._reach(p) for p in _patterns(define)))
                if cost < self.cost[name] or not found <= self.reach[name]:
                    self.cost[name] = min(cost, self.cost[name])
                    self.reach[name] |= found
                    changed = True
        self.settled = True

    def _cost_all(self, nodes: list[etree._Element]) -> float:
        return sum((self._cost(n) for n in nodes), 0.0)

    def _cost(self, node: etree._Element) -> float:
        if self.settled:
            found = self.memo.get(node)
            if found is None:
                found = self.memo[node] = self._cost_of(node)
            return found
        return self._cost_of(node)

    def _cost_of(self, node: etree._Element) -> float:
        tag = _tag(node)
        if tag == "element":
            if not node.get("name"):
                return math.inf  # any element: never needed for a smallest document
            return 1 + self._cost_all([c for c in _patterns(node)
                                       if _tag(c) not in ("name", "anyName", "nsName")])
        if tag == "ref":
            return self.cost.get(node.get("name", ""), math.inf)
        if tag == "choice":
            return min((self._cost(c) for c in _patterns(node)), default=math.inf)
        if tag in ("optional", "zeroOrMore"):
            return 0
        if tag == "notAllowed":
            return math.inf
        return self._cost_all(_patterns(node))

    def _reach(self, node: etree._Element) -> set[str]:
        tag = _tag(node)
        if tag == "element":
            inner = set().union(*(self._reach(c) for c in _patterns(node)))
            return inner | ({node.get("name", "")} if node.get("name") else set())
        if tag == "ref":
            return self.reach.get(node.get("name", ""), set())
        return set().union(*(self._reach(c) for c in _patterns(node)))

    def elements(self) -> list[str]:
        """Every element name reachable from the start, sorted."""
        return sorted(self._reach(self.start)) if self.start is not None else []

    def document(self, want: str) -> etree._Element | None:
        """The smallest document found that holds element `want`, or None."""
        self.wcost = {name: math.inf for name in self.defines}
        changed = True
        while changed:  # fixed point: the smallest size of a match that holds `want`
            changed = False
            for name, define in self.defines.items():
                cost = self._wcost(define, want)
                if cost < self.wcost[name]:
                    self.wcost[name] = cost
                    changed = True
        holder = etree.Element("holder")
        self.ids = 0
        if self.start is None or not self._build(self.start, holder, want):
            return None
        roots = [c for c in holder if isinstance(c.tag, str)]
        return roots[0] if len(roots) == 1 else None

    def _wcost(self, node: etree._Element, want: str) -> float:
        """The smallest size of a match of `node` that holds element `want`."""
        tag = _tag(node)
        if tag == "ref":
            return self.wcost.get(node.get("name", ""), math.inf)
        if tag == "choice":
            return min((self._wcost(c, want) for c in _patterns(node)), default=math.inf)
        parts = [c for c in _patterns(node) if _tag(c) not in ("name", "anyName", "nsName")]
        if tag == "element":
            if node.get("name") == want:
                return self._cost(node)
            return 1 + self._wcost_group(parts, want)
        if tag in ("start", "define", "group", "oneOrMore", "zeroOrMore", "optional",
                   "interleave", "mixed"):
            return self._wcost_group(parts, want)
        return math.inf

    def _wcost_group(self, parts: list[etree._Element], want: str) -> float:
        if not parts:
            return math.inf
        costs = [self._cost(p) for p in parts]
        total = sum(costs)
        return min(total - costs[i] + self._wcost(p, want) for i, p in enumerate(parts))

    def _build(self, node: etree._Element, parent: etree._Element, want: str | None) -> bool:
        """Add a smallest match of `node` to `parent` (one holding `want` when it is given);
        True when it holds `want`."""
        tag = _tag(node)
        if tag == "element":
            name = node.get("name", "")
            ns = node.get("ns", self._ns(node))
            child = etree.SubElement(parent, f"{{{ns}}}{name}" if ns else name)
            parts = [c for c in _patterns(node) if _tag(c) not in ("name", "anyName", "nsName")]
            if name == want:
                self._group(parts, child, None)
                return True
            return self._group(parts, child, want)
        if tag == "attribute":
            self._attribute(node, parent)
            return False
        if tag == "ref":
            return self._group(_patterns(self.defines[node.get("name", "")]), parent, want)
        if tag == "choice":
            options = _patterns(node)
            if want is not None:
                return self._build(min(options, key=lambda o: self._wcost(o, want)), parent,
                                   want)
            return self._build(min(options, key=self._cost), parent, None)
        if tag in ("optional", "zeroOrMore"):
            if want is not None and self._wcost(node, want) < math.inf:
                return self._group(_patterns(node), parent, want)
            return False
        if tag in ("start", "group", "oneOrMore", "interleave", "mixed"):
            return self._group(_patterns(node), parent, want)
        if tag in ("text", "data", "value", "list") and not parent.text and not any(
                isinstance(c.tag, str) for c in parent):
            parent.text = self._value([node])
        return False

    def _attribute(self, node: etree._Element, parent: etree._Element) -> None:
        name = node.get("name", "")
        ns = node.get("ns", "")
        if name.startswith("xml:"):
            name, ns = name[4:], "http://www.w3.org/XML/1998/namespace"
        if name == "id" and "XML" in ns:
            self.ids += 1
            parent.set(f"{{{ns}}}{name}", f"id{self.ids}")
        else:
            parent.set(f"{{{ns}}}{name}" if ns else name, self._value(_patterns(node)))

    def _group(self, parts: list[etree._Element], parent: etree._Element,
               want: str | None) -> bool:
        """Build each part; the one that holds `want` most cheaply is given it."""
        chosen = None
        if want is not None and parts:
            costs = [self._cost(p) for p in parts]
            total = sum(costs)
            options = [(total - costs[i] + self._wcost(p, want), i) for i, p in enumerate(parts)]
            best = min(options)
            chosen = best[1] if best[0] < math.inf else None
        for index, part in enumerate(parts):
            self._build(part, parent, want if index == chosen else None)
        return chosen is not None

    def _ns(self, node: etree._Element) -> str:
        for ancestor in node.iterancestors():
            if ancestor.get("ns") is not None:
                return ancestor.get("ns", "")
        return self.ns

    def _value(self, patterns: list[etree._Element]) -> str:
        for pattern in patterns:
            for candidate in self._candidates(pattern):
                return candidate
        return "x1"

    def _candidates(self, node: etree._Element) -> Iterator[str]:
        tag = _tag(node)
        if tag == "value":
            yield node.text or ""
        elif tag == "data":
            params = [p.text or "" for p in node.iterfind(f"{{{RNG}}}param[@name='pattern']")]
            fixed = _FIXED.get(node.get("type", ""))
            for sample in ([fixed] if fixed else []) + list(SAMPLES):
                if all(regex.fullmatch(p, sample) for p in params):
                    yield sample
        elif tag == "ref":
            define = self.defines.get(node.get("name", ""))
            for part in _patterns(define) if define is not None else []:
                yield from self._candidates(part)
        elif tag in ("choice", "group", "list", "oneOrMore", "optional", "zeroOrMore"):
            for part in _patterns(node):
                yield from self._candidates(part)
        elif tag == "text":
            yield "x1"
