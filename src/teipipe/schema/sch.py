"""The constraintSpecs of an expanded ODD as one ISO Schematron schema (query binding xslt2)."""

from __future__ import annotations

import copy

from lxml import etree

from ..tei import TEI_NS
from ..xml import safexml
from .odd import NS, SCH_NS, Odd, local

XSD_NS = "http://www.w3.org/2001/XMLSchema"
XSL_NS = "http://www.w3.org/1999/XSL/Transform"
QUERY_BINDING = "xslt2"


def s(parent: etree._Element | None, tag: str, **attributes: str) -> etree._Element:
    name = f"{{{SCH_NS}}}{tag}"
    node = (etree.Element(name, nsmap={"sch": SCH_NS}) if parent is None
            else etree.SubElement(parent, name))
    for key, value in attributes.items():
        node.set(key, value)
    return node


def _constraints(odd: Odd) -> list[tuple[str, etree._Element]]:
    """(element ident or "" for class/schema level, constraintSpec) in spec order."""
    found = []
    for kind in ("element", "class"):
        for ident, spec in odd.of(kind).items():
            # constraintSpecs of the spec and of its attDefs (a deprecated attribute's rule).
            for constraint in spec.iter(f"{{{TEI_NS}}}constraintSpec"):
                found.append((ident if kind == "element" else "", constraint))
    for constraint in odd.schema.iterfind("tei:constraintSpec", NS):
        found.append(("", constraint))
    return found


def build(odd: Odd) -> etree._ElementTree:
    """The Schematron schema: one pattern per constraintSpec, id = the constraintSpec's ident."""
    root = s(None, "schema", queryBinding=QUERY_BINDING)
    s(root, "title").text = f"Schematron rules of the {odd.ident} ODD"
    s(root, "ns", prefix="tei", uri=TEI_NS)
    s(root, "ns", prefix="xs", uri=XSD_NS)
    keys: list[etree._Element] = []
    for element, constraint in _constraints(odd):
        if constraint.get("scheme", "schematron") not in ("schematron", "isoschematron"):
            continue
        pattern = s(root, "pattern", id=constraint.get("ident", ""))
        desc = constraint.findtext("tei:desc", namespaces=NS)
        if desc:
            s(pattern, "p").text = " ".join(desc.split())
        body = constraint.find("tei:constraint", NS)
        if body is None:
            continue
        loose = s(None, "rule", context=f"tei:{element}" if element else "/*")
        for child in body:
            if not isinstance(child.tag, str) or child.tag == f"{{{SCH_NS}}}ns":
                continue
            if child.tag == f"{{{XSL_NS}}}key":
                keys.append(_clean(child))  # the XSLT query binding wants keys at schema level
            elif local(child) in ("assert", "report", "let"):
                loose.append(_clean(child))
            else:
                pattern.append(_clean(child))
        if len(loose):
            pattern.append(loose)
    after_ns = len(root.findall(f"{{{SCH_NS}}}ns")) + 1
    for offset, key in enumerate(keys):
        root.insert(after_ns + offset, key)
    etree.cleanup_namespaces(root, top_nsmap={"sch": SCH_NS, **({"xsl": XSL_NS} if keys else {})})
    return etree.ElementTree(root)


def _clean(node: etree._Element) -> etree._Element:
    """A copy without the TEI default namespace the ODD declares around it."""
    return etree.fromstring(etree.tostring(copy.deepcopy(node)), safexml.parser())
