"""The one way teipipe reads XML that may be hostile: no DTD, no entities, no network,
no XInclude unless asked for (then only below the document's folder), bounded size.

Every command reads XML through `read` or `parse`; Saxon is given only trees that
came out of them (`saxon.from_tree`), or the root element of bytes they accepted when
those hold no DOCTYPE (`saxon.root_text`), never a path.
A refused document yields one located Diagnostic, never an exception, so that a
run goes on with its other files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..diagnostics import Diagnostic, Location, Severity, unreadable
from ..source import too_large

DEFAULT_MAX_BYTES = 25 * 1024 * 1024
"""Larger documents are refused: a document is held by lxml and by Saxon at once, about
12 bytes of memory a byte (a 26 MB TEI file peaked at 445 MB in validate and 430 MB in
transform --to html), and the project's memory target is 500 MB. `--max-size` raises
the limit (docs/security.md)."""

XINCLUDE_NAMESPACES = ("http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude")
_MAX_INCLUDE_DEPTH = 10

# Entity declarations and external DTDs are how entity bombs and external-entity reads
# (XXE) arrive, and a TEI document never needs one: refused before any parsing.
_DOCTYPE = re.compile(rb"<!DOCTYPE\b")
_DANGER = re.compile(rb"<!ENTITY\b|\bSYSTEM\b|\bPUBLIC\b")
# libxml2 repeats the place at the end of its message; the Location already holds it.
_POSITION = re.compile(r", line \d+, column \d+$")
_DOCTYPE_MESSAGE = ("the DOCTYPE declares entities or an external DTD; teipipe does not "
                    "load DTDs or expand entities (they can read local files or exhaust "
                    "memory): remove the DOCTYPE")


@dataclass(frozen=True)
class Limits:
    """What a read allows; one value for a whole run."""

    max_bytes: int = DEFAULT_MAX_BYTES
    """Documents (and XIncluded files) larger than this are refused."""
    xinclude: bool = False
    """Process xi:include, for files at or below the including document's folder."""


NO_XINCLUDE = Limits()
"""The default: documents up to DEFAULT_MAX_BYTES, xi:include refused."""


