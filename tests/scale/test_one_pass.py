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
from teipipe.machinery import task
from teipipe.machinery.settings import BuildSettings
from teipipe.machinery.steps import Report, write_schema_files
from teipipe.project.layout import Project
from teipipe.writers.tei import WrittenTEI
from teipipe.xml import safexml, saxon

REPO = Path(__file__).resolve().parents[2]


def _counting(calls: Counter[str], name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """`function`, counted while a document's task runs (the corpus steps read the TEI
    files again, for the side-by-side pages, and are not counted)."""
    def counted(*args: Any, **kwargs: Any) -> Any:
        if calls["tasks running"]:
            calls[name] += 1
        return function(*args, **kwargs)
    return counted


def _task(calls: Counter[str], function: Callable[..., Any]) -> Callable[..., Any]:
    def running(*args: Any, **kwargs: Any) -> Any:
        calls["tasks running"] += 1
        try:
            return function(*args, **kwargs)
        finally:
            calls["tasks running"] -= 1
    return running


def test_each_text_is_converted_once_and_its_tei_parsed_once_per_engine(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(REPO / "corpus", tmp_path / "corpus")
    shutil.rmtree(tmp_path / "corpus" / "tei")
    project = Project(tmp_path)
    write_schema_files(BuildSettings.of(project), Report())  # what the build writes first
    task._validator(str(project.validation_schema))  # compiled once per process: not counted
    calls: Counter[str] = Counter()
    for owner, name in ((task, "convert_source"), (saxon, "from_tree"),
                        (safexml, "parse"),
                        (WrittenTEI, "to_bytes"), (WrittenTEI, "origin_by_line")):
        label = f"{getattr(owner, '__name__', '')}.{name}"
        monkeypatch.setattr(owner, name, _counting(calls, label, getattr(owner, name)))
    monkeypatch.setattr(task.Converter, "__call__", _task(calls, task.Converter.__call__))
    state = run_build(project, use_cache=False)  # serial: every call in this process
    texts = len(list((tmp_path / "corpus" / "texts").glob("*.txt")))
    assert not state.failed, [d.format() for d in state.diagnostics]
    assert len(state.tei_files) == texts
    del calls["tasks running"]
    assert calls == Counter({"teipipe.machinery.task.convert_source": texts,
                             "teipipe.xml.saxon.from_tree": texts,
                             "teipipe.xml.safexml.parse": texts,
                             "WrittenTEI.to_bytes": texts})
