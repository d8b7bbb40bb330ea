"""The TEI's modes: how a spec of an ODD adds to, changes, replaces or deletes what it names.

`change` merges part by part: an `attList` attDef by attDef (an attDef naming an
attribute the element inherits alters that one), `classes` membership by
membership (or all at once with mode="replace"), `constraintSpec` by ident,
`valList` item by item; any other part replaces the part of the same name.
"""

from __future__ import annotations

import copy

from lxml import etree

from .odd import NS, att_key, local, tei


def _children(node: etree._Element) -> list[etree._Element]:
    return [c for c in node if isinstance(c.tag, str)]


def changed_spec(original: etree._Element, change: etree._Element) -> etree._Element:
    """A copy of `original` altered by the parts `change` gives."""
    merged = copy.deepcopy(original)
    for name, value in change.attrib.items():
        if name not in ("mode", "ident"):
            merged.set(name, value)
    replaced: set[str] = set()
    for part in _children(change):
        name = local(part)
        if name == "attList":
            _merge_attlist(merged, part)
        elif name == "classes":
            _merge_classes(merged, part)
        elif name == "constraintSpec":
            _merge_by_ident(merged, part, "constraintSpec")
        elif name == "valList" and merged.find("tei:valList", NS) is not None:
            _merge_vallist(merged.find("tei:valList", NS), part)  # type: ignore[arg-type]
        else:
            if name not in replaced:
                replaced.add(name)
                _drop(merged, part.tag)
            merged.append(copy.deepcopy(part))
    _order(merged)
    # The changed spec is reported at the place of the original; keep its line (lxml
    # sets only lines below 65536; a later line, as in p5subset.xml, stays the copy's).
    line = original.sourceline
    if isinstance(line, int) and line < 65536:
        merged.sourceline = line
    return merged


def changed_attdef(original: etree._Element, change: etree._Element) -> etree._Element:
    """An attDef altered by another in mode="change": attributes, datatype, valList."""
    merged = copy.deepcopy(original)
    for name, value in change.attrib.items():
        if name != "mode":
            merged.set(name, value)
    merged.set("mode", "add")
    for part in _children(change):
        old = merged.find(part.tag)
        if local(part) == "valList" and old is not None and part.get("mode") in (
                "add", "change"):
            _merge_vallist(old, part)
            continue
        _drop(merged, part.tag)
        if part.get("mode") != "delete":
            merged.append(copy.deepcopy(part))
    return merged


def _drop(node: etree._Element, tag: object) -> None:
    for old in node.findall(tag):  # type: ignore[arg-type]
        node.remove(old)


def _order(spec: etree._Element) -> None:
    """Documentation first, as in the TEI's own specs; the outputs do not depend on it."""
    parts = _children(spec)
    first = [p for p in parts if local(p) in ("gloss", "desc")]
    for part in reversed(first):
        spec.remove(part)
        spec.insert(0, part)


def _merge_attlist(merged: etree._Element, changes: etree._Element) -> None:
    attlist = merged.find("tei:attList", NS)
    if attlist is None:
        attlist = etree.SubElement(merged, tei("attList"))
    if changes.get("mode") == "replace":
        merged.replace(attlist, copy.deepcopy(changes))
        return
    existing = {att_key(a): a for a in attlist.iter(tei("attDef"))}
    # An attList may name one attribute twice (two changes, or a change after a delete):
    # each acts on what the one before it left, as in the TEI Stylesheets.
    for att in changes.iter(tei("attDef")):
        key = att_key(att)
        mode = att.get("mode", "add")
        old = existing.pop(key, None)
        parent = old.getparent() if old is not None else None
        if old is not None and parent is not None and old.get("mode", "add") in (
                "add", "replace"):
            if mode == "delete":
                parent.remove(old)
            else:
                existing[key] = changed_attdef(old, att) if mode == "change" else \
                    copy.deepcopy(att)
                parent.replace(old, existing[key])
            continue
        if old is not None and parent is not None:
            parent.remove(old)
        # Kept as a marker: it deletes or alters an attribute the spec inherits; a second
        # change of an inherited attribute alters the first.
        marker = copy.deepcopy(att)
        if old is not None and mode == "change" and old.get("mode") == "change":
            marker = changed_attdef(old, att)
            marker.set("mode", "change")
        existing[key] = marker
        attlist.append(marker)


def _merge_classes(merged: etree._Element, changes: etree._Element) -> None:
    classes = merged.find("tei:classes", NS)
    if classes is None or changes.get("mode") == "replace":
        if classes is not None:
            merged.remove(classes)
        replacement = copy.deepcopy(changes)
        for member in replacement.findall("tei:memberOf", NS):
            if member.get("mode") == "delete":
                replacement.remove(member)
        merged.append(replacement)
        return
    keys = {m.get("key"): m for m in classes.iterfind("tei:memberOf", NS)}
    for member in changes.iterfind("tei:memberOf", NS):
        key = member.get("key")
        if member.get("mode") == "delete":
            if key in keys:
                classes.remove(keys.pop(key))
        elif key not in keys:
            keys[key] = copy.deepcopy(member)
            classes.append(keys[key])


def _merge_by_ident(merged: etree._Element, part: etree._Element, tag: str) -> None:
    ident = part.get("ident")
    old = next((c for c in merged.iterfind(f"tei:{tag}", NS) if c.get("ident") == ident), None)
    mode = part.get("mode", "add")
    if old is not None:
        merged.remove(old)
    if mode != "delete":
        merged.append(copy.deepcopy(part))


def _merge_vallist(old: etree._Element, changes: etree._Element) -> None:
    if changes.get("type"):
        old.set("type", changes.get("type", ""))
    items = {v.get("ident"): v for v in old.iterfind("tei:valItem", NS)}
    for item in changes.iterfind("tei:valItem", NS):
        ident = item.get("ident")
        if ident in items:
            old.remove(items.pop(ident))
        if item.get("mode") != "delete":
            items[ident] = copy.deepcopy(item)
            old.append(items[ident])
