"""Sidecar values that cannot be right are errors at the sidecar's line."""

from __future__ import annotations

from teipipe.diagnostics import Severity
from teipipe.project.sidecar import parse

SIDECAR = """\
[document]
kind = "letter"
language = "{language}"

[sent]
persons = ["Victor Serge"]
date = "{sent_date}"

[received]
persons = ["Leon Trotsky"]
not_before = "{not_before}"
not_after = "{not_after}"
"""


def _problems(language: str = "fr", sent_date: str = "1902-02-28",
              not_before: str = "1902-03", not_after: str = "1902-04") -> list[tuple[str, int]]:
    text = SIDECAR.format(language=language, sent_date=sent_date, not_before=not_before,
                          not_after=not_after)
    _, problems = parse(text, "letter.toml")
    return [(p.code, p.location.line) for p in problems if p.severity is Severity.ERROR]


def test_a_sound_sidecar_has_no_errors() -> None:
    assert _problems() == []


def test_a_day_that_does_not_exist_is_an_error_at_its_line() -> None:
    assert _problems(sent_date="1902-02-30") == [("sidecar.bad-date", 7)]
    assert _problems(sent_date="30.2.1902") == [("sidecar.bad-date", 7)]


def test_an_inverted_range_is_an_error_at_the_line_of_not_before() -> None:
    assert _problems(not_before="1902-05", not_after="1902-04") == [
        ("sidecar.inverted-range", 11)]
    # Same month: the range covers the whole month, so it is not inverted.
    assert _problems(not_before="1902-04-30", not_after="1902-04") == []


def test_an_unknown_language_code_is_an_error() -> None:
    assert _problems(language="xq") == [("sidecar.bad-language", 3)]
    assert _problems(language="de-CH") == []


def test_the_line_of_a_key_is_found_in_its_own_table() -> None:
    sidecar, _ = parse(SIDECAR.format(language="fr", sent_date="1902-02-28",
                                      not_before="1902-03", not_after="1902-04"), "x.toml")
    assert sidecar.where("persons", "received").line == 10
    assert sidecar.where("persons", "sent").line == 6
