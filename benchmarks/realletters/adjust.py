"""How to read editions that encode a letter's parts their own way.

Each function gets the `TEI` element of one letter and the gold read so far from its
`correspDesc`; it corrects what the edition states elsewhere (a title, a source
description) and, where the edition leaves opener and closer unmarked, marks them in
the tree with the TEI elements, so that the one reader of `gold.py` does the rest.
Every rule here names the edition whose encoding it reads.
"""

from __future__ import annotations

import copy
import re

from gold import NS, TEI, XML_ID, GoldLetter, clean, local, person_name
from lxml import etree


def _text(node: etree._Element | None) -> str:
    return clean("".join(node.itertext())) if node is not None else ""


def escher(root: etree._Element, gold: GoldLetter) -> None:
    """Escher's `persName/@type` says `addressee` of the writer; its title is right.

    Titles read `Writer an Addressee, Place, Date`; the correspDesc of the same
    files marks the writer `addressee` (compare any title with its signature).
    """
    match = re.match(r"(?P<s>.+?) an (?P<r>[^,]+),",
                     _text(root.find(".//t:titleStmt/t:title", NS)))
    if match:
        gold.sender, gold.recipient = match.group("s"), match.group("r")


def horel(root: etree._Element, gold: GoldLetter) -> None:
    """Horel's one correspAction has no @type; persName/@type says sentBy and deliveredTo."""
    action = root.find(".//t:correspDesc/t:correspAction", NS)
    if action is None:
        return
    gold.sender = _text(action.find("t:persName[@type='sentBy']", NS))
    gold.recipient = _text(action.find("t:persName[@type='deliveredTo']", NS))
    gold.place = _text(action.find("t:placeName", NS))
    date = action.find("t:date", NS)
    gold.date = date.get("when", "") if date is not None else ""


def cody(root: etree._Element, gold: GoldLetter) -> None:
    """The Cody Archive has no correspDesc: `Letter from X to Y, Date` and the bibl date."""
    title = _text(root.find(".//t:titleStmt/t:title", NS))
    match = re.match(r"\w+ from (?P<s>.+?) to (?P<r>[^,]+)", title)
    if match:
        gold.sender, gold.recipient = match.group("s"), match.group("r")
    date = root.find(".//t:sourceDesc/t:bibl/t:date", NS)
    gold.date = date.get("when", "") if date is not None else ""
    _cody_note_ids(root)


_CODY_NOTE = re.compile(r"\s*Note\s+(\d+)\s*:")


def _cody_note_ids(root: etree._Element) -> None:
    """Most Cody files give the editor's notes `xml:id="n01"`; some leave the id off, and
    their markers `<ref target="n01">1</ref>` would stay digits whose notes are lost.
    Such a note takes the id its markers point at, by the number of its `Note N:`."""
    numbered = {int(m.group(1)): note for note in root.iter(f"{{{TEI}}}note")
                if not note.get(XML_ID) and (m := _CODY_NOTE.match(note.text or ""))}
    for ref in root.iter(f"{{{TEI}}}ref"):
        target = ref.get("target", "").lstrip("#")
        digits = re.fullmatch(r"n0*(\d+)", target)
        note = numbered.get(int(digits.group(1))) if digits else None
        if note is not None and not note.get(XML_ID):
            note.set(XML_ID, target)


def _element(name: str, text: str) -> etree._Element:
    node = etree.Element(f"{{{TEI}}}{name}")
    node.text = text
    return node


_SURIANO_SALUTE = re.compile(r"^Serenissim\w* Princip", re.I)
_YEAR = re.compile(r"\b1[56]\d\d\b")
_FORMULA = re.compile(r"^(di|de) vostra|humilissim|devotissim|servitor", re.I)


def _suriano_closing(text: str) -> bool:
    """A line of the dispatch's closing: the place and date, or the servant formula."""
    return not text or (len(text) < 70 and bool(_YEAR.search(text) or _FORMULA.search(text)))


