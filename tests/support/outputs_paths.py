"""Paths the output tests share: the repository, the shared folder beside it, XSLT fixtures."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"
FIXTURES = REPO / "tests" / "fixtures" / "xslt"
