"""Which schema a document is validated against: a file named on the command line (.rng,
.sch, .odd or a folder), or the document's own `<?xml-model?>` instructions.

An ODD is compiled on the fly and its RELAX NG and Schematron kept in the user cache,
under the hash of the ODD's bytes (and of the P5 source it was compiled with), so the
next run finds them. A schema on the network is never fetched: its URL must be mapped
to a local copy (`--map URL=FILE`), else the document gets an error saying so.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from ..diagnostics import Diagnostic, Location, Severity
from ..schema import p5 as p5_mod
from ..tei import TEI_NS
from ..xml import safexml

RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
_PSEUDO = re.compile(r'(\w[\w-]*)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
_PROLOG_END = re.compile(rb"<(?![?!])")


class SchemaError(Exception):
    """A schema named on the command line or by a document cannot be used."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.format())
        self.diagnostic = diagnostic


@dataclass(frozen=True)
class SchemaFiles:
    """The files one validator is built from; picklable, so workers can rebuild it."""

    rng: str | None = None
    sch: str | None = None
    odd: str | None = None
    """The ODD the grammar was compiled from, for messages that name allowed values."""
    embedded: bool = False
    """Take the Schematron rules embedded in the RELAX NG (`sch` is then the RNG itself)."""
    p5: str | None = None
    """The TEI P5 source the ODD was compiled with."""

    @property
    def label(self) -> str:
        return " + ".join(p for p in (self.rng, self.sch) if p) or "no schema"


def folder(path: Path) -> SchemaFiles:
    """A folder with teipipe.rng and teipipe.sch (and teipipe.odd, for messages)."""
    odd = path / "teipipe.odd"
    return SchemaFiles(str(path / "teipipe.rng"), str(path / "teipipe.sch"),
                       str(odd) if odd.is_file() else None)


def named(path: Path, p5: Path | None = None, cache: Path | None = None) -> SchemaFiles:
    """The schema a `--schema` argument names, by its suffix or as a folder."""
    if path.is_dir():
        return folder(path)
    if not path.is_file():
        raise SchemaError(Diagnostic("schema.missing", Severity.ERROR,
                                     Location(path.as_posix()), "no such schema file or folder"))
    suffix = path.suffix.lower()
    if suffix == ".rng":
        return SchemaFiles(rng=str(path))
    if suffix == ".sch":
        return SchemaFiles(sch=str(path))
    if suffix in (".odd", ".xml"):
        return compiled_odd(path, p5, cache)
    raise SchemaError(Diagnostic("schema.unknown-kind", Severity.ERROR,
                                 Location(path.as_posix()),
                                 "a schema is a .rng, .sch or .odd file, or a folder holding "
                                 "teipipe.rng and teipipe.sch (RELAX NG compact syntax, .rnc, "
                                 "is not read: convert it with trang)"))


COMPILER = Path(__file__).resolve().parents[1] / "schema"
"""The ODD compiler's sources: a compile is kept only as long as they are unchanged."""


