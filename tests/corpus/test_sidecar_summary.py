"""The corpus plan reads sidecars through the one sidecar reader, into a typed summary."""

from __future__ import annotations

import pytest

from teipipe.corpus import links
from teipipe.corpus.links import SidecarSummary, summarize
from teipipe.project import sidecar

SIDECAR = b"""[document]
language = "fr"
title = "Lettre de Paris"

[sent]
persons = ["Victor Serge"]
date = "1936-08-10"

[received]
persons = ["trotsky-leon"]
orgs = ["The Editors"]

[[relation]]
type = "translationOf"
target = "1936-08-10_serge-to-trotsky_en"
"""


def test_a_sidecar_is_summarised_by_name_not_by_position() -> None:
    summary = summarize(SIDECAR)
    assert summary == SidecarSummary(
        letter=True, language="fr", title="Lettre de Paris", date="1936-08-10",
        parties=("Victor Serge", "trotsky-leon", "The Editors"),
        relations=(("translationOf", "1936-08-10_serge-to-trotsky_en"),))


def test_the_summary_goes_through_the_one_sidecar_reader(
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bytes] = []

    def reading(data: bytes, path: str = "") -> sidecar.Sidecar:
        seen.append(data)
        return sidecar.Sidecar(path, {"document": {"language": "it"}})

    monkeypatch.setattr(links.sidecar, "read_quietly", reading)
    assert summarize(SIDECAR).language == "it"
    assert seen == [SIDECAR]


@pytest.mark.parametrize("data", [b"[document\nlanguage = ", b"\xff\xfe[document]"])
def test_a_broken_sidecar_gives_an_empty_summary(data: bytes) -> None:
    assert summarize(data) == SidecarSummary(True, "", None, "", (), ())


def test_a_sender_given_as_an_array_of_tables_is_no_letter() -> None:
    assert not summarize(b"[[sent]]\npersons = ['A']\n").letter


def test_the_remembered_form_gives_the_same_summary_and_damage_gives_none() -> None:
    summary = summarize(SIDECAR)
    assert SidecarSummary.from_json(summary.to_json()) == summary
    assert SidecarSummary.from_json([True, "fr"]) is None
    assert SidecarSummary.from_json(None) is None
