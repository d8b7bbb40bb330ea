"""Validation: the corpus is valid, invalid documents give their golden messages, rules fire."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from support.schema_helpers import ACCEPT, CORPUS, HOSTILE, INVALID, ROOT, SCHEMA, VALID, display
from teipipe import validation
from teipipe.cli import main
from teipipe.diagnostics import render
from teipipe.xml import safexml, saxon

SCH = "{http://purl.oclc.org/dsdl/schematron}"


@pytest.fixture(scope="module")
def validator() -> validation.Validator:
    return validation.load(SCHEMA)


@pytest.mark.parametrize("path", CORPUS + VALID, ids=lambda p: p.name)
def test_valid_documents_have_no_problem(validator: validation.Validator, path: Path) -> None:
    assert [d.format() for d in validator.validate_file(path, display(path))] == []


@pytest.mark.parametrize("path", INVALID + HOSTILE, ids=lambda p: p.name)
def test_invalid_documents_give_the_golden_messages(validator: validation.Validator,
                                                    path: Path) -> None:
    problems = validator.validate_file(path, display(path))
    assert problems, f"{path.name} should be invalid"
    text = render(problems, "text") + "\n"
    golden = path.with_suffix(".expected")
    if ACCEPT:
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"no {golden.name}: run with TEIPIPE_ACCEPT=1 and review it"
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_a_document_already_parsed_into_saxon_gives_the_same_messages(
        validator: validation.Validator, path: Path) -> None:
    data = path.read_bytes()
    tree, _ = safexml.parse(data, display(path))
    assert tree is not None
    once = validator.validate(data, display(path), parsed=saxon.from_tree(tree))
    assert once  # every fixture is invalid
    assert once == validator.validate(data, display(path))


def test_every_schematron_rule_fires_on_some_invalid_document() -> None:
    patterns = {p.get("id") for p in etree.parse(str(SCHEMA / "teipipe.sch")).iter(
        f"{SCH}pattern")}
    fired = {line.rsplit("[schematron.", 1)[1].rstrip("]")
             for path in INVALID for line in path.with_suffix(".expected").read_text().splitlines()
             if "[schematron." in line}
    assert patterns and patterns <= fired, f"rules that never fire: {sorted(patterns - fired)}"


def test_hostile_doctypes_are_refused_before_parsing(validator: validation.Validator) -> None:
    for name in ("doctype-external-entity", "doctype-entity-bomb"):
        (problem,) = validator.validate_file(ROOT / f"tests/fixtures/hostile/{name}.xml", name)
        assert problem.code == "xml.doctype-refused"
        assert problem.location.line == 3


def test_cli_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    schema = ["--schema", str(SCHEMA)]
    assert main(["validate", *schema, *map(str, VALID)]) == 0
    assert main(["validate", *schema, str(INVALID[0])]) == 1
    assert main(["validate", "--format", "json", *schema, str(INVALID[0])]) == 1
    assert '"code": "relaxng.' in capsys.readouterr().out
    assert main(["validate", "--schema", str(ROOT / "tests"), str(VALID[0])]) == 2
    assert main(["validate"]) == 2


def test_schema_loading_is_bounded() -> None:
    """Loading both schemas and validating the corpus ends well within a minute."""
    code = ("import sys; from pathlib import Path; from teipipe import validation\n"
            "v = validation.load(Path(sys.argv[1]))\n"
            "for p in sys.argv[2:]: assert not v.validate_file(Path(p), p)\n")
    subprocess.run([sys.executable, "-c", code, str(SCHEMA), *map(str, CORPUS)], check=True,
                   timeout=60, env={"PYTHONPATH": str(ROOT / "src")})


def test_build_names_the_plain_text_origin(validator: validation.Validator) -> None:
    from teipipe.pipeline import convert_file
    from teipipe.project.register import load as load_register
    register, _ = load_register(ROOT / "corpus" / "register.toml", "register.toml")
    source = sorted((ROOT / "corpus" / "texts").glob("*.txt"))[0]
    tei = convert_file(source, "text.txt", register).tei
    assert tei is not None
    data = tei.to_bytes()
    last = data.rfind(b"<p>")  # a paragraph of the body, which has a plain-text origin
    data = data[:last] + b'<p rend="x">' + data[last + 3:]
    (problem,) = validator.validate(data, "out.xml", tei.origin_by_line())
    assert problem.origin is not None and problem.origin.path == "text.txt"
    assert problem.format().endswith(f"(from {problem.origin})")


def test_workers_give_the_serial_messages_in_the_same_order(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "missing.xml"
    paths = [str(p) for pair in zip(INVALID, VALID * len(INVALID), strict=False) for p in pair]
    paths += [*map(str, HOSTILE), str(missing)]
    runs = []
    for jobs in ("1", "2"):
        for form in ("text", "json"):
            code = main(["validate", "--jobs", jobs, "--format", form, "--schema", str(SCHEMA),
                         *paths])
            captured = capsys.readouterr()
            runs.append((jobs, form, code, captured.out, captured.err))
    serial, parallel = runs[:2], runs[2:]
    assert [run[1:] for run in parallel] == [run[1:] for run in serial]
    text = serial[0][4]
    assert text.count("[schematron.") >= len([p for p in INVALID if "schematron" in (
        p.with_suffix(".expected").read_text())])
    assert "missing.xml" in text
    assert text.index(INVALID[0].name) < text.index(INVALID[-1].name) < text.index(
        HOSTILE[0].name)


def test_workers_only_for_many_files(capsys: pytest.CaptureFixture[str]) -> None:
    from teipipe.commands.validate import FILES_PER_WORKER, jobs_for
    from teipipe.machinery.executor import default_jobs
    assert jobs_for(None, 0) == jobs_for(None, 2 * FILES_PER_WORKER - 1) == 1
    assert jobs_for(None, 2 * FILES_PER_WORKER) == min(2, default_jobs())
    assert jobs_for(None, 1000 * FILES_PER_WORKER) == default_jobs()
    assert jobs_for(3, 1) == 3
    assert main(["validate", "--jobs", "0", "--schema", str(SCHEMA), str(VALID[0])]) == 2
    assert "--jobs must be 1 or more" in capsys.readouterr().err
