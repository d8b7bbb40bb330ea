"""The cache reconverts exactly the documents whose inputs changed."""

from __future__ import annotations

from pathlib import Path

from conftest import SYNTH_COUNT, run_build, tei_bytes
from teipipe.cli import main
from teipipe.project import Project


def displays(project: Project) -> list[str]:
    return [project.display(p) for p in project.text_files()]


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_nothing_changed_converts_nothing(synth: Project) -> None:
    first = run_build(synth)
    written = tei_bytes(synth)
    again = run_build(synth)
    assert first.reconverted == displays(synth)
    assert again.reconverted == []
    assert again.diagnostics == first.diagnostics
    assert again.tei_files == first.tei_files
    assert tei_bytes(synth) == written


def test_a_changed_text_is_the_only_one_reconverted(synth: Project) -> None:
    run_build(synth)
    text = synth.text_files()[5]
    append(text, "\nA sentence added later to the letter.\n")
    state = run_build(synth)
    assert state.reconverted == [synth.display(text)]


def test_a_changed_sidecar_is_the_only_one_reconverted(synth: Project) -> None:
    run_build(synth)
    text = synth.text_files()[7]
    append(text.with_suffix(".toml"), "\n# checked again by the editor\n")
    assert run_build(synth).reconverted == [synth.display(text)]


def test_a_changed_register_reconverts_everything(synth: Project) -> None:
    run_build(synth)
    append(synth.register, "\n[place.vilnius]\nname = \"Vilnius\"\n")
    assert run_build(synth).reconverted == displays(synth)


def test_a_new_schema_file_reconverts_everything(synth: Project) -> None:
    run_build(synth)
    synth.schema.mkdir()
    (synth.schema / "teipipe.rng").write_text("<grammar/>\n", encoding="utf-8")
    assert run_build(synth).reconverted == displays(synth)


def test_a_deleted_or_edited_tei_file_is_written_again(synth: Project) -> None:
    run_build(synth)
    expected = tei_bytes(synth)
    first, second = sorted(synth.tei.glob("*.xml"))[:2]
    first.unlink()
    second.write_bytes(b"<edited/>")
    state = run_build(synth)
    assert sorted(state.reconverted) == sorted(
        synth.display(synth.texts / f"{p.stem}.txt") for p in (first, second))
    assert tei_bytes(synth) == expected


def test_cli_build_with_jobs_and_cache(synth: Project, capsys) -> None:  # type: ignore[no-untyped-def]
    args = ["build", "--project", str(synth.root), "-q"]
    assert main([*args, "--jobs", "2"]) == 0
    assert f"({SYNTH_COUNT} converted, 0 unchanged)" in capsys.readouterr().out
    assert main([*args, "--executor", "serial"]) == 0
    assert f"(0 converted, {SYNTH_COUNT} unchanged)" in capsys.readouterr().out
    assert main([*args, "--executor", "threads"]) == 2
    assert "known executors: serial, processes" in capsys.readouterr().err
