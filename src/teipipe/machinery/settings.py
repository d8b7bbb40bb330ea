"""What a build's outputs depend on besides each text, in one frozen value with one key.

Every input that can change a document's TEI, page, CMIF entries or index row and is
not the document's own text, sidecar or links is named here; `cache_key()` hashes
exactly these, so the cache and the build cannot disagree about what an output
depends on.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..files import schema_base_for
from ..project.layout import SHIPPED_SCHEMA, Project
from ..publish.transform import Stylesheets
from ..source import DEFAULT_MAX_BYTES
from .cache import feed, feed_folder, source_hash

TEMPLATES = Path(__file__).resolve().parents[1] / "publish" / "templates"


@dataclass(frozen=True)
class BuildSettings:
    """One build's settings: the project, what the run may do, and what outputs depend on."""

    project: Project
    check: bool = False
    """Write nothing; report where the committed TEI differs from what the build makes."""
    use_cache: bool = True
    schema_base: str = "../../schema/"
    """The schema folder as a URI relative to the TEI folder (the TEI's xml-model)."""
    stylesheets: Stylesheets = Stylesheets()
    max_bytes: int = DEFAULT_MAX_BYTES
    """Texts (and the ODD) larger than this are refused."""

    @classmethod
    def of(cls, project: Project, check: bool = False, use_cache: bool = True,
           max_bytes: int = DEFAULT_MAX_BYTES) -> BuildSettings:
        xslt = project.xslt if project.xslt.is_dir() else None
        return cls(project, check, use_cache, schema_base_for(project.tei, project.schema),
                   Stylesheets(xslt), max_bytes)

    @property
    def site(self) -> Path:
        return self.project.build / "site"

    def cache_key(self) -> str:
        """What every document's outputs depend on besides its own files: teipipe's code,
        the register, the edition, the schema, the templates and the stylesheets that run."""
        project = self.project
        digest = hashlib.sha256()
        feed(digest, "teipipe", source_hash().encode())
        feed(digest, "schema-base", self.schema_base.encode())
        for label, path in (("register", project.register), ("edition", project.edition)):
            feed(digest, label, path.read_bytes() if path.is_file() else b"")
        feed_folder(digest, "schema", project.schema)
        # teipipe's own non-code files: page templates, and the schema a project without
        # an ODD of its own is validated against.
        feed_folder(digest, "templates", TEMPLATES)
        feed_folder(digest, "shipped-schema", SHIPPED_SCHEMA)
        for number, folder in enumerate(self.stylesheets.folders()):
            feed_folder(digest, f"xslt-{number}", folder)
        return digest.hexdigest()
