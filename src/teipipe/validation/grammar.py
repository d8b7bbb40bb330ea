"""RELAX NG validation with lxml, its terse messages rewritten to say what was expected.

lxml (libxml2) is fast and bounded for this small, deterministic grammar; its
messages are not Jing's, so element messages name what the parent may contain
and attribute problems are found again from the ODD, which knows the value lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ..schema.odd import Odd
from ..tei import TEI_NS
from ..xml import safexml


@dataclass(frozen=True)
class Problem:
    """A grammar problem at an element (None when lxml could not say where)."""

    element: etree._Element | None
    code: str
    message: str
    attribute: str | None = None
    line: int = 0


def _name(node: etree._Element) -> str:
    return etree.QName(node).localname


def _expected(odd: Odd | None, parent: etree._Element | None) -> str:
    if odd is None or parent is None or _name(parent) not in odd.of("element"):
        return ""
    allowed = odd.child_elements(_name(parent))
    if not allowed:
        return f'; "{_name(parent)}" may contain no element'
    return f'; "{_name(parent)}" may contain: {", ".join(allowed)}'


def attribute_problems(odd: Odd, node: etree._Element) -> list[Problem]:
    """Unknown attributes, values outside closed lists and missing required attributes."""
    name = _name(node)
    if etree.QName(node).namespace != TEI_NS or name not in odd.of("element"):
        return []
    allowed = {att.key: att for _cls, att in odd.attributes(name)}
    problems = []
    for qname, raw_value in node.attrib.items():
        value = raw_value if isinstance(raw_value, str) else raw_value.decode()
        parsed = etree.QName(qname)
        key = (parsed.namespace or "", parsed.localname)
        shown = f"xml:{parsed.localname}" if parsed.namespace else parsed.localname
        att = allowed.get(key)
        if att is None:
            names = ", ".join(sorted(a.display for a in allowed.values()))
            problems.append(Problem(node, "relaxng.attribute-not-allowed",
                                    f'attribute "{shown}" not allowed on element "{name}"; '
                                    f"expected one of: {names}", shown))
        elif att.value_list_type == "closed" and value not in att.values:
            problems.append(Problem(node, "relaxng.attribute-value",
                                    f'value "{value}" of attribute "{shown}" of element '
                                    f'"{name}" is not allowed; expected one of: '
                                    f'{", ".join(att.values)}', shown))
    present = {(etree.QName(q).namespace or "", etree.QName(q).localname) for q in node.attrib}
    for att in allowed.values():
        if att.usage == "req" and att.key not in present:
            problems.append(Problem(node, "relaxng.attribute-missing",
                                    f'element "{name}" lacks the required attribute '
                                    f'"{att.display}"'))
    return problems


_EXPECTING = re.compile(r"Expecting element (\S+), got (\S+)")
_NOTHING = re.compile(r"Expecting an element (\S*), got nothing")
_EXTRA = re.compile(r"Element (\S+) has extra content: (\S+)")
_WRONG = re.compile(r"Did not expect element (\S+) there")
_ATTRS = re.compile(r"Element (\S+) failed to validate attributes|Invalid attribute")


def _rewrite(message: str, node: etree._Element | None, odd: Odd | None) -> tuple[str, str]:
    """(code, message) for one libxml2 RELAX NG message."""
    parent = node.getparent() if node is not None else None
    if match := _EXPECTING.search(message):
        return ("relaxng.element-not-allowed", f'element "{match[2]}" not allowed here; '
                f'expected element "{match[1]}"')
    if match := _NOTHING.search(message):
        wanted = f'element "{match[1]}"' if match[1] else "a required element"
        return ("relaxng.incomplete", f'element "{_name(node) if node is not None else "?"}" '
                f"is incomplete: {wanted} is missing{_expected(odd, node)}")
    if match := _EXTRA.search(message):
        return ("relaxng.element-not-allowed", f'element "{match[2]}" not allowed here'
                f"{_expected(odd, parent)}")
    if match := _WRONG.search(message):
        return ("relaxng.element-not-allowed", f'element "{match[1]}" not allowed here'
                f"{_expected(odd, parent)}")
    if _ATTRS.search(message):
        where = f' of element "{_name(node)}"' if node is not None else ""
        return ("relaxng.attribute-invalid", f"an attribute{where} has a value of the wrong "
                "form (see the attribute's datatype in the schema reference)")
    return ("relaxng.invalid", message.rstrip("."))


@dataclass(frozen=True)
class Grammar:
    """A RELAX NG schema compiled once; `check` per document. Not thread-safe (libxml2 state)."""

    relaxng: etree.RelaxNG
    odd: Odd | None
    screen: etree.RelaxNG | None = None
    """The same language, written so that libxml2 checks it faster (`attributes_interleaved`):
    it says whether a document is valid; the messages of an invalid one come from `relaxng`."""

    def check(self, tree: etree._ElementTree) -> list[Problem]:
        if self.screen is not None and self.screen.validate(tree):
            return []
        if self.relaxng.validate(tree):
            return []
        own: list[Problem] = []
        if self.odd is not None:
            for element in tree.getroot().iter(tag=etree.Element):
                own.extend(attribute_problems(self.odd, element))
        # Elements, not id()s: holding the proxies keeps them alive, so lxml hands back the
        # same object for the same node below; an id() of a dropped proxy can be reused.
        flagged = {p.element for p in own if p.element is not None}
        parents = {p.element.getparent() for p in own if p.element is not None}
        problems = list(own)
        for entry in self.relaxng.error_log:
            found = tree.xpath(entry.path) if entry.path else []
            first = found[0] if isinstance(found, list) and found else None
            node: etree._Element | None = first if isinstance(first, etree._Element) else None
            code, message = _rewrite(entry.message, node, self.odd)
            if code == "relaxng.attribute-invalid" and node in flagged:
                continue  # already said precisely from the ODD
            if code == "relaxng.element-not-allowed" and node is not None and (
                    node.getparent() in parents):
                continue  # a sibling's attribute error made libxml2 lose its place
            problems.append(Problem(node, code, message, None, entry.line))
        return problems


RNG_NS = "http://relaxng.org/ns/structure/1.0"
_COMBINATORS = {f"{{{RNG_NS}}}{name}" for name in (
    "optional", "choice", "group", "interleave", "zeroOrMore", "oneOrMore")}


def attributes_interleaved(grammar: etree._Element) -> etree._Element | None:
    """A copy of a RELAX NG grammar whose elements hold their attribute patterns in one
    interleave each; None for a grammar that includes others or nests grammars, whose
    references this does not follow.

    Attributes are unordered in RELAX NG, so a group of attribute patterns and an
    interleave of them match the same documents. libxml2's time on a group of optional
    attributes grows with every attribute present; an interleave it splits by attribute
    name: the whole check is three times faster on teipipe's letters. Only patterns
    that are attributes all through are moved; everything else stays put.
    """
    if any(True for _ in grammar.iter(*(f"{{{RNG_NS}}}{name}" for name in (
            "include", "externalRef", "parentRef")))) or grammar.find(
                f".//{{{RNG_NS}}}grammar") is not None:
        return None
    copy = etree.fromstring(etree.tostring(grammar), safexml.parser())
    defines = {d.get("name"): d for d in copy.iter(f"{{{RNG_NS}}}define")}
    known: dict[str, bool] = {}

    def patterns(node: etree._Element) -> list[etree._Element]:
        return [c for c in node if isinstance(c.tag, str) and c.tag.startswith(f"{{{RNG_NS}}}")]

    def only_attributes(node: etree._Element) -> bool:
        if node.tag == f"{{{RNG_NS}}}attribute":
            return True
        if node.tag == f"{{{RNG_NS}}}ref":
            name = node.get("name", "")
            if name not in known:
                known[name] = False  # a reference cycle is not attributes only
                define = defines.get(name)
                known[name] = define is not None and bool(patterns(define)) and all(
                    only_attributes(c) for c in patterns(define))
            return known[name]
        return node.tag in _COMBINATORS and all(only_attributes(c) for c in patterns(node))

    for element in copy.iter(f"{{{RNG_NS}}}element"):
        moved = [c for c in patterns(element) if only_attributes(c)]
        if len(moved) > 1:
            holder = etree.SubElement(element, f"{{{RNG_NS}}}interleave")
            holder.extend(moved)
    return copy


def load(grammar: etree._Element, odd: Odd | None) -> Grammar:
    """The grammar of a RELAX NG schema the secure reader returned."""
    for node in grammar.iter(f"{{{RNG_NS}}}include", f"{{{RNG_NS}}}externalRef"):
        href = node.get("href", "")
        if ":" in href or href.startswith("/"):
            # libxml2 would fetch it itself, past the secure reader.
            raise etree.RelaxNGParseError(
                f"line {node.sourceline}: the grammar includes {href!r}; only relative "
                "references to files beside it are read")
    screen = attributes_interleaved(grammar)
    return Grammar(etree.RelaxNG(grammar), odd,
                   etree.RelaxNG(screen) if screen is not None else None)
