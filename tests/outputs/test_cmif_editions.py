"""CMIF from other editions' TEI, ready for correspSearch: valid for the CMIF RELAX NG (jing)
and for cmif.sch, authority identifiers followed from @ref to the document's own lists,
one entry per letter, every form of action and date read, the edition's own metadata."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from lxml import etree

from support.outputs_paths import REPO, SHARED
from teipipe import cli
from teipipe.project.edition import Edition
from teipipe.publish import cmif
from teipipe.publish.transform import Transformer
from teipipe.validation.schematron import compile_schematron

NS = {"t": "http://www.tei-c.org/ns/1.0"}
CMIF = SHARED / "schemas" / "cmif"
REAL = SHARED / "realworld" / "tei"
EDITIONS = {
    "escher": sorted((REAL / "escher").glob("*.xml")),
    "schnitzler": sorted((REAL / "schnitzler").glob("*.xml")),
    # every 5th of the 500: the whole set is the benchmark's
    "escher-500": sorted((REAL / "escher-500").glob("*.xml"))[::5],
}
REAL_EDITION = Edition(title="Briefe", editor="Erika Muster", publisher="Beispielverlag",
                       base_url="https://briefe.edition.ch/", id="briefe",
                       date="2024-05-01", letter_url="{base}brief/{name}")


def _jing(data: bytes, tmp_path: Path) -> str:
    if shutil.which("jing") is None:
        pytest.fail("jing is not installed: `apt-get install jing` (CI installs it)")
    target = tmp_path / "cmif.xml"
    target.write_bytes(data)
    run = subprocess.run(["jing", str(CMIF / "cmi-customization.rng"), str(target)],
                         capture_output=True, text=True)
    return run.stdout + (f"exit {run.returncode}" if run.returncode else "")


def _schematron(data: bytes) -> list[str]:
    schema = etree.parse(str(CMIF / "cmif.sch")).getroot()
    failures = compile_schematron(schema).run(etree.ElementTree(etree.fromstring(data)))
    return [f"{f.role}: {f.message} at {f.at}" for f in failures]


@pytest.fixture(scope="module")
def exported() -> dict[str, tuple[bytes, list[str]]]:
    engine = Transformer()
    made = {}
    for name, files in EDITIONS.items():
        data, problems = cmif.export(files, engine, REAL_EDITION)
        made[name] = (data, [d.code for d in problems])
    return made


@pytest.mark.parametrize("edition", sorted(EDITIONS))
def test_real_editions_give_valid_cmif(edition: str, exported: dict[str, tuple[bytes, list[str]]],
                                       tmp_path: Path) -> None:
    data, _codes = exported[edition]
    assert _jing(data, tmp_path) == ""
    assert _schematron(data) == []
    root = etree.fromstring(data)
    # one entry per letter, each with a sender and an addressee
    descs = root.findall(".//t:correspDesc", NS)
    assert len(descs) == len(EDITIONS[edition])
    for desc in descs:
        assert [a.get("type") for a in desc.iterfind("t:correspAction", NS)] == \
            ["sent", "received"]


def test_edition_metadata_and_letter_urls(exported: dict[str, tuple[bytes, list[str]]]) -> None:
    root = etree.fromstring(exported["schnitzler"][0])
    header = root.find("t:teiHeader/t:fileDesc", NS)
    assert header.findtext("t:titleStmt/t:title", namespaces=NS) == "Briefe"
    assert header.findtext("t:titleStmt/t:editor", namespaces=NS) == "Erika Muster"
    assert header.findtext("t:publicationStmt/t:publisher/t:ref", namespaces=NS) == \
        "Beispielverlag"
    assert header.find("t:publicationStmt/t:date", NS).get("when") == "2024-05-01"
    assert header.findtext("t:publicationStmt/t:idno", namespaces=NS).startswith(
        "https://briefe.edition.ch/")
    refs = [d.get("ref") for d in root.iterfind(".//t:correspDesc", NS)]
    assert refs[0] == "https://briefe.edition.ch/brief/L00011"
    assert "edition.placeholder-url" not in exported["schnitzler"][1]


def test_authority_ids_followed_to_the_documents_own_lists(
        exported: dict[str, tuple[bytes, list[str]]]) -> None:
    """A correspondent whose @ref points at a listPerson entry with a GND idno keeps it."""
    root = etree.fromstring(exported["schnitzler"][0])
    expected = 0
    for path in EDITIONS["schnitzler"]:
        tree = etree.parse(str(path))
        for name in tree.iterfind(".//t:correspAction/t:persName[@ref]", NS):
            entry = tree.xpath("//t:person[@xml:id = $id]", namespaces=NS,
                               id=name.get("ref").lstrip("#"))
            gnd = entry[0].xpath("t:idno[@type='gnd']/text()", namespaces=NS) if entry else []
            if gnd:
                expected += 1
                found = root.xpath(".//t:persName[@ref = $uri]", namespaces=NS,
                                   uri=gnd[0].strip().rstrip("/"))
                assert found, (path.name, gnd[0])
    assert expected >= 10


def test_sender_and_addressee_in_one_action_are_warned(
        exported: dict[str, tuple[bytes, list[str]]]) -> None:
    # every Escher letter puts both parties in its correspAction type="sent"
    assert exported["escher"][1].count("cmif.shared-action") == len(EDITIONS["escher"])
    assert "cmif.shared-action" not in exported["schnitzler"][1]


LETTER = """<TEI xmlns="http://www.tei-c.org/ns/1.0">
<teiHeader><fileDesc><titleStmt><title>L</title></titleStmt><publicationStmt><p/>
</publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>
<profileDesc><correspDesc>
  <correspAction type="sentBy"><persName ref="#a" cert="medium">Anna</persName>
    <placeName ref="#w" cert="low">Wien</placeName>
    <date when-iso="1901-03-02" cert="unknown"/></correspAction>
  <correspAction type="deliveredTo"><persName ref="https://viaf.org/viaf/42">Ben</persName>
    <date from="1901-03-04" to="1901-03-06"/></correspAction>
  <correspAction type="transmitted"><persName>Carl</persName></correspAction>
