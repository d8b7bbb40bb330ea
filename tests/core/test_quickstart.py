"""docs/quickstart.md is run as written: its shell blocks in order, as one script.

How the script is run:
- The block that installs teipipe (`pip install …`, with its virtual environment) is left
  out: this test's own environment stands in for it, its `bin/` put first on PATH, where
  `teipipe` and `pre-commit` are.
- HOME is a temporary folder whose `letters/` holds the editor's three letters
  (tests/fixtures/quickstart/), so that `cp ~/letters/*.txt` finds them.
- git gets an identity from the environment; pre-commit keeps its cache in the temporary
  folder. Nothing uses the network.
A `text` block after a shell block shows output: each of its lines must be a line of what
that block printed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QUICKSTART = ROOT / "docs" / "quickstart.md"
LETTERS = ROOT / "tests" / "fixtures" / "quickstart"
_FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.M | re.S)
_MARK = "@@ quickstart block {} @@"


def blocks(markdown: str) -> list[tuple[str, str, list[str]]]:
    """(kind, commands, expected output lines) of each shell block, the install one marked."""
    found: list[tuple[str, str, list[str]]] = []
    for match in _FENCE.finditer(markdown):
        language, body = match.group(1), match.group(2)
        if language == "sh":
            kind = "install" if "pip install" in body else "run"
            found.append((kind, body, []))
        elif language == "text" and found:
            found[-1][2].extend(line.strip() for line in body.splitlines() if line.strip())
    return found


def test_the_blocks_are_found() -> None:
    found = blocks(QUICKSTART.read_text(encoding="utf-8"))
    assert [kind for kind, _body, _out in found].count("install") == 1
    commands = "\n".join(body for kind, body, _out in found if kind == "run")
    for command in ("teipipe init", "teipipe sidecar draft", "teipipe build", "teipipe repairs",
                    "teipipe validate", "teipipe package", "pre-commit install", "git commit"):
        assert command in commands


def test_the_quickstart_runs_as_written(tmp_path: Path) -> None:
    home, work = tmp_path / "home", tmp_path / "work"
    shutil.copytree(LETTERS, home / "letters")
    work.mkdir()
    found = blocks(QUICKSTART.read_text(encoding="utf-8"))
    script = ["set -euo pipefail"]
    for index, (kind, body, _out) in enumerate(found):
        script.append(f"echo '{_MARK.format(index)}'")
        if kind == "run":
            script.append(body)
    env = {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(home), "LANG": "C.UTF-8", "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org",
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    run = subprocess.run(["bash", "-c", "\n".join(script)], cwd=work, env=env, text=True,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300,
                         check=False)
    assert run.returncode == 0, run.stdout[-4000:]
    printed = _by_block(run.stdout, len(found))
    for index, (_kind, body, expected) in enumerate(found):
        lines = [line.strip() for line in printed[index]]
        missing = [line for line in expected if line not in lines]
        assert missing == [], (body, printed[index])
    project = work / "my-letters"
    assert sorted(p.name for p in (project / "corpus" / "tei").glob("*.xml")) == [
        "1908-05-04_aubert-to-lind_en.xml", "1908-05-11_lind-to-aubert_en.xml",
        "1908-06-02_aubert-to-lind_en.xml"]
    assert len(list((project / "build" / "site" / "letters").glob("*.html"))) == 3
    # The accepted repair names the editor; the commit went through the pre-commit hook.
    tei = (project / "corpus" / "tei" / "1908-06-02_aubert-to-lind_en.xml").read_text("utf-8")
    assert 'resp="#editor"' in tei and "correc tions" in tei
    assert (project / ".git" / "hooks" / "pre-commit").is_file()
    log = subprocess.run(["git", "log", "--format=%s", "--name-only"], cwd=project, env=env,
                         capture_output=True, text=True, check=True).stdout
    assert "Three letters" in log and "corpus/tei/1908-05-04_aubert-to-lind_en.xml" in log
    assert "build/" not in log  # kept out by the .gitignore init wrote


def _by_block(output: str, count: int) -> list[list[str]]:
    printed: list[list[str]] = [[] for _ in range(count)]
    current = -1
    for line in output.splitlines():
        marked = re.fullmatch(r"@@ quickstart block (\d+) @@", line)
        if marked:
            current = int(marked.group(1))
        elif current >= 0:
            printed[current].append(line)
    return printed
