"""`compile_odd`: one ODD file to the RELAX NG, Schematron and HTML files, deterministically."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..diagnostics import Diagnostic, Severity
from ..tei import ODD_FILE, REFERENCE_FILE, RNG_FILE, SCH_FILE
from ..xml import safexml
from . import expand, reference, rng, sch
from .odd import OddError

# The project's outputs keep fixed names whatever its schemaSpec's ident: the validator
# and the build look for them there.
OUTPUTS = (RNG_FILE, SCH_FILE, REFERENCE_FILE)


@dataclass(frozen=True)
class CompileResult:
    """The bytes of each output by file name (none when the ODD has errors), and the problems."""

    outputs: dict[str, bytes]
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        return bool(self.outputs) and not any(
            d.severity is Severity.ERROR for d in self.diagnostics)


def _xml(tree: etree._ElementTree) -> bytes:
    etree.indent(tree, space="  ")
    return etree.tostring(tree, encoding="UTF-8", xml_declaration=True, pretty_print=True)


def compile_odd(data: bytes, display: str, p5: Path | None = None, base: Path | None = None,
                names: tuple[str, ...] | None = None) -> CompileResult:
    """Compile the bytes of an ODD; `display` names it in messages, `p5` is the TEI source
    its moduleRefs select from, `base` the folder its chained ODDs are read from. The
    outputs are `<ident>.rng`, `<ident>.sch` and `<ident>.html` unless `names` says."""
    try:
        odd, problems = expand.load(data, display, expand.Sources(p5), base)
        if any(p.severity is Severity.ERROR for p in problems):
            return CompileResult({}, tuple(problems))
        rng_name, sch_name, html_name = names or (
            f"{odd.ident}.rng", f"{odd.ident}.sch", f"{odd.ident}.html")
        outputs = {
            rng_name: _xml(rng.build(odd)),
            sch_name: _xml(sch.build(odd)),
            html_name: reference.render(odd),
        }
    except OddError as error:
        return CompileResult({}, (error.diagnostic,))
    return CompileResult(outputs, tuple(problems))


def compile_file(path: Path, display: str, p5: Path | None = None) -> CompileResult:
    """Compile the ODD at `path` (its chained ODDs are read beside it)."""
    return compile_odd(path.read_bytes(), display, p5, path.parent)


def compile_project(schema_dir: Path, display_dir: str = "schema",
                    max_bytes: int = safexml.DEFAULT_MAX_BYTES,
                    p5: Path | None = None) -> CompileResult:
    """Compile `schema_dir/teipipe.odd`; the caller writes the outputs beside it."""
    display = f"{display_dir}/{ODD_FILE}"
    data, problems = safexml.read_bytes(schema_dir / ODD_FILE, display, max_bytes)
    if data is None:
        return CompileResult({}, tuple(problems))
    return compile_odd(data, display, p5, schema_dir, OUTPUTS)
