"""What stops a run is one line and an exit code, never a traceback or a half-written file;
a build tells the truth about each text and runs alone on its project."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from teipipe import files
from teipipe.cli import main
from teipipe.machinery import lock as buildlock
from teipipe.machinery.cache import CACHE_DIR

ROOT = Path(__file__).resolve().parents[2]
LETTER = ROOT / "corpus" / "texts" / "1936-08-10_serge-to-trotsky_en"
TEI = ROOT / "tests" / "fixtures" / "valid" / "minimal.xml"


def _project(root: Path, copies: int = 1) -> Path:
    texts = root / "corpus" / "texts"
    texts.mkdir(parents=True)
    for index in range(copies):
        name = LETTER.name if index == 0 else f"{LETTER.name}-{index}"
        shutil.copy(LETTER.with_suffix(".txt"), texts / f"{name}.txt")
    shutil.copy(ROOT / "corpus" / "register.toml", root / "corpus" / "register.toml")
    return root


def _one_line(err: str, start: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(start), err
    assert "Traceback" not in err


def test_an_out_that_is_a_file_is_one_line(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    taken = tmp_path / "taken"
    taken.write_text("not a folder", encoding="utf-8")
    assert main(["transform", "--to", "html", str(TEI), "--out", str(taken)]) == 1
    _one_line(capsys.readouterr().err, f"teipipe: {taken} is a file where a folder is needed")
    assert main(["convert", str(LETTER.with_suffix(".txt")), "--out", str(taken)]) == 1
    _one_line(capsys.readouterr().err, f"teipipe: {taken} is a file where a folder is needed")
    assert taken.read_text(encoding="utf-8") == "not a folder"


def test_a_build_whose_output_folder_is_a_file_names_that_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path / "project")
    (root / "build").write_text("in the way", encoding="utf-8")
    assert main(["build", "--project", str(root), "--executor", "serial", "-q"]) == 1
    _one_line(capsys.readouterr().err,
              f"teipipe: {(root / 'build').resolve()} is a file where a folder is needed")


def test_an_unwritable_output_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    # The tests may run as root, whom file modes do not stop: the refusal is made here.
    real_open = os.open

    def refuse(path: str | Path, flags: int, mode: int = 0o777) -> int:
        if str(path).endswith(".tmp"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, mode)

    monkeypatch.setattr(files.os, "open", refuse)
    out = tmp_path / "out"
    assert main(["transform", "--to", "text", str(TEI), "--out", str(out)]) == 1
    _one_line(capsys.readouterr().err, f"teipipe: permission denied ({out / 'minimal.txt'})")


def test_a_full_disk_is_one_line_and_leaves_nothing_half_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, stream: Any) -> None:
            self.stream = stream

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            self.stream.close()

        def write(self, data: bytes) -> int:
            self.stream.write(data[: len(data) // 2])  # half of it, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))
    out = tmp_path / "out"
    assert main(["convert", str(LETTER.with_suffix(".txt")), "--out", str(out)]) == 1
    _one_line(capsys.readouterr().err,
              f"teipipe: no space left on the device ({out / LETTER.name}.xml); "
              "files already written are whole")
    assert list(out.iterdir()) == []


def test_a_bug_is_one_line_and_debug_shows_the_traceback(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("a broken invariant")

    monkeypatch.setattr("teipipe.publish.outputs.transform_files", broken)
    argv = ["transform", "--to", "html", str(TEI), "--out", "unused"]
    assert main(argv) == 3
    _one_line(capsys.readouterr().err,
              "teipipe: internal error (ValueError: a broken invariant); this is a bug")
    with pytest.raises(ValueError, match="a broken invariant"):
        main([*argv, "--debug"])
    with pytest.raises(ValueError, match="a broken invariant"):
        main(["--debug", *argv])


def _interrupt_when(command: list[str], ready: Any, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run teipipe, send Ctrl-C to its whole process group once `ready()`, and wait."""
    process = subprocess.Popen([sys.executable, "-m", "teipipe", *command], cwd=cwd,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    deadline = time.monotonic() + 120
    while not ready() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process.poll() is None, "the run ended before it could be interrupted"
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=120)
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def _whole(folder: Path) -> list[Path]:
    """The XML files of `folder`, each checked to parse (none is half-written)."""
    assert not [p for p in folder.rglob("*.tmp")]
    files = sorted(folder.rglob("*.xml"))
    for path in files:
        etree.parse(str(path))
    return files


