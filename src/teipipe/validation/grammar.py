"""RELAX NG validation with lxml, its terse messages rewritten to say what was expected.

lxml (libxml2) is fast and bounded for this small, deterministic grammar; its
messages are not Jing's, so element messages name what the parent may contain
and attribute problems are found again from the ODD, which knows the value lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lxml import etree

from ..tei import TEI_NS
from . import jingerrors, rnginclude
from .interleaved import RNG_NS, attributes_interleaved
from .reduce import Name, element_names, restrict, simplified

if TYPE_CHECKING:
    from ..schema.odd import Odd


@dataclass(frozen=True)
class Problem:
    """A grammar problem at an element (None when lxml could not say where)."""

    element: etree._Element | None
    code: str
    message: str
    attribute: str | None = None
    line: int = 0
    column: int = 0
    """jing's column (just after the tag it read), when known; the line is then jing's."""


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
_TEXT = re.compile(r"Did not expect text in element (\S+) content")
_UNKNOWN_ATTR = re.compile(r"Invalid attribute (\S+) for element (\S+)")
_ATTRS = re.compile(r"Element (\S+) failed to validate attributes|Invalid attribute")
_CASCADE = re.compile(r"Element (\S+) failed to validate content")

Expected = Callable[[etree._Element | None], str]
Attributes = Callable[[str, str], list[etree._Element]]
XML_NS = "http://www.w3.org/XML/1998/namespace"


def _attribute_message(node: etree._Element, shown: str, attributes: Attributes
                       ) -> tuple[str, str, str | None]:
    """libxml2 says "Invalid attribute" both for an attribute the element may not have and
    for a value of the wrong form: the grammar tells which."""
    patterns = attributes(_name(node), shown)
    if not patterns:
        return ("relaxng.attribute-not-allowed", f'attribute "{shown}" not allowed on element '
                f'"{_name(node)}"', shown)
    key = f"{{{XML_NS}}}{shown[4:]}" if shown.startswith("xml:") else shown
    value = node.get(key, "")
    return ("relaxng.attribute-value", f'value "{value}" of attribute "{shown}" of element '
            f'"{_name(node)}" is invalid; expected {_describe(patterns)}', shown)


def _describe(patterns: list[etree._Element]) -> str:
    """What an attribute's patterns accept, in words: its values, else its datatypes (refs
    followed through the grammar the patterns belong to)."""
    values: set[str] = set()
    kinds: set[str] = set()
    pending = list(patterns)
    seen: set[str] = set()
    while pending:
        node = pending.pop()
        for item in node.iter(f"{{{RNG_NS}}}value", f"{{{RNG_NS}}}data", f"{{{RNG_NS}}}ref"):
            if item.tag == f"{{{RNG_NS}}}value":
                values.add(item.text or "")
            elif item.tag == f"{{{RNG_NS}}}data":
                param = item.find(f"{{{RNG_NS}}}param[@name='pattern']")
                kinds.add(item.get("type", "text") + (
                    f" matching {param.text}" if param is not None else ""))
            elif item.get("name", "") not in seen:
                seen.add(item.get("name", ""))
                pending.extend(item.getroottree().getroot().iterfind(
                    f"{{{RNG_NS}}}define[@name='{item.get('name', '')}']"))
    parts = [f"one of: {', '.join(sorted(values))}"] if values else []
    if kinds:
        parts.append(f"a value of datatype {' or '.join(sorted(kinds))}")
    return " or ".join(parts) or "another value"


def _rewrite(message: str, node: etree._Element | None, expected: Expected,
             attributes: Attributes) -> tuple[str, str, str | None]:
    """(code, message, attribute) for one libxml2 RELAX NG message."""
    parent = node.getparent() if node is not None else None
    if match := _EXPECTING.search(message):
        return ("relaxng.element-not-allowed", f'element "{match[2]}" not allowed here; '
                f'expected element "{match[1]}"', None)
    if match := _NOTHING.search(message):
        wanted = f'element "{match[1]}"' if match[1] else "a required element"
        return ("relaxng.incomplete", f'element "{_name(node) if node is not None else "?"}" '
                f"is incomplete: {wanted} is missing{expected(node)}", None)
    if (match := _EXTRA.search(message)) and match[2] == "text" and node is not None and (
            node.find("{*}text") is None):
        return ("relaxng.text-not-allowed", f'text not allowed in element "{_name(node)}"'
                f"{expected(node)}", None)
    if match := _EXTRA.search(message) or _WRONG.search(message):
        name = match[2] if match.re is _EXTRA else match[1]
        return ("relaxng.element-not-allowed", f'element "{name}" not allowed here'
                f"{expected(parent)}", None)
    if match := _TEXT.search(message):
        return ("relaxng.text-not-allowed", f'text not allowed in element "{match[1]}"'
                f"{expected(node)}", None)
    if (match := _UNKNOWN_ATTR.search(message)) and node is not None:
        return _attribute_message(node, match[1], attributes)
    if _ATTRS.search(message):
        where = f' of element "{_name(node)}"' if node is not None else ""
        return ("relaxng.attribute-invalid", f"an attribute{where} has a value of the wrong "
                "form (see the attribute's datatype in the schema reference)", None)
    if match := _CASCADE.search(message):
        shown = match[1] or (_name(node) if node is not None else "?")
        return ("relaxng.content-invalid", f'the content of element "{shown}" does not match '
                "the schema", None)
    return ("relaxng.invalid", message.rstrip("."), None)


def _child_names(grammar: etree._Element, parent: str) -> list[str]:
    """Every element name a grammar allows somewhere in the content of element `parent`."""
    from .reduce import _children_of  # one walk over refs, shared with the cut
    defines = {d.get("name", ""): d for d in grammar.iter(f"{{{RNG_NS}}}define")}
    found: set[str] = set()
    for element in grammar.iter(f"{{{RNG_NS}}}element"):
        if element.get("name") == parent:
            found |= {name for _ns, name in _children_of(element, defines, set())}
    return sorted(found)


@dataclass(frozen=True)
class Grammar:
    """A RELAX NG schema compiled once; `check` per document. Not thread-safe (libxml2 state)."""

    relaxng: etree.RelaxNG | None
    """The grammar as written; with a `screen`, compiled only when needed (libxml2 may take
    minutes on elements listing many attributes one by one; their screen takes ms)."""
    odd: Odd | None
    screen: etree.RelaxNG | None = None
    """The same language, written so that libxml2 checks it faster (`attributes_interleaved`):
    it says whether a document is valid; the messages of an invalid one come from `relaxng`."""
    source: etree._Element | None = None
    """The whole grammar as written, for the elements a parent allows when there is no ODD."""
    names: frozenset[Name] | None = None
    """The elements of the run's documents, when known: the grammar for messages is then
    cut to them once (see `_errors`), else to each invalid document's own."""
    cuts: dict[frozenset[Name], etree.RelaxNG | None] = field(default_factory=dict)
    """Grammars for messages, by the names they were cut to (a few at most)."""
    reporter: list[jingerrors.Reporter | None] = field(default_factory=list)
    """jing's errors for invalid documents (`jingerrors`), built on the first one."""
    written: etree._Element | None = None
    """What `relaxng` is compiled from when first needed (then kept in `late`)."""
    late: list[etree.RelaxNG] = field(default_factory=list)

    def full(self) -> etree.RelaxNG:
        """The grammar as written, compiled on first need (or the whole one, if refused)."""
        if self.relaxng is not None:
            return self.relaxng
        if not self.late:
            assert self.written is not None, "a grammar without relaxng keeps what it was"
            try:
                self.late.append(etree.RelaxNG(self.written))
            except etree.RelaxNGParseError:
                if self.source is None or self.source is self.written:
                    raise
                self.late.append(etree.RelaxNG(self.source))
        return self.late[0]

    def expected(self, parent: etree._Element | None) -> str:
        if self.odd is not None:
            return _expected(self.odd, parent)
        if parent is None or self.source is None:
            return ""
        allowed = _child_names(self.source, _name(parent))
        if not allowed:
            return f'; "{_name(parent)}" may contain no element'
        return f'; "{_name(parent)}" may contain: {", ".join(allowed)}'

    def attribute_patterns(self, element: str, attribute: str) -> list[etree._Element]:
        """The value patterns of an attribute of an element, from the whole grammar."""
        if self.source is None:
            return []
        from .reduce import _attributes_of
        return _attributes_of(self.source, element, attribute)

    def valid(self, tree: etree._ElementTree) -> bool:
        """Whether a document seems valid: the screen's verdict where there is one (the
        grammar as written may take libxml2 minutes to compile); `check` settles a refusal."""
        return bool((self.screen or self.full()).validate(tree))

    def check(self, tree: etree._ElementTree, data: bytes | None = None) -> list[Problem]:
        """The grammar problems of a document; `data`, its bytes, lets an invalid one
        have every error jing would report, in jing's words and places (and then the grammar
        as written is never compiled)."""
        if self.screen is not None and self.screen.validate(tree):
            return []
        if data is not None:
            as_jing = self._as_jing(tree, data)
            if as_jing:
                return as_jing
        if self.full().validate(tree):
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
        seen: set[tuple[object, str, str]] = set()
        for entry in self._errors(tree):
            found = tree.xpath(entry.path) if entry.path else []
            first = found[0] if isinstance(found, list) and found else None
            node: etree._Element | None = first if isinstance(first, etree._Element) else None
            code, message, attribute = _rewrite(entry.message, node, self.expected,
                                                self.attribute_patterns)
            if code in ("relaxng.attribute-invalid", "relaxng.attribute-not-allowed",
                        "relaxng.attribute-value") and node in flagged:
                continue  # already said precisely from the ODD
            if code == "relaxng.element-not-allowed" and node is not None and (
                    node.getparent() in parents or _after_a_problem(node, problems)):
                continue  # an earlier error made libxml2 lose its place
            if (node, code, message) in seen:
                continue  # libxml2 says some things twice
            seen.add((node, code, message))
            problems.append(Problem(node, code, message, attribute, entry.line))
        return _without_cascades(problems, tree)

    def _as_jing(self, tree: etree._ElementTree, data: bytes) -> list[Problem]:
        """jing's errors; none when the reporter cannot say (libxml2's messages stand)."""
        if not self.reporter:
            self.reporter.append(jingerrors.reporter(self.source))
        found = jingerrors.errors(self.reporter[0], tree, data)
        return [Problem(None, f.code, f.message, None, f.line, f.column) for f in found or []]

    def _errors(self, tree: etree._ElementTree) -> list[etree._LogEntry]:
        """libxml2's errors for an invalid document, from the grammar cut down to its
        elements when that says something: libxml2 then places an error at the wrong element
        (as jing does), not at a sibling before it. Small grammars only (`reduce.simplified`)."""
        own = self._message_grammar(tree)
        if own is not None and not own.validate(tree):
            entries = list(own.error_log)
            if any(not _CASCADE.search(e.message) for e in entries):
                return entries
        full = self.full()
        return list(full.error_log) if not full.validate(tree) else []

    def _message_grammar(self, tree: etree._ElementTree) -> etree.RelaxNG | None:
        if self.source is None or _element_count(self.source) > BIG:
            return None
        names = self.names if self.names is not None else frozenset(element_names(tree))
        if names not in self.cuts:
            if len(self.cuts) >= 4:
                self.cuts.clear()
            cut = restrict(self.source, names)
            self.cuts[names] = etree.RelaxNG(simplified(cut)) if cut is not None else None
        return self.cuts[names]


