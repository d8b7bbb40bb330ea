"""A build converts each text once and parses each TEI once per engine.

Counted on the bundled corpus, whose translation pair used to be converted four
times (each side converted again in its partner's task), and whose TEI was
serialised twice and parsed twice by lxml before Saxon parsed it a third time.
"""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from support.scale import run_build
from teipipe.build import task
from teipipe.project.layout import Project
from teipipe.validation import safe
from teipipe.writers.tei import WrittenTEI
from teipipe.xml import saxon

REPO = Path(__file__).resolve().parents[2]


def _counting(calls: Counter[str], name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[name] += 1
        return function(*args, **kwargs)
    return counted


def test_each_text_is_converted_once_and_its_tei_parsed_once_per_engine(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(REPO / "corpus", tmp_path / "corpus")
    shutil.rmtree(tmp_path / "corpus" / "tei")
    calls: Counter[str] = Counter()
    for owner, name in ((task, "convert_source"), (saxon, "parse"), (safe, "parse"),
                        (WrittenTEI, "to_bytes"), (WrittenTEI, "origin_by_line")):
        label = f"{getattr(owner, '__name__', '')}.{name}"
        monkeypatch.setattr(owner, name, _counting(calls, label, getattr(owner, name)))
    state = run_build(Project(tmp_path), use_cache=False)  # serial: every call in this process
    texts = len(list((tmp_path / "corpus" / "texts").glob("*.txt")))
    assert not state.failed, [d.format() for d in state.diagnostics]
    assert len(state.tei_files) == texts
    assert calls == Counter({"teipipe.build.task.convert_source": texts,
                             "teipipe.xml.saxon.parse": texts,
                             "teipipe.validation.safe.parse": texts,
                             "WrittenTEI.to_bytes": texts})