def test_ctrl_c_during_convert(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    for index in range(40):
        shutil.copy(LETTER.with_suffix(".txt"), texts / f"letter-{index:02}.txt")
    out = tmp_path / "out"
    done = _interrupt_when(["convert", str(texts), "--out", str(out)],
                           lambda: out.is_dir() and any(out.glob("*.xml")), tmp_path)
    assert done.returncode == 130
    _one_line(done.stderr, "teipipe: interrupted; nothing half-written")
    assert 0 < len(_whole(out)) < 40


def test_ctrl_c_during_build_stops_the_workers_too(tmp_path: Path) -> None:
    root = _project(tmp_path / "project", copies=40)
    tei = root / "corpus" / "tei"
    done = _interrupt_when(["build", "--project", str(root), "--jobs", "2"],
                           lambda: tei.is_dir() and any(tei.glob("*.xml")), tmp_path)
    assert done.returncode == 130
    _one_line(done.stderr, "teipipe: interrupted; nothing half-written")
    assert 0 < len(_whole(tei)) < 40
    assert not list(root.rglob("*.tmp"))


def test_a_second_build_stops_with_a_message(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path / "project")
    # The first build: another process holding the project's lock until told to stop.
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from pathlib import Path\n"
         "from teipipe.machinery.lock import held\n"
         "with held(Path(sys.argv[1])):\n print('held', flush=True); sys.stdin.read()",
         str(root / CACHE_DIR)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        assert main(["build", "--project", str(root), "--executor", "serial"]) == 1
        _one_line(capsys.readouterr().err,
                  f"teipipe: another build of this project is running (process {holder.pid})")
        assert main(["package", "--project", str(root)]) == 1
        assert "another build of this project is running" in capsys.readouterr().err
    finally:
        holder.communicate("", timeout=60)
    assert not (root / "corpus" / "tei").exists()
    assert main(["build", "--project", str(root), "--executor", "serial", "-q"]) == 0


def test_a_second_build_with_wait_runs_when_the_first_ends(tmp_path: Path) -> None:
    root = _project(tmp_path / "project")
    held = threading.Event()
    release = threading.Event()

    def first() -> None:
        with buildlock.held(root / CACHE_DIR):
            held.set()
            release.wait(30)

    holder = threading.Thread(target=first)
    holder.start()
    held.wait(30)
    threading.Timer(0.3, release.set).start()
    assert main(["build", "--project", str(root), "--executor", "serial", "--wait", "-q"]) == 0
    holder.join()
    assert release.is_set()  # it ran only after the first had let go
    assert (root / "corpus" / "tei" / f"{LETTER.name}.xml").is_file()


def test_the_summary_counts_what_happened_to_each_text(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path / "project")
    (root / "corpus" / "texts" / "empty.txt").write_bytes(b"")
    (root / "corpus" / "texts" / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert main(["build", "--project", str(root), "--executor", "serial"]) == 1
    out, err = capsys.readouterr()
    assert "convert: 3 texts (1 converted, 0 unchanged, 2 failed), 1 TEI files written" in out
    assert "validate: 1 documents, 0 invalid" in out
    for name in ("empty", "binary"):
        assert (f"corpus/texts/{name}.txt: warning: left out of this build: no TEI written to "
                f"corpus/tei/{name}.xml, and its page") in err
    assert main(["build", "--project", str(root), "--executor", "serial"]) == 1
    assert "convert: 3 texts (0 converted, 1 unchanged, 2 failed)" in capsys.readouterr().out


def _failing_schema(root: Path) -> None:
    """The project's schema: teipipe's, with one rule that every paragraph fails."""
    schema = root / "schema"
    schema.mkdir(exist_ok=True)
    shutil.copy(ROOT / "schema" / "teipipe.rng", schema / "teipipe.rng")
    rules = (ROOT / "schema" / "teipipe.sch").read_text(encoding="utf-8")
    (schema / "teipipe.sch").write_text(rules.replace("</sch:schema>", (
        '<sch:pattern id="test-always"><sch:rule context="tei:body/tei:p">'
        '<sch:assert test="false()">every paragraph fails here</sch:assert></sch:rule>'
        "</sch:pattern></sch:schema>")), encoding="utf-8")


def test_an_invalid_letter_is_reported_where_its_tei_was_written_and_left_out(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path / "project")
    name = LETTER.name
    assert main(["build", "--project", str(root), "--executor", "serial", "-q"]) == 0
    earlier = (root / "corpus" / "tei" / f"{name}.xml").read_bytes()
    assert (root / "build" / "site" / "letters" / f"{name}.html").is_file()
    capsys.readouterr()

    _failing_schema(root)
    assert main(["build", "--project", str(root), "--executor", "serial", "-q"]) == 1
    err = capsys.readouterr().err
    problem = next(line for line in err.splitlines() if "every paragraph fails here" in line)
    place, _, rest = problem.partition(": error: ")
    path, line, _column = place.rsplit(":", 2)
    assert path == f"build/rejected/{name}.xml"
    rejected = (root / path).read_text(encoding="utf-8").splitlines()
    paragraph = rejected[int(line) - 1].lstrip()
    assert paragraph.startswith("<p")
    # ...and at the plain-text line the paragraph came from.
    origin = rest.rpartition(f"(from corpus/texts/{name}.txt:")[2].rstrip(")")
    text_line = LETTER.with_suffix(".txt").read_text(encoding="utf-8").splitlines()[
        int(origin.split(":")[0]) - 1]
    assert text_line.split()[0] in paragraph
    assert (f"corpus/texts/{name}.txt: warning: left out of this build: no TEI written to "
            f"corpus/tei/{name}.xml (the TEI it made is in build/rejected/{name}.xml") in err
    assert f"corpus/tei/{name}.xml is an earlier build's and stays as it was" in err
    assert (root / "corpus" / "tei" / f"{name}.xml").read_bytes() == earlier
    assert not (root / "build" / "site" / "letters" / f"{name}.html").exists()
    assert name not in (root / "build" / "site" / "index.html").read_text(encoding="utf-8")