def _after_a_problem(node: etree._Element, problems: list[Problem]) -> bool:
    """Whether an earlier problem lies inside a preceding sibling of `node` (libxml2 then
    flags the siblings that follow too, where jing stops at the first)."""
    earlier = {p.element for p in problems if p.element is not None}
    for sibling in node.itersiblings(preceding=True):
        if sibling in earlier or any(d in earlier for d in sibling.iter()):
            return True
    return False


def _without_cascades(problems: list[Problem], tree: etree._ElementTree) -> list[Problem]:
    """Without libxml2's "content does not match" at an element that holds a precise problem
    (it only repeats it); with one problem at the root when libxml2 said nothing at all."""
    if not problems:
        root = tree.getroot()
        return [Problem(root, "relaxng.invalid", f'element "{_name(root)}" does not match the '
                        "schema (libxml2 gave no more precise reason)")]
    precise = [p for p in problems if p.code != "relaxng.content-invalid"]
    kept = []
    for problem in problems:
        if problem.code == "relaxng.content-invalid" and problem.element is not None and any(
                p.element is not None and (p.element is problem.element or any(
                    a is problem.element for a in p.element.iterancestors()))
                for p in precise):
            continue
        kept.append(problem)
    return kept


# A grammar with more element patterns than this is cut down to the elements of the run's
# documents before libxml2 compiles it: tei_all (about 580) takes 27 s whole and 0.05 s
# cut; teipipe's own (about 60) takes 0.1 s whole and keeps libxml2's full messages.
BIG = 150