def compiled_odd(path: Path, p5: Path | None, cache: Path | None = None) -> SchemaFiles:
    """The RELAX NG and Schematron of an ODD, compiled once and kept under the hash of the
    ODD, the P5 source and the compiler's own code (a fixed compiler recompiles)."""
    from ..schema import compile_file  # the compiler reads ODDs through `safe`
    p5 = p5_mod.locate(p5)
    data = path.read_bytes()
    digest = hashlib.sha256(data)
    for source in sorted(COMPILER.glob("*.py")):
        digest.update(f"\0{source.name}\0".encode() + source.read_bytes())
    if p5 is not None and p5.is_file():
        stat = p5.stat()
        digest.update(f"{p5.resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    folder_ = (cache or p5_mod.cache_dir().parent / "compiled") / digest.hexdigest()[:32]
    rng, sch = folder_ / "schema.rng", folder_ / "schema.sch"
    if not (rng.is_file() and sch.is_file()):
        result = compile_file(path, path.as_posix(), p5)
        if not result.ok:
            first = next(d for d in result.diagnostics if d.severity is Severity.ERROR)
            raise SchemaError(first)
        folder_.mkdir(parents=True, exist_ok=True)
        for name, data_out in result.outputs.items():
            if name.endswith(".rng"):
                rng.write_bytes(data_out)
            elif name.endswith(".sch"):
                sch.write_bytes(data_out)
    return SchemaFiles(str(rng), str(sch), str(path), p5=str(p5) if p5 is not None else None)


def xml_models(data: bytes) -> list[dict[str, str]]:
    """The pseudo-attributes of each `<?xml-model?>` instruction before the root element."""
    end = _PROLOG_END.search(data)
    prolog = data[:end.start() if end else len(data)].decode("utf-8", errors="replace")
    found = []
    for match in re.finditer(r"<\?xml-model\s(.*?)\?>", prolog, re.S):
        found.append({m[1]: m[2] if m[2] is not None else m[3]
                      for m in _PSEUDO.finditer(match[1])})
    return found


def from_xml_model(data: bytes, document: Path, display: str,
                   maps: dict[str, Path]) -> SchemaFiles | None:
    """The schema a document's `<?xml-model?>` instructions name, None when they name none.

    `schematypens` says what the file is (RELAX NG or Schematron); an .rng named as
    Schematron means the rules embedded in that RELAX NG, as TEI files often say."""
    rng = sch = None
    embedded = False
    for model in xml_models(data):
        href = model.get("href", "")
        kind = model.get("schematypens", "")
        if not href or kind not in (RNG_NS, SCH_NS) and not href.endswith((".rng", ".sch")):
            continue
        local = _local(href, document, display, maps)
        if kind == RNG_NS or (not kind and href.endswith(".rng")):
            rng = local
        elif href.endswith(".rng"):
            sch, embedded = local, True
        else:
            sch = local
    if rng is None and sch is None:
        return None
    return SchemaFiles(rng, sch, None, embedded)


def _local(href: str, document: Path, display: str, maps: dict[str, Path]) -> str:
    if href in maps:
        return str(maps[href])
    if re.match(r"[a-zA-Z][\w+.-]*://", href) and not href.startswith("file://"):
        raise SchemaError(Diagnostic(
            "schema.remote", Severity.ERROR, Location(display, 1, 1),
            f'<?xml-model href="{href}"?> names a schema on the network, and teipipe does not '
            f"download: save a copy and pass --map {href}=FILE (or --schema FILE)"))
    # An href is a URI reference: "my%20schema.rng" names the file "my schema.rng".
    path = Path(unquote(href.removeprefix("file://")))
    resolved = path if path.is_absolute() else document.parent / path
    if not resolved.is_file():
        raise SchemaError(Diagnostic(
            "schema.missing", Severity.ERROR, Location(display, 1, 1),
            f'<?xml-model href="{href}"?> names {resolved.as_posix()}, which does not exist'))
    return str(resolved)


def embedded_schematron(rng: etree._Element) -> etree._Element:
    """The Schematron rules embedded in a RELAX NG grammar, as one Schematron schema."""
    schema = etree.Element(f"{{{SCH_NS}}}schema", nsmap={"sch": SCH_NS})
    schema.set("queryBinding", "xslt2")
    prefixes = {"tei": TEI_NS, "xs": "http://www.w3.org/2001/XMLSchema"}
    for ns in rng.iter(f"{{{SCH_NS}}}ns"):
        prefixes[ns.get("prefix", "")] = ns.get("uri", "")
    for prefix, uri in sorted(prefixes.items()):
        etree.SubElement(schema, f"{{{SCH_NS}}}ns", prefix=prefix, uri=uri)
    for pattern in rng.iter(f"{{{SCH_NS}}}pattern"):
        schema.append(etree.fromstring(etree.tostring(pattern), safexml.parser()))
    return schema
