"""A new edition project: the files `teipipe init` writes, planned before anything is written.

The files come from templates shipped in `project/templates/` and from teipipe's own ODD,
compiled here so that the project validates with, and its pages link to, a schema
it holds. Planning is separate from writing so that the command can refuse before
writing anything when one of the files already exists.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ..diagnostics import Diagnostic
from ..schema import OUTPUTS, compile_odd
from ..tei import ODD_FILE
from .layout import SHIPPED_SCHEMA

TEMPLATES = Path(__file__).resolve().parent / "templates"
EXAMPLE = "corpus/texts/1921-03-12_dumont-to-weber_en"
PLACEHOLDER_URL = "https://example.org/my-edition/"

# Path in the project → (template in project/templates, what the file is for). Templates
# have plain names because package data leaves out names that start with a dot.
FILES: tuple[tuple[str, str, str], ...] = (
    (f"{EXAMPLE}.txt", "letter.txt", "an example letter; replace it with yours"),
    (f"{EXAMPLE}.toml", "letter.toml", "its sidecar: what the editor states by hand"),
    ("corpus/register.toml", "register.toml", "people, places, organisations, identifiers"),
    ("corpus/edition.toml", "edition.toml", "title, editor, publisher, licence, URL, date"),
    (".gitignore", "gitignore", "keeps the build's output out of git"),
    (".pre-commit-config.yaml", "pre-commit-config.yaml", "validates the TEI before a commit"),
    (".github/workflows/teipipe.yml", "workflow.yml", "CI: build, validate, package"),
)
SCHEMA_PURPOSE = "the schema: teipipe's ODD, yours to customise"


@dataclass(frozen=True)
class Planned:
    """One file of the new project."""

    path: str
    """Where it goes, relative to the project folder, with `/`."""
    data: bytes
    purpose: str


@dataclass(frozen=True)
class Settings:
    """What the new project's files are filled in with."""

    install: Install
    date: str
    """The publication date of the outputs (YYYY-MM-DD), until the editor changes it."""
    url: str = PLACEHOLDER_URL
    """Where the edition will be published (edition.toml's base_url)."""

    def markers(self) -> dict[str, str]:
        # JSON strings are valid YAML double-quoted scalars and TOML basic strings, so any
        # value is quoted safely.
        return {"@TEIPIPE_SPEC@": json.dumps(self.install.spec),
                "@BASE_URL@": json.dumps(self.url), "@DATE@": json.dumps(self.date)}


@dataclass(frozen=True)
class Install:
    """How the project's CI installs teipipe."""

    spec: str
    """A pip requirement: `teipipe==VERSION` or `teipipe @ git+URL@COMMIT`."""
    reachable: bool
    """False when teipipe came from a local folder, which CI cannot reach, so that `spec`
    is a guess the editor must check."""


def install_spec(version: str) -> Install:
    """The requirement that installs this teipipe elsewhere, from how it was installed
    here (PEP 610's direct_url.json): a repository URL at its commit, else the version."""
    try:
        direct = metadata.distribution("teipipe").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        direct = None
    if not direct:
        return Install(f"teipipe=={version}", True)
    origin = json.loads(direct)
    url = str(origin.get("url", ""))
    vcs = origin.get("vcs_info")
    if isinstance(vcs, dict) and not url.startswith("file:"):
        return Install(f"teipipe @ {vcs.get('vcs', 'git')}+{url}@{vcs.get('commit_id', '')}",
                       True)
    return Install(f"teipipe=={version}", not url.startswith("file:"))


def plan(settings: Settings) -> tuple[list[Planned], list[Diagnostic]]:
    """Every file of a new project, with the schema compiled from teipipe's ODD."""
    planned = [Planned(path, _template(name, settings), purpose)
               for path, name, purpose in FILES]
    odd = (SHIPPED_SCHEMA / ODD_FILE).read_bytes()
    compiled = compile_odd(odd, f"schema/{ODD_FILE}", names=OUTPUTS)
    if not compiled.ok:
        return [], list(compiled.diagnostics)
    planned.append(Planned(f"schema/{ODD_FILE}", odd, SCHEMA_PURPOSE))
    planned.extend(Planned(f"schema/{name}", data, "compiled from the ODD")
                   for name, data in sorted(compiled.outputs.items()))
    return planned, list(compiled.diagnostics)


def _template(name: str, settings: Settings) -> bytes:
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    for marker, value in settings.markers().items():
        text = text.replace(marker, value)
    return text.encode("utf-8")


def existing(root: Path, planned: list[Planned]) -> list[str]:
    """The planned paths that something already occupies (a file, a folder or a link)."""
    return [p.path for p in planned if os.path.lexists(root / p.path)]


def write(root: Path, planned: list[Planned]) -> None:
    """Write every planned file under `root` (made if missing); nothing may exist yet.

    Each file is created exclusively (mode "x"), so a file that appeared since
    `existing` was asked is never overwritten: FileExistsError instead."""
    for item in planned:
        target = root / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("xb") as out:
            out.write(item.data)
