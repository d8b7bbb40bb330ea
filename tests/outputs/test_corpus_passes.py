"""Corpus links: a translation aligned with its original, and each letter's neighbours."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from teipipe.corpus import align
from teipipe.corpus.context import Letter, neighbours
from teipipe.corpus.links import plan_links
from teipipe.project.register import Register
from teipipe.writers.xml import XML_ID

T = "http://www.tei-c.org/ns/1.0"


def _tei(lang: str, paragraphs: list[str], notes: tuple[str, ...] = ()) -> etree._ElementTree:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    back = "".join(f'<note n="{n}"><p>note {n}</p></note>' for n in notes)
    return etree.ElementTree(etree.fromstring(
        f'<TEI xmlns="{T}" xml:lang="{lang}"><text><body>{body}</body>'
        f'<back><div type="notes">{back}</div></back></text></TEI>'))


def test_lengths_align_one_to_many() -> None:
    # the original cuts its second paragraph into three lines
    assert align.align_lengths([100, 300, 50], [110, 100, 105, 95, 60]) == [
        ([0], [0]), ([1], [1, 2, 3]), ([2], [4])]


def test_pair_points_both_ways_by_order_and_labels() -> None:
    en = _tei("en", ["x" * 100, "y" * 300], notes=("2", "1"))
    fr = _tei("fr", ["u" * 120, "v" * 170, "w" * 170], notes=("1", "2"))
    align.align_pair(en, fr, "en.xml", "fr.xml")
    en_p = en.findall(f".//{{{T}}}body/{{{T}}}p")
    fr_p = fr.findall(f".//{{{T}}}body/{{{T}}}p")
    assert [p.get(XML_ID) for p in en_p] == ["p1", "p2"]
    assert en_p[0].get("corresp") == "fr.xml#p1"
    assert en_p[1].get("corresp") == "fr.xml#p2 fr.xml#p3"
    assert fr_p[2].get("corresp") == "en.xml#p2"
    en_notes = en.findall(f".//{{{T}}}note")
    fr_notes = fr.findall(f".//{{{T}}}note")
    assert en_notes[0].get("corresp") == f"fr.xml#{fr_notes[1].get(XML_ID)}"  # label 2 ↔ 2


def _letter(folder: Path, name: str, sender: str, receiver: str, date: str,
            language: str = "en", relation: str = "") -> Path:
    text = folder / f"{name}.txt"
    text.write_text("Dear friend,\n\nA short letter.\n", encoding="utf-8")
    related = ""
    if relation:
        kind, target = relation.split(":")
        related = f'\n[[relation]]\ntype = "{kind}"\ntarget = "{target}"\n'
    text.with_suffix(".toml").write_text(
        f'[document]\nkind = "letter"\nlanguage = "{language}"\ntitle = "Letter {name}"\n'
        f'[sent]\npersons = ["{sender}"]\ndate = "{date}"\n'
        f'[received]\npersons = ["{receiver}"]\n{related}', encoding="utf-8")
    return text


def test_neighbours_are_the_same_correspondence_by_date(tmp_path: Path) -> None:
    files = sorted([
        _letter(tmp_path, "a1", "a", "b", "1900-01-01"),
        _letter(tmp_path, "b1", "b", "a", "1900-02-01", relation="translationOf:b1fr"),
        _letter(tmp_path, "b1fr", "b", "a", "1900-02-01", "fr", "hasTranslation:b1"),
        _letter(tmp_path, "c1", "a", "c", "1900-01-15"),  # another correspondence
        _letter(tmp_path, "a2", "a", "b", "1900-03-01"),
    ])
    links = dict(zip((f.stem for f in files),
                     plan_links(files, Register(), lambda p: p.name), strict=True))

    def context(name: str) -> dict[str, str]:
        return {kind: other for kind, other, _title in links[name].context}

    assert context("a1") == {"next": "b1"}
    assert context("b1") == {"prev": "a1", "next": "a2"}  # never its own translation
    assert context("b1fr") == {"prev": "a1", "next": "a2"}
    assert context("a2") == {"prev": "b1"}
    assert context("c1") == {}
    assert links["b1"].context[0][2] == "Letter a1"  # the link reads as the other's title
    partner = links["b1"].partner
    assert partner is not None and (partner.name, partner.own_role) == ("b1fr", "translation")
    assert links["b1fr"].partner is not None and links["b1fr"].partner.own_role == "original"
    assert links["a1"].partner is None


def _brute_force_neighbour(letter: Letter, letters: list[Letter], later: bool) -> Letter | None:
    """The definition of a neighbour, checked against every letter (quadratic)."""
    key = (letter.date, letter.name)
    side = [c for c in letters if c.parties == letter.parties and c.date
            and c.name != letter.name and c.name not in letter.related
            and ((c.date, c.name) > key if later else (c.date, c.name) < key)]
    if not side:
        return None
    closest = min(c.date for c in side) if later else max(c.date for c in side)
    same_day = sorted((c for c in side if c.date == closest), key=lambda c: c.name)
    own = [c for c in same_day if c.language == letter.language]
    return (own or same_day)[0] if later else (own or same_day)[-1]


_letters = st.lists(st.builds(
    lambda parties, day, language, related: (parties, day, language, related),
    st.sampled_from([frozenset({"a", "b"}), frozenset({"a", "c"}), frozenset({"a"})]),
    st.sampled_from(["", "1900-01-01", "1900-01-02", "1900-02"]),
    st.sampled_from(["en", "fr"]), st.sets(st.integers(0, 11), max_size=2)), max_size=12)


@given(_letters)
@settings(max_examples=200, deadline=None)
def test_neighbours_match_their_definition(drawn: list[tuple[frozenset[str], str, str,
                                                              set[int]]]) -> None:
    letters = [Letter(f"l{i:02d}", parties, day, language, f"Letter {i}",
                      frozenset(f"l{r:02d}" for r in related))
               for i, (parties, day, language, related) in enumerate(drawn)]
    found = neighbours(letters)
    for letter in letters:
        expected = {kind: other for kind, other in (
            ("prev", _brute_force_neighbour(letter, letters, later=False)),
            ("next", _brute_force_neighbour(letter, letters, later=True))) if other is not None}
        if len(letter.parties) < 2 or not letter.date:
            assert letter.name not in found
        else:
            assert found[letter.name] == expected