def suriano(root: etree._Element, gold: GoldLetter) -> None:
    """Suriano's dispatches: the letter is the first `div[@type='main']`, its parts are `p`.

    Before the salutation `Serenissimo Principe` stand the dispatch's labels
    (`Prima`, `2da`); the signature is the sender's name; between the last paragraph
    and the signature stand a closing dateline (with a year) and the closing
    formula (`di vostra Serenità / humilissimo et devotissimo servitore`); after the
    signature, the address on the outside and the labels again. Secretarial notes
    and attachments (the decoded cipher) are not the letter.
    """
    for action, attr in (("sent", "sender"), ("received", "recipient")):
        node = root.find(f".//t:correspAction[@type='{action}']/t:name", NS)
        if node is not None:
            setattr(gold, attr, person_name(_text(node)))
    place = root.find(".//t:correspAction[@type='sent']/t:settlement", NS)
    gold.place = _text(place)
    main = root.find(".//t:div[@type='letter']/t:div[@type='main']", NS)
    body = root.find(".//t:text/t:body", NS)
    if main is None or body is None:
        text = root.find("t:text", NS)
        if text is not None:
            root.remove(text)
        return
    for div in list(body):
        if div is not main.getparent() and not (local(div) == "div"
                                                 and div.get("type") == "notes"):
            body.remove(div)
    for div in list(main.getparent() if main.getparent() is not None else []):
        if div is not main:
            div.getparent().remove(div)
    if not _suriano_parts(main, gold.sender):
        # Where the letter's text is not where the edition's main division is, or has
        # no salutation or signature, there is no gold to read: leave the letter out.
        text = root.find("t:text", NS)
        if text is not None:
            root.remove(text)
        return
    _join_page_cut_paragraphs(main)


# A paragraph cut off inside a sentence: it ends with a word, a figure or a comma.
_UNENDED = re.compile(r"[\w,-]$")


def _join_page_cut_paragraphs(main: etree._Element) -> None:
    """One paragraph where the edition closed it at a page's end inside a sentence.

    Suriano's transcription closes the `p` at each page end and opens another after
    the `pb` (`…al Re palatino il signor </p><pb/><p>Bann Chichiester …`): one
    paragraph of the writer, cut by the encoding of the page. The gold joins them
    (since #12), so that a converter that reads the sentence on across the page is
    not counted wrong; the `pb` stays, inside the joined paragraph.
    """
    for p in list(main.iter(f"{{{TEI}}}p")):
        if p.getparent() is None:
            continue
        while True:
            between = []
            node = p.getnext()
            while node is not None and local(node) in {"pb", "lb", "cb"} and not (
                    node.tail or "").strip():
                between.append(node)
                node = node.getnext()
            if (node is None or local(node) != "p" or (p.tail or "").strip()
                    or not any(local(n) == "pb" for n in between)
                    or not _UNENDED.search(_text(p))):
                break
            for moved in between:
                p.append(moved)
            between[-1].tail = " " + (node.text or "")
            for child in list(node):
                p.append(child)
            node.getparent().remove(node)


def _suriano_parts(main: etree._Element, sender: str) -> bool:
    ps = [p for p in main.iter(f"{{{TEI}}}p")]
    texts = [_text(p) for p in ps]
    start = next((i for i, t in enumerate(texts) if _SURIANO_SALUTE.match(t)), None)
    end = next((i for i in range(len(texts) - 1, -1, -1)
                if sender and texts[i].casefold() == sender.casefold()), None)
    if start is None or end is None or end <= start:
        return False
    closing = end
    while closing - 1 > start and _suriano_closing(texts[closing - 1]):
        closing -= 1
    closer = etree.Element(f"{{{TEI}}}closer")
    salute = [t for t in texts[closing:end] if t and not _YEAR.search(t)]
    dated = [t for t in texts[closing:end] if _YEAR.search(t)]
    if dated:
        closer.append(_element("dateline", dated[0]))
    if salute:
        closer.append(_element("salute", " ".join(salute)))
    closer.append(_element("signed", texts[end]))
    opener = etree.Element(f"{{{TEI}}}opener")
    opener.append(_element("salute", texts[start]))
    ps[start].addprevious(opener)
    ps[end].addnext(closer)
    for index, p in enumerate(ps):
        if index <= start or index >= closing:
            p.getparent().remove(p)
    return True