def parser() -> etree.XMLParser:
    """A parser for untrusted documents; make one per parse (lxml parsers are not shareable).

    `collect_ids=False` (libxml2's XML_SKIP_IDS): libxml2 otherwise refuses a repeated
    xml:id as if the document were not well-formed, though it is a validity error that
    validation reports (`xmlids`); entities, DTDs and the network are as before."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, dtd_validation=False, collect_ids=False)


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    return line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1


def _refused_doctype(data: bytes, display: str) -> Diagnostic | None:
    doctype = _DOCTYPE.search(data)
    if doctype is None:
        return None
    end = data.find(b">", doctype.end())
    bracket = data.find(b"[", doctype.end())
    if bracket != -1 and (end == -1 or bracket < end):
        end = data.find(b"]", bracket)
    danger = _DANGER.search(data, doctype.start(), len(data) if end == -1 else end + 1)
    if danger is None:
        return None
    line, column = _position(data, danger.start())
    return Diagnostic("xml.doctype-refused", Severity.ERROR, Location(display, line, column),
                      _DOCTYPE_MESSAGE)


def _declares_entities(tree: etree._ElementTree) -> bool:
    """A DTD that the byte scan missed (a document in UTF-16, say): any entity or external
    identifier, which the parser saw but, as configured, neither loaded nor expanded."""
    info = tree.docinfo
    dtd = info.internalDTD
    # lxml-stubs lack these two members of DocInfo and DTD.
    return bool(getattr(info, "system_url", None) or info.public_id or (
        dtd is not None and any(True for _ in dtd.iterentities())))  # type: ignore[attr-defined]


def parse(data: bytes, display: str, limits: Limits = NO_XINCLUDE,
          path: Path | None = None) -> tuple[etree._ElementTree | None, list[Diagnostic]]:
    """The tree of `data`, or None and one located error saying why it was refused.

    `path`: the file the bytes came from, which XIncludes are resolved against."""
    # Resolving the folder costs a system call per component of its path: only done when
    # XIncludes may be followed (without `root` they are refused, as without `xinclude`).
    root = path.parent.resolve() if path is not None and limits.xinclude else None
    return _parse(data, display, limits, path, root, 0)


def _parse(data: bytes, display: str, limits: Limits, path: Path | None, root: Path | None,
           depth: int) -> tuple[etree._ElementTree | None, list[Diagnostic]]:
    if len(data) > limits.max_bytes:
        return None, [too_large(display, len(data), limits.max_bytes)]
    if not data.strip():
        return None, [Diagnostic("xml.empty", Severity.ERROR, Location(display, 1, 1),
                                 "the file is empty; there is no XML document to read")]
    refused = _refused_doctype(data, display)
    if refused is not None:
        return None, [refused]
    try:
        tree = etree.ElementTree(etree.fromstring(data, parser()))
    except etree.XMLSyntaxError as error:
        line, column = error.position
        message = _POSITION.sub("", error.msg)
        if message.startswith("Invalid bytes in character encoding"):
            message += ("; the file is not in the encoding its XML declaration names "
                        "(UTF-8 when it names none): re-save it in that encoding")
        return None, [Diagnostic("xml.not-well-formed", Severity.ERROR,
                                 Location(display, line or 1, column),
                                 f"not well-formed XML: {message}")]
    if _declares_entities(tree):
        return None, [Diagnostic("xml.doctype-refused", Severity.ERROR, Location(display, 1, 1),
                                 _DOCTYPE_MESSAGE)]
    problems = _includes(tree, display, limits, path, root, depth)
    return (None, problems) if problems else (tree, [])


def read_bytes(path: Path, display: str, limit: int) -> tuple[bytes | None, list[Diagnostic]]:
    """The bytes of a file, or None and one error; a file over `limit` is not read at all."""
    try:
        size = path.stat().st_size
        if size > limit:
            return None, [too_large(display, size, limit)]
        return path.read_bytes(), []
    except OSError as error:
        return None, [unreadable("input.unreadable", display, error)]


def read(path: Path, display: str,
         limits: Limits = NO_XINCLUDE) -> tuple[etree._ElementTree | None, list[Diagnostic]]:
    """The tree of the file `path` (`display`: the file as messages name it), or None and
    one located error; a file over the size limit is refused without being read."""
    data, problems = read_bytes(path, display, limits.max_bytes)
    return (None, problems) if data is None else parse(data, display, limits, path)


def _include_nodes(tree: etree._ElementTree) -> list[etree._Element]:
    return [node for ns in XINCLUDE_NAMESPACES for node in tree.iter(f"{{{ns}}}include")]


def _line(node: etree._Element) -> int:
    line = node.sourceline
    return line if isinstance(line, int) else 0


def _includes(tree: etree._ElementTree, display: str, limits: Limits, path: Path | None,
              root: Path | None, depth: int = 0) -> list[Diagnostic]:
    """Refuse xi:include, or (when `limits` allow it) replace each by what it names."""
    nodes = _include_nodes(tree)
    if not nodes:
        return []
    first = nodes[0]
    at = Location(display, _line(first))
    if not limits.xinclude or path is None or root is None:
        return [Diagnostic("xml.xinclude-refused", Severity.ERROR, at,
                           "the document has an xi:include, which teipipe does not follow "
                           "unless asked to: pass --xinclude to include files at or below "
                           "the document's folder (docs/security.md)")]
    if depth >= _MAX_INCLUDE_DEPTH:
        return [Diagnostic("xml.xinclude-refused", Severity.ERROR, at,
                           f"xi:include nested more than {_MAX_INCLUDE_DEPTH} deep (a cycle?)")]
    for node in nodes:
        problem = _include_one(node, display, limits, path, root, depth)
        if problem is not None:
            return [problem]
    return []


def _include_one(node: etree._Element, display: str, limits: Limits, path: Path,
                 root: Path, depth: int) -> Diagnostic | None:
    at = Location(display, _line(node))
    href = node.get("href", "")
    if node.getparent() is None:
        return Diagnostic("xml.xinclude-refused", Severity.ERROR, at,
                          "an xi:include cannot be the document's root element")
    if not href or node.get("xpointer") is not None or ":" in href.split("/", 1)[0]:
        return Diagnostic("xml.xinclude-refused", Severity.ERROR, at,
                          "only xi:include with a relative href and no xpointer is followed")
    target = (path.parent / href).resolve()
    if not target.is_relative_to(root):
        return Diagnostic("xml.xinclude-refused", Severity.ERROR, at,
                          f"xi:include of {href!r} leaves the document's folder; only files "
                          "at or below it are included")
    shown = f"{display} (included {href})"
    data, problems = read_bytes(target, shown, limits.max_bytes)
    if data is None:
        return problems[0]
    if node.get("parse", "xml") == "text":
        try:
            text = data.decode(node.get("encoding") or "utf-8")
        except (UnicodeDecodeError, LookupError) as error:
            return Diagnostic("xml.xinclude-failed", Severity.ERROR, at,
                              f"cannot include {href!r} as text: {error}")
        _replace(node, None, text)
        return None
    included, problems = _parse(data, shown, limits, target, root, depth + 1)
    if included is None:
        return problems[0]
    _replace(node, included.getroot(), None)
    return None


def _replace(node: etree._Element, element: etree._Element | None, text: str | None) -> None:
    """Put `element` or `text` where the xi:include `node` stands, keeping its tail."""
    parent = node.getparent()
    assert parent is not None  # _include_one refused a root xi:include
    tail = node.tail or ""
    if element is not None:
        element.tail = tail
        parent.replace(node, element)
        return
    previous = node.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + (text or "") + tail
    else:
        parent.text = (parent.text or "") + (text or "") + tail
    parent.remove(node)
