"""Link each letter to the previous and next letter of the same correspondence.

A correspondence is the letters between the same parties, in either direction. The
letters are ordered by date (then by name); a letter's own translations and original
are not its neighbours, and among neighbours of the same date one in the letter's own
language is preferred, so that the English letter points at the English one.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass

from lxml import etree

from ..writers.xml import TEI_NS, XML_LANG, indent, tei
from ..xpath import string, strings

_NS = {"t": TEI_NS}
Trees = dict[str, etree._ElementTree]


@dataclass(frozen=True)
class Letter:
    """What the pass needs to know of one letter."""

    name: str
    parties: frozenset[str]
    date: str
    language: str
    title: str
    related: frozenset[str]
    """Names of its translations and of its original."""


def _letter(name: str, tree: etree._ElementTree) -> Letter | None:
    desc = tree.find(".//t:profileDesc/t:correspDesc", _NS)
    if desc is None:
        return None
    parties = frozenset(strings(
        desc, "t:correspAction/t:persName/@ref | t:correspAction/t:orgName/@ref", _NS))
    dates = strings(desc, "t:correspAction[@type='sent']/t:date/@when | "
                          "t:correspAction[@type='sent']/t:date/@notBefore", _NS)
    related = frozenset(p.split("#")[0].removesuffix(".xml") for p in strings(
        tree, "//t:listRelation/t:relation[@name='translationOf' or @name='hasTranslation']"
              "/@passive", _NS))
    title = " ".join(string(tree, "string(//t:titleStmt/t:title[1])", _NS).split())
    return Letter(name, parties, str(dates[0]) if dates else "",
                  tree.getroot().get(XML_LANG, ""), title, related)


def _neighbour(letter: Letter, candidates: list[Letter], later: bool) -> Letter | None:
    """The closest letter before (or after) `letter`, same language first on the same date."""
    key = (letter.date, letter.name)
    side = [c for c in candidates
            if c.name != letter.name and c.name not in letter.related
            and ((c.date, c.name) > key if later else (c.date, c.name) < key)]
    if not side:
        return None
    closest = min(c.date for c in side) if later else max(c.date for c in side)
    same_day = sorted((c for c in side if c.date == closest), key=lambda c: c.name)
    own = [c for c in same_day if c.language == letter.language]
    return (own or same_day)[0] if later else (own or same_day)[-1]


def neighbours(letters: list[Letter]) -> dict[str, dict[str, Letter]]:
    """For each letter name: its 'prev' and 'next' letter in the same correspondence."""
    found: dict[str, dict[str, Letter]] = {}
    for letter in letters:
        if len(letter.parties) < 2 or not letter.date:
            continue
        same = [c for c in letters if c.parties == letter.parties and c.date]
        found[letter.name] = {
            kind: other for kind, other in (("prev", _neighbour(letter, same, later=False)),
                                            ("next", _neighbour(letter, same, later=True)))
            if other is not None}
    return found


def _write(tree: etree._ElementTree, links: dict[str, Letter]) -> None:
    desc = tree.find(".//t:profileDesc/t:correspDesc", _NS)
    assert desc is not None  # only letters have neighbours
    context = desc.find("t:correspContext", _NS)
    if context is None:
        context = etree.SubElement(desc, tei("correspContext"))
    for kind in ("prev", "next"):
        if kind not in links or context.find(f"t:ref[@type='{kind}']", _NS) is not None:
            continue
        ref = etree.SubElement(context, tei("ref"), type=kind, target=f"{links[kind].name}.xml")
        ref.text = links[kind].title
    indent(tree.getroot())


def link_correspondence(trees: Trees) -> Trees:
    """New trees whose letters carry correspContext refs to their neighbours."""
    result = {name: deepcopy(tree) for name, tree in trees.items()}
    letters = [lt for name, tree in sorted(result.items()) if (lt := _letter(name, tree))]
    for name, links in neighbours(letters).items():
        if links:
            _write(result[name], links)
    return result