def suriano_attachment(root: etree._Element, gold: GoldLetter) -> None:
    """A letter Suriano copied into his dispatch (`div[@type='attachment']`) is read alone.

    The file's correspDesc is the dispatch's, not the attachment's: sender, recipient,
    place and date stay empty. The copy's paragraphs are the letter as written: the
    first is the salutation, the last the signature, the one before it the closing
    formula, the rest the body.
    """
    gold.sender = gold.recipient = gold.place = gold.date = ""
    main = root.find(".//t:div[@type='attachment']/t:div[@type='main']", NS)
    body = root.find(".//t:text/t:body", NS)
    ps = [p for p in main.iter(f"{{{TEI}}}p")] if main is not None else []
    if body is None or main is None or len(ps) < 4:
        text = root.find("t:text", NS)
        if text is not None:
            root.remove(text)
        return
    for div in list(body):
        if div is not main.getparent() and div.get("type") != "notes":
            body.remove(div)
    opener = etree.Element(f"{{{TEI}}}opener")
    opener.append(_element("salute", _text(ps[0])))
    ps[0].addprevious(opener)
    closer = etree.Element(f"{{{TEI}}}closer")
    closer.append(_element("salute", _text(ps[-2])))
    signed = copy.deepcopy(ps[-1])
    signed.tag = f"{{{TEI}}}signed"
    closer.append(signed)
    ps[-1].addnext(closer)
    for p in (ps[0], ps[-2], ps[-1]):
        p.getparent().remove(p)


_LETTERS_PER_BOOK = 3


