"""The cache reconverts exactly the documents whose inputs changed."""

from __future__ import annotations

import os
from pathlib import Path

from support.scale import SYNTH_COUNT, run_build, tei_bytes
from teipipe.cli import main
from teipipe.corpus.links import SidecarSummary, plan_links, summarize
from teipipe.machinery.cache import ParsedSidecars
from teipipe.project.layout import Project
from teipipe.project.register import Register


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
    # the first build wrote teipipe's own schema into the project's schema/ (it has no ODD)
    assert (synth.schema / "teipipe.rng").is_file()
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
    args = ["build", "--project", str(synth.root)]  # the summary line tells what was converted
    assert main([*args, "--jobs", "2"]) == 0
    assert f"({SYNTH_COUNT} converted, 0 unchanged, 0 failed)" in capsys.readouterr().out
    assert main([*args, "--executor", "serial"]) == 0
    assert f"(0 converted, {SYNTH_COUNT} unchanged, 0 failed)" in capsys.readouterr().out
    assert main([*args, "--executor", "threads"]) == 2
    assert "known executors: serial, processes" in capsys.readouterr().err


def _pages(project: Project) -> dict[str, tuple[int, bytes]]:
    """Each reading page of the site: its inode (a rewrite makes a new one) and bytes."""
    letters = project.build / "site" / "letters"
    return {p.name: (p.stat().st_ino, p.read_bytes()) for p in sorted(letters.glob("*.html"))}


def test_a_changed_text_rewrites_its_own_page_only(synth: Project) -> None:
    run_build(synth)
    before = _pages(synth)
    cmif_before = (synth.build / "site" / "cmif.xml").read_bytes()
    text = synth.text_files()[3]
    append(text, "\nA postscript the editor found on the back of the sheet.\n")
    run_build(synth)
    after = _pages(synth)
    changed = {name for name in before if after[name] != before[name]}
    assert changed == {f"{text.stem}.html"}
    assert b"found on the back of the sheet" in after[f"{text.stem}.html"][1]
    # The corpus file is assembled again, with the same entries for unchanged letters.
    assert (synth.build / "site" / "cmif.xml").read_bytes() == cmif_before


def test_a_removed_text_loses_its_page(synth: Project) -> None:
    run_build(synth)
    text = synth.text_files()[2]
    assert f"{text.stem}.html" in _pages(synth)
    text.unlink()
    text.with_suffix(".toml").unlink(missing_ok=True)
    state = run_build(synth)
    assert f"{text.stem}.html" not in _pages(synth)
    index = (synth.build / "site" / "index.html").read_text(encoding="utf-8")
    assert text.stem not in index and len(state.tei_files) == SYNTH_COUNT - 1


def test_a_deleted_page_is_made_again(synth: Project) -> None:
    run_build(synth)
    before = _pages(synth)
    name = sorted(before)[0]
    (synth.build / "site" / "letters" / name).unlink()
    state = run_build(synth)
    assert len(state.reconverted) == 1
    assert _pages(synth)[name][1] == before[name][1]


def test_unchanged_sidecars_are_not_parsed_again(synth: Project) -> None:
    run_build(synth)
    parsed: list[bytes] = []

    def counting(data: bytes) -> SidecarSummary:
        parsed.append(data)
        return summarize(data)

    edited = synth.text_files()[4].with_suffix(".toml")
    append(edited, "\n# date checked against the postmark\n")
    remembered = ParsedSidecars(synth.root, counting)
    links = plan_links(synth.text_files(), Register(), synth.display, remembered)
    assert parsed == [edited.read_bytes()]
    assert links == plan_links(synth.text_files(), Register(), synth.display)


def test_an_output_edited_to_the_same_size_is_written_again(synth: Project) -> None:
    """Unchanged size and time spare reading an output; a new time makes it read and
    compared, so an edit that keeps the length is still found."""
    run_build(synth)
    tei = sorted(synth.tei.glob("*.xml"))[0]
    original = tei.read_bytes()
    tei.write_bytes(original.replace(b"<", b"[", 1).replace(b">", b"]", 1))
    status = tei.stat()
    os.utime(tei, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000))
    state = run_build(synth)
    assert state.reconverted == [synth.display(synth.texts / f"{tei.stem}.txt")]
    assert tei.read_bytes() == original


def test_a_text_edited_to_the_same_size_is_reconverted(synth: Project) -> None:
    """Inputs are hashed again only when their size or time changed; an edit that keeps the
    length changes the time, so it is found."""
    run_build(synth)
    text = synth.text_files()[6]
    data = text.read_bytes()
    changed = data.replace(b"e", b"a", 1)
    assert changed != data and len(changed) == len(data)
    text.write_bytes(changed)
    status = text.stat()
    os.utime(text, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000))
    assert run_build(synth).reconverted == [synth.display(text)]
    assert run_build(synth).reconverted == []
