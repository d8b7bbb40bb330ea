"""The editions the development set is built from, and how to read each one's files.

An edition's TEI comes either from a folder (the project's `../shared/realworld/`)
or from a bare git mirror brought with the search tool's `fetch`, read with
`git show`. Per-edition code is limited to where the edition keeps its letters
and, where its `correspDesc` is known to be wrong, how to read it right; the
gold itself is always read by `gold.read_letter`.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from gold import NS, Adjust, GoldLetter, clean, person_name
from lxml import etree


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


def _escher_parties(root: etree._Element, gold: GoldLetter) -> None:
    """Escher's `persName/@type` says `addressee` of the writer; its title is right.

    Titles read `Writer an Addressee, Place, Date`; the correspDesc of the same
    files marks the writer `addressee` (compare any title with its signature).
    """
    title = root.find(".//t:titleStmt/t:title", NS)
    text = clean("".join(title.itertext())) if title is not None else ""
    match = re.match(r"(?P<s>.+?) an (?P<r>[^,]+),", text)
    if match:
        gold.sender, gold.recipient = match.group("s"), match.group("r")


def _suriano_parties(root: etree._Element, gold: GoldLetter) -> None:
    """Suriano's dispatches name the sender and recipient in correspAction persName/name."""
    for attr, kind in (("sender", "sent"), ("recipient", "received")):
        node = root.find(f".//t:correspAction[@type='{kind}']/*", NS)
        if node is not None and not getattr(gold, attr):
            setattr(gold, attr, person_name("".join(node.itertext())))


EDITIONS: dict[str, Edition] = {e.name: e for e in (
    Edition("escher", "de", "realworld", ("tei/escher", "tei/escher-500"),
            "stazh/briefedition-escher", "GPL-3.0", _escher_parties),
    Edition("schnitzler", "de", "realworld", ("tei/schnitzler",),
            "arthur-schnitzler/schnitzler-briefe-data", "MIT"),
    Edition("letters1916", "en", "mirror", ("data/editions",),
            "letters1916static/letters1916-data", "CC-BY-4.0 (see SOURCES.tsv)"),
    Edition("suriano", "it", "mirror", ("datasource/tei-bare",),
            "HuygensING/suriano", "see SOURCES.tsv", _suriano_parties),
)}


def _git(git_dir: Path, *args: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(git_dir), *args], check=True,
                          capture_output=True).stdout


def mirror_commit(git_dir: Path) -> str:
    return _git(git_dir, "rev-parse", "HEAD").decode().strip()


def files(edition: Edition, root: Path) -> Iterator[tuple[str, bytes]]:
    """(letter id, TEI bytes) of every letter file of the edition, in a stable order."""
    pattern = re.compile(edition.pattern)
    if edition.origin == "realworld":
        for folder in edition.folders:
            for path in sorted((root / folder).glob("*.xml")):
                if pattern.match(path.name):
                    yield path.stem, path.read_bytes()
        return
    listing = _git(root, "ls-tree", "-r", "--name-only", "HEAD", "--", *edition.folders)
    for name in sorted(listing.decode().splitlines()):
        if pattern.match(name):
            letter_id = name.removesuffix(".xml").replace("/", "_")
            yield letter_id, _git(root, "show", f"HEAD:{name}")
