"""Reading an ODD into its expanded form: specs selected, modes applied, references checked.

The schemaSpec is read in two passes, as the TEI Stylesheets do: first what it
selects from its source (`moduleRef`, and `elementRef`/`classRef`/`macroRef`/
`dataRef` at schemaSpec level, also inside `specGrp`s that a `specGrpRef` names),
then its own specs in document order. The source is TEI P5, or, when
`schemaSpec/@source` names another ODD, that ODD compiled first (chaining).
"""

from __future__ import annotations

import copy
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lxml import etree

from ..diagnostics import Diagnostic, Location, Severity
from ..xml import safexml
from ..xml.xmlloc import line_of, start_tag_columns, text_column
from . import p5 as p5_mod
from .modes import changed_attdef, changed_spec
from .odd import NS, REF_KINDS, SPEC_KINDS, TEI_NS, XML_NS, Odd, OddError, local, own_attdefs, tei

_SELECTORS = {"elementRef", "classRef", "macroRef", "dataRef"}
_POSITION = re.compile(r",? line \d+, column \d+$")


@dataclass
class _Reader:
    """Locations in one ODD file, for diagnostics."""

    display: str
    data: bytes
    columns: dict[etree._Element, int]
    problems: list[Diagnostic] = field(default_factory=list)

    def at(self, node: etree._Element) -> Location:
        line = line_of(node)
        # A spec changed by a mode is a copy, which the column map does not know: its
        # tag is then found on its line.
        column = self.columns.get(node) or text_column(self.data, line, f"<{local(node)}")
        return Location(self.display, line, column)

    def say(self, code: str, node: etree._Element, message: str,
            severity: Severity = Severity.ERROR) -> None:
        self.problems.append(Diagnostic(code, severity, self.at(node), message))


@dataclass
class Sources:
    """Where ODDs find the specs they select: the P5 source, read once on first need, and
    chained ODDs, each compiled once. Lives for one compile."""

    p5_path: Path | None
    _p5: p5_mod.SpecSource | None = None
    _chain: list[str] = field(default_factory=list)

    def p5(self, at: Location) -> p5_mod.SpecSource:
        if self._p5 is not None:
            return self._p5
        if self.p5_path is None:
            raise OddError(Diagnostic(
                "odd.no-p5", Severity.ERROR, at,
                "this ODD selects specs from TEI P5, and no P5 source was given: pass --p5 "
                f"p5subset.xml, set {p5_mod.ENV}, or put p5subset.xml in {p5_mod.cache_dir()}"))
        try:
            stat = self.p5_path.stat()
            self._p5 = _read_p5(str(self.p5_path.resolve()), stat.st_size, stat.st_mtime_ns)
        except OSError as error:
            raise OddError(Diagnostic("odd.no-p5", Severity.ERROR, at,
                                      f"cannot read the P5 source {self.p5_path.name}: "
                                      f"{error.strerror or error}")) from error
        return self._p5

    def chained(self, href: str, base: Path | None, display: str,
                at: Location) -> p5_mod.SpecSource:
        if re.match(r"[a-z]+://", href):
            raise OddError(Diagnostic(
                "odd.remote-source", Severity.ERROR, at,
                f'schemaSpec source="{href}" is on the network, and teipipe does not download: '
                "save that ODD beside this one and name it by its file name"))
        path = (base or Path(".")) / href
        shown = posixpath.normpath(posixpath.join(posixpath.dirname(display), href))
        if shown in self._chain:
            raise OddError(Diagnostic("odd.source-cycle", Severity.ERROR, at,
                                      f"the ODD chain comes back to {shown}"))
        try:
            data = path.read_bytes()
        except OSError as error:
            raise OddError(Diagnostic("odd.source-missing", Severity.ERROR, at,
                                      f'schemaSpec source="{href}": cannot read {shown}: '
                                      f"{error.strerror or error}")) from error
        self._chain.append(shown)
        def in_chain(found: Diagnostic) -> Diagnostic:
            if found.location.path != shown:
                return found
            return Diagnostic(found.code, found.severity, found.location,
                              f"{found.message}; {display} customises this ODD (its "
                              f'schemaSpec source="{href}")')

        try:
            odd, problems = load(data, shown, self, path.parent)
        except OddError as error:
            raise OddError(in_chain(error.diagnostic)) from error
        finally:
            self._chain.pop()
        errors = [p for p in problems if p.severity is Severity.ERROR]
        if errors:
            raise OddError(in_chain(errors[0]))
        return p5_mod.SpecSource(shown, "", {k: dict(v) for k, v in odd.specs.items()},
                             set(odd.known))


@lru_cache(maxsize=2)
def _read_p5(path: str, _size: int, _mtime: int) -> p5_mod.SpecSource:
    """The specs of a P5 source, read once per process (size and time say it is unchanged);
    they are never altered: a mode works on a copy."""
    data = Path(path).read_bytes()
    tree, problems = safexml.parse(data, Path(path).name)
    if tree is None:
        raise OddError(_not_well_formed(problems[0]))
    return p5_mod.from_tree(tree.getroot(), Path(path).name)


