"""The remembered input hashes: kept once, rewritten only when something changed."""

from __future__ import annotations

import json
from pathlib import Path

from teipipe.machinery.cache import CACHE_DIR, InputHashes, sha256


def remembered(root: Path) -> dict[str, list[object]]:
    data: dict[str, list[object]] = json.loads((root / CACHE_DIR / "inputs.json").read_bytes())
    return data


def test_hashes_are_remembered_and_reused(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Cher ami,", encoding="utf-8")
    b.write_text("Dear comrade,", encoding="utf-8")
    first = InputHashes(tmp_path)
    assert first.sha256(a) == sha256(a.read_bytes())
    assert first.remember(b, b.read_bytes()) == sha256(b.read_bytes())
    first.save()
    assert sorted(remembered(tmp_path)) == [str(a), str(b)]
    stamp_before = (tmp_path / CACHE_DIR / "inputs.json").stat().st_mtime_ns

    again = InputHashes(tmp_path)
    assert again.sha256(a) == sha256(a.read_bytes())
    assert again.remember(b, b.read_bytes()) == sha256(b.read_bytes())
    assert again.known == {}  # each value moved to `used`: held once
    again.save()
    assert (tmp_path / CACHE_DIR / "inputs.json").stat().st_mtime_ns == stamp_before


def test_a_file_not_looked_up_is_dropped_and_a_changed_one_rehashed(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("one", encoding="utf-8")
    b.write_text("two", encoding="utf-8")
    first = InputHashes(tmp_path)
    first.sha256(a)
    first.sha256(b)
    first.save()

    a.write_text("one, and more", encoding="utf-8")
    again = InputHashes(tmp_path)
    assert again.sha256(a) == sha256(b"one, and more")
    again.save()
    assert list(remembered(tmp_path)) == [str(a)]
    assert remembered(tmp_path)[str(a)][2] == sha256(b"one, and more")
