"""The TEI namespace, element makers and the fixed serialisation of every TEI file."""

from __future__ import annotations

from functools import lru_cache

from lxml import etree

from ..tei import TEI_NS, XML_ID, XML_LANG


def tei(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


_ATTRIBUTE_NAMES = {"xml_id": XML_ID, "xml_lang": XML_LANG}


@lru_cache(maxsize=256)
def _attribute_name(name: str) -> str:
    return _ATTRIBUTE_NAMES.get(name) or name.rstrip("_").replace("_", "-")


def el(parent: etree._Element | None, tag: str, text: str | None = None,
       **attributes: str | None) -> etree._Element:
    """A TEI element (appended to `parent` when given); None-valued attributes are left out.

    Attribute names use `_` for `-` and a trailing `_` for Python keywords;
    `xml_id` and `xml_lang` become the XML namespace attributes.
    """
    node = (etree.Element(tei(tag), nsmap={None: TEI_NS})  # type: ignore[dict-item]
            if parent is None
            else etree.SubElement(parent, tei(tag)))
    for name, value in attributes.items():
        if value is not None:
            node.set(_attribute_name(name), value)
    if text:
        node.text = text
    return node


def append_text(node: etree._Element, text: str) -> None:
    """Add character data after the last child of `node` (or as its text)."""
    if not text:
        return
    if len(node):
        last = node[-1]
        last.tail = (last.tail or "") + text
    else:
        node.text = (node.text or "") + text


def serialize(tree: etree._ElementTree | etree._Element) -> bytes:
    """Bytes of a TEI file: UTF-8, XML declaration, two-space indentation, final newline.

    The same tree always gives the same bytes; nothing here depends on the time or
    the machine.
    """
    return etree.tostring(tree, encoding="UTF-8", xml_declaration=True, pretty_print=True)


def indent(root: etree._Element) -> None:
    """Indent element-only content for readability without touching mixed content."""
    _indent(root, 0)



def _tags(names: str) -> frozenset[str]:
    return frozenset(tei(name) for name in names.split())


# Parents whose content is elements only: always laid out one child a line.
_CONTAINERS = _tags(
    "TEI teiHeader fileDesc titleStmt respStmt publicationStmt availability notesStmt sourceDesc "
    "encodingDesc editorialDecl normalization hyphenation correction quotation appInfo "
    "application profileDesc correspDesc correspAction correspContext langUsage listRelation "
    "standOff listPerson person listPlace place listOrg org text front body back div list "
    "docTitle argument postscript textClass keywords address")
# Mixed-content parents laid out only when they hold nothing but block children.
_MIXED_PARENTS = _tags("note quote opener closer item")
_BLOCKS = _tags("p dateline salute signed list quote pb head label ab address addrLine")


def _indent(node: etree._Element, level: int) -> None:
    children = list(node)
    if not children:
        return
    has_text = bool(node.text and node.text.strip()) or any(
        child.tail and child.tail.strip() for child in children)
    if has_text:
        return
    if node.tag not in _CONTAINERS and not (
            node.tag in _MIXED_PARENTS and all(child.tag in _BLOCKS for child in children)):
        return  # mixed content: white space there would be text
    pad = "\n" + "  " * (level + 1)
    node.text = pad
    for child in children:
        _indent(child, level + 1)
        child.tail = pad
    children[-1].tail = "\n" + "  " * level
