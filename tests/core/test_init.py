"""`teipipe init`: the files of a new project, what it says, and that it never overwrites."""

from __future__ import annotations

import fnmatch
import json
import re
import tomllib
from pathlib import Path

import pytest
import yaml

from support.links import dead_links, unresolved_xml_models, xml_model_hrefs
from teipipe.cli import main
from teipipe.project import starter
from teipipe.project.edition import load as load_edition
from teipipe.project.register import load as load_register
from teipipe.project.sidecar import load as load_sidecar

ROOT = Path(__file__).resolve().parents[2]
URL = "https://editor.github.io/letters/"
MADE = sorted([path for path, _template, _purpose in starter.FILES]
              + ["schema/teipipe.odd", "schema/teipipe.rng", "schema/teipipe.sch",
                 "schema/reference.html"])


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_init_makes_the_project_and_says_what_it_made(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "letters"
    assert main(["init", str(project), "--install", "teipipe==0.1.0", "--url", URL]) == 0
    assert _files(project) == MADE
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert [line.split()[0] for line in lines[:-1]] == [p for p, _t, _p in starter.FILES] + [
        "schema/teipipe.odd", "schema/reference.html", "schema/teipipe.rng",
        "schema/teipipe.sch"]
    assert lines[-1] == (f"init: 11 files made in {project.as_posix()}; "
                         f"next: cd {project.as_posix()} && teipipe build")
    assert captured.err == ""  # a reachable install spec and a real URL: nothing to say


def test_quiet_prints_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path / "p"), "--install", "teipipe==0.1.0", "-q"]) == 0
    assert capsys.readouterr() == ("", "")


def test_the_settings_files_read_without_a_problem(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path), "-q", "--install", "teipipe==0.1.0"]) == 0
    edition, problems = load_edition(tmp_path / "corpus" / "edition.toml", "edition.toml")
    assert problems == [] and edition.language == "en"
    text = (tmp_path / "corpus" / "edition.toml").read_text(encoding="utf-8")
    keys = tomllib.loads(text)["edition"]
    # Every setting is preceded by a comment saying what it is for.
    lines = text.splitlines()
    for key in keys:
        line = next(i for i, line in enumerate(lines) if line.startswith(f"{key} ="))
        assert lines[line - 1].startswith("#"), key
    assert {"title", "editor", "publisher", "licence", "licence_url", "base_url", "date",
            "language"} <= set(keys)
    register, problems = load_register(tmp_path / "corpus" / "register.toml")
    assert problems == [] and {e.id for e in register.entries} == {
        "dumont-henri", "weber-clara", "brussels", "paris"}
    text_file = tmp_path / f"{starter.EXAMPLE}.txt"
    side, problems = load_sidecar(text_file, text_file.name)
    assert problems == [] and side is not None
    assert side.table("sent").get("persons") == ["dumont-henri"]


