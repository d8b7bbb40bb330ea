"""The generator: same seed, same bytes; texts convert cleanly with the reader of their shape."""

from __future__ import annotations

import tomllib
from pathlib import Path

import generate

from support.scale import SYNTH_COUNT, run_build
from teipipe import readers, source
from teipipe.diagnostics import Severity
from teipipe.project import sidecar
from teipipe.project.layout import Project
from teipipe.project.register import load as load_register


def files_of(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_gives_the_same_bytes(tmp_path: Path) -> None:
    generate.generate(tmp_path / "a", 12, seed=3)
    generate.generate(tmp_path / "b", 12, seed=3, jobs=2)
    assert files_of(tmp_path / "a") == files_of(tmp_path / "b")


def test_another_seed_gives_other_texts(tmp_path: Path) -> None:
    generate.generate(tmp_path / "a", 3, seed=3)
    generate.generate(tmp_path / "b", 3, seed=4)
    assert files_of(tmp_path / "a") != files_of(tmp_path / "b")


def test_a_smaller_count_is_a_prefix(tmp_path: Path) -> None:
    generate.generate(tmp_path / "a", 4, seed=3)
    generate.generate(tmp_path / "b", 6, seed=3)
    small, large = files_of(tmp_path / "a"), files_of(tmp_path / "b")
    assert all(large[name] == data for name, data in small.items())


def test_corpus_has_every_shape_language_and_sidecar(synth_root: Path) -> None:
    texts = sorted((synth_root / "corpus" / "texts").glob("*.txt"))
    assert len(texts) == SYNTH_COUNT
    assert {t.stem.split("_")[1] for t in texts} == {"web-archive", "pdf-text", "book-ocr"}
    assert {t.stem.split("_")[2] for t in texts} == {"en", "fr"}
    for text in texts:
        assert 2_000 < text.stat().st_size < 40_000
        side = tomllib.loads(text.with_suffix(".toml").read_text(encoding="utf-8"))
        assert side["document"]["language"] == text.stem.split("_")[2]
        assert side["sent"]["date"][:2] in {"18", "19"}


def test_sidecars_and_register_load_without_problems(synth_root: Path) -> None:
    register, problems = load_register(synth_root / "corpus" / "register.toml", "register.toml")
    assert problems == [] and len(register.entries) > 100
    for path in sorted((synth_root / "corpus" / "texts").glob("*.txt")):
        assert sidecar.load(path, path.name)[1] == []


def test_each_text_is_sniffed_to_its_shape(synth_root: Path) -> None:
    for path in sorted((synth_root / "corpus" / "texts").glob("*.txt")):
        shape = path.stem.split("_")[1]
        assert readers.sniff(source.read(path, path.name)).name == shape, path.name


def test_the_corpus_converts_without_errors_or_warnings(synth: Project) -> None:
    state = run_build(synth, use_cache=False)
    assert not state.failed
    # The synthetic register has no authority identifiers, which CMIF export reports, and
    # the synthetic project no edition settings (address, date), which the build reports.
    assert [d.format() for d in state.diagnostics if d.severity is not Severity.INFO
            and d.code != "cmif.no-authority" and not d.code.startswith("edition.")] == []
    assert {d.code for d in state.diagnostics if d.code.startswith("edition.")} == \
        {"edition.placeholder-url", "edition.no-date"}
    assert len(state.tei_files) == SYNTH_COUNT