def evans_letters(top: etree._Element) -> list[etree._Element]:
    """Evans-TCP keeps whole books in the TCP's upper-case TEI (`DIV2 TYPE="letter"`).

    Each `DIVn` whose `TYPE` is `letter` is a letter; it becomes a `TEI` of its own in
    lower-case TEI (`DIVn` a `div`, attribute names lower case) holding only that
    division, so that the one reader of `gold.py` reads it. A book gives at most
    three letters (its first, middle and last), so that the sample is spread over
    books rather than filled by the first long one.
    """
    found = [div for div in top.iter() if re.fullmatch(r"DIV\d", local(div))
             and (div.get("TYPE") or "").lower() == "letter"
             and not any(re.fullmatch(r"DIV\d", local(a)) and (a.get("TYPE") or "").lower()
                         == "letter" for a in div.iterancestors())]
    if len(found) > _LETTERS_PER_BOOK:
        found = [found[0], found[len(found) // 2], found[-1]]
    letters = []
    for index, div in enumerate(found, start=1):
        root = etree.Element(f"{{{TEI}}}TEI")
        root.set(XML_ID, f"l{index}")
        text = etree.SubElement(root, f"{{{TEI}}}text")
        body = etree.SubElement(text, f"{{{TEI}}}body")
        body.append(_lower_case(div))
        letters.append(root)
    return letters


def _lower_case(node: etree._Element) -> etree._Element:
    """A copy in lower-case TEI: `DIV3` → `div`, `TYPE` → `type`."""
    copied = copy.deepcopy(node)
    for element in copied.iter():
        if not isinstance(element.tag, str):
            continue
        name = local(element)
        name = "div" if re.fullmatch(r"DIV\d", name) else name.lower()
        element.tag = f"{{{TEI}}}{name}"
        for key in list(element.attrib):
            value = element.attrib.pop(key)
            element.set(key.lower() if not key.startswith("{") else key, value)
    return copied


def evans(root: etree._Element, gold: GoldLetter) -> None:
    """Evans-TCP has no correspDesc: sender, recipient, place and date are left empty.

    The gold is the letter's structure as the TCP encoded it: opener, closer,
    paragraphs and notes (foot and margin notes, kept at their places). A closer
    that runs the closing formula and the name together in `signed` (`Your
    affectionate and faithful friend, J. ANDRE.`) is compared as the TCP has it.
    """
    gold.sender = gold.recipient = gold.place = gold.date = ""


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def varela(root: etree._Element, gold: GoldLetter) -> None:
    """Varela Digital: Portuguese letters with a few in Spanish; only the Spanish are read.

    The letter's language is its `text/@xml:lang` (Portuguese is not one of the
    project's languages). The opener's `salute` is the inside address (`Sõr Don
    Domingo José de Almeida`); where the first paragraph after the opener is a short
    line ending in a colon (`Sõr ministro y mi amigo:`), that line is the salutation
    and the edition's `salute` an `address`.
    """
    text = root.find("t:text", NS)
    if text is None:
        return
    if not (text.get(_XML_LANG) or "").startswith("es"):
        root.remove(text)
        return
    opener = text.find(".//t:opener", NS)
    salute = opener.find("t:salute", NS) if opener is not None else None
    first = opener.getnext() if opener is not None else None
    if salute is None or first is None or local(first) != "p":
        return
    line = _reading_text(first)
    if line.endswith(":") and len(line) < 60:
        salute.tag = f"{{{TEI}}}address"
        opener.append(_element("salute", line))
        first.getparent().remove(first)


def dubourg_letters(top: etree._Element) -> list[etree._Element]:
    """Du Bourg's correspondence is one `TEI` whose letters are `text` elements in `group`s.

    Each letter becomes a `TEI` of its own holding only its `text` (front and body),
    so that the one reader of `gold.py` reads it as any one-letter file.
    """
    letters = []
    for text in top.iter(f"{{{TEI}}}text"):
        parent = text.getparent()
        if parent is None or local(parent) != "group" or text.find("t:body", NS) is None:
            continue
        root = etree.Element(f"{{{TEI}}}TEI")
        if text.get(XML_ID):
            root.set(XML_ID, text.get(XML_ID, ""))
        root.append(copy.deepcopy(text))
        letters.append(root)
    return letters


def dubourg(root: etree._Element, gold: GoldLetter) -> None:
    """Du Bourg has no correspDesc: the front's `head` reads `Writer à Addressee` (the space
    before `à` is sometimes lost: `François Ierà Antoine Du Bourg`).

    The front's `docDate` holds the date of sending (`date/@when`) and its `placeName`.
    """
    front = root.find("t:text/t:front", NS)
    if front is None:
        return
    match = re.match(r"(?P<s>.+?)\s*à\s+(?P<r>.+)$", _text(front.find("t:head", NS)))
    if match:
        gold.sender, gold.recipient = match.group("s"), match.group("r")
    date = front.find("t:docDate/t:date", NS)
    gold.date = date.get("when", "") if date is not None else ""
    gold.place = _text(front.find("t:docDate/t:placeName", NS))


def whitman(root: etree._Element, gold: GoldLetter) -> None:
    """The Whitman Archive has no correspDesc: `particDesc` names sender and recipient.

    The date of sending is the source `bibl`'s `date/@when`, the place the dateline's
    `name[@type='place']`. Files whose `text` is not `@type='letter'` are left out.
    """
    text = root.find("t:text", NS)
    if text is not None and text.get("type") != "letter":
        root.remove(text)
        return
    for role, attr in (("sender", "sender"), ("recipient", "recipient")):
        node = root.find(f".//t:particDesc/t:person[@role='{role}']/t:persName", NS)
        if node is not None:
            setattr(gold, attr, person_name(_text(node)))
    date = root.find(".//t:sourceDesc/t:bibl/t:date", NS)
    gold.date = date.get("when", "") if date is not None else ""
    gold.place = _reading_text(root.find(".//t:text//t:dateline/t:name[@type='place']", NS))


def _reading_text(node: etree._Element | None) -> str:
    """The text as read: a line break is a space, an abbreviation is not also expanded."""
    if node is None:
        return ""
    node = copy.deepcopy(node)
    for lb in node.iter(f"{{{TEI}}}lb"):
        lb.tail = " " + (lb.tail or "")
    for name in ("expan", "reg", "corr", "del"):
        for found in list(node.iter(f"{{{TEI}}}{name}")):
            parent = found.getparent()
            if parent is not None:
                found.tail = found.tail or ""
                previous = found.getprevious()
                if previous is not None:
                    previous.tail = (previous.tail or "") + found.tail
                else:
                    parent.text = (parent.text or "") + found.tail
                parent.remove(found)
    return _text(node)
