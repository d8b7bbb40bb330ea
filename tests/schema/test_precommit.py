"""The pre-commit hook, run by the real pre-commit tool against a throwaway repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from support.schema_helpers import INVALID, ROOT, VALID


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_hook_passes_a_valid_file_and_fails_an_invalid_one(tmp_path: Path) -> None:
    pre_commit = shutil.which("pre-commit") or str(Path(os.sys.executable).parent / "pre-commit")
    if not Path(pre_commit).exists():
        pytest.fail("pre-commit is not installed: `pip install -e .[test]`")
    repo = tmp_path / "letters"
    repo.mkdir()
    _git(repo, "init", "-q")
    shutil.copy(VALID[0], repo / "good.xml")
    bad = next(p for p in INVALID if p.name == "attribute-value-closed.xml")
    shutil.copy(bad, repo / "bad.xml")
    (repo / "settings.xml").write_text("<settings><a/></settings>\n", encoding="utf-8")
    _git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PYTHONPATH": ""}

    def run(*files: str) -> subprocess.CompletedProcess[str]:
        # try-repo uses this repository (with any uncommitted change) as the hook repo.
        return subprocess.run([pre_commit, "try-repo", str(ROOT), "teipipe-validate",
                               "--files", *files], cwd=repo, env=env, capture_output=True,
                              text=True, timeout=600, check=False)

    good = run("good.xml", "settings.xml")  # not TEI: skipped, not failed
    assert good.returncode == 0, good.stdout + good.stderr
    failed = run("bad.xml")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert ('bad.xml:74:27: error: value of attribute "type" is invalid; must be equal to '
            '"address", "letter", "notes", "piece" or "section"') in failed.stdout
