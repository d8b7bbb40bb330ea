"""Run teipipe's conversion on one text and read back what its TEI claims.

The conversion is `teipipe convert` without a sidecar and with an empty
register: what a new user gets. Everything is read from the written TEI, not
from the document model, so the benchmark holds whatever the model becomes.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from types import ModuleType

from lxml import etree

from teipipe import source
from teipipe.pipeline import convert_source


def _module(*names: str) -> ModuleType:
    """The first of these modules that imports: the package's rooms were reorganised (#11)."""
    for name in names[:-1]:
        try:
            return importlib.import_module(name)
        except ImportError:
            continue
    return importlib.import_module(names[-1])


register = _module("teipipe.project.register", "teipipe.register")

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI}
_EMPTY_REGISTER = register.parse("", "register.toml")[0]
# Elements whose paragraphs are not body paragraphs of the letter.
_NOT_BODY = {"note", "opener", "closer", "postscript", "quote", "list", "floatingText",
             "front", "back", "head"}


@dataclass
class Prediction:
    """What one conversion produced, as the scorer compares it."""

    converted: bool = False
    lost: bool = False
    codes: list[str] = field(default_factory=list)
    sender: str = ""
    recipient: str = ""
    place: str = ""
    date: str = ""
    opener: dict[str, str] = field(default_factory=dict)
    closer: dict[str, str] = field(default_factory=dict)
    addresses: list[str] = field(default_factory=list)
    """Each `addrLine` of the opener's `address`: editions encode an address as `salute` too."""
    paragraphs: int = 0
    refs: list[tuple[str, str]] = field(default_factory=list)
    """Per note marker in the body: (letters before it, text of the note it points to)."""
    error: str = ""

    def summary(self, name: str) -> str:
        value = {"notes": self.refs[:3], "converted": self.error or self.codes,
                 "lossless": self.codes}.get(name, getattr(self, name, ""))
        return repr(value)[:300]


def _local(node: etree._Element) -> str:
    return etree.QName(node.tag).localname if isinstance(node.tag, str) else ""


def text_of(node: etree._Element | None) -> str:
    """The words of an element without its notes and note markers."""
    if node is None:
        return ""
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        if element.text:
            parts.append(element.text)
        for child in element:
            if _local(child) != "note" and not (_local(child) == "ref"
                                                and child.get("type") == "noteref"):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(node)
    return " ".join("".join(parts).split())


def _party(action: etree._Element | None) -> str:
    if action is None:
        return ""
    for kind in ("persName", "orgName", "name"):
        node = action.find(f"t:{kind}", NS)
        if node is not None:
            return text_of(node)
    return ""


# The readings of a `choice` that the text itself shows, as the gold's letters do.
_AS_PRINTED = {"orig", "sic", "abbr"}


def _editorial_reading(child: etree._Element) -> bool:
    """A `reg`/`corr`/`expan` beside the printed reading in a `choice`."""
    parent = child.getparent()
    return (parent is not None and _local(parent) == "choice" and _local(child) not in _AS_PRINTED
            and any(_local(other) in _AS_PRINTED for other in parent))


def _stands_apart(child: etree._Element) -> bool:
    """A block of notes, or a note that cites no place: neither is a marker in the text."""
    name = _local(child)
    return ((name == "div" and child.get("type") == "notes")
            or (name == "note" and child.get("anchored") == "false"))


def _refs(text: etree._Element, root: etree._Element) -> list[tuple[str, str]]:
    """Per marker of the front and the body (a marker is linked in place even where a
    letter's lines were misread as front matter; that misreading is scored by the
    paragraphs, opener and closer): the letters before it and its note's text.

    The letters before each marker are the text as printed: of a `choice` (an OCR
    repair, a normalisation) only the printed reading, since the gold marker's letters
    come from the printed text and both readings together would look displaced."""
    notes = {n.get("{http://www.w3.org/XML/1998/namespace}id"): text_of(n)
             for n in root.iter(f"{{{TEI}}}note")}
    found: list[tuple[str, str]] = []
    letters: list[str] = []

    def walk(element: etree._Element) -> None:
        letters.append(element.text or "")
        for child in element:
            name = _local(child)
            if _editorial_reading(child) or _stands_apart(child):
                letters.append(child.tail or "")
                continue
            target = child.get("target", "").lstrip("#")
            if name in {"ref", "ptr"} and (child.get("type") == "noteref" or target in notes):
                # A marker however the writer encodes it: `ref type="noteref"`, or any
                # `ref`/`ptr` pointing at a note.
                before = "".join(ch for ch in "".join(letters).lower() if ch.isalpha())
                found.append((before[-30:], notes.get(target, "")))
            elif name == "note":
                before = "".join(ch for ch in "".join(letters).lower() if ch.isalpha())
                found.append((before[-30:], text_of(child)))
            else:
                walk(child)
            letters.append(child.tail or "")

    for part in ("front", "body"):
        node = text.find(f"t:{part}", NS)
        if node is not None:
            walk(node)
    return found


def _paragraph_count(body: etree._Element) -> int:
    count = 0
    for p in body.iter(f"{{{TEI}}}p"):
        ancestors = {_local(a) for a in p.iterancestors()}
        count += not (ancestors & _NOT_BODY)
    return count


def read_tei(root: etree._Element, prediction: Prediction) -> None:
    """Fill the prediction from the TEI's correspDesc, opener, closer, body and notes."""
    sent = root.find(".//t:correspDesc/t:correspAction[@type='sent']", NS)
    received = root.find(".//t:correspDesc/t:correspAction[@type='received']", NS)
    prediction.sender, prediction.recipient = _party(sent), _party(received)
    if sent is not None:
        prediction.place = text_of(sent.find("t:placeName", NS))
        date = sent.find("t:date", NS)
        if date is not None:
            prediction.date = date.get("when") or date.get("notBefore") or ""
    body = root.find("t:text/t:body", NS)
    if body is None:
        return
    opener = body.find(".//t:opener", NS)
    closers = body.findall(".//t:closer", NS)
    closer = closers[-1] if closers else None
    for part, node in (("opener", opener), ("closer", closer)):
        found = {name: text_of(node.find(f"t:{name}", NS)) if node is not None else ""
                 for name in ("dateline", "salute", "signed")}
        setattr(prediction, part, found)
    if opener is not None:
        prediction.addresses = [text_of(line) for line in opener.iterfind(".//t:addrLine", NS)]
    prediction.paragraphs = _paragraph_count(body)
    text = root.find("t:text", NS)
    prediction.refs = _refs(text if text is not None else body, root)


def convert_text(text: str, path: str) -> Prediction:
    """Convert a text as `teipipe convert` does without a sidecar; never raises."""
    prediction = Prediction()
    try:
        result = convert_source(source.from_text(text, path), _EMPTY_REGISTER, None)
    except Exception as error:  # a crash is a result the benchmark counts
        prediction.error = f"{type(error).__name__}: {error}"
        return prediction
    prediction.codes = sorted({d.code for d in result.diagnostics
                               if d.severity.name == "ERROR"})
    prediction.lost = any(code.startswith("lossless") for code in prediction.codes)
    prediction.converted = result.ok
    if result.tei is not None:
        read_tei(result.tei.tree.getroot(), prediction)
    return prediction
