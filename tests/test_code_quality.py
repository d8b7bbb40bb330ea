"""The code checks of the project run with the tests: ruff's rules and mypy --strict."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True,
                          text=True, check=False)


def test_ruff_finds_nothing() -> None:
    result = _run("ruff", "check", "src", "tests")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All checks passed" in result.stdout


def test_mypy_strict_finds_nothing() -> None:
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success")


# Ways of parsing XML that bypass the secure reader (teipipe.xml.safexml): an lxml parse
# without its parser, or Saxon given a file or text to parse itself.
_UNSAFE_XML = re.compile(r"etree\.(?:parse|XML|iterparse)\(|xml_file_name|parse_xml\(")
_READERS = {"xml/safexml.py", "xml/saxon.py"}


def _arguments(text: str, start: int) -> str:
    """The text between the parenthesis opening at `start` and the one that closes it."""
    depth = 0
    for index in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[index], 0)
        if depth == 0:
            return text[start + 1:index]
    return text[start + 1:]


def test_xml_is_read_only_through_the_secure_reader() -> None:
    found = []
    for path in sorted((ROOT / "src" / "teipipe").rglob("*.py")):
        shown = path.relative_to(ROOT / "src" / "teipipe").as_posix()
        if shown in _READERS:
            continue
        text = path.read_text(encoding="utf-8")
        places = [m.start() for m in _UNSAFE_XML.finditer(text)]
        places += [m.start() for m in re.finditer(r"fromstring\(", text) if not _arguments(
            text, m.end() - 1).rstrip().endswith("safexml.parser()")]
        found += [f"{shown}:{text.count(chr(10), 0, at) + 1}" for at in places]
    assert not found, found