def _not_well_formed(problem: Diagnostic) -> Diagnostic:
    message = _POSITION.sub("", problem.message)
    return Diagnostic(problem.code, Severity.ERROR, problem.location, message)


def parse(data: bytes, display: str) -> tuple[etree._ElementTree, dict[etree._Element, int]]:
    tree, problems = safexml.parse(data, display)
    if tree is None:
        raise OddError(_not_well_formed(problems[0]))
    return tree, start_tag_columns(data, tree.getroot())


def load(data: bytes, display: str, sources: Sources | None = None,
         base: Path | None = None) -> tuple[Odd, list[Diagnostic]]:
    """The expanded ODD of `data` (the bytes of an ODD file) and the problems found in it.

    `base` is the folder relative to which a chained `schemaSpec/@source` is read."""
    sources = sources or Sources(None)
    tree, columns = parse(data, display)
    reader = _Reader(display, data, columns)
    schema = tree.find(".//tei:schemaSpec", NS)
    if schema is None:
        raise OddError(Diagnostic("odd.no-schemaspec", Severity.ERROR, Location(display, 1, 1),
                                  "the ODD has no schemaSpec"))
    odd = Odd(display, schema.get("ident", "schema"), schema.get("ns", TEI_NS),
              tuple((schema.get("start") or "TEI").split()), schema)
    ids = {node.get(f"{{{XML_NS}}}id"): node for node in tree.getroot().iter(tei("specGrp"))}
    parts = list(_walk(schema, ids, reader, set()))
    selects = any(local(p) == "moduleRef" or local(p) in _SELECTORS for p in parts)
    chained = not schema.get("source", "tei:").startswith("tei:")
    source = _source(schema, sources, base, reader) if selects or chained else None
    if source is not None and not selects:
        # A chained ODD that selects nothing takes all of the ODD it customises.
        for kind, table in source.specs.items():
            for spec in table.values():
                _add(odd, kind, spec)
    specs = []
    for part in parts:
        name = local(part)
        if name == "moduleRef":
            _select_module(odd, part, source, reader)  # type: ignore[arg-type]
        elif name in _SELECTORS:
            _select_one(odd, part, source, reader)  # type: ignore[arg-type]
        elif name in SPEC_KINDS:
            specs.append(part)
    if source is not None:
        odd.known = {i for table in source.specs.values() for i in table} | source.known
    for spec in specs:
        _apply(odd, spec, reader, sourced=source is not None)
    odd.known -= {i for table in odd.specs.values() for i in table}
    _complete_changed_attributes(odd)
    _check_references(odd, reader)
    _check_redeclared(odd, reader)
    return odd, reader.problems


def _walk(container: etree._Element, ids: dict[str | None, etree._Element], reader: _Reader,
          seen: set[str]) -> Iterator[etree._Element]:
    """The selections and specs of a schemaSpec in document order, specGrpRefs followed."""
    for node in container:
        if not isinstance(node.tag, str) or etree.QName(node).namespace != TEI_NS:
            continue
        name = local(node)
        if name == "specGrpRef":
            target = node.get("target", "").lstrip("#")
            group = ids.get(target)
            if group is None:
                reader.say("odd.undefined-specgrp", node,
                           f'specGrpRef target="#{target}" names no specGrp of this ODD')
            elif target not in seen:
                yield from _walk(group, ids, reader, seen | {target})
        elif name == "specGrp":
            yield from _walk(node, ids, reader, seen)
        elif name in ("moduleRef", *_SELECTORS, *SPEC_KINDS):
            yield node


def _source(schema: etree._Element, sources: Sources, base: Path | None,
            reader: _Reader) -> p5_mod.SpecSource:
    named = schema.get("source", "")
    at = reader.at(schema)
    if named and not named.startswith("tei:"):
        return sources.chained(named, base, reader.display, at)
    found = sources.p5(at)
    wanted = named[4:]
    if wanted and wanted != "current" and found.version and wanted != found.version:
        reader.say("odd.p5-version", schema,
                   f'schemaSpec source="{named}" asks for TEI P5 {wanted}; the P5 source given '
                   f"is {found.version}: pass --p5 with the p5subset.xml of {wanted} for an "
                   "exact compile", Severity.WARNING)
    return found


def _add(odd: Odd, kind: str, spec: etree._Element) -> None:
    odd.of(kind).setdefault(spec.get("ident", ""), spec)


