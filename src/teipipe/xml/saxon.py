"""The process's Saxon processor: made at first use, shared by the Schematron and the outputs.

A document Saxon has parsed belongs to the processor that parsed it. With one
processor per process, a build task parses its TEI into Saxon once and gives
that tree to the Schematron and to every stylesheet, instead of parsing the
same text once for each.

Saxon's own parser expands external entities (it read a local file into a page
before teipipe vetted its input), so Saxon is only ever given trees that the secure
reader (`safexml`) returned, serialised without their DOCTYPE, or the root element's
own text from the bytes that reader accepted, when those hold no DOCTYPE (see
`root_text`). What a stylesheet reads itself with doc() meets a parser that refuses
any DOCTYPE and reads no URI but files (see `_HARDENING`).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from urllib.parse import quote

from lxml import etree
from saxonche import PySaxonApiError, PySaxonProcessor, PyXdmNode

__all__ = ["PySaxonApiError", "PyXdmNode", "from_tree", "loud_from_text", "loud_from_tree",
           "one_line", "processor", "quiet", "root_text"]


def _parser_feature(uri: str) -> str:
    return "http://saxon.sf.net/feature/parserFeature?uri=" + quote(uri, safe="")


_HARDENING = {
    # Any DOCTYPE in a document Saxon parses (doc(), a stylesheet) is an error.
    _parser_feature("http://apache.org/xml/features/disallow-doctype-decl"): "true",
    _parser_feature("http://xml.org/sax/features/external-general-entities"): "false",
    _parser_feature("http://xml.org/sax/features/external-parameter-entities"): "false",
    # doc() and unparsed-text() read local files only, never the network.
    "http://saxon.sf.net/feature/allowedProtocols": "file",
    "http://saxon.sf.net/feature/xinclude-aware": "false",
}


@cache
def processor() -> PySaxonProcessor:
    made = PySaxonProcessor(license=False)
    for key, value in _HARDENING.items():
        made.set_configuration_property(key, value)
    return made


def from_tree(tree: etree._ElementTree | etree._Element, base_uri: str | None = None) -> PyXdmNode:
    """A tree the secure reader (or teipipe's writer) made, as a Saxon document.

    `base_uri`: the document's own URI, against which a stylesheet resolves relative
    links (the parallel page finds the original beside the translation)."""
    with quiet():
        return loud_from_tree(tree, base_uri)


def loud_from_tree(tree: etree._ElementTree | etree._Element,
                   base_uri: str | None = None) -> PyXdmNode:
    """`from_tree` for a caller that already runs inside `quiet`."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    return loud_from_text(etree.tostring(root, encoding="unicode"), base_uri)


def loud_from_text(text: str, base_uri: str | None = None) -> PyXdmNode:
    """The root element's text (`root_text`, or lxml's serialisation) as a Saxon document,
    for a caller that already runs inside `quiet`."""
    builder = processor().new_document_builder()
    if base_uri is not None:
        builder.set_base_uri(base_uri)
    node: PyXdmNode = builder.parse_xml(xml_text=text)
    return node


def _after_prolog(data: bytes) -> int:
    """Where the root element's start tag begins, past the XML declaration, comments,
    processing instructions and white space; -1 at a DOCTYPE or anything unexpected."""
    at = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    while True:
        while data[at:at + 1] in (b" ", b"\t", b"\r", b"\n"):
            at += 1
        if data.startswith(b"<?", at):
            end = data.find(b"?>", at)
            at = -1 if end == -1 else end + 2
        elif data.startswith(b"<!--", at):
            end = data.find(b"-->", at + 4)
            at = -1 if end == -1 else end + 3
        else:
            return at if data.startswith(b"<", at) and data[at + 1:at + 2] not in (
                b"!", b"?", b"/", b"") else -1
        if at == -1:
            return -1


def _root_end(data: bytes) -> int:
    """Just after the root element's end tag, when only white space follows it; else -1
    (a comment or processing instruction after the root, or an empty root element)."""
    end = len(data.rstrip(b" \t\r\n"))
    last = data.rfind(b"<", 0, end)
    if last == -1 or not data.startswith(b"</", last) or data.find(b">", last, end) != end - 1:
        return -1
    return end


def root_text(data: bytes, tree: etree._ElementTree) -> str | None:
    """The root element's text as the file holds it, which Saxon parses into the tree it
    would parse from lxml's serialisation of `tree` (saving that serialisation), or None.

    Only for the bytes that gave `tree` with no XInclude followed, in UTF-8 and XML 1.0,
    and only when nothing but an XML declaration, comments, processing instructions and
    white space comes before the root (no DOCTYPE, so no entity Saxon could expand) and
    nothing but white space after it. The prolog is left out as serialising the root
    leaves it out: rules see the same document either way."""
    info = tree.docinfo
    if info.xml_version != "1.0" or (info.encoding or "").upper() not in ("UTF-8", "UTF8"):
        return None
    start = _after_prolog(data)
    end = _root_end(data) if start != -1 else -1
    return data[start:end].decode("utf-8") if end > start else None


@cache
def _null() -> int:
    """The process's descriptor of the null device, opened once: `quiet` runs for every
    document validated, and opening it each time cost as much as the rest of `quiet`."""
    return os.open(os.devnull, os.O_WRONLY)


@contextmanager
def quiet() -> Iterator[None]:
    """Hide what Saxon prints on the process's standard error while the block runs.

    Saxon reports an error twice: in the exception teipipe turns into one located
    line, and as a multi-line report written straight to file descriptor 2, where
    Python cannot catch it. Not thread-safe, as the processor is not.
    """
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        os.dup2(_null(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


_FILE_URI = re.compile(r"file:/+(?:[^\s/]+/)*([^\s/]+)")


def one_line(error: PySaxonApiError) -> str:
    """Saxon's message as one line, with file URIs cut to their file name (no host path)."""
    text = " ".join(str(error).split())
    return _FILE_URI.sub(r"\1", text) or "Saxon reported an error without a message"
