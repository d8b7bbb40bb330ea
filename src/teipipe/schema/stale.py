"""The one check that a schema folder holds what its ODD compiles to.

The build and `teipipe schema compile --check` both report a committed file that
differs from the compiler's output, with the same code and words.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..diagnostics import Diagnostic, Location, Severity
from .compiler import CompileResult


def stale_outputs(result: CompileResult, folder: Path,
                  display: Callable[[Path], str]) -> dict[str, Diagnostic]:
    """Each output whose file in `folder` is missing or differs, with its `schema.stale`
    error (`display` names the file in messages)."""
    return {
        name: Diagnostic("schema.stale", Severity.ERROR, Location(display(folder / name)),
                         "the committed file is not what the ODD compiles to; run "
                         "`teipipe schema compile` and commit the result")
        for name, data in result.outputs.items()
        if not (folder / name).is_file() or (folder / name).read_bytes() != data}
