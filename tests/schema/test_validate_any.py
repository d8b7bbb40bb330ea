"""`teipipe validate` with any schema: a .rng, a .sch, an .odd, or each file's xml-model."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from support.schema_helpers import P5, REALWORLD, SCHEMA, VALID, jing
from teipipe.cli import main
from teipipe.validation import grammar, reduce

TEI_ALL = P5.parent / "tei_all.rng"
ESCHER = sorted((REALWORLD / "tei" / "escher").glob("*.xml"))
RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
TEI = "http://www.tei-c.org/ns/1.0"


def jing_errors_all(schema: Path, documents: list[Path]) -> list[str]:
    run = subprocess.run([jing(), "-i", str(schema), *map(str, documents)], capture_output=True,
                         text=True, timeout=300, check=False)
    return [line for line in run.stdout.splitlines() if ": error:" in line]


def _with_models(source: Path, target: Path, *models: tuple[str, str]) -> Path:
    text = source.read_text(encoding="utf-8")
    declaration, _, rest = text.partition("?>")
    pis = "".join(f'\n<?xml-model href="{href}" type="application/xml" '
                  f'schematypens="{kind}"?>' for href, kind in models)
    target.write_text(declaration + "?>" + pis + rest, encoding="utf-8")
    return target


def test_tei_all_verdicts_are_jings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--schema", str(TEI_ALL), "--jobs", "1",
                 *map(str, ESCHER + VALID)]) == 1
    err = capsys.readouterr().err
    ours = {Path(line.split(":")[0]).name for line in err.splitlines() if ": error:" in line}
    theirs = {Path(line.split(":")[0]).name for line in jing_errors_all(TEI_ALL, ESCHER + VALID)}
    assert ours == theirs and len(theirs) >= 1
    assert "[relaxng.invalid]" not in err and "failed to validate" not in err


def test_cutting_a_grammar_to_the_used_elements_keeps_the_verdicts() -> None:
    full = etree.parse(str(SCHEMA / "teipipe.rng")).getroot()
    names = set().union(*(reduce.element_names(etree.parse(str(p))) for p in VALID))
    cut = reduce.restrict(full, names)
    assert cut is not None
    kept = {e.get("name") for e in cut.iter(f"{{{RNG_NS}}}element")}
    assert kept == {n for _ns, n in names}  # the others are gone
    relaxng = etree.RelaxNG(cut)
    for path in VALID:
        assert relaxng.validate(etree.parse(str(path))), path.name
    with_unknown = etree.parse(str(VALID[0]))
    body = with_unknown.getroot().find(".//{*}body")
    assert body is not None
    etree.SubElement(body, "{http://www.tei-c.org/ns/1.0}list")  # in the schema, not in names
    assert not relaxng.validate(with_unknown)
    assert len(list(full.iter(f"{{{RNG_NS}}}element"))) < grammar.BIG  # teipipe's: never cut


def test_an_odd_is_compiled_once_and_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    odd = REALWORLD / "odd" / "tei_bare.odd"
    args = ["validate", "--schema", str(odd), "--p5", str(P5), "--jobs", "1", str(ESCHER[0])]
    assert main(args) == 1
    first = capsys.readouterr().err
    assert 'element "teiHeader"' in first or "not allowed" in first
    cached = list((tmp_path / "cache").rglob("schema.rng"))
    assert len(cached) == 1
    stamp = cached[0].stat().st_mtime_ns
    assert main(args) == 1 and capsys.readouterr().err == first
    assert cached[0].stat().st_mtime_ns == stamp


def test_a_changed_odd_compiler_compiles_the_odd_again(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # A compile made by an older teipipe must not outlive a fix of the compiler.
    from teipipe.validation import sources
    compiler = tmp_path / "compiler"
    compiler.mkdir()
    (compiler / "rng.py").write_text("version = 1\n", encoding="utf-8")
    monkeypatch.setattr(sources, "COMPILER", compiler)
    odd = REALWORLD / "odd" / "tei_bare.odd"
    first = sources.compiled_odd(odd, P5, tmp_path / "cache")
    assert sources.compiled_odd(odd, P5, tmp_path / "cache") == first
    (compiler / "rng.py").write_text("version = 2\n", encoding="utf-8")
    second = sources.compiled_odd(odd, P5, tmp_path / "cache")
    assert second.rng != first.rng
    assert len(list((tmp_path / "cache").iterdir())) == 2


def test_xml_model_instructions_choose_the_schema(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(SCHEMA / "teipipe.rng", tmp_path / "own.rng")
    shutil.copy(SCHEMA / "teipipe.sch", tmp_path / "own.sch")
    (tmp_path / "letters").mkdir()
    good = _with_models(VALID[0], tmp_path / "letters" / "good.xml",
                        ("../own.rng", RNG_NS), (str(tmp_path / "own.sch"), SCH_NS))
    bare = _with_models(VALID[0], tmp_path / "letters" / "bare.xml",
                        (str(REALWORLD / "odd" / "official" / "tei_bare.rng"), RNG_NS))
    assert main(["validate", "--jobs", "1", str(good)]) == 0
    assert main(["validate", "--jobs", "1", str(good), str(bare)]) == 1
    err = capsys.readouterr().err
    assert "good.xml" not in err and "bare.xml" in err


def test_a_schema_on_the_network_is_refused_unless_mapped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = "https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng"
    letter = _with_models(VALID[0], tmp_path / "remote.xml", (url, RNG_NS))
    assert main(["validate", "--jobs", "1", str(letter)]) == 1
    err = capsys.readouterr().err
    assert "remote.xml:1:1: error:" in err and "does not download" in err
    assert f"--map {url}=FILE" in err
    assert main(["validate", "--jobs", "1", "--map", f"{url}={TEI_ALL}", str(letter)]) == 0


def test_a_schematron_alone_and_an_unknown_schema_kind(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--jobs", "1", "--schema", str(SCHEMA / "teipipe.sch"),
                 str(VALID[0])]) == 0
    (tmp_path / "x.rnc").write_text("start = element a { empty }", encoding="utf-8")
    assert main(["validate", "--schema", str(tmp_path / "x.rnc"), str(VALID[0])]) == 2
    assert "trang" in capsys.readouterr().err


def test_tei_only_skips_other_xml_and_still_reports_broken_files(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "settings.xml").write_text("<settings/>", encoding="utf-8")
    (tmp_path / "broken.xml").write_text("<TEI>", encoding="utf-8")
    assert main(["validate", "--tei-only", "--jobs", "1", "--schema", str(SCHEMA),
                 str(tmp_path / "settings.xml"), str(VALID[0])]) == 0
    assert main(["validate", "--tei-only", "--jobs", "1", "--schema", str(SCHEMA),
                 str(tmp_path / "broken.xml")]) == 1
    assert "broken.xml:1:6: error: not well-formed" in capsys.readouterr().err


def test_element_names_are_namespace_and_local_name_of_each_distinct_element() -> None:
    tree = etree.ElementTree(etree.fromstring(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:x="urn:x"><p><x:p/><p/><!-- c -->'
        b'<q xmlns=""><p/></q></p></TEI>'))
    assert reduce.element_names(tree) == {
        ("http://www.tei-c.org/ns/1.0", "TEI"), ("http://www.tei-c.org/ns/1.0", "p"),
        ("urn:x", "p"), ("", "q"), ("", "p")}


def test_an_escaped_href_names_the_file_and_includes_are_read_beside_the_grammar(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The grammar includes a file beside it; the letter names the grammar with %20 for a
    # space. Run from another folder, so that nothing is found through the working folder.
    schemas = tmp_path / "my schemas"
    schemas.mkdir()
    (schemas / "parts.rng").write_text(
        f'<grammar xmlns="{RNG_NS}"><define name="body"><element name="p" '
        f'ns="{TEI}"><text/></element></define></grammar>', encoding="utf-8")
    (schemas / "main schema.rng").write_text(
        f'<grammar xmlns="{RNG_NS}" ns="{TEI}"><include href="./parts.rng"/>'
        '<start><element name="TEI"><ref name="body"/></element></start></grammar>',
        encoding="utf-8")
    model = '<?xml-model href="my%20schemas/main%20schema.rng" schematypens="' + RNG_NS + '"?>'
    (tmp_path / "good.xml").write_text(f'{model}<TEI xmlns="{TEI}"><p>a</p></TEI>', "utf-8")
    (tmp_path / "bad.xml").write_text(f'{model}<TEI xmlns="{TEI}"><q>a</q></TEI>', "utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["validate", "--jobs", "1", str(tmp_path / "good.xml")]) == 0
    assert main(["validate", "--jobs", "1", str(tmp_path / "bad.xml")]) == 1


def test_a_grammar_that_cannot_be_compiled_is_one_line_and_exit_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "broken.rng").write_text(
        f'<grammar xmlns="{RNG_NS}">\n<start><element name="TEI" ns="{TEI}">\n'
        '<ref name="nowhere"/></element></start></grammar>', encoding="utf-8")
    code = main(["validate", "--jobs", "1", "--schema", str(tmp_path / "broken.rng"),
                 str(VALID[0])])
    err = capsys.readouterr().err
    assert code == 2
    assert "broken.rng: the RELAX NG grammar cannot be compiled" in err
    assert "broken.rng:3: " in err and "nowhere" in err and "internal error" not in err
