"""The corpus's CMIF file is valid CMIF 1.1 (jing and lxml) and names what it cannot identify."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from support.outputs_paths import FIXTURES
from teipipe.machinery import steps as build
from teipipe.project.register import parse as parse_register
from teipipe.publish import cmif
from teipipe.publish.transform import SITE_PAGE, Transformer

NS = {"t": "http://www.tei-c.org/ns/1.0"}


def _rng(shared: Path) -> Path:
    return shared / "schemas" / "cmif" / "cmi-customization.rng"


def _cmif(built: build.BuildResult) -> bytes:
    assert built.cmif_file is not None
    return built.cmif_file.read_bytes()


def test_valid_for_lxml(built: build.BuildResult, shared: Path) -> None:
    schema = etree.RelaxNG(etree.parse(str(_rng(shared))))
    document = etree.fromstring(_cmif(built))
    assert schema.validate(document), schema.error_log


def test_valid_for_jing(built: build.BuildResult, shared: Path, tmp_path: Path) -> None:
    if shutil.which("jing") is None:
        pytest.fail("jing is not installed: `apt-get install jing` (CI installs it)")
    target = tmp_path / "cmif.xml"
    target.write_bytes(_cmif(built))
    run = subprocess.run(["jing", str(_rng(shared)), str(target)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout


def test_letters_only_with_authority_uris(built: build.BuildResult) -> None:
    root = etree.fromstring(_cmif(built))
    refs = [d.get("ref") for d in root.iterfind(".//t:correspDesc", NS)]
    assert len(refs) == 4 and not any("abidor" in r for r in refs)  # the essay is no letter
    assert root.find(".//t:persName[@ref='http://www.wikidata.org/entity/Q33391']", NS) is not None
    assert root.find(".//t:placeName[@ref='http://www.geonames.org/2800866']", NS) is not None
    assert {d.get("source") for d in root.iterfind(".//t:correspDesc", NS)} == \
        {f"#{root.find('.//t:bibl', NS).get('{http://www.w3.org/XML/1998/namespace}id')}"}


def test_the_bundled_corpus_builds_without_warnings(built: build.BuildResult) -> None:
    """Every name the letters give has an identifier or the editor's `no_identifier`, so
    the bundled corpus builds clean with --fail-on-warnings, as a project may adopt it."""
    assert [d.format() for d in built.diagnostics if d.severity.value != "info"] == []
    serge = built.register.get("serge-victor")
    assert serge is not None and serge.idnos == () and serge.no_identifier


def test_unidentified_names_are_warnings(built: build.BuildResult,
                                         transformer: Transformer) -> None:
    """Without the editor's `no_identifier`, a name without identifier is one warning, at the
    register entry where the identifier goes."""
    text = built.project.register.read_text(encoding="utf-8")
    stated = [line for line in text.splitlines() if line.startswith("no_identifier")]
    assert len(stated) == 3
    unstated = "\n".join(line for line in text.splitlines()
                         if not line.startswith("no_identifier"))
    register, problems = parse_register(unstated, "corpus/register.toml")
    assert problems == []
    _data, warnings = cmif.export(built.tei_files, transformer, built.edition,
                                  built.project.display, register)
    assert all(d.code == "cmif.no-authority" and d.severity.value == "warning"
               for d in warnings)
    named = sorted(d.message.split("'")[1] for d in warnings)
    assert named == ["Hønefoss", "The Editors of the New International", "Victor Serge"]
    serge = next(d for d in warnings if "'Victor Serge'" in d.message)
    assert serge.location.path == "corpus/register.toml"
    assert unstated.splitlines()[serge.location.line - 1] == "[person.serge-victor]"
    assert "in the 4 letters that name it" in serge.message
    assert "no_identifier" in serge.message  # the message says how to silence it honestly


def test_deterministic_and_uncertainty_mapped(tmp_path: Path) -> None:
    files = [FIXTURES / "letter-features.xml"]
    first, problems = cmif.export(files, Transformer())
    second, _ = cmif.export(files, Transformer())
    assert first == second
    root = etree.fromstring(first)
    place = root.find(".//t:placeName", NS)
    # cert="medium" is no doubt CMIF can state (it knows only "low"): left out, not lowered
    assert place.get("cert") is None and place.get("ref") == "http://www.geonames.org/123"
    assert root.find(".//t:publicationStmt/t:date", NS).get("when") == "1901-03-02"
    assert [d.message.split("'")[1] for d in problems if d.code == "cmif.no-authority"] == \
        ["Ben Sample"]


def test_build_and_export_agree(built: build.BuildResult, transformer: Transformer) -> None:
    """The build streams entries made in each document's task; `export` makes them from
    the files: the same CMIF and the same warnings either way."""
    data, problems = cmif.export(built.tei_files, transformer, built.edition,
                                 built.project.display, built.register)
    assert data == _cmif(built)
    assert [d for d in problems if d.code.startswith("cmif.")] == \
        [d for d in built.diagnostics if d.code.startswith("cmif.")]


def test_reading_pages_equal_the_stylesheet_on_the_files(built: build.BuildResult,
                                                         transformer: Transformer) -> None:
    for path in built.tei_files:
        page = built.site / "letters" / f"{path.stem}.html"
        assert page.read_text(encoding="utf-8") == transformer.apply_file(SITE_PAGE, path)