</correspDesc></profileDesc></teiHeader>
<standOff><listPerson><person xml:id="a"><persName>Anna</persName>
  <idno type="URL" subtype="wikidata">https://www.wikidata.org/entity/Q1</idno>
  <idno type="VIAF">77</idno></person></listPerson>
  <listPlace><place xml:id="w"><placeName>Wien</placeName>
  <idno type="geonames">2761369</idno></place></listPlace></standOff>
<text><body><p/></body></text></TEI>"""


def test_action_types_dates_and_certainty_are_read(tmp_path: Path) -> None:
    source = tmp_path / "letter.xml"
    source.write_text(LETTER, encoding="utf-8")
    data, problems = cmif.export([source], Transformer(), REAL_EDITION)
    root = etree.fromstring(data)
    sent, received = root.findall(".//t:correspAction", NS)
    assert (sent.get("type"), received.get("type")) == ("sent", "received")
    anna = sent.find("t:persName", NS)
    assert anna.get("ref") == "http://viaf.org/viaf/77" and anna.get("cert") is None
    place = sent.find("t:placeName", NS)
    assert place.get("ref") == "http://www.geonames.org/2761369" and place.get("cert") == "low"
    assert dict(sent.find("t:date", NS).attrib) == {"when": "1901-03-02", "cert": "low"}
    assert received.find("t:persName", NS).get("ref") == "https://viaf.org/viaf/42"
    assert dict(received.find("t:date", NS).attrib) == {"from": "1901-03-04", "to": "1901-03-06"}
    assert "Carl" not in data.decode("utf-8")  # CMIF has no transmitting action
    assert _schematron(data) == []


def test_a_translation_is_folded_into_its_original(tmp_path: Path) -> None:
    original = tmp_path / "letter.xml"
    original.write_text(LETTER, encoding="utf-8")
    translation = tmp_path / "letter_en.xml"
    translation.write_text(LETTER.replace(
        "</correspDesc>", "</correspDesc><listRelation><relation name=\"translationOf\" "
        "active=\"#self\" passive=\"letter.xml\"/></listRelation>"), encoding="utf-8")
    data, _ = cmif.export([original, translation], Transformer(), REAL_EDITION)
    refs = [d.get("ref") for d in etree.fromstring(data).iterfind(".//t:correspDesc", NS)]
    assert refs == ["https://briefe.edition.ch/brief/letter"]


def _cli(*argv: str) -> tuple[int, str]:
    err = StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(StringIO()):
        code = cli.main(list(argv))
    return code, err.getvalue()


def test_placeholder_urls_warn_and_fail_with_fail_on_warnings(tmp_path: Path) -> None:
    letter = tmp_path / "letter.xml"
    letter.write_text(LETTER, encoding="utf-8")
    placeholder = tmp_path / "placeholder.toml"
    placeholder.write_text('[edition]\nbase_url = "https://example.org/x/"\ndate = "2024-01-01"\n',
                           encoding="utf-8")
    code, err = _cli("transform", "--to", "cmif", str(letter), "--out", str(tmp_path / "a"),
                     "--edition", str(placeholder))
    assert code == 0 and "edition.placeholder-url" in err and "example.org" in err
    code, _ = _cli("transform", "--to", "cmif", str(letter), "--out", str(tmp_path / "b"),
                   "--edition", str(placeholder), "--fail-on-warnings")
    assert code == 1
    real = tmp_path / "edition.toml"
    real.write_text('[edition]\ntitle = "Briefe"\nbase_url = "https://briefe.edition.ch/"\n'
                    'date = "2024-01-01"\nletter_url = "{base}b/{name}.html"\n', encoding="utf-8")
    code, err = _cli("transform", "--to", "cmif", str(letter), "--out", str(tmp_path / "c"),
                     "--edition", str(real))
    assert "placeholder" not in err
    written = etree.parse(str(tmp_path / "c" / "cmif.xml"))
    assert written.find(".//t:correspDesc", NS).get("ref") == "https://briefe.edition.ch/b/letter.html"
    assert written.findtext(".//t:titleStmt/t:title", namespaces=NS) == "Briefe"


def test_bundled_corpus_cmif_passes_cmif_sch() -> None:
    files = sorted((REPO / "corpus" / "tei").glob("*.xml"))
    data, _ = cmif.export(files, Transformer(), Edition(date="2025-01-15"))
    assert _schematron(data) == []


ANTHOLOGY = """<TEI xmlns="http://www.tei-c.org/ns/1.0">
<teiHeader><fileDesc><titleStmt><title>Letters</title></titleStmt><publicationStmt><p/>
</publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>
<profileDesc><particDesc><listPerson><person xml:id="bs"><persName>Bona Sforza</persName>
  <idno type="LC">http://id.loc.gov/authorities/names/n83073803</idno></person></listPerson>
