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
    from teipipe.register import load as load_register
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
