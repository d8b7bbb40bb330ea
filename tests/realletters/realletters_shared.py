"""What the real-letter tests share: where the editions' TEI is, and what a converted
text's body paragraphs are, for letters rendered by the benchmark's own renderer."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

from teipipe import source
from teipipe.pipeline import convert_source

HERE = Path(__file__).resolve()
REALWORLD = HERE.parents[3] / "shared" / "realworld" / "tei"
FIXTURES = HERE.parents[1] / "fixtures" / "realletters"
sys.path.insert(0, str(HERE.parents[2] / "benchmarks" / "realletters"))

import build  # noqa: E402
from convert import _EMPTY_REGISTER, _NOT_BODY, TEI, _local, text_of  # noqa: E402
from gold import Adjust, read_letter  # noqa: E402

Case = tuple[str, Path, str, Adjust | None]
"""A letter: its language, its edition's TEI file, the edition, how its encoding is adjusted."""


def escher(stem: str) -> Path:
    """An Escher letter of ../shared/realworld by the start of its file name (`K_1195`)."""
    found = [p for folder in ("escher", "escher-500") for p in (REALWORLD / folder).glob(
        f"{stem}_*.xml")]
    return found[0] if found else REALWORLD / "escher" / f"{stem}-missing.xml"


def body_paragraphs(text: str, path: str) -> list[str]:
    """The body paragraphs of the TEI a text converts to without a sidecar."""
    result = convert_source(source.from_text(text, path), _EMPTY_REGISTER, None)
    assert result.tei is not None, path
    body = result.tei.tree.getroot().find(f"{{{TEI}}}text/{{{TEI}}}body")
    assert body is not None
    return [text_of(p) for p in body.iter(f"{{{TEI}}}p")
            if not {_local(a) for a in p.iterancestors()} & _NOT_BODY]


def paragraphs_by_shape(cases: Mapping[str, Case], out: Path, shapes: Iterable[str]
                        ) -> dict[tuple[str, str], tuple[list[str], list[str]]]:
    """Per case and shape: the edition's paragraphs and those of the converted text."""
    wanted = set(shapes)
    found = {}
    for name, (language, path, edition, adjusted) in cases.items():
        if not path.is_file():
            pytest.fail(f"{path} is missing (../shared/realworld must sit beside the repository)")
        gold = read_letter(path.read_bytes(), edition, language, path.stem, adjusted)
        assert gold is not None, path
        folder = out / name
        folder.mkdir()
        for item in build.render_letter(gold, folder, out):
            if item["shape"] in wanted:
                text = (out / str(item["path"])).read_text(encoding="utf-8")
                found[(name, str(item["shape"]))] = (
                    list(gold.paragraphs), body_paragraphs(text, str(item["path"])))
    return found
