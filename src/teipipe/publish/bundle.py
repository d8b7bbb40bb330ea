"""The archival hand-off: a BagIt bag of the corpus as made (TEI, schema, CMIF, a report) and
as written (plain texts, sidecars, register, edition settings).

The bag is made with the Library of Congress `bagit` library so that its manifests,
tag files and validation are exactly what archives check. Its payload keeps the
project's own layout (`data/corpus/tei/`, `data/schema/`), so that each TEI's
xml-model links resolve inside the bag as they do in the project. Nothing depends on
the clock: the Bagging-Date is the edition's publication date, so that the same
edition gives the same bytes, and an archive of the bag fixes every file's time.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import tarfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import bagit

from ..diagnostics import Diagnostic
from ..project.edition import Edition
from ..project.layout import Project

SCHEMA_PATTERNS = ("*.odd", "*.rng", "*.sch")
SOURCE_PATTERNS = ("*.txt", "*.toml")
"""The texts teipipe converts and their sidecars."""
_CC = re.compile(r"creativecommons\.org/licenses/([a-z-]+)/(\d\.\d)", re.IGNORECASE)
_CC0 = re.compile(r"creativecommons\.org/publicdomain/zero/1\.0", re.IGNORECASE)


def spdx_licence(url: str) -> str | None:
    """The SPDX identifier of a Creative Commons licence URL (CC-BY-4.0), if it is one."""
    if _CC0.search(url):
        return "CC0-1.0"
    found = _CC.search(url)
    return f"CC-{found.group(1).upper()}-{found.group(2)}" if found else None


def citation(edition: Edition) -> str:
    """CITATION.cff of the corpus (CFF 1.2.0), from the edition settings (YAML, values quoted).

    CFF has no publisher field: the publisher is named in the message."""
    def quoted(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)

    licence = spdx_licence(edition.licence_url)
    message = f"If you use this corpus, please cite it as below. Published by {edition.publisher}."
    lines = [
        "cff-version: 1.2.0",
        f"message: {quoted(message)}",
        "type: dataset",
        f"title: {quoted(edition.title)}",
        "authors:",
        f"  - name: {quoted(edition.editor)}",
        f"version: {quoted(edition.version)}",
        f"url: {quoted(edition.base_url)}",
        f"license: {quoted(licence)}" if licence else f"license-url: {quoted(edition.licence_url)}",
    ]
    if edition.date:
        lines.append(f"date-released: {quoted(edition.date)}")
    return "\n".join(lines) + "\n"


def report(diagnostics: list[Diagnostic]) -> str:
    """The validation report of the bag: every diagnostic of the build, as JSON."""
    return json.dumps({"diagnostics": [d.as_json() for d in diagnostics]},
                      ensure_ascii=False, indent=2) + "\n"


def _copy(files: list[Path], project: Project, data: Path) -> None:
    """Copy `files` into the payload at their place in the project."""
    for path in files:
        target = data / path.resolve().relative_to(project.root.resolve())
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)


def make_bag(project: Project, tei_files: list[Path], cmif: Path | None,
             diagnostics: list[Diagnostic],
             edition: Edition, target: Path) -> bagit.Bag:
    """Write a new bag folder at `target` (replaced if present) and return it, validated."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    sources = sorted(p for pattern in SOURCE_PATTERNS for p in project.texts.glob(pattern))
    settings = [p for p in (project.register, project.edition) if p.is_file()]
    schema_files = sorted(p for pattern in SCHEMA_PATTERNS for p in project.schema.glob(pattern))
    _copy(sorted(tei_files) + sources + settings + schema_files, project, target)
    if cmif is not None:
        shutil.copyfile(cmif, target / "cmif.xml")
    (target / "validation-report.json").write_text(report(diagnostics), encoding="utf-8")
    (target / "CITATION.cff").write_text(citation(edition), encoding="utf-8")
    info = {
        "Source-Organization": edition.publisher,
        "External-Description": edition.title,
        "External-Identifier": edition.id,
        "Bag-Software-Agent": "teipipe",
    }
    if edition.date:
        info["Bagging-Date"] = edition.date
    bag = bagit.make_bag(str(target), info, checksums=["sha256"])
    bag.validate()
    return bag


def fixed_time(edition: Edition) -> float:
    """The time every file of an archived bag carries: the edition's date (else 1980-01-01,
    the earliest a zip file can hold), at midnight UTC."""
    day = edition.date if re.fullmatch(r"\d{4}-\d{2}-\d{2}", edition.date) else "1980-01-01"
    return datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp()


def archive(folder: Path, kind: str, edition: Edition) -> Path:
    """The bag `folder` as one .zip or .tar.gz file beside it (`kind`: zip or gztar), the
    same bytes for the same bag: entries sorted, every time and owner fixed."""
    when = fixed_time(edition)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    names = [f"{folder.name}/{p.relative_to(folder).as_posix()}" for p in files]
    if kind == "zip":
        made = folder.with_name(f"{folder.name}.zip")
        stamp = datetime.fromtimestamp(when, UTC).timetuple()[:6]
        with zipfile.ZipFile(made, "w", zipfile.ZIP_DEFLATED) as out:
            for path, name in zip(files, names, strict=True):
                entry = zipfile.ZipInfo(name, stamp)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = 0o644 << 16
                out.writestr(entry, path.read_bytes())
        return made
    made = folder.with_name(f"{folder.name}.tar.gz")
    with open(made, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw,
                                                mtime=int(when)) as zipped, \
            tarfile.open(fileobj=zipped, mode="w", format=tarfile.PAX_FORMAT) as out:
        for path, name in zip(files, names, strict=True):
            member = out.gettarinfo(str(path), name)
            member.mtime, member.mode = int(when), 0o644
            member.uid = member.gid = 0
            member.uname = member.gname = ""
            with open(path, "rb") as content:
                out.addfile(member, content)
    os.utime(made, (when, when))
    return made
