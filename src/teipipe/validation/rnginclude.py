"""A RELAX NG grammar's `include`s replaced by what they include, so that one grammar
element holds the whole schema.

Editions split their grammars (a header grammar included by each text's grammar); jing
reads them as one, and so must the reader that words teipipe's messages as jing's. The
included file is read by the secure reader, beside the including one (relative `href`
only); its `start` and the `define`s the `include` element itself gives instead are left
out, as RELAX NG says (section 4.7 of the specification), and its `ns` and
`datatypeLibrary` stay in force for what it brings.
"""

from __future__ import annotations

import copy
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree

from ..xml import safexml

RNG_NS = "http://relaxng.org/ns/structure/1.0"
_R = f"{{{RNG_NS}}}"
DEPTH = 10
"""Includes nested deeper than this are refused (an include cycle)."""


class IncludeError(Exception):
    """An included grammar is missing, refused or nested too deep; the message says which."""


def base_of(grammar: etree._Element) -> Path | None:
    """The folder of the file the grammar was read from, when its tree knows it."""
    url = grammar.getroottree().docinfo.URL
    if not url:
        return None
    parsed = urlparse(url)
    path = Path(unquote(parsed.path)) if parsed.scheme in ("file", "") else None
    return path.parent if path is not None else None


def inline(grammar: etree._Element, base: Path | None, depth: int = 0) -> etree._Element:
    """A copy of `grammar` without `include` (the same element when it has none)."""
    if grammar.find(f".//{_R}include") is None:
        return grammar
    if depth >= DEPTH:
        raise IncludeError(f"includes nested more than {DEPTH} deep (a cycle?)")
    result = copy.deepcopy(grammar)
    for node in list(result.iter(f"{_R}include")):
        parent = node.getparent()
        assert parent is not None  # an include is never the root
        at = parent.index(node)
        parent.remove(node)
        # What the include element gives itself keeps the including grammar's ns.
        given = etree.Element(f"{_R}div")
        given.extend(copy.deepcopy(list(node)))
        parent.insert(at, given)
        parent.insert(at, _included(node, base, depth))
    return result


def _included(node: etree._Element, base: Path | None, depth: int) -> etree._Element:
    href = unquote(node.get("href", ""))
    if base is None:
        raise IncludeError(f"the grammar includes {href!r}, but where it lies is unknown")
    path = base / href
    tree, problems = safexml.read(path, path.as_posix())
    if tree is None:
        reason = problems[0].message if problems else "it cannot be read"
        raise IncludeError(f"the grammar includes {href!r}: {reason}")
    other = inline(tree.getroot(), path.parent, depth + 1)
    replaced = {d.get("name") for d in node.iter(f"{_R}define")}
    gives_start = node.find(f".//{_R}start") is not None
    holder = etree.Element(f"{_R}div")
    for name in ("ns", "datatypeLibrary"):
        value = other.get(name)
        if value is not None:
            holder.set(name, value)
    for child in _components(other):
        local = etree.QName(child).localname
        if (local == "start" and gives_start) or (local == "define"
                                                  and child.get("name") in replaced):
            continue
        holder.append(copy.deepcopy(child))
    return holder


def _components(grammar: etree._Element) -> list[etree._Element]:
    """The start, defines and includes of a grammar, its divs opened."""
    found: list[etree._Element] = []
    for child in grammar:
        if not isinstance(child.tag, str) or not child.tag.startswith(_R):
            continue
        if etree.QName(child).localname == "div":
            found.extend(_components(child))
        else:
            found.append(child)
    return found
