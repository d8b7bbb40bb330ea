"""The words of jing's RELAX NG messages: names as the document spells them, lists
joined with commas and "or", what was expected, why a value is wrong."""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from .rngpatterns import (
    CHOICE,
    DATA,
    EMPTY,
    LIST,
    ONE_OR_MORE,
    VALUE,
    Name,
    NameClass,
    Pattern,
)

XML_NS = "http://www.w3.org/XML/1998/namespace"


def or_list(items: list[str]) -> str:
    """`a`, `a or b`, `a, b or c`."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} or {items[-1]}"


def and_list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def qname(node: etree._Element) -> str:
    """An element's name as its start tag spells it."""
    local = etree.QName(node).localname
    return f"{node.prefix}:{local}" if node.prefix else local


def attribute_qname(key: str, node: etree._Element) -> str:
    """An attribute's name with the prefix the document binds its namespace to."""
    qname_ = etree.QName(key)
    shown = name((qname_.namespace or "", qname_.localname), node, attribute=True)
    return shown[1:-1] if shown.startswith('"') and shown.endswith('"') else shown


def name(name_: Name, node: etree._Element, attribute: bool = False,
         invented: dict[str, str] | None = None) -> str:
    """A name of the grammar, quoted, as jing shows it in the context of `node`; a
    namespace the document does not bind gets a prefix jing makes up (`ns`), recorded
    in `invented` (namespace → prefix) for the "(with xmlns:ns=...)" that follows."""
    uri, local = name_
    if uri == XML_NS:
        return f'"xml:{local}"'
    default = None if attribute else node.nsmap.get(None)
    if uri == (default or ""):
        return f'"{local}"'
    for prefix, bound in node.nsmap.items():
        if bound == uri and prefix:
            return f'"{prefix}:{local}"'
    if invented is None or not uri:
        return f'"{local}" from namespace "{uri}"'
    if uri not in invented:
        invented[uri] = "ns" if not invented else f"ns{len(invented)}"
    return f'"{invented[uri]}:{local}"'


def _names(classes: Iterable[NameClass], node: etree._Element, attribute: bool
           ) -> tuple[str, bool]:
    """The names of `classes` as an or-list, and whether one of them is open."""
    shown: set[str] = set()
    invented: dict[str, str] = {}
    other = False
    for name_class in classes:
        shown |= {name(n, node, attribute, invented) for n in name_class.names()}
        other = other or name_class.is_open()
    listed = or_list(sorted(shown))
    if invented:
        declarations = and_list([f'xmlns:{prefix}="{uri}"' for uri, prefix in invented.items()])
        listed += f" (with {declarations})"
    return listed, other


def expected(classes: list[NameClass], text: bool, end: bool, node: etree._Element) -> str:
    """`; expected the element end-tag, text or element "a" or "b"` (or nothing)."""
    items = ["the element end-tag"] if end else []
    if text:
        items.append("text")
    names, other = _names(classes, node, attribute=False)
    if names:
        items.append(f"element {names}")
    if other:
        items.append("an element from another namespace")
    return f"; expected {or_list(items)}" if items else ""


def expected_attributes(classes: list[NameClass], node: etree._Element) -> str:
    names, other = _names(classes, node, attribute=True)
    if not names:
        return ""
    if other:
        return f"; expected attribute {names} or an attribute from another namespace"
    return f"; expected attribute {names}"


def missing_attributes(element: str, missing: list[str], expected_: str) -> str:
    return _missing(f'element "{element}" missing', "required attribute",
                    f'element "{element}" missing one or more required attributes',
                    missing, expected_)


def not_yet(element: str, missing: list[str], expected_: str) -> str:
    head = f'element "{element}" not allowed yet'
    return _missing(f"{head};", "missing required element", head, missing, expected_)


def incomplete(element: str, missing: list[str], expected_: str) -> str:
    head = f'element "{element}" incomplete'
    return _missing(f"{head};", "missing required element", head, missing, expected_)


def _missing(head: str, what: str, otherwise: str, missing: list[str], expected_: str) -> str:
    """`HEAD WHAT X`, `HEAD WHATs X, Y and Z`, or, where nothing is named, `OTHERWISE`
    and what was expected."""
    if len(missing) == 1:
        return f"{head} {what} {missing[0]}"
    if missing:
        return f"{head} {what}s {and_list(missing)}"
    return f"{otherwise}{expected_}"


def value_failures(patterns: list[Pattern], text: str) -> str:
    """`; must be equal to "a" or "b"`, or the datatypes' own reasons, for a value that
    matches none of `patterns` (the value patterns of an attribute or element)."""
    values: set[str] = set()
    values_first = False
    # In the grammar's order: jing keeps it for teipipe's own grammar, not always for the
    # TEI's (it lists the eight date types of teidata.temporal.w3c in another order).
    reasons: list[str] = []
    pending = list(patterns)
    while pending:
        pattern = pending.pop(0)
        if pattern.kind == CHOICE:
            pending.extend(sorted(pattern.alternatives, key=lambda p: p.serial))
        elif pattern.kind == VALUE:
            values_first = values_first or not reasons
            values.add(f'"{pattern.value}"')
        elif pattern.kind == DATA and pattern.datatype is not None:
            reason = getattr(pattern.datatype, "failure", lambda _t: None)(text)
            if reason:
                reasons.append(reason)
        elif pattern.kind == LIST:
            # jing names a token no item takes; a list of the wrong length it only calls
            # invalid.
            failure = _list_failure(pattern, text)
            if failure:
                reasons.append(failure)
    equal = [f"must be equal to {or_list(sorted(values))}"] if values else []
    parts = equal + reasons if values_first else reasons + equal
    return f"; {or_list(parts)}" if parts else ""


def _list_failure(pattern: Pattern, text: str) -> str | None:
    """`token "x" invalid; must be equal to …` for the first token of `text` that no item of
    the list takes (jing's words), when the list is a repetition of values and datatypes."""
    items = _list_items(pattern.a) if pattern.a is not None else None
    if not items:
        return None
    for token in text.split():
        if not any(_takes(item, token) for item in items):
            return f'token "{token}" invalid{value_failures(items, token)}'
    return None


def _list_items(pattern: Pattern) -> list[Pattern] | None:
    """The value and data patterns a list repeats, or None for a list of another shape (a
    fixed sequence of tokens)."""
    if pattern.kind in (VALUE, DATA):
        return [pattern]
    if pattern.kind == EMPTY:
        return []
    if pattern.kind == ONE_OR_MORE and pattern.a is not None:
        return _list_items(pattern.a)
    if pattern.kind == CHOICE:
        found: list[Pattern] = []
        for alternative in sorted(pattern.alternatives, key=lambda p: p.serial):
            items = _list_items(alternative)
            if items is None:
                return None
            found.extend(items)
        return found
    return None


def _takes(item: Pattern, token: str) -> bool:
    if item.datatype is None:
        return False
    if item.kind == VALUE:
        return item.datatype.same(token, item.value)
    return item.datatype.allows(token)
