"""The archival hand-off: a BagIt bag of the TEI, the schema, the CMIF and a report.

The bag is made with the Library of Congress `bagit` library so that its manifests,
tag files and validation are exactly what archives check. Nothing in the bag
depends on the clock apart from the Bagging-Date that bagit itself writes.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import bagit

from ..diagnostics import Diagnostic
from ..project.edition import Edition
from ..project.layout import Project

SCHEMA_PATTERNS = ("*.odd", "*.rng", "*.sch")


def citation(edition: Edition) -> str:
    """CITATION.cff of the corpus, built from the edition settings (YAML, values quoted)."""
    lines = [
        "cff-version: 1.2.0",
        "message: If you use this corpus, please cite it as below.",
        "type: dataset",
        f"title: {json.dumps(edition.title, ensure_ascii=False)}",
        "authors:",
        f"  - name: {json.dumps(edition.editor, ensure_ascii=False)}",
        f"publisher: {{name: {json.dumps(edition.publisher, ensure_ascii=False)}}}",
        f"version: {json.dumps(edition.version)}",
        f"url: {json.dumps(edition.base_url)}",
        f"license-url: {json.dumps(edition.licence_url)}",
    ]
    if edition.date:
        lines.append(f"date-released: {json.dumps(edition.date)}")
    return "\n".join(lines) + "\n"


def report(diagnostics: list[Diagnostic]) -> str:
    """The validation report of the bag: every diagnostic of the build, as JSON."""
    return json.dumps({"diagnostics": [d.as_json() for d in diagnostics]},
                      ensure_ascii=False, indent=2) + "\n"


def make_bag(project: Project, tei_files: list[Path], cmif: Path | None,
             diagnostics: list[Diagnostic],
             edition: Edition, target: Path) -> bagit.Bag:
    """Write a new bag folder at `target` (replaced if present) and return it, validated."""
    if target.exists():
        shutil.rmtree(target)
    data = target
    (data / "tei").mkdir(parents=True)
    for path in tei_files:
        shutil.copy2(path, data / "tei" / path.name)
    schema_files = sorted(p for pattern in SCHEMA_PATTERNS for p in project.schema.glob(pattern))
    if schema_files:
        (data / "schema").mkdir()
        for path in schema_files:
            shutil.copy2(path, data / "schema" / path.name)
    if cmif is not None:
        shutil.copy2(cmif, data / "cmif.xml")
    (data / "validation-report.json").write_text(report(diagnostics), encoding="utf-8")
    (data / "CITATION.cff").write_text(citation(edition), encoding="utf-8")
    bag = bagit.make_bag(str(target), {
        "Source-Organization": edition.publisher,
        "External-Description": edition.title,
        "External-Identifier": edition.id,
        "Bag-Software-Agent": "teipipe",
    }, checksums=["sha256"])
    bag.validate()
    return bag