</particDesc><settingDesc><listPlace><place xml:id="cra"><placeName>Cracovia</placeName></place>
</listPlace></settingDesc>
<correspDesc xml:id="l1"><correspAction type="sent"><persName ref="#bs"/><placeName ref="#cra"/>
  <date when="1524-04-29"/></correspAction>
  <correspAction type="received"><persName>Ioannes</persName></correspAction></correspDesc>
<correspDesc xml:id="l2"><correspAction type="sent"><persName>Ioannes</persName>
  <placeName><address><street>Via 1</street><settlement>Napoli</settlement></address></placeName>
  <date when="1524-05"/></correspAction>
  <correspAction type="received"><persName ref="#bs"/></correspAction></correspDesc>
</profileDesc></teiHeader><text><body><p/></body></text></TEI>"""


def test_several_letters_in_one_file_and_names_given_by_ref(tmp_path: Path) -> None:
    source = tmp_path / "anthology.xml"
    source.write_text(ANTHOLOGY, encoding="utf-8")
    data, _ = cmif.export([source], Transformer(), REAL_EDITION)
    root = etree.fromstring(data)
    descs = root.findall(".//t:correspDesc", NS)
    assert len(descs) == 2
    sender = descs[0].find("t:correspAction/t:persName", NS)
    assert (sender.text, sender.get("ref")) == \
        ("Bona Sforza", "http://id.loc.gov/authorities/names/n83073803")
    assert descs[0].findtext("t:correspAction/t:placeName", namespaces=NS) == "Cracovia"
    assert descs[1].findtext("t:correspAction/t:placeName", namespaces=NS) == "Napoli"
    assert _schematron(data) == [] and _jing(data, tmp_path) == ""