def _select_module(odd: Odd, ref: etree._Element, source: p5_mod.SpecSource,
                   reader: _Reader) -> None:
    if ref.get("url"):
        odd.external.append(ref.get("url", ""))
        return
    key = ref.get("key", "")
    specs = source.module_specs(key)
    if not specs:
        known = ", ".join(sorted(m for m in source.modules() if m))
        reader.say("odd.unknown-module", ref,
                   f'moduleRef key="{key}": {source.display} has no module "{key}"; its modules '
                   f"are: {known}")
        return
    include = set(ref.get("include", "").split())
    exclude = set(ref.get("except", "").split())
    elements = {spec.get("ident") for kind, spec in specs if kind == "element"}
    for name in sorted((include | exclude) - elements):
        reader.say("odd.unknown-member", ref,
                   f'moduleRef key="{key}" names "{name}", which is no element of module '
                   f'"{key}"', Severity.WARNING)
    for kind, spec in specs:
        ident = spec.get("ident", "")
        if kind == "element" and (include and ident not in include or ident in exclude):
            continue
        _add(odd, kind, spec)


def _select_one(odd: Odd, ref: etree._Element, source: p5_mod.SpecSource, reader: _Reader) -> None:
    key = ref.get("key", "")
    kind = REF_KINDS[local(ref)]
    spec = source.of(kind).get(key)
    if spec is None:
        reader.say(f"odd.undefined-{kind}", ref,
                   f'{local(ref)} key="{key}": {source.display} declares no {kind} "{key}" '
                   "(an ODD written for another TEI release: give that release's "
                   "p5subset.xml with --p5, or take the reference out)")
        return
    _add(odd, kind, spec)


def _apply(odd: Odd, spec: etree._Element, reader: _Reader, sourced: bool) -> None:
    """Add, change, replace or delete one spec, following its @mode."""
    kind = SPEC_KINDS[local(spec)]
    ident = spec.get("ident", "")
    table = odd.of(kind)
    mode = spec.get("mode", "add")
    if mode not in ("add", "change", "replace", "delete"):
        reader.say("odd.bad-mode", spec, f'mode="{mode}" is not one of add, change, replace, '
                                         "delete")
    elif mode == "add" and ident in table:
        reader.say("odd.duplicate-ident", spec,
                   f'{local(spec)} ident="{ident}" is declared twice; use mode="change" '
                   'or mode="replace" to alter the first one')
    elif mode in ("add", "replace"):
        table[ident] = spec
    elif ident not in table:
        reader.say("odd.mode-without-target", spec,
                   f'{local(spec)} ident="{ident}" mode="{mode}" alters nothing: no such '
                   f"{kind} is in the schema", Severity.WARNING if sourced else Severity.ERROR)
    elif mode == "delete":
        del table[ident]
        odd.known.add(ident)
    else:
        table[ident] = changed_spec(table[ident], spec)


def _complete_changed_attributes(odd: Odd) -> None:
    """An element's attDef in mode="change" that names an inherited attribute becomes the
    inherited attDef with the changes applied (in mode "replace", on a copy of the spec:
    the P5 source is shared and never altered)."""
    for ident, spec in list(odd.of("element").items()):
        inherited = {att.key: att for _cls, att in odd.inherited(spec)}
        changes = [a for a in own_attdefs(spec)
                   if a.node.get("mode") == "change" and a.key in inherited]
        if not changes:
            continue
        spec = copy.deepcopy(spec)
        for att in own_attdefs(spec):
            if att.node.get("mode") == "change" and att.key in inherited:
                whole = changed_attdef(inherited[att.key].node, att.node)
                whole.set("mode", "replace")
                att.node.getparent().replace(att.node, whole)  # type: ignore[union-attr]
        odd.of("element")[ident] = spec


def _check_references(odd: Odd, reader: _Reader) -> None:
    for ident in odd.start:
        if ident not in odd.of("element"):
            reader.say("odd.undefined-start", odd.schema,
                       f'schemaSpec start="{ident}" names no declared element')
    for kind in ("element", "class", "macro", "data"):
        for spec in odd.of(kind).values():
            for ref in spec.iter(*(tei(tag) for tag in REF_KINDS)):
                key = ref.get("key")
                target = REF_KINDS[local(ref)]
                if key is not None and key not in odd.of(target) and key not in odd.known:
                    reader.say(f"odd.undefined-{target}", ref,
                               f'{local(ref)} key="{key}" refers to no declared {target}; '
                               f"declare it with {_kind_tag(target)} or correct the key")


def _check_redeclared(odd: Odd, reader: _Reader) -> None:
    """An attDef in mode="add" may not name an attribute the element inherits: the TEI
    Stylesheets then declare it twice, a grammar RELAX NG refuses."""
    for ident, spec in odd.of("element").items():
        inherited = {att.key: cls for cls, att in odd.inherited(spec)}
        for att in own_attdefs(spec):
            if att.node.get("mode", "add") == "add" and att.key in inherited:
                reader.say("odd.attribute-redeclared", att.node,
                           f'attDef ident="{att.display}" on element "{ident}" declares again the '
                           f'attribute it inherits from {inherited[att.key]}; write mode="change" '
                           'to alter the inherited one or mode="replace" to redefine it')


def _kind_tag(kind: str) -> str:
    return {v: k for k, v in SPEC_KINDS.items()}[kind]
