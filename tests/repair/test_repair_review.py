"""The repair pass inside a conversion: the editor's review loop, the switch, nothing lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from teipipe.cli import main
from teipipe.model import Choice, Document, inline_text
from teipipe.passes import Options
from teipipe.pipeline import convert_file
from teipipe.project.register import Register
from teipipe.walk import iter_inline_runs

LETTER = """\
12 mars 1921.
Cher ami,
Je vous écris en hâte. Malheureuse ment je ne peux venir ce mois-ci.
La situation est entiè rement nouvelle depuis votre départ. II faut agir vite.
Est-ce un hasard ? Je ne le crois pas, a priori. Louis II fut roi, nous sommes en 1910.
Les enfants des dé portés sont partis. Je vous salue cor dialement.
Votre ami,
Jean Martin
"""
SIDECAR = '[document]\nkind = "letter"\nlanguage = "fr"\n'


def write(tmp_path: Path, repairs_table: str = "") -> Path:
    text = tmp_path / "lettre.txt"
    text.write_text(LETTER, encoding="utf-8")
    (tmp_path / "lettre.toml").write_text(SIDECAR + repairs_table, encoding="utf-8")
    return text


def convert(path: Path, options: Options | None = None) -> Document:
    result = convert_file(path, path.name, Register(), "web-archive", options)
    assert result.document is not None
    return result.document


def corrections(doc: Document) -> dict[str, Choice]:
    return {n.original: n for run in iter_inline_runs(doc) for n in run
            if isinstance(n, Choice) and n.kind == "digitisation"}


def test_repairs_applied_and_look_alikes_kept(tmp_path: Path) -> None:
    found = corrections(convert(write(tmp_path)))
    assert {k: v.edited for k, v in found.items()} == {
        "Malheureuse ment": "Malheureusement", "entiè rement": "entièrement", "II": "Il",
        "cor dialement": "cordialement"}
    assert all(c.resp == "teipipe" and c.rule.startswith("repair.") for c in found.values())


def test_low_certainty_is_a_proposal_not_a_repair(tmp_path: Path) -> None:
    path = write(tmp_path)
    result = convert_file(path, path.name, Register(), "web-archive")
    proposals = [d for d in result.diagnostics if d.code == "repair.proposal"]
    assert [d.location.line for d in proposals] == [6]
    assert '"dé portés" → "déportés" (low)' in proposals[0].message
    assert "dé portés" not in corrections(result.document)  # type: ignore[arg-type]


def test_rejected_repair_is_not_applied(tmp_path: Path) -> None:
    doc = convert(write(tmp_path, '[repairs]\nreject = ["4:18:entiè rement"]\n'))
    assert "entiè rement" not in corrections(doc)
    assert "cor dialement" in corrections(doc)


def test_accepted_low_repair_is_applied_by_the_editor(tmp_path: Path) -> None:
    doc = convert(write(tmp_path, '[repairs]\naccept = ["6:17:dé portés"]\n'))
    choice = corrections(doc)["dé portés"]
    assert (choice.edited, choice.resp, choice.cert) == ("déportés", "editor", "high")
    assert "editor" in {r.id for r in doc.meta.responsibilities}


def test_a_key_matching_nothing_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, '[repairs]\nreject = ["99:1:nowhere"]\n')
    result = convert_file(path, path.name, Register(), "web-archive")
    assert [d.location.line for d in result.diagnostics if d.code == "repair.unknown-key"] == [5]


def test_keys_survive_reconversion(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path)
    runs = []
    for _ in range(2):
        assert main(["repairs", "--reader", "web-archive", "--format", "json", str(path)]) == 0
        runs.append(json.loads(capsys.readouterr().out))
    assert runs[0] == runs[1]
    assert {p["key"]: p["status"] for p in runs[0]}["6:17:dé portés"] == "proposed"


def test_repairs_command_text_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path)
    assert main(["repairs", "--reader", "web-archive", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert (f'{path.as_posix()}:4:18: proposal: "entiè rement" → "entièrement" (high) '
            "[repair.split-word] applied; key: 4:18:entiè rement") in lines


def test_no_repair_switch(tmp_path: Path) -> None:
    path = write(tmp_path)
    assert corrections(convert(path, Options(repair=False))) == {}
    assert corrections(convert(path, Options(skip=frozenset({"repair"})))) == {}
    assert main(["convert", "--reader", "web-archive", "--no-repair", "-q", str(path)]) == 0
    xml = (tmp_path / "lettre.xml").read_text(encoding="utf-8")
    assert "<sic>" not in xml and "Malheureuse ment" in xml


def test_sidecar_can_switch_repairs_off(tmp_path: Path) -> None:
    assert corrections(convert(write(tmp_path, "[repairs]\nenabled = false\n"))) == {}


def test_tei_encodes_an_ocr_repair_as_orig_and_reg_typed_ocr(tmp_path: Path) -> None:
    """A misreading of the digitisation is no error of the source: no sic, no corr."""
    path = write(tmp_path)
    assert main(["convert", "--reader", "web-archive", "-q", str(path)]) == 0
    xml = (tmp_path / "lettre.xml").read_text(encoding="utf-8")
    assert ('<choice><orig>cor dialement</orig><reg type="ocr" resp="#teipipe" cert="high">'
            "cordialement</reg></choice>") in xml
    assert "<sic>" not in xml and 'method="silent"' not in xml


def test_an_edition_may_apply_ocr_repairs_silently(tmp_path: Path) -> None:
    """edition.toml `ocr_repairs = "silent"`: the repaired reading alone, stated in the header."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "edition.toml").write_text(
        '[edition]\nocr_repairs = "silent"\n', encoding="utf-8")
    (tmp_path / "schema").mkdir()
    folder = tmp_path / "corpus" / "texts"
    folder.mkdir()
    path = write(folder)
    assert main(["convert", "--reader", "web-archive", "-q", str(path)]) == 0
    xml = (folder / "lettre.xml").read_text(encoding="utf-8")
    assert "cor dialement" not in xml and "cordialement" in xml
    assert "<choice>" not in xml.split("<text")[1]
    assert '<correction status="high" method="silent">' in xml
    assert "repaired silently" in xml


def test_an_unknown_ocr_repairs_choice_is_an_error_at_the_edition_file(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "edition.toml").write_text(
        '[edition]\nocr_repairs = "hidden"\n', encoding="utf-8")
    (tmp_path / "schema").mkdir()
    folder = tmp_path / "corpus" / "texts"
    folder.mkdir()
    path = write(folder)
    assert main(["convert", "--reader", "web-archive", "-q", str(path)]) == 1


@pytest.mark.parametrize("name", ["lettre", "corpus"])
def test_nothing_lost(tmp_path: Path, name: str) -> None:
    """The sic side of every Choice, with the text around it, is the source exactly."""
    corpus = Path(__file__).resolve().parents[2] / "corpus" / "texts"
    path = write(tmp_path) if name == "lettre" else \
        corpus / "1936-07-30_trotsky-to-serge_fr.txt"
    repaired, plain = convert(path), convert(path, Options(repair=False))
    assert corrections(repaired)
    assert [inline_text(r, source=True) for r in iter_inline_runs(repaired)] == \
        [inline_text(r, source=True) for r in iter_inline_runs(plain)]