def test_it_refuses_to_overwrite_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".gitignore").write_text("mine\n", encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "register.toml").write_text("# mine\n", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "would overwrite 2 files" in err and "nothing was written" in err
    assert "corpus/register.toml" in err and ".gitignore" in err
    assert _files(tmp_path) == [".gitignore", "corpus/register.toml"]
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "mine\n"


def test_a_file_in_the_way_of_the_folder_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p").write_text("x", encoding="utf-8")
    assert main(["init", str(tmp_path / "p")]) == 1
    assert "is a file, not a folder" in capsys.readouterr().err


def test_write_never_replaces_a_file_that_appeared_after_planning(tmp_path: Path) -> None:
    planned, _ = starter.plan(starter.Settings(starter.Install("teipipe", True), "2026-01-01"))
    assert starter.existing(tmp_path, planned) == []
    (tmp_path / ".gitignore").write_text("mine\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        starter.write(tmp_path, [p for p in planned if p.path == ".gitignore"])
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "mine\n"


def test_the_install_spec_is_quoted_into_the_workflow(tmp_path: Path) -> None:
    spec = 'teipipe @ git+https://example.org/x/teipipe@0123abc # "odd": chars'
    assert main(["init", str(tmp_path), "-q", "--install", spec]) == 0
    workflow = yaml.safe_load((tmp_path / ".github/workflows/teipipe.yml").read_text("utf-8"))
    (job,) = workflow["jobs"].values()
    assert job["env"]["TEIPIPE_SPEC"] == spec
    install = next(step for step in job["steps"] if step.get("id") == "install")
    assert install["run"] == 'python -m pip install "$TEIPIPE_SPEC"'


class _Distribution:
    def __init__(self, direct: dict[str, object] | None) -> None:
        self.direct = direct

    def read_text(self, name: str) -> str | None:
        assert name == "direct_url.json"
        return json.dumps(self.direct) if self.direct is not None else None


@pytest.mark.parametrize(("direct", "expected"), [
    (None, starter.Install("teipipe==9.9", True)),
    ({"url": "https://github.com/o/teipipe", "vcs_info": {"vcs": "git", "commit_id": "abc"}},
     starter.Install("teipipe @ git+https://github.com/o/teipipe@abc", True)),
    ({"url": "file:///home/me/teipipe", "dir_info": {"editable": True}},
     starter.Install("teipipe==9.9", False)),
    ({"url": "https://files.example.org/teipipe-9.9.tar.gz", "archive_info": {}},
     starter.Install("teipipe==9.9", True)),
])
def test_the_install_spec_follows_how_teipipe_was_installed(
        monkeypatch: pytest.MonkeyPatch, direct: dict[str, object] | None,
        expected: starter.Install) -> None:
    monkeypatch.setattr(starter.metadata, "distribution", lambda _name: _Distribution(direct))
    assert starter.install_spec("9.9") == expected


def test_a_local_install_is_a_warning_naming_the_workflow(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(starter.metadata, "distribution", lambda _name: _Distribution(
        {"url": "file:///home/me/teipipe", "dir_info": {}}))
    assert main(["init", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert ".github/workflows/teipipe.yml: warning: CI will install 'teipipe==" in err
    assert "[init.install-spec]" in err


def test_the_hook_is_teipipes_own(tmp_path: Path) -> None:
    """The project's hook runs what teipipe's .pre-commit-hooks.yaml defines, on TEI only."""
    assert main(["init", str(tmp_path), "-q", "--install", "teipipe", "--url", URL]) == 0
    ours = {hook["id"]: hook for hook in yaml.safe_load(
        (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    config = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = config["repos"][0]["hooks"]
    assert hook["id"] == "teipipe-validate"
    assert hook["entry"] == ours["teipipe-validate"]["entry"]
    assert re.search(hook["files"], "corpus/tei/letter.xml")
    assert not re.search(hook["files"], "build/site/cmif.xml")
    assert not re.search(hook["files"], "schema/teipipe.odd")


def test_the_templates_are_package_data() -> None:
    """pyproject's package-data patterns carry every template into an installed teipipe."""
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["setuptools"]["package-data"]["teipipe"]
    package = ROOT / "src" / "teipipe"
    for template in starter.TEMPLATES.iterdir():
        relative = template.relative_to(package).as_posix()
        assert any(fnmatch.fnmatch(relative, pattern) for pattern in patterns), relative
    assert {name for _path, name, _purpose in starter.FILES} == {
        p.name for p in starter.TEMPLATES.iterdir()}


def test_a_build_right_after_init_is_clean(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """No warning, no dead link, and the TEI's xml-model instructions name files that exist."""
    assert main(["init", str(tmp_path), "-q", "--install", "teipipe", "--url", URL]) == 0
    assert main(["build", "--project", str(tmp_path), "--executor", "serial",
                 "--fail-on-warnings"]) == 0
    err = capsys.readouterr().err
    assert ": warning:" not in err and ": error:" not in err, err
    site = tmp_path / "build" / "site"
    assert (site / "schema" / "reference.html").is_file()
    assert len(list(site.rglob("*.html"))) >= 5 and dead_links(site) == []
    tei = tmp_path / "corpus" / "tei"
    assert [p.name for p in tei.glob("*.xml")] == [f"{Path(starter.EXAMPLE).name}.xml"]
    assert xml_model_hrefs(next(tei.glob("*.xml"))) == ["../../schema/teipipe.rng",
                                                        "../../schema/teipipe.sch"]
    assert unresolved_xml_models(tei) == []
    # The checks can fail: without the reference page and the Schematron, both report.
    (site / "schema" / "reference.html").unlink()
    assert any(link.endswith("schema/reference.html") for link in dead_links(site))
    (tmp_path / "schema" / "teipipe.sch").unlink()
    assert unresolved_xml_models(tei) == [
        f"{Path(starter.EXAMPLE).name}.xml: ../../schema/teipipe.sch"]


def test_without_a_folder_the_project_is_made_here(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init", "--install", "teipipe"]) == 0
    assert _files(tmp_path) == MADE
    assert capsys.readouterr().out.splitlines()[-1] == (
        "init: 11 files made in .; next: teipipe build")
    assert main(["init", "--install", "teipipe"]) == 1  # a second time: all 11 are there
    assert "would overwrite 11 files" in capsys.readouterr().err


def test_the_url_and_the_date_go_into_the_edition_settings(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path / "a"), "-q", "--install", "t", "--url", URL]) == 0
    edition, _ = load_edition(tmp_path / "a" / "corpus" / "edition.toml", "edition.toml")
    assert edition.base_url == URL and re.fullmatch(r"\d{4}-\d{2}-\d{2}", edition.date)
    # Without --url: a placeholder, and init says so.
    assert main(["init", str(tmp_path / "b"), "--install", "t"]) == 0
    edition, _ = load_edition(tmp_path / "b" / "corpus" / "edition.toml", "edition.toml")
    assert edition.base_url == starter.PLACEHOLDER_URL
    err = capsys.readouterr().err
    assert "edition.toml: info: base_url is a placeholder" in err and "--url" in err
    assert main(["init", str(tmp_path / "c"), "--url", "letters.org"]) == 2
    assert "not an http(s) address" in capsys.readouterr().err
    assert not (tmp_path / "c").exists()
