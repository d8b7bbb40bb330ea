"""The TEI P5 source (`p5subset.xml`) that ODDs customise: where it is, and its specs by ident.

teipipe never downloads it: it comes from `--p5`, from the environment variable
`TEIPIPE_P5`, or from `p5subset.xml` in the user cache folder (see `cache_dir`),
where an editor puts it once (it ships with every TEI release, `xml/tei/odd/`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs
from lxml import etree

from ..tei import TEI_NS

ENV = "TEIPIPE_P5"
P5_NAME = "p5subset.xml"
SPEC_KINDS = {"elementSpec": "element", "classSpec": "class", "macroSpec": "macro",
              "dataSpec": "data"}


def cache_dir() -> Path:
    """The per-user folder where teipipe looks for `p5subset.xml` last."""
    return Path(platformdirs.user_cache_dir("teipipe")) / "p5"


def locate(explicit: Path | None) -> Path | None:
    """The P5 source to use: the one named, else `$TEIPIPE_P5`, else the cached one."""
    if explicit is not None:
        return explicit
    from_env = os.environ.get(ENV)
    if from_env:
        return Path(from_env)
    cached = cache_dir() / P5_NAME
    return cached if cached.is_file() else None


@dataclass
class SpecSource:
    """Specs an ODD can select from (the P5 source, or a chained ODD compiled): by kind and
    ident, each with its module. Read-only once built."""

    display: str
    version: str
    specs: dict[str, dict[str, etree._Element]] = field(default_factory=dict)
    known: set[str] = field(default_factory=set)
    """Idents the source's own source declares and it left out (for a chained ODD)."""

    def of(self, kind: str) -> dict[str, etree._Element]:
        return self.specs.setdefault(kind, {})

    def module_specs(self, module: str) -> list[tuple[str, etree._Element]]:
        """(kind, spec) of every spec of a module, in kind order then source order."""
        return [(kind, spec) for kind in ("data", "macro", "class", "element")
                for spec in self.of(kind).values() if spec.get("module") == module]

    def modules(self) -> set[str]:
        return {spec.get("module", "") for table in self.specs.values() for spec in table.values()}

    def kind_of(self, ident: str) -> str | None:
        for kind, table in self.specs.items():
            if ident in table:
                return kind
        return None


def from_tree(root: etree._Element, display: str) -> SpecSource:
    """The specs of a parsed `p5subset.xml` (or any TEI file that declares specs)."""
    source = SpecSource(display, _version(root))
    for tag, kind in SPEC_KINDS.items():
        table = source.of(kind)
        for spec in root.iter(f"{{{TEI_NS}}}{tag}"):
            table.setdefault(spec.get("ident", ""), spec)
    return source


def _version(root: etree._Element) -> str:
    """The P5 release number, from the edition statement (`P5 Version 4.8.0`)."""
    edition = root.find(f".//{{{TEI_NS}}}editionStmt/{{{TEI_NS}}}edition")
    if edition is None:
        return ""
    words = " ".join("".join(str(t) for t in edition.itertext()).split()).split()
    numbers = [w.rstrip(".,") for w in words if w[:1].isdigit() and w.count(".") >= 1]
    return numbers[0] if numbers else ""
