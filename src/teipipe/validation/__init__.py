"""Validation of TEI documents against the compiled schema: RELAX NG, then Schematron.

Engines: lxml (libxml2) for the RELAX NG grammar, which is small and has no
pathological content models; Schematron compiled by teipipe to XSLT 3 and run
by Saxon, because lxml's Schematron is XPath 1 only and ignores rules whose
context is an attribute. A `Validator` is built once per run (both schemas
compiled once) and is then used for every document; it is immutable but not
thread-safe (one per thread).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path

from lxml import etree

from ..diagnostics import Diagnostic, Location, Severity
from ..schema import expand as odd_mod
from ..schema.odd import Odd, OddError
from ..schema.p5 import locate as p5_locate
from ..tei import ODD_FILE, RNG_FILE, SCH_FILE
from ..xml import safexml, saxon, xmlids
from ..xml.xmlloc import line_of, start_tag_columns, text_column
from . import grammar, reduce, sources
from .schematron import CompiledSchematron, compile_schematron


@dataclass(frozen=True)
class Validator:
    """The compiled grammar and rules; validate any number of documents with it."""

    grammar: grammar.Grammar | None
    schematron: CompiledSchematron | None
    limits: safexml.Limits = safexml.NO_XINCLUDE
    """What the secure reader allows of the documents validated."""

    def validate(self, data: bytes, display: str,
                 origins: Mapping[int, Location] | None = None,
                 parsed: saxon.PyXdmNode | None = None,
                 path: Path | None = None) -> list[Diagnostic]:
        """Every problem of one document; `origins` maps TEI lines to plain-text places;
        `parsed`: the same document as `saxon.from_tree` gave it, when the caller has it."""
        found = self._validate(data, display, origins, parsed, path, defer_invalid=False)
        assert found is not None  # only a deferring call leaves a document out
        return found

    def _validate(self, data: bytes, display: str, origins: Mapping[int, Location] | None,
                  parsed: saxon.PyXdmNode | None, path: Path | None,
                  defer_invalid: bool) -> list[Diagnostic] | None:
        tree, problems = safexml.parse(data, display, self.limits, path)
        if tree is None:
            return problems
        repeats = xmlids.repeats(tree)
        lines = {} if origins is None else origins
        problems.extend(replace(d, origin=lines.get(d.location.line))
                        for d in xmlids.as_jing(repeats, data, display))
        found: list[grammar.Problem] = []
        with xmlids.unique_meanwhile(repeats):
            if self.grammar is not None and defer_invalid:
                if not self.grammar.valid(tree):
                    return None
            elif self.grammar is not None:
                found = self.grammar.check(tree, data)
        place = _Placer(data, display, tree.getroot(), {} if origins is None else origins)
        for problem in found:
            problems.append(place.diagnostic(problem.code, problem.element, problem.attribute,
                                             problem.message, problem.line, problem.column))
        if self.schematron is None:
            return sorted(problems, key=lambda d: (d.location.line, d.location.column, d.code))
        try:
            failures = self.schematron.run(parsed if parsed is not None else self._for_saxon(
                data, tree))
        except saxon.PySaxonApiError as error:
            return [*problems, Diagnostic("schematron.failed", Severity.ERROR,
                                          Location(display), saxon.one_line(error))]
        for failure in failures:
            node, attribute = _resolve(tree, failure.at)
            severity = Severity.WARNING if failure.role in ("warning", "warn") else Severity.ERROR
            diagnostic = place.diagnostic(f"schematron.{failure.pattern}", node, attribute,
                                          failure.message)
            problems.append(Diagnostic(diagnostic.code, severity, diagnostic.location,
                                       diagnostic.message, diagnostic.origin))
        return sorted(problems, key=lambda d: (d.location.line, d.location.column, d.code))

    def _for_saxon(self, data: bytes, tree: etree._ElementTree) -> etree._ElementTree | str:
        """The document's own text for Saxon to parse where it holds the tree (saving
        lxml's serialisation of it); the tree where XIncludes may have changed it."""
        text = None if self.limits.xinclude else saxon.root_text(data, tree)
        return tree if text is None else text

    def validate_file(self, path: Path, display: str) -> list[Diagnostic]:
        found = self.validate_file_or_defer(path, display, defer_invalid=False)
        assert found is not None  # only a deferring call leaves a document out
        return found

    def validate_file_or_defer(self, path: Path, display: str,
                               defer_invalid: bool = True) -> list[Diagnostic] | None:
        """`validate_file`; with `defer_invalid`, None for a file that breaks the grammar:
        its messages are worded later, by a validator that knows the element names of the
        whole run (see `names_first`)."""
        data, problems = safexml.read_bytes(path, display, self.limits.max_bytes)
        if data is None:
            return problems
        return self._validate(data, display, None, None, path, defer_invalid)


@dataclass(frozen=True)
class _Placer:
    """Turns an element (and attribute) of one document into a located Diagnostic."""

    data: bytes
    display: str
    root: etree._Element
    origins: Mapping[int, Location]

    @cached_property
    def columns(self) -> dict[etree._Element, int]:
        # Finding columns costs a pass over the text; a valid document needs none.
        return start_tag_columns(self.data, self.root)

    def diagnostic(self, code: str, node: etree._Element | None, attribute: str | None,
                   message: str, line: int = 0, column: int = 0) -> Diagnostic:
        if node is not None and not column:
            line = line_of(node) or line
            column = self.columns.get(node, 0)
            if attribute:
                column = text_column(self.data, line, f"{attribute}=") or column
        return Diagnostic(code, Severity.ERROR, Location(self.display, line, column), message,
                          self.origins.get(line))


