"""Where a teipipe project keeps its files: corpus texts, TEI, register, schema, build."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..tei import RNG_FILE

SHIPPED_SCHEMA = Path(__file__).resolve().parents[1] / "data" / "schema"
"""The compiled schema that comes with teipipe, for projects without an ODD of their own."""


@dataclass(frozen=True)
class Project:
    """The folders of a project rooted at `root` (the folder that holds `corpus/`)."""

    root: Path

    @property
    def texts(self) -> Path:
        return self.root / "corpus" / "texts"

    @property
    def tei(self) -> Path:
        return self.root / "corpus" / "tei"

    @property
    def register(self) -> Path:
        return self.root / "corpus" / "register.toml"

    @property
    def edition(self) -> Path:
        return self.root / "corpus" / "edition.toml"

    @property
    def schema(self) -> Path:
        return self.root / "schema"

    @property
    def validation_schema(self) -> Path:
        """The project's compiled schema, or teipipe's own when the project has none."""
        return self.schema if (self.schema / RNG_FILE).is_file() else SHIPPED_SCHEMA

    @property
    def xslt(self) -> Path:
        return self.root / "xslt"

    @property
    def build(self) -> Path:
        return self.root / "build"

    def text_files(self) -> list[Path]:
        return sorted(self.texts.glob("*.txt"))

    @cached_property
    def _resolved_root(self) -> Path:
        return self.root.resolve()

    def display(self, path: Path) -> str:
        """A path as shown in messages: relative to the project, never the host's absolute path."""
        if (path.is_absolute() and ".." not in path.parts
                and path.is_relative_to(self._resolved_root)):
            return path.relative_to(self._resolved_root).as_posix()  # no file-system call
        try:
            return path.resolve().relative_to(self._resolved_root).as_posix()
        except ValueError:
            return path.as_posix()


def find(start: Path) -> Project | None:
    """The project that contains `start` (a folder with `corpus/texts`), searching upwards."""
    for folder in (start.resolve(), *start.resolve().parents):
        if (folder / "corpus" / "texts").is_dir():
            return Project(folder)
    return None
