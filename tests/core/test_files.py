"""files.py: a file is written whole or not at all, with the modes any new file gets here."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from teipipe.files import atomic_file, schema_base_for, write_atomic


def test_a_written_file_replaces_the_old_one_whole(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "page.html"
    write_atomic(target, b"old")
    write_atomic(target, b"new and longer")
    assert target.read_bytes() == b"new and longer"
    assert [p.name for p in target.parent.iterdir()] == ["page.html"]


def test_an_error_while_writing_keeps_the_old_file_and_leaves_no_temporary(
        tmp_path: Path) -> None:
    target = tmp_path / "cmif.xml"
    target.write_bytes(b"<old/>")
    with pytest.raises(RuntimeError), atomic_file(target) as out:
        out.write(b"<half")
        raise RuntimeError("the disk is full")
    assert target.read_bytes() == b"<old/>"
    assert [p.name for p in tmp_path.iterdir()] == ["cmif.xml"]


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_the_mode_is_what_the_umask_gives_any_new_file(tmp_path: Path, mask: int,
                                                       mode: int) -> None:
    previous = os.umask(mask)
    try:
        write_atomic(tmp_path / "letter.xml", b"<TEI/>")
    finally:
        os.umask(previous)
    assert (tmp_path / "letter.xml").stat().st_mode & 0o777 == mode


def test_writing_never_reads_or_changes_the_process_umask(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading the umask means setting it, for every thread of the process at once."""
    def refuse(mask: int) -> int:
        raise AssertionError(f"os.umask({mask:o}) called")
    monkeypatch.setattr(os, "umask", refuse)
    write_atomic(tmp_path / "index.html", b"<html/>")
    assert (tmp_path / "index.html").read_bytes() == b"<html/>"


def test_the_schema_base_is_a_relative_uri_ending_in_a_slash(tmp_path: Path) -> None:
    assert schema_base_for(tmp_path / "corpus" / "tei", tmp_path / "schema") == "../../schema/"
    assert schema_base_for(tmp_path / "out", tmp_path / "out") == "./"


def test_an_interrupt_just_after_the_temporary_is_made_leaves_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C is delivered between two steps of Python: here, right after os.open made the
    temporary file and before its descriptor is held by anyone."""
    real_open = os.open

    def open_then_interrupted(path: str, flags: int, mode: int = 0o777) -> int:
        os.close(real_open(path, flags, mode))
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "open", open_then_interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "letter.xml", b"<TEI/>")
    assert list(tmp_path.iterdir()) == []
