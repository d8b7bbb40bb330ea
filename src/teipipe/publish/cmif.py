"""The corpus as one CMIF file for correspSearch, with a warning for every unidentified name.

The file is made in two parts so that it scales with the corpus: each
document's correspDesc entry (`entries`, a stylesheet run on that document
alone, done in the document's build task and cached with it), and the
assembly (`write`), which streams the entries into the file under a header
made from the edition's settings. No step holds more than one document.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from ..diagnostics import Diagnostic, Location, Severity
from ..project.edition import Edition
from ..project.register import EntryKind, Register
from ..tei import TEI_NS, XML_ID
from ..xml import safexml, saxon
from ..xml.xpath import strings
from .transform import OUTPUTS, Transformer, TransformError, manifest

_NS = {"t": TEI_NS}
_KINDS = {"persName": "person", "orgName": "organisation", "placeName": "place"}
_REGISTER_KINDS: dict[str, EntryKind] = {"persName": "person", "orgName": "org",
                                         "placeName": "place"}
_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
UNKNOWN = "unknown"
"""The name CMIF gives a party the letter does not name (tei-to-cmif.xsl writes it)."""


_DATES = ("t:correspAction/t:date/@when | t:correspAction/t:date/@notAfter | "
          "t:correspAction/t:date/@to")


def entry_dates(data: bytes) -> list[str]:
    """The dispatch dates in a document's CMIF entries (as `entries` made them)."""
    return [str(d) for desc in _parsed(data) for d in strings(desc, _DATES, _NS)]


def latest(dates: Iterable[str]) -> str:
    full = sorted(d for d in dates if len(d) == 10)
    return full[-1] if full else "1970-01-01"


def entries(engine: Transformer, tei: saxon.PyXdmNode, name: str) -> bytes:
    """The CMIF correspDesc entries of one TEI document (as `saxon.from_tree` gave it),
    `ref` and `source` left empty for `write` to fill in; b"" for a document that is no
    letter."""
    result = engine.apply_parsed(OUTPUTS["cmif"], tei, name)
    result = _DECLARATION.sub("", result).strip()
    return result.encode("utf-8")


def _wrapped(data: bytes) -> list[etree._Element]:
    if not data:
        return []
    return list(etree.fromstring(b"<entries>" + data + b"</entries>", safexml.parser()))


def _parsed(data: bytes) -> list[etree._Element]:
    """The correspDesc entries of a document's share (its warnings left out)."""
    return [node for node in _wrapped(data) if isinstance(node.tag, str)]


def mapping_warnings(letters: Iterable[tuple[str, bytes]]) -> list[Diagnostic]:
    """What the stylesheet could not carry into CMIF as it stands in each letter: a sender
    and an addressee in one action, a party not named, a date in no W3C form.

    The stylesheet leaves them as `<?cmif-warning code|message?>` beside the entry."""
    problems: list[Diagnostic] = []
    for display, data in letters:
        for node in _wrapped(data):
            if isinstance(node, etree._ProcessingInstruction) and node.target == "cmif-warning":
                code, _, message = (node.text or "").partition("|")
                problems.append(Diagnostic(code, Severity.WARNING, Location(display), message))
    return problems


def unidentified(data: bytes) -> list[tuple[str, str, str]]:
    """(element name, name, action) of each correspondent or place without authority URI."""
    found: list[tuple[str, str, str]] = []
    for desc in _parsed(data):
        for name in desc.iterfind("t:correspAction/*", _NS):
            local = etree.QName(name).localname
            if local in _KINDS and not name.get("ref") and name.text != UNKNOWN:
                parent = name.getparent()
                action = (parent.get("type") if parent is not None else None) or ""
                found.append((local, " ".join((name.text or "").split()), action))
    return found


def authority_warnings(letters: Iterable[tuple[str, bytes]],
                       register: Register | None = None) -> list[Diagnostic]:
    """One warning per name that some letters' entries give without an authority URI.

    `letters`: (the letter's file as messages name it, its entries). The warning
    stands at the name's register entry, where the identifier is to be added;
    a name the register lacks is reported at the first letter that gives it; an entry
    whose `no_identifier` says that none is known is not reported.
    """
    first: dict[tuple[str, str], str] = {}
    actions: dict[tuple[str, str], set[str]] = {}
    naming = Counter[tuple[str, str]]()  # letters, counted rather than listed
    for display, data in letters:
        found = unidentified(data)
        for local, text, action in found:
            first.setdefault((local, text), display)
            actions.setdefault((local, text), set()).add(action)
        naming.update({(local, text) for local, text, _action in found})
    problems: list[Diagnostic] = []
    for (local, text), display in first.items():
        entry = register.find(text, _REGISTER_KINDS[local]) if register is not None else None
        if entry is not None and entry.no_identifier:
            continue  # the editor has stated that no identifier is known
        where = register.where(entry) if register is not None and entry is not None \
            else Location(display)
        count = naming[(local, text)]
        roles = ", ".join(sorted(actions[(local, text)]))
        problems.append(Diagnostic(
            "cmif.no-authority", Severity.WARNING, where,
            f"the {_KINDS[local]} {text!r} ({roles}) has no authority "
            f"identifier, so correspSearch cannot link it in the {count} "
            f"letter{'s' if count != 1 else ''} that name{'s' if count == 1 else ''} it "
            f"(first: {display}). Add an idno (gnd, viaf, wikidata, geonames) to its entry "
            f"in {register.path if register is not None and register.path else 'the register'}"
            ", or `no_identifier = true` (or the reason) where none is known"))
    return sorted(problems, key=lambda d: (d.location.path, d.location.line, d.message))


