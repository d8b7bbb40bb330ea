"""Agreement with the official TEI Stylesheets: teipipe's compile of four real ODDs gives
jing the same verdicts as the official compile, on real letters and CMIF files, on valid
documents generated from the official grammar, and on mutants that each break one rule
of the customisation. Schematron verdicts are compared the same way (both run by teipipe).

jing runs once per grammar on all files of an ODD, so the suite stays fast.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from lxml import etree

from support.rng_instances import RNG, Generator
from support.schema_helpers import P5, REALWORLD, jing
from teipipe.schema import compile_file
from teipipe.validation.schematron import compile_schematron

ODDS = ("tei_bare", "tei_lite", "tei_corpus", "cmi-customization")
OFFICIAL = REALWORLD / "odd" / "official"
LETTERS = sorted([*(REALWORLD / "tei" / "escher").glob("*.xml"),
                  *(REALWORLD / "tei" / "schnitzler").glob("*.xml")])
CMIF = sorted((REALWORLD / "cmif").glob("*.xml"))
# The letters for the TEI's customisations; the CMIF files (one of 540 KB) and a few
# letters for CMIF's: every file jing sees costs time in every run.
REAL = {"tei_bare": LETTERS, "tei_lite": LETTERS, "tei_corpus": LETTERS,
        "cmi-customization": CMIF + LETTERS[::6]}
TEI = "http://www.tei-c.org/ns/1.0"
XML = "http://www.w3.org/XML/1998/namespace"
# How many elements of each grammar get a generated document (spread over the sorted list),
# besides the ones the mutants need.
SAMPLE = 4
# Elements of P5 that some customisation may leave out, tried in order for that mutant.
OUTSIDERS = ("msDesc", "sp", "castList", "w", "seg", "hi")
# (element, attribute, value) that each ODD deletes or never selects.
DELETED = {"tei_bare": ("title", "level", "a"), "tei_lite": ("p", f"{{{XML}}}base", "x"),
           "tei_corpus": ("p", "facs", "#x"), "cmi-customization": ("licence", "targetLang",
                                                                     "en")}
# (element, attributes) that break a Schematron rule every compile of that ODD has.
CONSTRAINT = {"tei_bare": ("list", {"type": "gloss"}), "tei_lite": ("list", {"type": "gloss"}),
              "tei_corpus": ("list", {"type": "gloss"}),
              "cmi-customization": ("ref", {"target": "#x", "cRef": "x"})}
# Where the official Stylesheets 7.57.0 and teipipe differ on purpose, with the reason.
# cmi-customization changes correspAction/@type (which P5 itself declares in mode change)
# to a closed list of sent and received; the official RNG drops that valList and accepts
# any token; teipipe applies it, as the ODD says.
KNOWN = {"cmi-customization": {"generated-correspAction.xml"}}


@dataclass
class Cases:
    """The documents of one ODD: generated valid ones and mutants (name → invalid why)."""

    generated: list[Path] = field(default_factory=list)
    mutants: list[Path] = field(default_factory=list)


def jing_invalid(grammars: list[Path], files: list[Path]) -> list[dict[str, list[str]]]:
    """For each grammar, the files jing finds invalid (by name) with their error lines;
    one jing run per grammar, the runs side by side."""
    runs = [subprocess.Popen([jing(), "-i", str(rng), *map(str, files)], text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            for rng in grammars]
    results = []
    for run in runs:
        out, _ = run.communicate(timeout=300)
        found: dict[str, list[str]] = {}
        for line in out.splitlines():
            path, sep, rest = line.partition(":")
            if sep and ": error:" in rest:
                found.setdefault(Path(path).name, []).append(rest)
        results.append(found)
    return results


def _attributes(node: etree._Element, defines: dict[str, etree._Element],
                seen: set[str]) -> list[etree._Element]:
    """The attribute patterns of an element, through refs, not into child elements."""
    found = []
    for child in node:
        if not isinstance(child.tag, str) or child.tag == f"{{{RNG}}}element":
            continue
        if child.tag == f"{{{RNG}}}attribute":
            found.append(child)
        elif child.tag == f"{{{RNG}}}ref" and child.get("name", "") not in seen:
            define = defines.get(child.get("name", ""))
            if define is not None:
                seen.add(child.get("name", ""))
                found.extend(_attributes(define, defines, seen))
        else:
            found.extend(_attributes(child, defines, seen))
    return found


def _closed_attribute(grammar: etree._Element, elements: set[str]
                      ) -> tuple[str, str, list[str]] | None:
    """(element, attribute, values) of an attribute with a closed list on an element of
    `elements` in the official grammar."""
    defines = {d.get("name", ""): d for d in grammar.iter(f"{{{RNG}}}define")}
    for element in grammar.iter(f"{{{RNG}}}element"):
        if element.get("name") not in elements:
            continue
        for attribute in _attributes(element, defines, set()):
            choice = attribute.find(f"{{{RNG}}}choice")
            values = [v.text or "" for v in attribute.iter(f"{{{RNG}}}value")]
            patterns = [c for c in (choice if choice is not None else attribute)
                        if isinstance(c.tag, str) and c.tag.startswith(f"{{{RNG}}}")]
            # Not xml:space: jing does not check its values, with either grammar.
            if values and all(p.tag == f"{{{RNG}}}value" for p in patterns) and not (
                    attribute.get("name", "").startswith("xml:")):
                return element.get("name", ""), attribute.get("name", ""), values
    return None


def _mutant(document: etree._Element, element: str) -> tuple[etree._Element, etree._Element]:
    copy = etree.fromstring(etree.tostring(document))
    return copy, next(copy.iter(f"{{{TEI}}}{element}"))


def _cases(name: str, folder: Path) -> Cases:
    grammar = etree.parse(str(OFFICIAL / f"{name}.rng")).getroot()
    generator = Generator(grammar)
    elements = generator.elements()
    known = {n.removeprefix("generated-").removesuffix(".xml") for n in KNOWN.get(name, ())}
    wanted = {DELETED[name][0], CONSTRAINT[name][0], "p"} | known | set(elements[::max(
        1, len(elements) // SAMPLE)])
    documents: dict[str, etree._Element] = {}
    cases = Cases()
    for element in sorted(wanted & set(elements)):
        document = generator.document(element)
        if document is not None:
            documents[element] = document
            cases.generated.append(folder / f"generated-{element}.xml")
            cases.generated[-1].write_bytes(etree.tostring(document))

    def mutant(label: str, document: etree._Element) -> None:
        cases.mutants.append(folder / f"mutant-{label}.xml")
        cases.mutants[-1].write_bytes(etree.tostring(document))

    defined = {e.get("name") for e in grammar.iter(f"{{{RNG}}}element")}
    outsider = next(o for o in OUTSIDERS if o not in defined)
    document, target = _mutant(documents["p"], "p")
    etree.SubElement(target, f"{{{TEI}}}{outsider}")
    mutant(f"left-out-{outsider}", document)
    element, attribute, value = DELETED[name]
    document, target = _mutant(documents[element], element)
    target.set(attribute, value)
    mutant(f"deleted-{etree.QName(attribute).localname}", document)
    closed = _closed_attribute(grammar, set(documents)) or _closed_attribute(
        grammar, set(elements))
    # tei_bare leaves no element with a closed value list.
    assert (closed is None) == (name == "tei_bare"), closed
    if closed is not None:
        if closed[0] not in documents:
            found = generator.document(closed[0])
            assert found is not None
            documents[closed[0]] = found
        document, target = _mutant(documents[closed[0]], closed[0])
        target.set(closed[1], "not-in-the-list")
        mutant(f"closed-{closed[1]}", document)
    element, attributes = CONSTRAINT[name]
    document, target = _mutant(documents[element], element)
    for key, value in attributes.items():
        target.set(key, value)
    mutant(f"constraint-{element}", document)
    return cases


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("compiled")
    paths = {}
    for name in ODDS:
        result = compile_file(REALWORLD / "odd" / f"{name}.odd", f"{name}.odd", P5)
        assert result.ok, [d.format() for d in result.diagnostics]
        for file_name, data in result.outputs.items():
            (out / file_name).write_bytes(data)
        paths[name] = out / f"{name}.rng"
    return paths


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Cases]:
    return {name: _cases(name, tmp_path_factory.mktemp(name)) for name in ODDS}


@pytest.mark.parametrize("name", ODDS)
def test_jing_gives_the_same_verdicts_with_both_compiles(
        name: str, compiled: dict[str, Path], generated: dict[str, Cases]) -> None:
    cases = generated[name]
    files = REAL[name] + cases.generated + cases.mutants
    ours, theirs = jing_invalid([compiled[name], OFFICIAL / f"{name}.rng"], files)
    assert len(cases.generated) >= 5
    assert not [f.name for f in cases.generated if f.name in theirs], "generator is wrong"
    disagree = {f.name for f in files if (f.name in ours) != (f.name in theirs)}
    assert disagree == KNOWN.get(name, set()), {n: (ours.get(n), theirs.get(n)) for n in disagree}
    grammar_mutants = [f.name for f in cases.mutants if "constraint" not in f.name]
    assert [n for n in grammar_mutants if n not in ours] == []
    # On the real files jing also reports the same errors in the same places.
    for path in REAL[name]:
        assert ours.get(path.name) == theirs.get(path.name), path.name



@pytest.mark.parametrize("name", ODDS)
def test_schematron_gives_the_same_verdicts_with_both_compiles(
        name: str, compiled: dict[str, Path], generated: dict[str, Cases]) -> None:
    cases = generated[name]
    ours = compile_schematron(etree.parse(str(compiled[name].with_suffix(".sch"))).getroot())
    theirs = compile_schematron(etree.parse(str(OFFICIAL / f"{name}.sch")).getroot())
    for path in cases.generated + cases.mutants:
        tree = etree.parse(str(path))
        fatal = ("warning", "warn", "nonfatal", "information", "info")
        mine = {f.at for f in ours.run(tree) if f.role not in fatal}
        official = {f.at for f in theirs.run(tree) if f.role not in fatal}
        assert bool(mine) == bool(official), (path.name, mine, official)
        if "constraint" in path.name:
            assert mine, f"{path.name}: the broken rule was not reported"
