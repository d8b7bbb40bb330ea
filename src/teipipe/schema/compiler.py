"""`compile_odd`: one ODD file to the RELAX NG, Schematron and HTML files, deterministically."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..diagnostics import Diagnostic, Severity
from ..tei import ODD_FILE, REFERENCE_FILE, RNG_FILE, SCH_FILE
from ..xml import safexml
from . import odd as odd_mod
from . import reference, rng, sch

# Output file name → what makes it from the expanded ODD.
OUTPUTS = (RNG_FILE, SCH_FILE, REFERENCE_FILE)


@dataclass(frozen=True)
class CompileResult:
    """The bytes of each output (none when the ODD has errors) and the problems found."""

    outputs: dict[str, bytes]
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        return bool(self.outputs) and not any(
            d.severity is Severity.ERROR for d in self.diagnostics)


def _xml(tree: etree._ElementTree) -> bytes:
    etree.indent(tree, space="  ")
    return etree.tostring(tree, encoding="UTF-8", xml_declaration=True, pretty_print=True)


def compile_odd(data: bytes, display: str) -> CompileResult:
    """Compile the bytes of an ODD; `display` names it in messages."""
    try:
        odd, problems = odd_mod.load(data, display)
    except odd_mod.OddError as error:
        return CompileResult({}, (error.diagnostic,))
    if any(p.severity is Severity.ERROR for p in problems):
        return CompileResult({}, tuple(problems))
    outputs = {
        RNG_FILE: _xml(rng.build(odd)),
        SCH_FILE: _xml(sch.build(odd)),
        REFERENCE_FILE: reference.render(odd),
    }
    return CompileResult(outputs, tuple(problems))


def compile_project(schema_dir: Path, display_dir: str = "schema",
                    max_bytes: int = safexml.DEFAULT_MAX_BYTES) -> CompileResult:
    """Compile `schema_dir/teipipe.odd`; the caller writes the outputs beside it."""
    display = f"{display_dir}/{ODD_FILE}"
    data, problems = safexml.read_bytes(schema_dir / ODD_FILE, display, max_bytes)
    return compile_odd(data, display) if data is not None else CompileResult({}, tuple(problems))
