"""ISO Schematron compiled by teipipe to an XSLT 3 stylesheet and run with Saxon (saxonche).

Why not lxml's isoschematron: it is XPath 1 only and never fires rules whose
context is an attribute (`@xml:lang`, `@target`), which half of teipipe's rules
are. The compile here is small because teipipe's Schematron uses only
ns/pattern/rule/let/assert/report/name/value-of, and xsl:key at schema level as
the XSLT query binding allows; anything else is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from saxonche import PyXsltExecutable

from ..xml import safexml, saxon

XSL = "http://www.w3.org/1999/XSL/Transform"
SCH = "http://purl.oclc.org/dsdl/schematron"
OUT = "urn:teipipe:schematron-result"
_FN = "urn:teipipe:functions"
_FAILED = "failed"
"""The local name of a failure in the report: a report without it has none."""
# The place of a failure as an element-index path (/*[1]/*[3]/@type), which lxml resolves.
_PATH = ("string-join(for $a in $n/ancestor-or-self::* return "
         "concat('*[', count($a/preceding-sibling::*) + 1, ']'), '/') || "
         "(if ($n instance of attribute()) then concat('/@', name($n)) else '')")


class SchematronError(Exception):
    """The Schematron uses something this compiler does not handle."""


def _x(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
    node = etree.SubElement(parent, f"{{{XSL}}}{tag}")
    for key, value in attributes.items():
        node.set(key, value)
    return node


def _message(parent: etree._Element, node: etree._Element) -> None:
    """The assertion text with its sch:name and sch:value-of filled in."""
    if node.text:
        _x(parent, "text").text = node.text
    for child in node:
        if child.tag == f"{{{SCH}}}name":
            _x(parent, "value-of", select=child.get("path", "name(.)"))
        elif child.tag == f"{{{SCH}}}value-of":
            _x(parent, "value-of", select=child.get("select", "."))
        else:
            raise SchematronError(f"unsupported element in a message: {child.tag}")
        if child.tail:
            _x(parent, "text").text = child.tail


def _rule(sheet: etree._Element, mode: str, pattern: str, rule: etree._Element,
          priority: int) -> None:
    _checks(_x(sheet, "template", match=rule.get("context", "/"), mode=mode,
               priority=str(priority)), pattern, rule)


def _checks(template: etree._Element, pattern: str, rule: etree._Element) -> None:
    """A rule's lets, asserts and reports, evaluated with the node it matched as context."""
    for item in rule:
        if not isinstance(item.tag, str):
            continue
        name = etree.QName(item).localname
        if name == "let":
            _x(template, "variable", name=item.get("name", ""), select=item.get("value", "."))
            continue
        if name not in ("assert", "report"):
            raise SchematronError(f"unsupported element in a rule: {name}")
        test = item.get("test", "true()")
        check = _x(template, "if", test=f"not({test})" if name == "assert" else test)
        failed = etree.SubElement(check, f"{{{OUT}}}{_FAILED}")
        failed.set("pattern", pattern)
        failed.set("role", item.get("role", "error"))
        _x(failed, "attribute", name="at", select="f:path(.)")
        _message(failed, item)


def _candidates(rules: list[etree._Element]) -> str:
    """The elements and attributes that some rule of a pattern may match.

    A node matches the pattern P exactly when it is in root(.)//(P) (XSLT 3.0,
    5.5.3), so only those nodes are offered to the pattern instead of every node:
    template dispatch per node and pattern was most of the cost. Document, text and
    other nodes are left out, as they always were. In a pattern current() is the
    node tested, in an expression it is not: such a pattern is offered every node.
    One //(context) per rule, not //(a | b): Saxon turns each into a single
    descendant search, where a union inside //() is evaluated at every node.
    """
    contexts = [rule.get("context", "/") for rule in rules]
    if not _exact(rules):
        return "//(*|@*)"
    union = " | ".join(f"//({context})" for context in contexts) or "()"
    return f"({union})[self::* or self::attribute()]"


