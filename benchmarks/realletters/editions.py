"""The editions the development set is built from, and how to read each one's files.

An edition's TEI comes either from a folder (the project's `../shared/realworld/`)
or from a bare git mirror brought with the search tool's `fetch`, read with
`git show`. Per-edition code is limited to where the edition keeps its letters
and, where its `correspDesc` is known to be wrong, how to read it right; the
gold itself is always read by `gold.read_letter`.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import adjust
from gold import Adjust, Unpack


@dataclass(frozen=True)
class Edition:
    """Where one edition's letters are and how its TEI is read."""

    name: str
    language: str
    origin: str
    """`realworld` (a folder under ../shared/realworld) or `mirror` (a fetched git dir)."""
    folders: tuple[str, ...]
    """Folders holding one letter a file (relative to realworld/ or the repository root)."""
    repository: str
    licence: str
    adjust: Adjust | None = None
    pattern: str = r".*\.xml$"
    unpack: Unpack | None = None
    """How to find the letters of a file that holds several its own way."""
    mirror_folders: tuple[str, ...] = ()
    """Where the letters are in the edition's own repository, when it can be fetched too
    (a realworld edition then gives more letters from its mirror)."""


EDITIONS: dict[str, Edition] = {e.name: e for e in (
    Edition("escher", "de", "realworld", ("tei/escher", "tei/escher-500"),
            "stazh/briefedition-escher", "GPL-3.0", adjust.escher),
    Edition("schnitzler", "de", "realworld", ("tei/schnitzler",),
            "arthur-schnitzler/schnitzler-briefe-data", "MIT",
            mirror_folders=("data/editions",)),
    Edition("evans", "en", "mirror", ("evans/XML",), "Text-Creation-Partnership/Evans-TCP",
            "CC0-1.0", adjust.evans, pattern=r".*\.xml$", unpack=adjust.evans_letters,
            mirror_folders=("evans/XML",)),
    Edition("varela", "es", "mirror", ("letters_data/documents_XML",),
            "CarlaMenegat/VarelaDigital", "CC-BY-4.0", adjust.varela,
            mirror_folders=("letters_data/documents_XML",)),
    Edition("cody", "en", "mirror", ("source/tei",), "CDRH/data_cody",
            "CC-BY-NC-SA-3.0", adjust.cody, pattern=r".*/wfc\.css\d+\.xml$"),
    Edition("horel", "fr", "mirror", ("tei/horel.tei.xml",), "sardinecan/eHorel",
            "none stated", adjust.horel),
    Edition("suriano", "it", "mirror", ("datasource/tei",), "HuygensING/suriano", "MIT",
            adjust.suriano),
    Edition("pacini", "it", "mirror", ("LETTERE",),
            "colombini41/Cinquanta-lettere-di-prigionia---Alberto-Pacini", "none stated"),
    Edition("whitman", "en", "mirror", ("source/tei",), "whitmanarchive/whitman-correspondence",
            "all rights reserved (fair use)", adjust.whitman),
    Edition("dubourg", "fr", "mirror", ("data/dubourg_correspondance.xml",), "chartes/dubourg",
            "CC-BY-NC-SA-4.0", adjust.dubourg, unpack=adjust.dubourg_letters),
    Edition("tillich", "de", "mirror", ("data/editions",),
            "TillichCorrespondence/tillich-briefe-data", "CC-BY-SA-4.0",
            mirror_folders=("data/editions",)),
    # The TCP's eighteenth-century British books (ECCO): same encoding as Evans, other
    # books, printers and writers; read the same way.
    Edition("ecco", "en", "mirror", ("ecco_all/ecco/XML",),
            "Text-Creation-Partnership/ECCO-TCP", "CC0-1.0", adjust.evans,
            unpack=adjust.evans_letters, mirror_folders=("ecco_all/ecco/XML",)),
)}


def _git(git_dir: Path, *args: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(git_dir), *args], check=True,
                          capture_output=True).stdout


def mirror_commit(git_dir: Path) -> str:
    return _git(git_dir, "rev-parse", "HEAD").decode().strip()


def _by_hash(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8")).hexdigest()


def files(edition: Edition, root: Path) -> Iterator[tuple[str, bytes]]:
    """(file id, TEI bytes) of every letter file of the edition, in the order of hashes."""
    pattern = re.compile(edition.pattern)
    if edition.origin == "realworld" and not (root / "HEAD").is_file():
        paths = {p.stem: p for folder in edition.folders
                 for p in (root / folder).glob("*.xml") if pattern.match(p.as_posix())}
        for stem in sorted(paths, key=_by_hash):
            yield stem, paths[stem].read_bytes()
        return
    if not (root / "HEAD").is_file():
        # A plain folder of the edition's files (test fixtures), not a fetched git dir.
        found = {p.stem: p for p in root.glob("*.xml")}
        for stem in sorted(found, key=_by_hash):
            yield stem, found[stem].read_bytes()
        return
    folders = edition.mirror_folders or edition.folders
    listing = _git(root, "ls-tree", "-r", "--name-only", "HEAD", "--", *folders)
    names = [n for n in listing.decode().splitlines() if pattern.match(n)]
    for name in sorted(names, key=_by_hash):
        file_id = (name.rsplit("/", 1)[-1] if edition.mirror_folders else name).removesuffix(
            ".xml").replace("/", "_")
        try:
            data = _git(root, "show", f"HEAD:{name}")
        except subprocess.CalledProcessError:
            continue  # a snapshot may list its largest files without holding them
        yield file_id, data
