"""A big grammar cut down to the elements a set of documents uses, for libxml2 to compile fast.

An element that occurs in none of the documents can be replaced by `notAllowed`
without changing any verdict: a valid document never used it, and a grammar that
allows less cannot make an invalid document valid. libxml2 then compiles only the
part of the grammar the documents touch: tei_all (about 550 elements) takes 27 s to
compile whole and 0.05 s cut down to the 46 elements of 500 letters.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from ..xml import safexml

RNG_NS = "http://relaxng.org/ns/structure/1.0"
Name = tuple[str, str]
"""(namespace, local name) of an element."""


def element_names(tree: etree._ElementTree) -> set[Name]:
    """The (namespace, local name) of every element of a document."""
    # The distinct tags first, then one QName each: a QName per element was half the
    # cost of planning a `teipipe validate` run (about 0.18 ms of a letter's 0.35 ms).
    tags = {node.tag for node in tree.getroot().iter(tag=etree.Element)}
    found: set[Name] = set()
    for tag in tags:
        qname = etree.QName(tag)
        found.add((qname.namespace or "", qname.localname))
    return found


def _namespace(node: etree._Element) -> str:
    """The `ns` a RELAX NG name is in: its own, else the nearest ancestor's (RELAX NG 4.8)."""
    for candidate in (node, *node.iterancestors()):
        value = candidate.get("ns")
        if value is not None:
            return value
    return ""


def restrict(grammar: etree._Element, names: Iterable[Name]) -> etree._Element | None:
    """A copy of `grammar` without the element patterns whose plain name is outside
    `names`; None for a grammar that includes others (their elements are not seen).

    Each such element becomes `notAllowed` in place. Simplifying further (dropping it
    from choices, lifting it through groups) was tried: libxml2 then took minutes to
    compile some cuts of tei_all, where the plain replacement takes 0.03 s."""
    if grammar.find(f".//{{{RNG_NS}}}include") is not None or grammar.find(
            f".//{{{RNG_NS}}}externalRef") is not None:
        return None
    keep = set(names)
    copy = etree.fromstring(etree.tostring(grammar), safexml.parser())
    for element in list(copy.iter(f"{{{RNG_NS}}}element")):
        name = element.get("name")
        if name is None or ":" in name:
            continue  # a name class or a prefixed name: kept as it is
        if (_namespace(element), name) not in keep:
            _replace(element, _node("notAllowed"))
    return copy


def _children_of(node: etree._Element, defines: dict[str, etree._Element],
                 seen: set[str]) -> set[Name]:
    found: set[Name] = set()
    for child in _patterns(node):
        if _is(child, "element"):
            if child.get("name"):
                found.add((_namespace(child), child.get("name", "")))
        elif _is(child, "ref") and child.get("name", "") not in seen:
            seen.add(child.get("name", ""))
            define = defines.get(child.get("name", ""))
            if define is not None:
                found |= _children_of(define, defines, seen)
        elif not _is(child, "attribute"):
            found |= _children_of(child, defines, seen)
    return found


def _attributes_of(grammar: etree._Element, element: str, attribute: str
                   ) -> list[etree._Element]:
    """The `attribute` patterns named `attribute` (`xml:lang` for the XML namespace) that
    the element patterns named `element` hold, through references, not in child elements."""
    defines = {d.get("name", ""): d for d in grammar.iter(f"{{{RNG_NS}}}define")}
    local = attribute[4:] if attribute.startswith("xml:") else attribute
    found: list[etree._Element] = []

    def walk(node: etree._Element, seen: set[str]) -> None:
        for child in _patterns(node):
            if _is(child, "element"):
                continue
            if _is(child, "attribute"):
                name = child.get("name", "")
                if name in (attribute, local) and (name == attribute or "XML" in (
                        child.get("ns") or "") or not attribute.startswith("xml:")):
                    found.append(child)
            elif _is(child, "ref") and child.get("name", "") not in seen:
                seen.add(child.get("name", ""))
                define = defines.get(child.get("name", ""))
                if define is not None:
                    walk(define, seen)
            else:
                walk(child, seen)

    for pattern in grammar.iter(f"{{{RNG_NS}}}element"):
        if pattern.get("name") == element:
            walk(pattern, set())
    return found


def _node(tag: str) -> etree._Element:
    return etree.Element(f"{{{RNG_NS}}}{tag}")


def _replace(old: etree._Element, new: etree._Element) -> None:
    parent = old.getparent()
    if parent is not None:
        new.tail = old.tail
        parent.replace(old, new)


def _is(node: etree._Element, tag: str) -> bool:
    return node.tag == f"{{{RNG_NS}}}{tag}"


def _patterns(node: etree._Element) -> list[etree._Element]:
    return [c for c in node if isinstance(c.tag, str) and c.tag.startswith(f"{{{RNG_NS}}}")]


def simplified(grammar: etree._Element) -> etree._Element:
    """`grammar` (a cut) with its notAllowed simplified away as RELAX NG section 4.20 does:
    a choice drops it, a group, an element or a reference holding it becomes it, an
    optional or repeated one goes. libxml2 then places errors where jing does; used for
    the messages of invalid documents with small grammars only, as libxml2 took minutes
    to compile some simplified cuts of tei_all."""
    copy = etree.fromstring(etree.tostring(grammar), safexml.parser())
    defines = {d.get("name", ""): d for d in copy.iter(f"{{{RNG_NS}}}define")}
    changed = True
    while changed:
        changed = False
        for ref in list(copy.iter(f"{{{RNG_NS}}}ref")):
            define = defines.get(ref.get("name", ""))
            body = _patterns(define) if define is not None else []
            if len(body) == 1 and _is(body[0], "notAllowed"):
                _replace(ref, _node("notAllowed"))
                changed = True
        for node in list(copy.iter(f"{{{RNG_NS}}}notAllowed")):
            changed = _lift(node) or changed
    return copy


def _lift(node: etree._Element) -> bool:
    """Apply one simplification rule to the parent of a notAllowed; True if it changed."""
    parent = node.getparent()
    if parent is None:
        return False
    if _is(parent, "choice"):
        if len(_patterns(parent)) > 1:
            parent.remove(node)
        else:
            _replace(parent, node)
        return True
    if _is(parent, "optional") or _is(parent, "zeroOrMore"):
        # Matches only the empty sequence: an alternative of a choice, elsewhere nothing
        # (libxml2 stumbles on an <empty/> inside a group where it does not on nothing).
        holder = parent.getparent()
        if holder is None or _is(holder, "choice"):
            _replace(parent, _node("empty"))
        else:
            holder.remove(parent)
            if not _patterns(holder):
                holder.append(_node("empty"))
        return True
    if any(_is(parent, tag) for tag in ("group", "interleave", "oneOrMore", "list", "mixed",
                                        "attribute", "element")):
        _replace(parent, node)
        return True
    if _is(parent, "define") and len(_patterns(parent)) > 1:
        for other in _patterns(parent):
            if other is not node:
                parent.remove(other)
        return True
    return False
