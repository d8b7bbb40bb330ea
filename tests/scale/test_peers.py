"""The benchmark's #16 rows: the conversion ratio's arithmetic, the Java peer's skip, the XSLT."""

from __future__ import annotations

from pathlib import Path

import peers
import pytest
from lxml import etree

from teipipe.project.layout import SHIPPED_SCHEMA


def test_conversion_is_read_passes_and_write_against_the_floor_per_letter() -> None:
    stages = {"read": {"cpu_s": 2.0}, "passes": {"cpu_s": 5.0}, "write": {"cpu_s": 1.0}}
    row = peers.conversion_vs_floor(stages, {"cpu_s": 0.4}, 1000)
    assert isinstance(row, dict)
    assert row["conversion_cpu_ms"] == 8.0
    assert row["floor_cpu_ms"] == 0.4
    assert row["ratio_conversion_vs_floor"] == 20.0


def test_conversion_ratio_needs_the_stage_rows() -> None:
    assert isinstance(peers.conversion_vs_floor({}, {"cpu_s": 0.4}, 10), str)


def test_java_peer_is_skipped_with_a_message_without_java(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(peers.shutil, "which", lambda name: None)
    row = peers.java_peer(tmp_path, lambda *a, **k: pytest.fail("ran a child"))
    assert isinstance(row, str) and row.startswith("skipped")


def test_the_schematron_for_java_is_teipipes_compiled_stylesheet(tmp_path: Path) -> None:
    sheet = etree.parse(str(peers.schematron_xslt(tmp_path / "s.xsl"))).getroot()
    xsl = "http://www.w3.org/1999/XSL/Transform"
    assert sheet.tag == f"{{{xsl}}}stylesheet" and sheet.get("version") == "3.0"
    # every pattern of the shipped Schematron reports under its own id
    shipped = etree.parse(str(SHIPPED_SCHEMA / "teipipe.sch")).getroot()
    ids = {p.get("id") for p in shipped.iter("{http://purl.oclc.org/dsdl/schematron}pattern")}
    assert len(ids) > 5
    assert {f.get("pattern") for f in sheet.iter("{urn:teipipe:schematron-result}failed")} == ids