def _element_count(grammar: etree._Element) -> int:
    return sum(1 for _ in grammar.iter(f"{{{RNG_NS}}}element"))


def cut_before_compiling(grammar: etree._Element) -> bool:
    """Whether `load` cuts this grammar down to the run's element names before compiling
    it (a big one); for a smaller one the names only word the messages of invalid
    documents, so they can be gathered after the valid documents are done."""
    return _element_count(grammar) > BIG


def load(grammar: etree._Element, odd: Odd | None,
         names: frozenset[Name] | None = None) -> Grammar:
    """The grammar of a RELAX NG schema the secure reader returned; with `names`, cut down
    to those elements first (the verdicts for documents using only them are the same)."""
    for node in grammar.iter(f"{{{RNG_NS}}}include", f"{{{RNG_NS}}}externalRef"):
        href = node.get("href", "")
        if ":" in href or href.startswith("/"):
            # libxml2 would fetch it itself, past the secure reader.
            raise etree.RelaxNGParseError(
                f"line {node.sourceline}: the grammar includes {href!r}; only relative "
                "references to files beside it are read")
    try:
        grammar = rnginclude.inline(grammar, rnginclude.base_of(grammar))
    except rnginclude.IncludeError as error:
        raise etree.RelaxNGParseError(str(error)) from error
    source = grammar
    cut = restrict(grammar, names) if names is not None and cut_before_compiling(
        grammar) else None
    target = cut if cut is not None else grammar
    screen = _screen(target)
    if screen is not None:
        return Grammar(None, odd, screen, source, names, written=target)
    try:
        compiled = etree.RelaxNG(target)
    except etree.RelaxNGParseError:
        if cut is None:
            raise
        compiled = etree.RelaxNG(grammar)  # the cut tripped libxml2: the whole grammar
    return Grammar(compiled, odd, _screen(grammar), source, names)


def _screen(grammar: etree._Element) -> etree.RelaxNG | None:
    """The faster grammar for valid documents, or None where libxml2 refuses the rewrite
    (a grammar it compiles whole may still trip it): only a speed-up is lost."""
    screen = attributes_interleaved(grammar)
    try:
        return etree.RelaxNG(screen) if screen is not None else None
    except etree.RelaxNGParseError:
        return None
