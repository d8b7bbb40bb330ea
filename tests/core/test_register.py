"""The register's `no_identifier`: the editor's statement that no authority identifier is known."""

from __future__ import annotations

from teipipe.project.register import NO_IDENTIFIER_KNOWN, parse


def _entry(body: str) -> tuple[str, list[str]]:
    register, problems = parse(f'[person.a]\nname = "A"\n{body}\n', "register.toml")
    entry = register.get("a")
    assert entry is not None
    return entry.no_identifier, [p.code for p in problems]


def test_true_or_a_reason() -> None:
    assert _entry("no_identifier = true") == (NO_IDENTIFIER_KNOWN, [])
    assert _entry('no_identifier = "  a private person  "') == ("a private person", [])
    assert _entry("") == ("", [])
    assert _entry("no_identifier = false") == ("", [])


def test_an_idno_wins_and_the_contradiction_is_reported() -> None:
    assert _entry('no_identifier = true\nidno = { wikidata = "Q1" }') == (
        "", ["register.no-identifier-with-idno"])


def test_another_value_is_reported() -> None:
    assert _entry("no_identifier = 3") == ("", ["register.bad-no-identifier"])
