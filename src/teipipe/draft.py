"""A draft sidecar: what the converter assumes about a text, for the editor to confirm.

Every value states its certainty and, in a comment, the line of the text it
was read from, so that the editor can check it against the source and keep,
correct or delete it. Values are TOML basic strings, escaped as JSON escapes
them (the two agree on every escape JSON writes).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from .passes.correspondence import Found, Reading

_TOO_LONG = 70  # characters of a source line quoted in a comment


@dataclass(frozen=True)
class DraftFacts:
    """What the converter settled on for one text besides its correspondence."""

    kind: str
    language: str
    reader: str
    reader_why: str


def _string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _quoted(line: str) -> str:
    text = " ".join(line.split())
    return text if len(text) <= _TOO_LONG else text[:_TOO_LONG - 1] + "…"


def _source(found: Found) -> str:
    return f"# line {found.loc.line}, {found.how}: {_quoted(found.line)}"


def _value(key: str, value: str, found: Found | None) -> Iterator[str]:
    yield f"{key} = {value}"
    if found is not None:
        yield f"  {_source(found)}"


def _sent(reading: Reading) -> Iterator[str]:
    yield "[sent]"
    if reading.sender is not None:
        yield from _value("persons", f"[{_string(reading.sender.value)}]", reading.sender)
        yield f"cert = {_string(reading.sender.cert)}"
    else:
        yield '# persons = ["..."]  # no sender found in the text'
    if reading.place is not None:
        yield from _value("place", _string(reading.place.value), reading.place)
        yield f"place_cert = {_string(reading.place.cert)}"
    else:
        yield '# place = "..."  # no place of sending found in the text'
    if reading.date is not None:
        yield from _value("date", _string(reading.date.value), reading.date)
        yield f"date_cert = {_string(reading.date.cert)}"
    else:
        yield ('# date = "YYYY-MM-DD"  # no date found in the text: give it, or '
               "not_before/not_after, or leave the letter undated")


def _received(reading: Reading) -> Iterator[str]:
    yield "[received]"
    if reading.recipient is not None:
        yield from _value("persons", f"[{_string(reading.recipient.value)}]",
                          reading.recipient)
        yield f"cert = {_string(reading.recipient.cert)}"
    else:
        yield '# persons = ["..."]  # no addressee found in the text'


def draft(facts: DraftFacts, reading: Reading) -> str:
    """The TOML text of the draft sidecar."""
    lines = [
        "# Draft sidecar written by `teipipe sidecar draft` from what the text itself says.",
        "# Check each value against the line it was read from, correct or delete it;",
        "# cert: high = a date line, an address or a title line; medium = a salutation or",
        "# a title's date; low = a guess.",
        "[document]",
        f"kind = {_string(facts.kind)}",
        f"language = {_string(facts.language)}",
        "  # guessed from the commonest words of the text",
        f"reader = {_string(facts.reader)}",
        f"  # {facts.reader_why}",
        "",
    ]
    if facts.kind == "letter":
        lines += [*_sent(reading), "", *_received(reading), ""]
    return "\n".join(lines)
