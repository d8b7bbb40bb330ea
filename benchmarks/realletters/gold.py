"""The gold of one real letter, read from its edition's own TEI.

The gold is what the edition encoded: `correspDesc` (sender, addressee, place
and date of sending), the opener (dateline, salutation), the closer
(salutation, signature, a closing dateline), the body paragraphs with their
notes in place, and a postscript. Note positions are kept in the paragraph
text as one private-use character per note (`MARK + n`, n counting from 1), so
that the renderer can put any marker style exactly where the edition's note is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from lxml import etree

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
MARK = 0xE000
"""Note n sits in a paragraph as chr(MARK + n)."""
MARKS = re.compile("[\ue001-\uf8ff]")
# Elements whose text is not part of the letter's reading text.
_SKIP = {"del", "corr", "reg", "expan", "fw", "figure", "metamark", "gap", "bibl",
         "interpGrp", "index", "listPerson", "listPlace", "listBibl", "stamp", "address",
         "facsimile"}
# Parents whose `seg` children are blocks of their own (a letterhead's lines), not
# pieces of one word.
_BLOCKY = {"opener", "closer", "seg", "dateline", "address", "salute", "signed"}
_STRUCTURAL = {"opener", "closer", "signature", "dateline", "postscript", "address"}
# Parts of a letter an edition may encode as `div[@type]` rather than as the TEI element.
_DIV_PART = {"opener": "opener", "closer": "closer", "signature": "signed",
             "dateline": "dateline", "postscript": "postscript", "ps": "postscript"}


@dataclass
class GoldLetter:
    """One letter as its edition encoded it; strings are whitespace-normalised."""

    id: str
    edition: str
    language: str
    sender: str = ""
    recipient: str = ""
    place: str = ""
    date: str = ""
    """ISO `when` of sending (YYYY, YYYY-MM or YYYY-MM-DD), or empty."""
    dateline: str = ""
    dateline_at_end: bool = False
    salute: str = ""
    closer_salute: str = ""
    signed: str = ""
    paragraphs: list[str] = field(default_factory=list)
    """Body paragraphs; a note's place is the character chr(MARK + n)."""
    postscript: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Note n is notes[n - 1]."""


def local(node: etree._Element) -> str:
    tag = node.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def person_name(text: str) -> str:
    """`Schnitzler, Arthur` → `Arthur Schnitzler`; other forms unchanged."""
    text = clean(text)
    if text.count(",") == 1:
        last, first = (part.strip() for part in text.split(","))
        if first and last and not any(ch.isdigit() for ch in text):
            return f"{first} {last}"
    return text


_LINE = "\x0b"
"""Where an `lb` was, until lines are joined (a hyphen before it and a small letter after
it join the word: diplomatic transcriptions keep the writer's line-end hyphens, which
some hands write `=`)."""
_LABEL = re.compile(r"^\s*(?:Note\s+)?\[?\d{1,3}[\]).:]?\s+")


def flat_clean(text: str) -> str:
    text = re.sub(f"(\\w)[-=¬⸗]\\s*{_LINE}\\s*(?=[a-zß-ÿ])", r"\1", text)
    return clean(text.replace(_LINE, " "))


class _Flattener:
    """Mixed content to text, with each note replaced by its mark and collected.

    Notes are inline `note` elements, or notes elsewhere in the file that a `ptr` or
    `ref` points to (`target="#id"`); each becomes the next note number.
    """

    def __init__(self, notes: list[str], by_id: dict[str, etree._Element]) -> None:
        self.notes = notes
        self.by_id = by_id
        self.skip_parts = False

    def text(self, node: etree._Element, *, keep_notes: bool = True) -> str:
        return flat_clean("".join(self._walk(node, keep_notes)))

    def body_text(self, node: etree._Element, *, keep_notes: bool = True) -> str:
        """A paragraph's text without the letter parts run into it (a salutation that
        opens the first paragraph is the opener's, and is rendered as its own line)."""
        self.skip_parts = True
        try:
            return self.text(node, keep_notes=keep_notes)
        finally:
            self.skip_parts = False

    def _walk(self, node: etree._Element, keep_notes: bool) -> Iterator[str]:
        if node.text and isinstance(node.tag, str):
            yield node.text
        for child in node:
            yield from self._child(child, keep_notes)
            if child.tail:
                yield child.tail

    def _note(self, note: etree._Element, keep_notes: bool) -> Iterator[str]:
        body = _LABEL.sub("", flat_clean("".join(self._walk(note, keep_notes=False))))
        if keep_notes and sum(ch.isalpha() for ch in body) >= 3:
            self.notes.append(body)
            yield chr(MARK + len(self.notes))

    def _child(self, child: etree._Element, keep_notes: bool) -> Iterator[str]:
        name = local(child)
        target = child.get("target", "").strip()
        if not name or name in _SKIP or (self.skip_parts and _part(child)):
            return
        if name == "seg" and local(child.getparent()) in _BLOCKY:
            yield " "
            yield from self._walk(child, keep_notes)
            yield " "
        elif name == "note":
            yield from self._note(child, keep_notes)
        elif name in {"ptr", "ref"} and target.lstrip("#") in self.by_id:
            yield from self._note(self.by_id[target.lstrip("#")], keep_notes)
        elif name == "lb":
            yield "" if child.get("break") == "no" else _LINE
        elif name == "choice":
            kept = [c for c in child if local(c) in {"sic", "orig", "abbr", "seg"}]
            for part in kept[:1]:
                yield from self._walk(part, keep_notes)
        elif name == "space":
            yield " "
        elif name == "ref" and not len(child) and not (child.text or "").strip():
            yield _date_words(target)
        else:
            yield from self._walk(child, keep_notes)