def _exact(rules: list[etree._Element]) -> bool:
    """Whether `_candidates` are exactly the nodes some rule matches (see there)."""
    return not any("current(" in rule.get("context", "/") for rule in rules)


def to_xslt(schema: etree._Element) -> etree._Element:
    """An XSLT 3 stylesheet that reports every failed assert and fired report as XML."""
    nsmap = {"xsl": XSL, "f": _FN, "xs": "http://www.w3.org/2001/XMLSchema"}
    for ns in schema.iterfind(f"{{{SCH}}}ns"):
        nsmap[ns.get("prefix", "")] = ns.get("uri", "")
    sheet = etree.Element(f"{{{XSL}}}stylesheet", nsmap=nsmap)
    sheet.set("version", "3.0")
    sheet.set("exclude-result-prefixes", " ".join(p for p in nsmap if p != "xsl"))
    function = _x(sheet, "function", name="f:path", **{"as": "xs:string"})
    _x(function, "param", name="n", **{"as": "node()"})
    _x(function, "sequence", select=_PATH)
    for key in schema.iterfind(f"{{{XSL}}}key"):
        # Keys let a rule look a node up by value once per document instead of
        # scanning the document for every node the rule checks.
        _x(sheet, "key", **{name: key.get(name, "") for name in ("name", "match", "use")})
    main = _x(_x(sheet, "template", match="/"), "element", name="report", namespace=OUT)
    for index, pattern in enumerate(schema.iterfind(f"{{{SCH}}}pattern")):
        mode = f"p{index}"
        # Each node is offered once to each pattern; the first matching rule wins, as
        # Schematron requires, hence the falling priorities.
        rules = list(pattern.iterfind(f"{{{SCH}}}rule"))
        if len(rules) == 1 and _exact(rules):
            # Every node offered matches the one rule: no template to choose, so the
            # checks run in a for-each, with the same context, position and order.
            _checks(_x(main, "for-each", select=_candidates(rules)), pattern.get("id", mode),
                    rules[0])
            continue
        _x(main, "apply-templates", select=_candidates(rules), mode=mode)
        for position, rule in enumerate(rules):
            _rule(sheet, mode, pattern.get("id", mode), rule, len(rules) - position)
        _x(sheet, "template", match="node()|@*", mode=mode, priority="-1")
    return sheet


@dataclass(frozen=True)
class Failure:
    """One failed assertion: the pattern id, its role, the element-index path and the text."""

    pattern: str
    role: str
    at: str
    message: str


@dataclass(frozen=True)
class CompiledSchematron:
    """A Schematron compiled once and applied to many documents; one per thread."""

    executable: PyXsltExecutable

    def run(self, document: etree._ElementTree | saxon.PyXdmNode | str) -> list[Failure]:
        """The failures of a document the secure reader returned, or that
        `saxon.from_tree` made of it, or its root element's text as `saxon.root_text`
        gave it (PySaxonApiError when a rule cannot be evaluated)."""
        with saxon.quiet():  # once for both calls: it costs four system calls
            if isinstance(document, etree._ElementTree):
                node = saxon.loud_from_tree(document)
            elif isinstance(document, str):
                node = saxon.loud_from_text(document)
            else:
                node = document
            result = self.executable.transform_to_string(xdm_node=node)
        if _FAILED not in result:
            return []  # most documents pass every rule: their empty report is not parsed
        report = etree.fromstring(result.encode("utf-8"), safexml.parser())
        return [Failure(f.get("pattern", ""), f.get("role", "error"), f.get("at", ""),
                        " ".join("".join(str(t) for t in f.itertext()).split()))
                for f in report.iter(f"{{{OUT}}}{_FAILED}")]


def compile_schematron(schema: etree._Element) -> CompiledSchematron:
    stylesheet = etree.tostring(to_xslt(schema), encoding="unicode")
    with saxon.quiet():
        return CompiledSchematron(saxon.processor().new_xslt30_processor().compile_stylesheet(
            stylesheet_text=stylesheet))