def _resolve(tree: etree._ElementTree, at: str) -> tuple[etree._Element | None, str | None]:
    """The element and attribute name of an element-index path from the Schematron."""
    path, _, attribute = at.partition("/@")
    found = tree.xpath("/" + path) if path else []
    first = found[0] if isinstance(found, list) and found else None
    node = first if isinstance(first, etree._Element) else None
    return node, attribute or None


@dataclass(frozen=True)
class FileCheck:
    """`validate_file` as a picklable task for an executor: each process compiles the
    schema once, on its first file, and keeps it for the next ones. `names`, when given,
    are the elements the documents of the run use (see `reduce`); `defer_invalid`: leave
    a document that breaks the grammar to a later check that knows them (None)."""

    schema: sources.SchemaFiles
    names: frozenset[reduce.Name] | None = None
    limits: safexml.Limits = safexml.NO_XINCLUDE
    defer_invalid: bool = False

    def __call__(self, path: Path) -> list[Diagnostic] | None:
        return _loaded(self.schema, self.names, self.limits).validate_file_or_defer(
            path, path.as_posix(), self.defer_invalid)


@lru_cache(maxsize=4)
def _loaded(schema: sources.SchemaFiles, names: frozenset[reduce.Name] | None,
            limits: safexml.Limits) -> Validator:
    return load_files(schema, names, limits)


def names_first(schema: sources.SchemaFiles) -> bool:
    """Whether the run's element names must be known before the schema is compiled: a
    big grammar is cut down to them (see `reduce`). Otherwise they only word the
    messages of documents that break the grammar, and a run may gather them after its
    valid documents are done, and only when some document was not."""
    return schema.rng is not None and grammar.cut_before_compiling(
        _schema_tree(Path(schema.rng)).getroot())


class SchemaMissing(Exception):
    """The schema folder lacks a compiled schema file, or the secure reader refuses one
    (the message is one located line)."""


def _schema_tree(path: Path) -> etree._ElementTree:
    tree, problems = safexml.read(path, path.name)
    if tree is None:
        raise SchemaMissing(f"the schema is refused: {problems[0].format()}")
    # A grammar's relative includes are read beside it, not from the working folder.
    tree.docinfo.URL = path.resolve().as_uri()
    return tree


def _grammar(path: Path, odd: Odd | None, names: frozenset[reduce.Name] | None
             ) -> grammar.Grammar:
    """The compiled grammar of the RELAX NG file `path`; SchemaMissing, with libxml2's reason
    and the place in the grammar, when it cannot be compiled (a reference to no define, an
    include that is missing)."""
    try:
        return grammar.load(_schema_tree(path).getroot(), odd, names)
    except etree.RelaxNGParseError as error:
        reasons = [f"{path.as_posix()}:{e.line}: {e.message}" if e.line else e.message
                   for e in error.error_log] or [str(error)]
        raise SchemaMissing("the RELAX NG grammar cannot be compiled, so no file was "
                            f"validated: {reasons[0]}" + (f" (and {len(reasons) - 1} more)"
                                                          if len(reasons) > 1 else "")
                            ) from error


def load(schema_dir: Path, limits: safexml.Limits = safexml.NO_XINCLUDE) -> Validator:
    """Compile the schemas of a folder (teipipe.rng, teipipe.sch, and the ODD for messages);
    `limits`: what the secure reader allows of the documents validated."""
    for name in (RNG_FILE, SCH_FILE):
        if not (schema_dir / name).is_file():
            raise SchemaMissing(f"{schema_dir / name} is missing; run `teipipe schema compile`")
    return load_files(sources.folder(schema_dir), None, limits)


def load_files(schema: sources.SchemaFiles, names: frozenset[reduce.Name] | None = None,
               limits: safexml.Limits = safexml.NO_XINCLUDE) -> Validator:
    """Compile the RELAX NG and the Schematron of `schema` (either may be absent); with
    `names`, a big grammar is first cut down to those elements."""
    odd = None
    if schema.odd is not None:
        path = Path(schema.odd)
        p5 = Path(schema.p5) if schema.p5 is not None else p5_locate(None)
        try:
            odd, _problems = odd_mod.load(path.read_bytes(), path.name, odd_mod.Sources(p5),
                                          path.parent)
        except OddError as error:
            if path.name == ODD_FILE:
                raise SchemaMissing(
                    f"the schema is refused: {error.diagnostic.format()}") from error
            odd = None  # an ODD compiled before: without it the messages only name less
    relaxng = None
    if schema.rng is not None:
        relaxng = _grammar(Path(schema.rng), odd, names)
    rules = None
    if schema.sch is not None:
        root = _schema_tree(Path(schema.sch)).getroot()
        if schema.embedded:
            root = sources.embedded_schematron(root)
        rules = compile_schematron(root)
    return Validator(relaxng, rules, limits)


__all__ = ["FileCheck", "SchemaMissing", "Validator", "load", "load_files", "names_first"]
