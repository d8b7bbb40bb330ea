"""Typed XPath: lxml's xpath() may return many kinds of value; these say which one is meant."""

from __future__ import annotations

from lxml import etree

Namespaces = dict[str, str]
Node = etree._Element | etree._ElementTree


def elements(node: Node, expression: str, namespaces: Namespaces | None = None
             ) -> list[etree._Element]:
    """The elements an expression selects (anything else it selects is left out)."""
    found = node.xpath(expression, namespaces=namespaces or {})
    return [item for item in found if isinstance(item, etree._Element)] \
        if isinstance(found, list) else []


def strings(node: Node, expression: str, namespaces: Namespaces | None = None) -> list[str]:
    """The attribute values or text nodes an expression selects, as strings."""
    found = node.xpath(expression, namespaces=namespaces or {})
    if not isinstance(found, list):
        return [str(found)]
    return [item if isinstance(item, str) else item.decode() if isinstance(item, bytes)
            else str(item) for item in found if not isinstance(item, etree._Element)]


def string(node: Node, expression: str, namespaces: Namespaces | None = None) -> str:
    """The string value of an expression (`string(...)`)."""
    return str(node.xpath(expression, namespaces=namespaces or {}))


def text_of(node: etree._Element) -> str:
    """All text of an element, white space collapsed."""
    return " ".join("".join(str(t) for t in node.itertext()).split())
