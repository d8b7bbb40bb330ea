"""Corpus passes: alignment of a translation with its original, and correspContext links."""

from __future__ import annotations

from lxml import etree

from teipipe.corpus import align, context
from teipipe.writers.xml import XML_ID

T = "http://www.tei-c.org/ns/1.0"
NS = {"t": T}


def _letter(name: str, lang: str, sender: str, receiver: str, date: str,
            paragraphs: list[str], notes: tuple[str, ...] = (),
            relation: str = "") -> etree._ElementTree:
    rel = (f'<listRelation><relation name="{relation.split(":")[0]}" active="#text" '
           f'passive="{relation.split(":")[1]}.xml#text"/></listRelation>' if relation else "")
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    back = "".join(f'<note n="{n}"><p>note {n}</p></note>' for n in notes)
    return etree.ElementTree(etree.fromstring(f"""
<TEI xmlns="{T}" xml:lang="{lang}"><teiHeader><fileDesc><titleStmt><title>{name}</title>
</titleStmt></fileDesc><profileDesc><correspDesc>
<correspAction type="sent"><persName ref="#{sender}">S</persName>
<date when="{date}"/></correspAction>
<correspAction type="received"><persName ref="#{receiver}">R</persName></correspAction>
</correspDesc>{rel}</profileDesc></teiHeader>
<text><body>{body}</body><back><div type="notes">{back}</div></back></text></TEI>"""))


def test_lengths_align_one_to_many() -> None:
    # the original cuts its second paragraph into three lines
    assert align.align_lengths([100, 300, 50], [110, 100, 105, 95, 60]) == [
        ([0], [0]), ([1], [1, 2, 3]), ([2], [4])]


def test_pair_points_both_ways_by_order_and_labels() -> None:
    en = _letter("en", "en", "a", "b", "1900-01-02", ["x" * 100, "y" * 300],
                 notes=("2", "1"), relation="translationOf:fr")
    fr = _letter("fr", "fr", "a", "b", "1900-01-02", ["u" * 120, "v" * 170, "w" * 170],
                 notes=("1", "2"), relation="hasTranslation:en")
    result = align.align_translations({"en": en, "fr": fr})
    en_p = result["en"].findall(f".//{{{T}}}body/{{{T}}}p")
    fr_p = result["fr"].findall(f".//{{{T}}}body/{{{T}}}p")
    assert [p.get(XML_ID) for p in en_p] == ["p1", "p2"]
    assert en_p[0].get("corresp") == "fr.xml#p1"
    assert en_p[1].get("corresp") == "fr.xml#p2 fr.xml#p3"
    assert fr_p[2].get("corresp") == "en.xml#p2"
    en_notes = result["en"].findall(f".//{{{T}}}note")
    fr_notes = result["fr"].findall(f".//{{{T}}}note")
    assert en_notes[0].get("corresp") == f"fr.xml#{fr_notes[1].get(XML_ID)}"  # label 2 ↔ 2
    assert en.find(f".//{{{T}}}p").get("corresp") is None  # the input is untouched


def test_context_links_same_correspondence_by_date() -> None:
    trees = {
        "a1": _letter("a1", "en", "a", "b", "1900-01-01", ["."]),
        "b1": _letter("b1", "en", "b", "a", "1900-02-01", ["."], relation="translationOf:b1fr"),
        "b1fr": _letter("b1fr", "fr", "b", "a", "1900-02-01", ["."],
                        relation="hasTranslation:b1"),
        "c1": _letter("c1", "en", "a", "c", "1900-01-15", ["."]),  # another correspondence
        "a2": _letter("a2", "en", "a", "b", "1900-03-01", ["."]),
    }
    result = context.link_correspondence(trees)

    def refs(name: str) -> dict[str, str]:
        return {r.get("type"): r.get("target") for r in
                result[name].iterfind(".//t:correspContext/t:ref", NS)}

    assert refs("a1") == {"next": "b1.xml"}
    assert refs("b1") == {"prev": "a1.xml", "next": "a2.xml"}  # never its own translation
    assert refs("b1fr") == {"prev": "a1.xml", "next": "a2.xml"}
    assert refs("a2") == {"prev": "b1.xml"}
    assert refs("c1") == {}
    assert context.link_correspondence(trees)["a1"].getroot() is not trees["a1"].getroot()
