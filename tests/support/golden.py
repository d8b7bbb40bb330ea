"""Golden files: compare a text with the file beside its input; rewrite only when asked.

Set `TEIPIPE_ACCEPT=1` to write the current output as the new golden (then
review the diff before committing); otherwise a missing or different golden fails.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

ACCEPT_VARIABLE = "TEIPIPE_ACCEPT"


def accepting() -> bool:
    return os.environ.get(ACCEPT_VARIABLE) == "1"


def assert_golden(actual: str, golden: Path) -> None:
    """`actual` must equal the golden file's text (or becomes it under TEIPIPE_ACCEPT=1)."""
    if accepting():
        golden.write_text(actual, encoding="utf-8")
        return
    if not golden.exists():
        raise AssertionError(
            f"no golden file {golden.name}; run with {ACCEPT_VARIABLE}=1 to create it")
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True),
            fromfile=f"{golden.name} (golden)", tofile="actual"))
        raise AssertionError(
            f"{golden.name} differs (run with {ACCEPT_VARIABLE}=1 to accept):\n{diff}")
