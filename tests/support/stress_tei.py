"""A generated stress set of TEI letters: the constructs other editions use, nested as they
nest them (a salute, a list or a table inside a p; notes of every place and type; choice,
app, gap, unclear; quotes inside quotes), drawn by a seeded random generator so that each
seed is one reproducible document.

Every document declares its language in one of the ways editions do (TEI/@xml:lang,
text/@xml:lang, langUsage with or without @usage) and carries a series title before its
own title, so that tests can check the page's lang and title.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

NOTE_PLACES = ("foot", "end", "margin", "inline", "bottom", "top", "left", "right",
               "interlinear", "opposite")
NOTE_TYPES = ("editorial", "authorial", "translator", "gloss", "commentary", None)
RENDS = ("italic", "bold", "underline", "superscript", "sub", "smallcaps", "spaced",
         "strikethrough", "italic underline", "#b", "font-style:italic")
WORDS = {
    "de": [
        "und", "der", "die", "das", "ist", "nicht", "ich", "sie", "wir", "mit", "Brief",
        "Freund", "heute", "morgen"],
    "fr": [
        "le", "la", "les", "des", "et", "que", "est", "une", "pas", "vous", "nous", "lettre",
        "ami", "aujourd'hui"],
    "en": [
        "the", "of", "and", "to", "is", "that", "it", "was", "you", "with", "letter", "friend",
        "today"],
}
TITLE = {"de": "{n}. Brief an den Freund", "fr": "Lettre {n} à l'ami",
         "en": "Letter {n} to a friend"}


def E(tag: str, *children: object, **attrs: str) -> etree._Element:  # noqa: N802
    element = etree.Element(f"{{{TEI_NS}}}{tag}")
    for key, value in attrs.items():
        name = {"xml_id": XML_ID, "xml_lang": XML_LANG}.get(key, key.rstrip("_"))
        element.set(name, value)
    last: etree._Element | None = None
    for child in children:
        if isinstance(child, etree._Element):
            element.append(child)
            last = child
        elif last is None:
            element.text = (element.text or "") + str(child)
        else:
            last.tail = (last.tail or "") + str(child)
    return element


@dataclass(frozen=True)
class StressLetter:
    """One generated letter and what its page must show."""

    seed: int
    tree: etree._ElementTree
    language: str
    """The language the document declares (the page's lang)."""
    title: str
    """The letter's own title (not the series title before it)."""


class _Maker:
    def __init__(self, seed: int, language: str) -> None:
        self.random = random.Random(seed)
        self.language = language
        self.count = 0
        self.apart: list[etree._Element] = []

    def words(self, n: int = 3) -> str:
        return " ".join(self.random.choice(WORDS[self.language]) for _ in range(n))

    def next_id(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.count}"

    # Inline constructs: each returns one element holding some words.
    def inline(self, depth: int) -> etree._Element:
        makers: list[Callable[[int], etree._Element]] = [
            self.hi, self.choice, self.app, self.note, self.unclear, self.gap, self.name,
            self.quote, self.lb, self.pb, self.del_add, self.supplied, self.foreign]
        return self.random.choice(makers)(depth)

    def phrase(self, depth: int) -> list[object]:
        parts: list[object] = [self.words(2) + " "]
        for _ in range(self.random.randint(1, 3)):
            if depth > 0:
                parts.append(self.inline(depth - 1))
            parts.append(" " + self.words(2) + " ")
        return parts

    def hi(self, depth: int) -> etree._Element:
        return E("hi", *self.phrase(depth), rend=self.random.choice(RENDS))

    def choice(self, depth: int) -> etree._Element:
        pair = self.random.choice((("sic", "corr"), ("orig", "reg"), ("abbr", "expan")))
        first, second = (E(pair[0], self.words(1)), E(pair[1], self.words(1), resp="#ed"))
        return E("choice", *self.random.sample([first, second], 2))

    def app(self, depth: int) -> etree._Element:
        readings = [E("rdg", self.words(1), wit=f"#W{i}") for i in range(2)]
        if self.random.random() < 0.5:
            return E("app", E("lem", self.words(1)), *readings)
        return E("app", *readings)

    def note(self, depth: int) -> etree._Element:
        attrs = {"place": self.random.choice(NOTE_PLACES), "n": str(self.count + 1)}
        kind = self.random.choice(NOTE_TYPES)
        if kind:
            attrs["type"] = kind
        if self.random.random() < 0.3:
            attrs["resp"] = "#ed"
        note_id = self.next_id("n")
        if self.random.random() < 0.3:  # listed apart, with a marker where it belongs
            self.apart.append(E("note", self.words(4), xml_id=note_id, **attrs))
            return E("ref", str(self.count), type="noteref", target=f"#{note_id}")
        content: list[object] = [self.words(3)]
        if depth > 0 and self.random.random() < 0.5:
            content.append(E("p", *self.phrase(depth - 1)))
        return E("note", *content, xml_id=note_id, **attrs)

    def unclear(self, depth: int) -> etree._Element:
        return E("unclear", self.words(1), reason="illegible")

    def gap(self, depth: int) -> etree._Element:
        return E("gap", reason="damage", quantity="3", unit="chars")

    def name(self, depth: int) -> etree._Element:
        tag = self.random.choice(("persName", "placeName", "orgName", "rs"))
        return E(tag, *self.phrase(min(depth, 1)), ref=f"#{self.random.choice(('p1', 'pl1'))}")

    def quote(self, depth: int) -> etree._Element:
        if depth > 0 and self.random.random() < 0.5:
            return E("quote", self.words(2), E("quote", *self.phrase(depth - 1)), self.words(1))
        if depth > 0 and self.random.random() < 0.5:
            return E("quote", E("p", *self.phrase(depth - 1)), E("p", self.words(3)))
        return E("quote", self.words(3))

    def lb(self, depth: int) -> etree._Element:
        return E("lb", **({"break": "no"} if self.random.random() < 0.3 else {}))

    def pb(self, depth: int) -> etree._Element:
        return E("pb", n=str(self.random.randint(1, 9)))

    def del_add(self, depth: int) -> etree._Element:
        return E(self.random.choice(("del", "add")), self.words(1), rend="overstrike")

    def supplied(self, depth: int) -> etree._Element:
        return E("supplied", self.words(1), reason="omitted")

    def foreign(self, depth: int) -> etree._Element:
        return E("foreign", self.words(2), xml_lang="la")

    # Blocks, which editions also put inside a p.
    def block(self, depth: int) -> etree._Element:
        makers: list[Callable[[int], etree._Element]] = [
            self.salute, self.dateline, self.list_, self.table, self.figure, self.block_quote,
            self.lg, self.signed, self.address]
        return self.random.choice(makers)(depth)

    def salute(self, depth: int) -> etree._Element:
        return E("salute", *self.phrase(depth))

    def dateline(self, depth: int) -> etree._Element:
        return E("dateline", E("placeName", "Wien"), ", ",
                 E("date", "30. 7. 1936", when="1936-07-30"))

    def signed(self, depth: int) -> etree._Element:
        return E("signed", self.words(2))

    def list_(self, depth: int) -> etree._Element:
        items = [E("item", *self.phrase(max(depth - 1, 0))) for _ in range(2)]
        extra = [E("head", self.words(2))] if self.random.random() < 0.4 else []
        return E("list", *extra, *items, type=self.random.choice(("ordered", "bulleted")))

    def table(self, depth: int) -> etree._Element:
        head = E("row", E("cell", self.words(1)), E("cell", self.words(1)), role="label")
        body = E("row", E("cell", *self.phrase(max(depth - 1, 0))), E("cell", "12", cols="1"))
        return E("table", E("head", self.words(2)), head, body)

    def figure(self, depth: int) -> etree._Element:
        return E("figure", E("head", self.words(2)), E("graphic", url="facs/page1.jpg"),
                 E("figDesc", self.words(3)))

    def block_quote(self, depth: int) -> etree._Element:
        return E("quote", E("p", *self.phrase(depth)),
                 E("quote", E("p", self.words(3))))

    def lg(self, depth: int) -> etree._Element:
        return E("lg", E("l", self.words(4)), E("l", self.words(4)))

    def address(self, depth: int) -> etree._Element:
        return E("address", E("addrLine", self.words(2)), E("addrLine", self.words(2)))

    def paragraph(self, depth: int) -> etree._Element:
        parts: list[object] = []
        for _ in range(self.random.randint(1, 3)):
            parts.extend(self.phrase(depth))
            if self.random.random() < 0.6:
                parts.append(self.block(depth))
        return E("p", *parts, xml_id=self.next_id("p"))


def _header(maker: _Maker, seed: int, title: str, declared: str) -> etree._Element:
    usage: list[etree._Element] = []
    if declared == "langUsage":
        usage = [E("langUsage", E("language", "Latin", ident="la", usage="5"),
                   E("language", maker.language, ident=maker.language, usage="95"))]
    elif declared == "langUsage-first":
        usage = [E("langUsage", E("language", maker.language, ident=maker.language))]
    return E("teiHeader",
             E("fileDesc",
               E("titleStmt",
                 E("title", "Collected Letters of Nobody", level="s"),
                 E("title", title, level="a"),
                 E("respStmt", E("resp", "transcription"), E("resp", "annotation"),
                   E("persName", "Ada Editor", xml_id="ed"), E("persName", "Bo Helper"))),
               E("publicationStmt", E("publisher", "Stress Press"),
                 E("availability", E("licence", E("p", "CC BY 4.0"), E("p", "Attribution"),
                                     target="https://creativecommons.org/licenses/by/4.0/"))),
               E("sourceDesc", E("bibl", f"Manuscript {seed}"))),
             E("profileDesc", *usage,
               E("correspDesc",
                 E("correspAction", E("persName", "Ada Writer", ref="#p1"),
                   E("placeName", "Wien", ref="#pl1"),
                   E("date", "30. 7. 1936", when="1936-07-30"), type="sent"),
                 E("correspAction", E("persName", "Ben Reader"),
                   E("date", notBefore="1936-08-01", notAfter="1936-08-03"), type="received"),
                 E("correspAction", E("persName", "Cy Courier"), type="transmitted"))))


def letter(seed: int) -> StressLetter:
    """The stress letter of `seed` (the same seed gives the same document)."""
    choose = random.Random(seed * 7919)
    language = choose.choice(sorted(WORDS))
    declared = choose.choice(("TEI", "text", "langUsage", "langUsage-first"))
    maker = _Maker(seed, language)
    title = TITLE[language].format(n=seed)
    depth = 2 + seed % 2
    body = E("body",
             E("opener", maker.dateline(0), maker.salute(1)),
             E("pb", n="1"),
             *[maker.paragraph(depth) for _ in range(3)],
             E("div", E("head", maker.words(2)), maker.paragraph(depth), E("pb", n="2"),
               maker.paragraph(depth), type="section"),
             E("closer", maker.salute(1), maker.signed(0)),
             E("postscript", maker.paragraph(1)))
    text = E("text", body)
    if maker.apart:
        text.append(E("back", E("div", *maker.apart, type="notes")))
    register = E("standOff", E("listPerson", E("person", E("persName", "Ada Writer"),
                                                 E("idno", "118540238", type="gnd"),
                                                 xml_id="p1")),
                 E("listPlace", E("place", E("placeName", "Wien"),
                                  E("idno", "2761369", type="geonames"), xml_id="pl1")))
    root = E("TEI", _header(maker, seed, title, declared), register, text)
    if declared == "TEI":
        root.set(XML_LANG, language)
    elif declared == "text":
        text.set(XML_LANG, language)
    return StressLetter(seed, etree.ElementTree(root), language, title)


def letters(count: int) -> list[StressLetter]:
    return [letter(seed) for seed in range(count)]
