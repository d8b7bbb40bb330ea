"""One stale-schema check: the build and `teipipe schema compile --check` say the same."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.schema_helpers import SCHEMA
from teipipe.cli import main
from teipipe.machinery.settings import BuildSettings
from teipipe.machinery.steps import Report, compile_schema
from teipipe.project.layout import Project

EXPECTED = ("schema/teipipe.sch: error: the committed file is not what the ODD compiles to; "
            "run `teipipe schema compile` and commit the result [schema.stale]")


@pytest.fixture()
def project(tmp_path: Path) -> Project:
    (tmp_path / "corpus" / "texts").mkdir(parents=True)
    shutil.copytree(SCHEMA, tmp_path / "schema")
    with (tmp_path / "schema" / "teipipe.sch").open("a", encoding="utf-8") as out:
        out.write("<!-- edited by hand -->\n")
    return Project(tmp_path)


def test_the_build_and_the_compile_check_report_a_stale_file_alike(
        project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    report = Report()
    compile_schema(BuildSettings.of(project, check=True), report)
    assert report.failed
    assert [d.format() for d in report.diagnostics if d.code == "schema.stale"] == [EXPECTED]
    assert main(["schema", "compile", "--check", "--project", str(project.root)]) == 1
    assert capsys.readouterr().err.strip().splitlines() == [EXPECTED]


def test_compiling_writes_the_stale_file_and_then_nothing_is_stale(project: Project) -> None:
    assert main(["schema", "compile", "--project", str(project.root), "-q"]) == 0
    assert (project.schema / "teipipe.sch").read_bytes() == (SCHEMA / "teipipe.sch").read_bytes()
    assert main(["schema", "compile", "--check", "--project", str(project.root)]) == 0
