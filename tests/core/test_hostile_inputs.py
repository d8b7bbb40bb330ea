"""Every command that reads XML × every hostile input: one located refusal, exit 1, nothing
of the secret anywhere, and the other files of the run still done.

validate and transform run once each (as a subprocess, so that anything Saxon prints
on the process's own standard error is seen) over all hostile files and some good
ones; build and package read XML in the project's ODD, so each hostile file is a
project's schema/teipipe.odd in its own run, beside a good letter.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from teipipe.cli import main
from teipipe.xml.safexml import DEFAULT_MAX_BYTES

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
VALID = ROOT / "tests" / "fixtures" / "valid"
INVALID = ROOT / "tests" / "fixtures" / "invalid"
LETTER = ROOT / "corpus" / "texts" / "1936-08-10_serge-to-trotsky_en"
# What a reader that followed entities or includes would have put in its output.
LEAKS = ("TEIPIPE-SECRET-7f3a", "root:x:0:0")
LIMIT = "64K"


@dataclass(frozen=True)
class Case:
    fixture: str
    code: str
    line: int


CASES = {
    "external-entity": Case("external-entity.xml", "xml.doctype-refused", 3),
    "parameter-entity": Case("parameter-entity.xml", "xml.doctype-refused", 3),
    "xinclude-local": Case("xinclude-local.xml", "xml.xinclude-refused", 68),
    "billion-laughs": Case("doctype-entity-bomb.xml", "xml.doctype-refused", 3),
    "passwd-entity": Case("doctype-external-entity.xml", "xml.doctype-refused", 3),
    "quadratic-blowup": Case("quadratic-blowup.xml", "xml.doctype-refused", 3),
    "not-well-formed": Case("not-well-formed.xml", "xml.not-well-formed", 76),
    "wrong-encoding": Case("wrong-encoding.xml", "xml.not-well-formed", 68),
    "empty": Case("empty.xml", "xml.empty", 1),
    "huge": Case("huge.xml", "input.too-large", 0),
}
GOOD = ("minimal", "pieces")
COMMANDS = {
    "validate": [],
    "transform-html": ["transform", "--to", "html"],
    "transform-text": ["transform", "--to", "text"],
    "transform-cmif": ["transform", "--to", "cmif"],
}


def _huge(target: Path) -> None:
    """A valid letter made larger than LIMIT by a long paragraph."""
    text = (VALID / "minimal.xml").read_text(encoding="utf-8")
    target.write_text(text.replace("A paragraph with a note.",
                                   "A paragraph " + "ballast " * 12000 + "with a note."),
                      encoding="utf-8")


def _hostile_folder(folder: Path) -> Path:
    """The hostile files under their case names, beside the secrets they reach for."""
    folder.mkdir(parents=True)
    for name in ("secret.txt", "secret.dtd"):
        shutil.copy(HOSTILE / name, folder / name)
    for case, spec in CASES.items():
        if case == "huge":
            _huge(folder / f"{case}.xml")
        else:
            shutil.copy(HOSTILE / spec.fixture, folder / f"{case}.xml")
    return folder


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str
    written: dict[str, str]
    """Every output file, by name, with its text."""


def _files(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8", errors="replace")
            for p in folder.rglob("*") if p.is_file()} if folder.is_dir() else {}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Run]]:
    base = tmp_path_factory.mktemp("hostile")
    inputs = _hostile_folder(base / "in")
    for name in GOOD:
        shutil.copy(VALID / f"{name}.xml", inputs / f"{name}.xml")
    shutil.copy(INVALID / "attribute-missing.xml", inputs / "invalid.xml")
    files = [str(inputs / f"{n}.xml") for n in (*GOOD, "invalid", *CASES)]
    found: dict[str, tuple[Path, Run]] = {}
    for command, words in COMMANDS.items():
        out = base / command
        argv = (["validate", "--schema", str(ROOT / "schema"), "-q"] if command == "validate"
                else [*words, "--out", str(out)])
        done = subprocess.run([sys.executable, "-m", "teipipe", *argv, "--max-size", LIMIT,
                               *files], capture_output=True, text=True, timeout=300,
                              check=False, cwd=base)
        found[command] = (inputs, Run(done.returncode, done.stdout, done.stderr, _files(out)))
    return found


def _no_leak(run: Run) -> None:
    for text in (run.out, run.err, *run.written.values()):
        assert not any(leak in text for leak in LEAKS)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("command", COMMANDS)
def test_each_reading_command_refuses_each_hostile_input(
        runs: dict[str, tuple[Path, Run]], command: str, case: str) -> None:
    inputs, run = runs[command]
    spec = CASES[case]
    place = f"{(inputs / case).as_posix()}.xml" + (f":{spec.line}:" if spec.line else ":")
    refusals = [line for line in run.err.splitlines() if line.startswith(place)]
    assert len(refusals) == 1 and refusals[0].endswith(f"[{spec.code}]"), run.err
    assert run.code == 1
    assert "Traceback" not in run.err and "SXXP" not in run.err and "Error on line" not in run.err
    _no_leak(run)
    assert not any(name.startswith(f"{case}.") for name in run.written)


@pytest.mark.parametrize("command", COMMANDS)
def test_the_other_files_of_the_run_are_still_done(
        runs: dict[str, tuple[Path, Run]], command: str) -> None:
    inputs, run = runs[command]
    if command == "validate":
        # The invalid letter, after every hostile file, is still validated and reported.
        assert f"{(inputs / 'invalid.xml').as_posix()}:" in run.err
        assert not any(f"{(inputs / n).as_posix()}.xml:" in run.err for n in GOOD)
    elif command == "transform-cmif":
        cmif = run.written["cmif.xml"]
        assert cmif.count("<correspDesc") == 3  # the two good letters and the invalid one
    else:
        extension = ".html" if command == "transform-html" else ".txt"
        assert {f"{n}{extension}" for n in (*GOOD, "invalid")} == set(run.written)
        assert "DEAR COMRADES" in run.written[f"minimal{extension}"]


def _project(root: Path, case: str) -> Path:
    """A project of one good letter whose ODD is the hostile file of `case`."""
    texts = root / "corpus" / "texts"
    texts.mkdir(parents=True)
    for suffix in (".txt", ".toml"):
        shutil.copy(LETTER.with_suffix(suffix), texts / LETTER.with_suffix(suffix).name)
    shutil.copy(ROOT / "corpus" / "register.toml", root / "corpus" / "register.toml")
    _hostile_folder(root / "hostile")
    (root / "schema").mkdir()
    for name in ("secret.txt", "secret.dtd"):
        shutil.copy(HOSTILE / name, root / "schema" / name)
    shutil.copy(root / "hostile" / f"{case}.xml", root / "schema" / "teipipe.odd")
    shutil.rmtree(root / "hostile")
    return root


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("command", ["build", "package", "schema"])
def test_build_package_and_schema_refuse_a_hostile_odd_and_still_convert(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, case: str) -> None:
    root = _project(tmp_path / "project", case)
    argv = [command, "--project", str(root), "--max-size", LIMIT]
    if command == "schema":  # compiles the ODD alone: there is nothing else to do
        argv = ["schema", "compile", "--project", str(root)]
        if case == "huge":  # over the default limit, made sparse: nothing is written
            with (root / "schema" / "teipipe.odd").open("r+b") as odd:
                odd.truncate(DEFAULT_MAX_BYTES + 1)
    code = main([*argv, "--executor", "serial", "--no-cache"] if command == "build" else argv)
    out, err = capsys.readouterr()
    spec = CASES[case]
    place = "schema/teipipe.odd" + (f":{spec.line}:" if spec.line else ":")
    refusals = [line for line in err.splitlines() if line.startswith(place)]
    assert len(refusals) == 1 and refusals[0].endswith(f"[{spec.code}]"), err
    assert code == 1
    written = {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8", errors="replace")
               for p in root.rglob("*") if p.is_file() and p.parent.name != "schema"
               and p.parent.name != "texts"}
    _no_leak(Run(code, out, err, written))
    if command == "schema":
        assert not (root / "schema" / "teipipe.rng").exists()
        return
    name = LETTER.name
    assert f"corpus/tei/{name}.xml" in written  # the letter is still converted
    assert f"build/site/letters/{name}.html" in written
    assert not (root / "build" / "bag").exists()  # no hand-off of a failed build


@pytest.mark.parametrize("command", ["convert", "build"])
def test_a_text_over_the_size_limit_is_refused_and_the_others_converted(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    root = _project(tmp_path / "project", "empty")
    shutil.rmtree(root / "schema")
    texts = root / "corpus" / "texts"
    (texts / "huge.txt").write_text("Dear friend,\n\n" + "ballast words " * 8000,
                                    encoding="utf-8")
    limit = ["--max-size", "100K"]
    argv = ([command, str(texts), "--out", str(root / "out"), *limit] if command == "convert"
            else [command, "--project", str(root), "--executor", "serial", *limit])
    assert main(argv) == 1
    err = capsys.readouterr().err
    shown = (texts / "huge.txt").as_posix() if command == "convert" else "corpus/texts/huge.txt"
    assert (f"{shown}: error: the file is 109.4 KB, over the limit of 100 KB; raise it with "
            "--max-size") in err
    written = root / ("out" if command == "convert" else "corpus/tei")
    assert sorted(p.stem for p in written.glob("*.xml")) == [LETTER.name]


def test_sizes_on_the_command_line() -> None:
    from teipipe.commands.common import size

    assert [size(t) for t in ("100", "64K", "1.5M", "2GB", "10MiB")] == [
        100, 65536, 1572864, 2 * 1024 ** 3, 10 * 1024 ** 2]
    for wrong in ("", "0", "ten", "5T"):
        with pytest.raises(Exception, match="no size"):
            size(wrong)


def test_xinclude_on_request_takes_files_below_the_folder_only(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    letters = tmp_path / "letters"
    (letters / "parts").mkdir(parents=True)
    (tmp_path / "secret.txt").write_text("TEIPIPE-SECRET-7f3a", encoding="utf-8")
    (letters / "parts" / "greeting.txt").write_text("warm greetings", encoding="utf-8")
    source = (HOSTILE / "xinclude-local.xml").read_text(encoding="utf-8")
    (letters / "below.xml").write_text(source.replace('href="secret.txt"',
                                                      'href="parts/greeting.txt"'),
                                       encoding="utf-8")
    (letters / "above.xml").write_text(source.replace('href="secret.txt"',
                                                      'href="../secret.txt"'),
                                       encoding="utf-8")
    out = tmp_path / "out"
    assert main(["transform", "--to", "text", "--xinclude", str(letters), "--out",
                 str(out)]) == 1
    err = capsys.readouterr().err
    assert "warm greetings" in (out / "below.txt").read_text(encoding="utf-8")
    assert not (out / "above.txt").exists()
    assert (f"{(letters / 'above.xml').as_posix()}:68: error: xi:include of '../secret.txt' "
            "leaves the document's folder") in err
    assert all(leak not in err for leak in LEAKS)
