"""The real-letter development set: gold read from edition TEI, the shapes rendered, the scorer.

Reads two letters of ../shared/realworld (Schnitzler L00301, Escher K_0008) and
renders them into a temporary folder; nothing third-party is committed.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from lxml import etree

HERE = Path(__file__).resolve()
REALWORLD = HERE.parents[3] / "shared" / "realworld"
sys.path.insert(0, str(HERE.parents[2] / "benchmarks" / "realletters"))

import build  # noqa: E402
import compare  # noqa: E402
import score  # noqa: E402
from convert import Prediction, convert_text, read_tei  # noqa: E402
from editions import EDITIONS  # noqa: E402
from gold import MARK, GoldLetter, read_letter  # noqa: E402
from split import leave_one_edition_out, split_of  # noqa: E402

WIDMANN = REALWORLD / "tei" / "schnitzler" / "L00301.xml"
ESCHER = next((REALWORLD / "tei" / "escher").glob("K_0008_*.xml"), Path("missing"))


def _gold(path: Path, edition: str) -> GoldLetter:
    if not path.is_file():
        pytest.fail(f"../shared/realworld must hold {path.name} (a sibling of the repository)")
    gold = read_letter(path.read_bytes(), edition, "de", path.stem, EDITIONS[edition].adjust)
    assert gold is not None
    return gold


def test_gold_is_the_editions_own_correspdesc_opener_closer_and_notes() -> None:
    gold = _gold(WIDMANN, "schnitzler")
    assert (gold.sender, gold.recipient, gold.place, gold.date) == (
        "Joseph Victor Widmann", "Arthur Schnitzler", "Bern", "1894-02-26")
    assert (gold.dateline, gold.salute, gold.signed) == (
        "Bern, d. 26. Febr. 1894.", "Sehr geehrter Herr!", "J. V. Widmann")
    assert len(gold.paragraphs) == 2
    assert gold.paragraphs[0].split(chr(MARK + 1))[0].endswith("meinen vollen Namen setzen")
    assert gold.notes[0].startswith("Am Ende der Buchausgabe")


def test_escher_parties_come_from_the_title_where_its_correspdesc_swaps_them() -> None:
    gold = _gold(ESCHER, "escher")
    assert (gold.sender, gold.recipient) == ("Johann Heinrich Bühler-Honegger", "Alfred Escher")
    assert (gold.salute, gold.closer_salute, gold.signed) == (
        "Hochgeehrter Herr Dr Escher!", "Ihr ergebener", "H. Bühler-Honegger")
    assert len(gold.paragraphs) == 3 and len(gold.notes) == 1


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, object]]]:
    out = tmp_path_factory.mktemp("devset")
    records = build.build(out, {"schnitzler": REALWORLD}, per_edition=15)
    return out, records


def _text(out: Path, records: list[dict[str, object]], shape: str) -> tuple[str, dict]:
    item = next(r for r in records if r["id"] == "schnitzler/L00301" and r["shape"] == shape)
    return (out / str(item["path"])).read_text(encoding="utf-8"), item


def test_each_shape_renders_the_letter_with_its_markers(built) -> None:  # type: ignore[no-untyped-def]
    out, records = built
    assert {r["shape"] for r in records} == {"web-archive", "pdf-text", "book-ocr"}
    web, item = _text(out, records, "web-archive")
    assert "meinen vollen Namen setzen[1];" in web
    assert re.search(r"^(\[1\] |1\. |1\) )Am Ende der Buchausgabe", web, re.M)
    assert "Sehr geehrter Herr!" in web.splitlines()
    assert item["markers"] == [{"note": 1, "label": "1", "before": "nnamensetzen"}]
    pdf, _ = _text(out, records, "pdf-text")
    assert re.search(r"setzen1;", pdf) and re.search(r"^(_{15,}| {50,})$", pdf, re.M)
    ocr, item = _text(out, records, "book-ocr")
    label = int(str(item["markers"][0]["label"]))  # type: ignore[index]
    assert label >= 100 and f"{label}" in ocr and "Am Ende der" in ocr


def test_the_split_is_fixed_by_letter_id_and_folds_leave_one_edition_out() -> None:
    assert split_of("schnitzler/L00301") == split_of("schnitzler/L00301")
    shares = [split_of(f"e/{n}") for n in range(1000)]
    assert 150 < shares.count("test") < 250
    records = [{"split": "dev", "edition": e, "n": n} for e in "abc" for n in range(3)]
    folds = list(leave_one_edition_out(records))
    assert [f[0] for f in folds] == ["a", "b", "c"]
    assert all(all(r["edition"] != e for r in train) and all(r["edition"] == e for r in held)
               for e, train, held in folds)


def test_a_perfect_prediction_scores_every_field_and_a_wrong_one_none(built) -> None:  # type: ignore[no-untyped-def]
    _, records = built
    item = next(r for r in records if r["id"] == "schnitzler/L00301"
                and r["shape"] == "web-archive")
    right = Prediction(converted=True, sender="J. V. Widmann", recipient="Arthur Schnitzler",
                       place="Bern", date="1894-02-26", opener=dict(item["opener"]),
                       closer=dict(item["closer"]), paragraphs=2,
                       refs=[("ichsehrgernmeinenvollennamensetzen", "Am Ende der Buchausgabe "
                              "von Das Märchen () wurden, als Verlagswerbung")])
    marks = compare.judge(item, right)
    assert all(r == c for r, c in marks.values()) and marks["notes"] == (1, 1)
    # The salutation "Sehr geehrter Herr!" does not name the recipient: with only the
    # letter's own lines, the recipient is not counted.
    own = compare.judge(item, right, own_lines=True)
    assert own["recipient"] == (0, 0) and own["sender"] == (1, 1) and own["date"] == (1, 1)
    wrong = Prediction(converted=False, lost=True, sender="unknown", date="1894",
                       paragraphs=4, refs=[("namensetzen", "Ein anderer Kommentar")])
    marks = compare.judge(item, wrong)
    assert all(r == 0 for r, _ in marks.values())
    assert marks["date"] == (0, 1) and marks["notes"] == (0, 1)


def test_an_editions_salute_that_is_an_address_may_be_found_as_the_address() -> None:
    item = {"gold": {"dateline": ""},
            "opener": {"dateline": "", "salute": "An Herrn Dr Alfred Escher in Zürich."},
            "place": "", "sender": "", "recipient": "",
            "closer": {}, "names_date": False, "names_place": False, "names_sender": False,
            "names_recipient": False, "paragraphs": 1, "markers": [], "notes": []}
    as_address = Prediction(opener={"dateline": "", "salute": ""}, paragraphs=1,
                            addresses=["An Herrn Dr Alfred Escher in Zürich."])
    assert compare.judge(item, as_address)["opener"] == (1, 1)
    assert compare.judge(item, as_address, salute_only=True)["opener"] == (0, 1)
    elsewhere = Prediction(opener={"dateline": "", "salute": ""}, paragraphs=1,
                           addresses=["z. H. Alfred Escher"])
    assert compare.judge(item, elsewhere)["opener"] == (0, 1)


def test_the_scorer_converts_the_texts_and_reads_the_tei(built) -> None:  # type: ignore[no-untyped-def]
    out, records = built
    web, _ = _text(out, records, "web-archive")
    found = convert_text(web, "L00301.txt")
    assert found.converted and not found.lost
    assert found.paragraphs >= 2 and "Widmann" in found.closer.get("signed", "") + found.sender
    chosen = [r for r in records if r["id"] in {"schnitzler/L00301", "schnitzler/L01751"}]
    groups, verdicts = score.score(out, chosen)
    assert len(verdicts) == len(chosen) == 6
    assert groups["all/all"]["converted"][1] == 6
    assert "| de/web-archive | 2 |" in score.table(groups)
    assert json.dumps(groups)


SURIANO = HERE.parents[1] / "fixtures" / "realletters" / "suriano"


def test_italian_fixtures_give_gold_and_texts_in_every_shape(tmp_path: Path) -> None:
    records = build.build(tmp_path, {"suriano": SURIANO}, per_edition=3)
    assert len(records) == 9
    item = next(r for r in records if r["id"] == "suriano/07-027" and r["shape"] == "web-archive")
    gold = item["gold"]
    assert (item["sender"], item["recipient"], item["place"], item["date"]) == (
        "Christofforo Suriano", "Doge and Senate of Venice", "The Hague", "1618-12-01")
    assert item["closer"]["signed"] == "Christofforo Suriano"  # type: ignore[index]
    assert gold["dateline"] == "Dall’Haya al primo decembre 1618"  # type: ignore[index]
    assert item["paragraphs"] == 2 and len(item["markers"]) == 5  # type: ignore[arg-type]
    text = (tmp_path / str(item["path"])).read_text(encoding="utf-8")
    assert "Serenissimo Principe" in text.splitlines() and "[5]" in text
    for shape in ("pdf-text", "book-ocr"):
        other = next(r for r in records if r["id"] == "suriano/07-027" and r["shape"] == shape)
        assert "Christofforo Suriano" in (tmp_path / str(other["path"])).read_text("utf-8")


def test_every_line_of_a_text_is_labelled_for_a_line_labeller(built) -> None:  # type: ignore[no-untyped-def]
    out, records = built
    for item in records:
        lines = (out / str(item["path"])).read_text(encoding="utf-8").splitlines()
        labels = item["lines"]
        assert len(labels) == len(lines)  # type: ignore[arg-type]
        for line, label in zip(lines, labels, strict=True):  # type: ignore[call-overload]
            assert (label in {"blank", "rule"}) or line.strip(), (item["path"], line, label)
            assert label != "blank" or not line.strip(), (item["path"], line, label)
    web, item = _text(out, records, "web-archive")
    pairs = dict(zip(web.splitlines(), item["lines"], strict=True))  # type: ignore[call-overload]
    assert pairs["Sehr geehrter Herr!"] == "salute" and pairs["J. V. Widmann"] == "signed"
    assert pairs["Bern, d. 26. Febr. 1894."] == "dateline"
    assert sum(label == "para" for label in item["lines"]) == 2  # type: ignore[attr-defined]
    ocr, item = _text(out, records, "book-ocr")
    assert "note" in item["lines"] and "para-cont" in item["lines"]  # type: ignore[operator]


def test_the_scorer_reads_note_markers_however_the_writer_encodes_them() -> None:
    root = etree.fromstring(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>Ein Wort<ptr target="#n1"/>'
        b' und mehr<ref type="noteref" target="#n2">[2]</ref>, dann<note>Inline.</note>.</p>'
        b'</body><back><note xml:id="n1">Erste.</note><note xml:id="n2">Zweite.</note></back>'
        b'</text></TEI>')
    found = Prediction()
    read_tei(root, found)
    assert found.refs == [("einwort", "Erste."), ("einwortundmehr", "Zweite."),
                          ("einwortundmehrdann", "Inline.")]
    assert found.paragraphs == 1


def test_the_letters_before_a_marker_are_the_printed_reading_of_a_repair() -> None:
    root = etree.fromstring(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>verso il <choice>'
        b'<orig>colfo</orig><reg type="ocr">colto</reg></choice><ref type="noteref" '
        b'target="#n1">1</ref> a Trapani</p></body><back><note xml:id="n1">Spelling.</note>'
        b'</back></text></TEI>')
    found = Prediction()
    read_tei(root, found)
    assert found.refs == [("versoilcolfo", "Spelling.")]
    marker = {"before": "versoilcolfo", "note": 1}
    assert compare.notes_linked([marker], ["Spelling."], found.refs) == 1


def test_the_scorer_counts_markers_of_the_front_but_not_notes_standing_apart() -> None:
    root = etree.fromstring(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><front><div type="notes">'
        b'<note xml:id="n9" anchored="false"><p>Whole letter.</p></note></div><argument><p>'
        b'Dear Beck, the case<ref type="noteref" target="#n1">1</ref></p></argument></front>'
        b'<body><p>is ended.</p></body><back><div type="notes"><note xml:id="n1">Darrah.'
        b'</note></div></back></text></TEI>')
    found = Prediction()
    read_tei(root, found)
    assert found.refs == [("dearbeckthecase", "Darrah.")]