def write(out: BinaryIO, engine: Transformer, settings: dict[str, str],
          letters: Iterable[tuple[str, bytes]]) -> None:
    """The CMIF file into `out`: the header from `settings`, then every letter's entries.

    `letters` yields (document name, entries) in corpus order and is consumed
    as it is written; each entry gets the letter's page and the edition's bibl.
    """
    header = etree.fromstring(engine.apply_corpus(OUTPUTS["cmif"], manifest([], settings))
                              .encode("utf-8"), safexml.parser())
    holder = header.find("t:teiHeader/t:profileDesc", _NS)
    if holder is None:
        raise ValueError("the CMIF stylesheet made no profileDesc")
    bibl = header.find(".//t:sourceDesc/t:bibl", _NS)
    source = f"#{bibl.get(XML_ID, '') if bibl is not None else ''}"

    def filled() -> Iterable[etree._Element]:
        for name, data in letters:
            for desc in _parsed(data):
                desc.set("ref", letter_url(settings, name))
                desc.set("source", source)
                etree.indent(desc, space="   ", level=3)
                yield desc

    with etree.xmlfile(out, encoding="UTF-8") as xf:
        xf.write_declaration()
        _stream(xf, header, holder, filled())
    out.write(b"\n")


def _stream(xf: etree.xmlfile, node: etree._Element, holder: etree._Element,
            children: Iterable[etree._Element], root: bool = True) -> None:
    """Write `node` as it is, except that `holder` (inside it) gets `children` streamed in."""
    nsmap = node.nsmap if root else None  # declared once, on the root
    if node is holder:
        with xf.element(node.tag, _attributes(node), nsmap=nsmap):
            for child in children:
                xf.write("\n         ")
                xf.write(child)
            xf.write("\n      ")
        return
    if holder not in node.iterdescendants():
        xf.write(node)
        return
    with xf.element(node.tag, _attributes(node), nsmap=nsmap):
        if node.text:
            xf.write(node.text)
        for child in node:
            _stream(xf, child, holder, children, root=False)
            if child.tail:
                xf.write(child.tail)


def letter_url(settings: dict[str, str], name: str) -> str:
    """The address of a letter's page: the edition's pattern with {base} and {name} filled."""
    return settings["letter-url"].replace("{base}", settings["base-url"]).replace("{name}", name)


def export(files: list[Path], engine: Transformer, edition: Edition | None = None,
           display: Callable[[Path], str] = lambda p: p.name,
           register: Register | None = None,
           limits: safexml.Limits = safexml.NO_XINCLUDE) -> tuple[bytes, list[Diagnostic]]:
    """The CMIF bytes of the letters among `files` (b"" when no file could be read), and the
    problems: a file the secure reader refuses or a stylesheet fails on (left out, the
    others are exported), what CMIF cannot carry, and a name without authority.

    For a list of files (`teipipe transform --to cmif`); the build streams the
    entries it made in each document's task instead.
    """
    found: list[tuple[Path, bytes]] = []
    problems: list[Diagnostic] = []
    for path in files:
        tree, refused = safexml.read(path, display(path), limits)
        if tree is None:
            problems.extend(refused)
            continue
        try:
            found.append((path, entries(engine, saxon.from_tree(tree), path.name)))
        except TransformError as error:
            problems.append(Diagnostic("transform.failed", Severity.ERROR,
                                       Location(display(path)), str(error)))
    if not found:
        return b"", problems
    settings = (edition or Edition()).cmif_settings(
        latest(date for _path, data in found for date in entry_dates(data)))
    buffer = io.BytesIO()
    write(buffer, engine, settings, ((path.stem, data) for path, data in found))
    shown = [(display(path), data) for path, data in found]
    problems += mapping_warnings(shown) + authority_warnings(shown, register)
    return buffer.getvalue(), problems


def _attributes(node: etree._Element) -> dict[str, str]:
    return {str(key): str(value) for key, value in node.attrib.items()}
