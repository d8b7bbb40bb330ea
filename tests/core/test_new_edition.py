"""A new edition from `teipipe init` to CI: the "done when" of issue #17.

`teipipe init` in a temporary folder, the editor's letters added, then build, validate and
package; the site has no dead link, every xml-model href of the TEI names a file, and the
generated GitHub workflow's `run:` steps, run in order as one script, pass. The workflow's
install step is the one thing not run (it needs the network): this test's environment,
whose `bin/` is put first on PATH, stands in for it, as a check that `teipipe` is there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import bagit
import pytest
import yaml

from support.links import dead_links, unresolved_xml_models
from teipipe.cli import main

ROOT = Path(__file__).resolve().parents[2]
LETTERS = ROOT / "tests" / "fixtures" / "quickstart"
RECIPIENTS = {"1908-05-04_aubert-to-lind_en": "lind-ida",
              "1908-05-11_lind-to-aubert_en": "aubert-paul",
              "1908-06-02_aubert-to-lind_en": "lind-ida"}
PEOPLE = """
[person.aubert-paul]
name = "Paul Aubert"
no_identifier = true

[person.lind-ida]
name = "Ida Lind"
no_identifier = true
"""


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project made by init, with three letters and their sidecars added."""
    root = tmp_path_factory.mktemp("edition")
    assert main(["init", str(root), "-q", "--install", "teipipe",
                 "--url", "https://editor.github.io/letters/"]) == 0
    texts = root / "corpus" / "texts"
    for name, recipient in RECIPIENTS.items():
        shutil.copy(LETTERS / f"{name}.txt", texts / f"{name}.txt")
        (texts / f"{name}.toml").write_text(f'[received]\npersons = ["{recipient}"]\n',
                                            encoding="utf-8")
    with (root / "corpus" / "register.toml").open("a", encoding="utf-8") as register:
        register.write(PEOPLE)
    return root


def test_build_validate_package_clean(edition: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = ["--project", str(edition)]
    assert main(["build", *project, "--executor", "serial", "--fail-on-warnings"]) == 0
    assert main(["validate", "--fail-on-warnings", str(edition / "corpus" / "tei")]) == 0
    assert main(["package", *project, "--fail-on-warnings"]) == 0
    captured = capsys.readouterr()
    assert ": warning:" not in captured.err and ": error:" not in captured.err, captured.err
    assert captured.out.splitlines()[1:] == ["validate: 4 files, all valid",
                                             "package: a bag of 4 TEI files in build/bag"]
    site = edition / "build" / "site"
    pages = list(site.rglob("*.html"))
    assert len(list((site / "letters").glob("*.html"))) == 4 and len(pages) >= 10
    assert dead_links(site) == []
    assert unresolved_xml_models(edition / "corpus" / "tei") == []
    bagit.Bag(str(edition / "build" / "bag")).validate()


def _job(edition: Path) -> dict[str, object]:
    workflow = yaml.safe_load((edition / ".github" / "workflows" / "teipipe.yml").read_text(
        encoding="utf-8"))
    (job,) = workflow["jobs"].values()
    assert job["runs-on"] == "ubuntu-latest"
    return dict(job)


def _steps(edition: Path) -> list[dict[str, object]]:
    steps = _job(edition)["steps"]
    assert isinstance(steps, list)
    return steps


def test_the_workflow_runs_as_a_script(edition: Path) -> None:
    steps = _steps(edition)
    runs = [step for step in steps if "run" in step]
    assert [step.get("id") for step in runs][0] == "install"  # teipipe first, then the rest
    assert [str(step["run"]).split()[:2] for step in runs[1:]] == [
        ["teipipe", "build"], ["teipipe", "validate"], ["teipipe", "package"]]
    script = ["set -euo pipefail"]
    for step in runs:
        # The install step needs the network; this environment stands in for it.
        script.append("command -v teipipe" if step.get("id") == "install" else str(step["run"]))
    variables = _job(edition)["env"]
    assert isinstance(variables, dict)
    env = {**{k: str(v) for k, v in variables.items()},
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "HOME": str(edition.parent), "LANG": "C.UTF-8"}
    shutil.rmtree(edition / "build", ignore_errors=True)
    run = subprocess.run(["bash", "-c", "\n".join(script)], cwd=edition, env=env, text=True,
                         capture_output=True, timeout=300, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "::error" not in run.stdout and "::warning" not in run.stdout
    # What the upload steps keep exists: the site and the bag.
    uploads = [step for step in steps if str(step.get("uses", "")).startswith(
        "actions/upload-artifact@")]
    kept = {str(step["with"]["name"]): str(step["with"]["path"])  # type: ignore[index]
            for step in uploads}
    assert kept == {"site": "build/site", "bag": "build/bag"}
    assert (edition / kept["site"] / "index.html").is_file()
    bagit.Bag(str(edition / kept["bag"])).validate()


def test_the_workflow_fails_on_a_warning(edition: Path, tmp_path: Path) -> None:
    """The workflow's build fails the run on a warning, as the quickstart says."""
    broken = tmp_path / "edition"
    shutil.copytree(edition, broken, ignore=shutil.ignore_patterns("build", ".teipipe-cache"))
    register = broken / "corpus" / "register.toml"
    register.write_text(register.read_text(encoding="utf-8").replace(
        "no_identifier = true\n", "", 1), encoding="utf-8")
    build = next(str(step["run"]) for step in _steps(broken)
                 if str(step.get("run", "")).startswith("teipipe build"))
    env = {"PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    run = subprocess.run(["bash", "-c", build], cwd=broken, env=env, text=True,
                         capture_output=True, timeout=300, check=False)
    assert run.returncode == 1
    (warning,) = [line for line in run.stdout.splitlines() if line.startswith("::warning")]
    assert warning.startswith("::warning file=corpus/register.toml,line=")
    assert "Paul Aubert" in warning
