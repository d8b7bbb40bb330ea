"""`teipipe package` writes a BagIt bag that bagit itself validates."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import bagit
import pytest
from cffconvert import Citation

from support.outputs_paths import REPO
from teipipe.cli import main
from teipipe.project.edition import Edition
from teipipe.publish import bundle


def test_package_makes_a_valid_bag_with_the_sources(tmp_path: Path) -> None:
    shutil.copytree(REPO / "corpus", tmp_path / "corpus")
    out = tmp_path / "hand-off"
    assert main(["package", "--project", str(tmp_path), "--out", str(out), "-q"]) == 0
    bag = bagit.Bag(str(out))
    bag.validate()
    assert "sha256" in bag.algorithms
    payload = set(bag.payload_entries())
    assert "data/cmif.xml" in payload and "data/CITATION.cff" in payload
    assert "data/validation-report.json" in payload
    name = "1936-08-10_serge-to-trotsky_en"
    # the TEI and what it was made from: text, sidecar, register, edition settings
    for kept in (f"corpus/tei/{name}.xml", f"corpus/texts/{name}.txt",
                 f"corpus/texts/{name}.toml", "corpus/register.toml", "corpus/edition.toml",
                 "schema/teipipe.rng", "schema/teipipe.sch"):
        assert f"data/{kept}" in payload, kept
    # the date is the edition's, not the clock's
    assert bag.info["Bagging-Date"] == "2025-01-15"
    # every xml-model link of the TEI resolves inside the bag
    for tei in (out / "data" / "corpus" / "tei").glob("*.xml"):
        for href in re.findall(r'<\?xml-model href="([^"]+)"', tei.read_text(encoding="utf-8")):
            assert (tei.parent / href).is_file(), (tei.name, href)
    Citation(cffstr=(out / "data" / "CITATION.cff").read_text(encoding="utf-8")).validate()


def test_the_same_edition_gives_the_same_bag(tmp_path: Path) -> None:
    shutil.copytree(REPO / "corpus", tmp_path / "corpus")
    first, second = tmp_path / "one.tar.gz", tmp_path / "two.zip"
    assert main(["package", "--project", str(tmp_path), "--out", str(first), "-q"]) == 0
    again = tmp_path / "again"
    again.mkdir()
    shutil.move(first, again / "one.tar.gz")
    assert main(["package", "--project", str(tmp_path), "--out", str(first), "-q"]) == 0
    assert first.read_bytes() == (again / "one.tar.gz").read_bytes()
    assert main(["package", "--project", str(tmp_path), "--out", str(second), "-q"]) == 0
    with zipfile.ZipFile(second) as archive:
        assert "two/data/corpus/edition.toml" in archive.namelist()


def test_citation_names_an_spdx_licence() -> None:
    text = bundle.citation(Edition(licence_url="https://creativecommons.org/licenses/by-sa/4.0/",
                                   date="2024-01-01", publisher="Verlag"))
    assert 'license: "CC-BY-SA-4.0"' in text and "Verlag" in text
    Citation(cffstr=text).validate()
    with pytest.raises(Exception, match="publisher"):
        Citation(cffstr=text + 'publisher: {name: "Verlag"}\n').validate()


def test_transform_command_writes_text(tmp_path: Path) -> None:
    assert main(["transform", "--to", "text", str(REPO / "tests" / "fixtures" / "xslt"),
                 "--out", str(tmp_path)]) == 0
    assert (tmp_path / "letter-features.txt").read_text(encoding="utf-8").startswith("Anna")
