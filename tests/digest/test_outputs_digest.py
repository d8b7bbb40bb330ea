"""Every output, byte for byte: the bundled corpus and 300 generated letters against a digest.

A refactoring must not change a byte of the TEI, the site, the CMIF or the bag; this
test builds both projects from scratch with the CLI and compares a SHA-256 of each
kind of output with `digests.json` beside this file.

A change of the outputs that is MEANT (a new element, a fixed page) makes this test
fail too. Then look at what changed, and regenerate the stored digests explicitly:

    TEIPIPE_UPDATE_DIGESTS=1 python -m pytest tests/digest

and commit `tests/digest/digests.json` with the change that explains it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from teipipe.cli import main

REPO = Path(__file__).resolve().parents[2]
STORED = Path(__file__).with_name("digests.json")
GENERATED = 300
UPDATE = os.environ.get("TEIPIPE_UPDATE_DIGESTS") == "1"


def _files_digest(files: list[tuple[str, Path]]) -> str:
    """One SHA-256 over the names and contents of `files` (the names in sorted order)."""
    digest = hashlib.sha256()
    for name, path in sorted(files):
        digest.update(f"{name}\0{hashlib.sha256(path.read_bytes()).hexdigest()}\n".encode())
    return digest.hexdigest()


def _under(folder: Path) -> list[tuple[str, Path]]:
    return [(p.relative_to(folder).as_posix(), p) for p in folder.rglob("*") if p.is_file()]


def _bag_files(bag: Path) -> list[tuple[str, Path]]:
    """The bag's files, with bag-info.txt without its Bagging-Date (bagit writes the day the
    bag is made) and without the tag manifests that hash it."""
    dated = bag / "bag-info.txt"
    undated = bag.parent / f"{bag.name}-info-undated.txt"
    undated.write_text("".join(line for line in dated.read_text(encoding="utf-8").splitlines(True)
                               if not line.startswith("Bagging-Date:")), encoding="utf-8")
    return [("bag-info.txt", undated)] + [
        (name, path) for name, path in _under(bag)
        if name != "bag-info.txt" and not name.startswith("tagmanifest-")]


def outputs_digests(project: Path, bag: Path) -> dict[str, str]:
    site = [(name, path) for name, path in _under(project / "build" / "site")
            if name != "cmif.xml"]
    return {
        "tei": _files_digest(_under(project / "corpus" / "tei")),
        "site": _files_digest(site),
        "cmif": _files_digest([("cmif.xml", project / "build" / "site" / "cmif.xml")]),
        "bag": _files_digest(_bag_files(bag)),
    }


def _build_and_package(project: Path) -> dict[str, str]:
    assert main(["build", "--project", str(project), "-q"]) in (0, 1)
    bag = project.parent / f"{project.name}-bag"
    assert main(["package", "--project", str(project), "--out", str(bag), "-q"]) in (0, 1)
    return outputs_digests(project, bag)


@pytest.fixture(scope="module")
def digests(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    sys.path.insert(0, str(REPO / "benchmarks"))
    import generate

    bundled = tmp_path_factory.mktemp("digest") / "bundled"
    for folder in ("corpus", "schema", "xslt"):
        shutil.copytree(REPO / folder, bundled / folder, symlinks=True)
    shutil.rmtree(bundled / "corpus" / "tei")
    generated = tmp_path_factory.mktemp("digest") / "generated"
    generate.generate(generated, GENERATED, seed=1)
    return {"bundled corpus": _build_and_package(bundled),
            f"{GENERATED} generated letters": _build_and_package(generated)}


def test_the_outputs_are_the_stored_ones_byte_for_byte(
        digests: dict[str, dict[str, str]]) -> None:
    if UPDATE:
        STORED.write_text(json.dumps(digests, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    stored = json.loads(STORED.read_text(encoding="utf-8"))
    changed = [f"{project}: {kind}" for project, kinds in digests.items()
               for kind, value in kinds.items() if stored.get(project, {}).get(kind) != value]
    assert not changed, (
        f"outputs changed ({', '.join(changed)}); if the change is meant, regenerate with "
        "TEIPIPE_UPDATE_DIGESTS=1 python -m pytest tests/digest and commit digests.json")


def test_the_digest_sees_one_changed_byte(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_bytes(b"<TEI/>")
    before = _files_digest(_under(tmp_path))
    (tmp_path / "a.xml").write_bytes(b"<TEI />")
    assert _files_digest(_under(tmp_path)) != before
