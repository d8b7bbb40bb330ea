"""`teipipe package` writes a BagIt bag that bagit itself validates."""

from __future__ import annotations

import shutil
from pathlib import Path

import bagit

from support.outputs_paths import REPO
from teipipe.cli import main


def test_package_makes_a_valid_bag(tmp_path: Path) -> None:
    shutil.copytree(REPO / "corpus", tmp_path / "corpus")
    out = tmp_path / "hand-off"
    assert main(["package", "--project", str(tmp_path), "--out", str(out), "-q"]) == 0
    bag = bagit.Bag(str(out))
    bag.validate()
    assert "sha256" in bag.algorithms
    payload = set(bag.payload_entries())
    assert "data/cmif.xml" in payload and "data/CITATION.cff" in payload
    assert "data/validation-report.json" in payload
    assert "data/tei/1936-08-10_serge-to-trotsky_en.xml" in payload


def test_transform_command_writes_text(tmp_path: Path) -> None:
    assert main(["transform", "--to", "text", str(REPO / "tests" / "fixtures" / "xslt"),
                 "--out", str(tmp_path)]) == 0
    assert (tmp_path / "letter-features.txt").read_text(encoding="utf-8").startswith("Anna")