def _date_words(target: str) -> str:
    """An empty link to a day (an edition's web page prints the day there): `15. 1. 1908`."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", target.strip())
    if not match:
        return ""
    year, month, day = match.groups()
    return f"{int(day)}. {int(month)}. {year}"


def _part(node: etree._Element) -> str:
    """What part of a letter an element is: `opener`, `closer`, `p`… or ''."""
    name = local(node)
    if name == "div":
        return _DIV_PART.get(node.get("type", ""), "")
    return name if name in _STRUCTURAL | {"salute", "signed"} else ""


def _inside(node: etree._Element, names: set[str]) -> bool:
    parent = node.getparent()
    while parent is not None:
        if local(parent) in names or _part(parent) in names:
            return True
        parent = parent.getparent()
    return False


def _correspondence(root: etree._Element, gold: GoldLetter) -> None:
    def first(path: str) -> etree._Element | None:
        found = root.find(path, NS)
        return found

    sent = ".//t:correspDesc/t:correspAction[@type='sent']"
    received = ".//t:correspDesc/t:correspAction[@type='received']"
    for attr, action in (("sender", sent), ("recipient", received)):
        for kind in ("persName", "orgName", "name"):
            node = first(f"{action}/t:{kind}")
            if node is not None:
                setattr(gold, attr, person_name("".join(node.itertext())))
                break
    place = first(f"{sent}/t:placeName")
    if place is not None:
        gold.place = clean("".join(place.itertext()))
    date = first(f"{sent}/t:date")
    if date is not None:
        gold.date = date.get("when", "")


def _opener_closer(text: etree._Element, gold: GoldLetter, flat: _Flattener) -> None:
    nodes = [n for n in text.iter() if _part(n)]
    body = text.find("t:body", NS)
    after_body = False
    loose: list[tuple[etree._Element, str]] = []
    for node in nodes:
        part = _part(node)
        if body is not None and local(node.getparent()) == "back":
            after_body = True
        if part == "dateline" and not gold.dateline:
            gold.dateline = flat.text(node, keep_notes=False)
            gold.dateline_at_end = after_body or _inside(node, {"closer"})
        elif part == "salute":
            words = flat.text(node, keep_notes=False)
            if _inside(node, {"closer"}):
                gold.closer_salute = gold.closer_salute or words
            else:
                gold.salute = gold.salute or words
        elif part == "signed" and not gold.signed:
            gold.signed = flat.text(node, keep_notes=False)
        elif part in {"opener", "closer"}:
            loose.append((node, part))
    # Words outside the parts fill only what the parts left empty.
    for node, part in loose:
        _loose_words(node, part, gold, flat)


def _loose_words(node: etree._Element, part: str, gold: GoldLetter, flat: _Flattener) -> None:
    """Words of an opener or closer outside its parts (`herzlichst <signed>A.</signed>`).

    They are its salutation; an opener without parts that holds a date (a letterhead
    with the day) is a dateline.
    """
    words = flat.body_text(node, keep_notes=False)
    if not words:
        return
    has_parts = any(_part(c) for c in node.iter() if c is not node)
    if part == "opener" and not has_parts and node.find(".//t:date", NS) is not None:
        gold.dateline = gold.dateline or words
    elif part == "opener":
        gold.salute = gold.salute or words
    else:
        gold.closer_salute = gold.closer_salute or words


def _paragraphs(text: etree._Element, gold: GoldLetter, flat: _Flattener) -> None:
    for p in text.iter(f"{{{TEI}}}p", f"{{{TEI}}}ab"):
        if _inside(p, {"p", "note", "front", "teiHeader"} | _STRUCTURAL - {"postscript"}):
            continue
        if _inside(p, {"back"}) and not _inside(p, {"postscript"}):
            continue
        words = _marks_after_first_word(flat.body_text(p))
        if not MARKS.sub("", words).strip():
            continue
        (gold.postscript if _inside(p, {"postscript"}) else gold.paragraphs).append(words)


# Frequent function words of each language the benchmark reports on; enough to tell which
# language a letter is written in when an edition holds letters in several.
_FUNCTION_WORDS = {
    "de": "und der die das nicht ich ist mit sich den dem ein eine auch auf für von zu wir",
    "en": "the and of to in that is it you for was with have be this not which",
    "fr": "le la les et des est que qui pour une dans pas vous je ne nous sur avec",
    "it": "il di che la per non una sono del della con gli le ho si da mi questo",
    "es": "el los las del que por una con para como pero su mas muy esta ha lo",
}
_WORDS = {lang: set(words.split()) for lang, words in _FUNCTION_WORDS.items()}


def letter_language(paragraphs: list[str], default: str) -> str:
    """The language most of the letter's function words belong to; the edition's if unclear.

    Only a clear majority (twice the edition language's count, at least 12 words)
    overrides the edition's language: an edition of German letters holds a few in French.
    """
    words = re.findall(r"[^\W\d_]+", " ".join(paragraphs).casefold())
    counts = {lang: sum(w in table for w in words) for lang, table in _WORDS.items()}
    best = max(counts, key=lambda lang: counts[lang])
    if best != default and counts[best] >= 12 and counts[best] >= 2 * counts.get(default, 0):
        return best
    return default


def _marks_after_first_word(text: str) -> str:
    """A note at the very start of a paragraph, moved behind its first word.

    Printed as `[3] Beiliegend …` it would read as an endnote in any shape.
    """
    lead = re.match(f"(?:{MARKS.pattern}|\\s)+", text)
    if not lead or not MARKS.search(lead.group()):
        return text
    rest = text[lead.end():]
    first, _, tail = rest.partition(" ")
    marks = "".join(MARKS.findall(lead.group()))
    return f"{first}{marks} {tail}".rstrip()


Adjust = Callable[[etree._Element, GoldLetter], None]
"""Per-edition reading of what the edition encodes its own way; may rewrite the tree."""
Unpack = Callable[[etree._Element], list[etree._Element]]
"""Per-edition finding of the letters in a file that holds several its own way."""


def _letter_roots(root: etree._Element) -> list[etree._Element]:
    """The `TEI` elements of a file: the root, or each letter of a `teiCorpus`."""
    if local(root) == "TEI":
        return [root]
    return [t for t in root.iter(f"{{{TEI}}}TEI")]


def read_one(root: etree._Element, edition: str, language: str, letter_id: str,
             adjust: Adjust | None = None) -> GoldLetter | None:
    """The gold of one `TEI` element, or None when it has no letter text."""
    gold = GoldLetter(letter_id, edition, language)
    _correspondence(root, gold)
    if adjust is not None:
        adjust(root, gold)
    text = root.find("t:text", NS)
    if text is None:
        return None
    by_id = {n.get(XML_ID, ""): n for n in root.iter(f"{{{TEI}}}note") if n.get(XML_ID)}
    flat = _Flattener(gold.notes, by_id)
    _opener_closer(text, gold, flat)
    gold.dateline = re.sub(r"([^\W\d_])(\d)", r"\1 \2", gold.dateline)
    _paragraphs(text, gold, flat)
    gold.language = letter_language(gold.paragraphs, language)
    return gold if gold.paragraphs else None


_DOCTYPE = re.compile(rb"<!DOCTYPE[^>\[]*>")


def read_letters(data: bytes, edition: str, language: str, file_id: str,
                 adjust: Adjust | None = None,
                 unpack: Unpack | None = None) -> list[GoldLetter]:
    """The gold of every letter of one TEI file (one, or several in a `teiCorpus`).

    `unpack` finds the letters of an edition that keeps several in one `TEI` its own way.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True,
                             load_dtd=False, collect_ids=False)
    # A DOCTYPE naming a DTD on the network stops the parser even though no DTD is
    # loaded; the declaration is dropped (the TCP's books declare one).
    data = _DOCTYPE.sub(b"", data, count=1)
    try:
        top = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return []  # an edition's file that is not well-formed gives no gold
    for element in top.iter():
        # Some editions leave the TEI namespace to a DTD that is not read here.
        if isinstance(element.tag, str) and not element.tag.startswith("{"):
            element.tag = f"{{{TEI}}}{element.tag}"
    roots = unpack(top) if unpack is not None else _letter_roots(top)
    found = []
    for index, root in enumerate(roots, start=1):
        letter_id = file_id if len(roots) == 1 else f"{file_id}-{root.get(XML_ID) or index}"
        gold = read_one(root, edition, language, letter_id, adjust)
        if gold is not None:
            found.append(gold)
    return found


def read_letter(data: bytes, edition: str, language: str, letter_id: str,
                adjust: Adjust | None = None) -> GoldLetter | None:
    """The gold of a file holding one letter."""
    letters = read_letters(data, edition, language, letter_id, adjust)
    return letters[0] if letters else None
