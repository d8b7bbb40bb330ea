"""teipipe's own ODD compiler: the ODD customisation to RELAX NG, Schematron and an HTML reference.

Stages, as in the TEI Stylesheets but all in Python and offline:
`odd.load` reads the ODD and expands it (modes applied, references checked)
into an `Odd`; `rng`, `sch` and `reference` each turn that one middle form into
an output.
"""

from __future__ import annotations

from .compiler import OUTPUTS, CompileResult, compile_file, compile_odd, compile_project
from .stale import stale_outputs

__all__ = ["OUTPUTS", "CompileResult", "compile_file", "compile_odd", "compile_project",
           "stale_outputs"]
