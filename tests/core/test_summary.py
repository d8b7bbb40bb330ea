"""Every command prints one summary line on success: on standard output in text format, on
standard error with --format json or github (whose output tools read), nothing with --quiet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from teipipe.cli import main


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("edition")
    assert main(["init", str(root), "-q", "--install", "teipipe",
                 "--url", "https://editor.github.io/letters/"]) == 0
    assert main(["build", "--project", str(root), "--executor", "serial", "-q"]) == 0
    return root


# Each command's arguments (after the project folder is put in for {p}) and its summary.
COMMANDS = {
    "build": (["build", "--project", "{p}", "--executor", "serial"],
              "build: convert: 1 texts (0 converted, 1 unchanged, 0 failed), 0 TEI files "
              "written; "
              "validate: 1 documents, 0 invalid; schema: 3 files, 0 stale; cmif: unchanged; "
              "site: unchanged"),
    "validate": (["validate", "{p}/corpus/tei"], "validate: 1 file, all valid"),
    "convert": (["convert", "{p}/corpus/texts", "--out", "{p}/build/converted"],
                "convert: 1 text, 1 TEI file written"),
    "transform": (["transform", "--to", "text", "{p}/corpus/tei", "--out", "{p}/build/text"],
                  "transform: 1 file, 1 text output written to {p}/build/text"),
    "schema": (["schema", "compile", "--project", "{p}"], "schema compile: 3 files, 0 written"),
    "schema-check": (["schema", "compile", "--project", "{p}", "--check"],
                     "schema compile --check: 3 files, all fresh"),
    "package": (["package", "--project", "{p}"], "package: a bag of 1 TEI file in build/bag"),
    "sidecar-draft": (["sidecar", "draft", "{p}/corpus/texts"],
                      "sidecar draft: 1 text, 0 draft sidecars written, 1 had one already"),
}


def _argv(name: str, project: Path) -> tuple[list[str], str]:
    argv, line = COMMANDS[name]
    return [a.replace("{p}", project.as_posix()) for a in argv], line.replace(
        "{p}", project.as_posix())


@pytest.mark.parametrize("name", COMMANDS)
def test_one_summary_line_on_standard_output(name: str, project: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    argv, line = _argv(name, project)
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert captured.out == line + "\n"
    assert ": warning:" not in captured.err and ": error:" not in captured.err  # infos may be


@pytest.mark.parametrize("name", COMMANDS)
def test_quiet_prints_nothing_on_success(name: str, project: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    argv, _line = _argv(name, project)
    assert main([*argv, "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize("name", COMMANDS)
def test_json_and_github_keep_standard_output_for_tools(
        name: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv, line = _argv(name, project)
    assert main([*argv, "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert [d["code"] for d in json.loads(captured.out) if d["severity"] != "info"] == []
    assert captured.err == line + "\n"
    assert main([*argv, "--format", "github"]) == 0
    captured = capsys.readouterr()
    assert "::error" not in captured.out and "::warning" not in captured.out
    assert captured.err == line + "\n"


def test_repairs_counts_its_proposals(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "lettre.txt"
    text.write_text("Paris, 3 mars 1937\n\nCher ami,\n\nJe vous remercie de votre lettre, "
                    "qui m'a beaucoup touché. Le travail avance malheureuse ment très "
                    "lentement.\n", encoding="utf-8")
    assert main(["repairs", str(text)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "repairs: 1 proposal in 1 text, 1 applied"
    assert lines[0].startswith(f'{text.as_posix()}:5:') and '"malheureuse ment"' in lines[0]
    assert main(["repairs", "--format", "json", str(text)]) == 0
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)) == 1
    # The summary goes after the problems (no sender, no addressee) on standard error.
    assert captured.err.splitlines()[-1] == "repairs: 1 proposal in 1 text, 1 applied"
    assert main(["repairs", "-q", str(text)]) == 0
    assert capsys.readouterr().out == lines[0] + "\n"  # the proposals are the output


def test_validate_counts_invalid_files(project: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    good = next((project / "corpus" / "tei").glob("*.xml"))
    bad = tmp_path / "bad.xml"
    bad.write_bytes(good.read_bytes().replace(b'kind="letter"', b'kind="x"').replace(
        b"<body>", b'<body><div type="chapter"><p>x</p></div>', 1))
    assert main(["validate", str(good), str(bad)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "validate: 2 files, 1 invalid\n" and "bad.xml:" in captured.err
