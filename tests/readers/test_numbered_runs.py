"""Numbered runs in a letter's body: a list of short entries, or the writer's numbered
paragraphs, which editions encode as paragraphs that keep their numbers (#12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from letter_reading import read_letter

from teipipe.model import ListBlock, Paragraph
from teipipe.model import inline_text as text_of

OPEN = "Dear Sir,\n\nI write to you about the matters we spoke of.\n\n"
SHUT = "\n\nWith kind regards,\n\nJohn Smith\n"


def _body(tmp_path: Path, middle: str) -> tuple[list[list[str]], list[str]]:
    """The items of each list and the text of each paragraph of a letter around `middle`."""
    doc, _ = read_letter(tmp_path, OPEN + middle + SHUT)
    lists = [[text_of(i.inlines).strip() for i in b.items]
             for b in doc.body if isinstance(b, ListBlock)]
    paragraphs = [text_of(b.inlines).strip() for b in doc.body if isinstance(b, Paragraph)]
    return lists, paragraphs


@pytest.mark.parametrize("middle", [
    # German, after a colon: conditions written as sentences.
    "Es sind die folgenden:\n\n1. Eine einmalige Summe für jeden Beitrag von zwanzig Mark.\n\n"
    "2. Ein gebundenes Exemplar des ganzen Bandes.\n\n3. Sie lesen die Korrektur selbst.",
    # English: long numbered points of an argument.
    "1. The first objection is that the plan pays no regard to the habits and customs of "
    "the people, who have lived under other laws for a hundred years and more.\n\n"
    "2. The second is that it fixes these faults upon the people for seven years.",
    # Spanish and Italian, with `1)` labels.
    "1) Le ruego que me envíe las cuentas de la primavera en cuanto estén impresas.\n\n"
    "2) No publique la segunda carta antes de que hayamos hablado.",
    "1) La prego di mandarmi i conti della primavera appena saranno stampati.\n\n"
    "2) Non pubblichi la seconda lettera prima che ne abbiamo parlato.",
])
def test_numbered_sentences_are_paragraphs_that_keep_their_numbers(tmp_path: Path,
                                                                   middle: str) -> None:
    lists, paragraphs = _body(tmp_path, middle)
    assert lists == []
    numbered = [p for p in paragraphs if p[:1].isdigit()]
    assert [p[:2] for p in numbered] == [f"{n}{numbered[0][1]}" for n in
                                         range(1, len(numbered) + 1)]
    assert len(numbered) == middle.count("\n\n") + 1 - middle.startswith("Es sind")


def test_short_entries_stay_a_list(tmp_path: Path) -> None:
    lists, paragraphs = _body(tmp_path, "I have sent the volumes to these papers:\n\n"
                              "1. Saturday Press\n\n2. Evening Post\n\n3. Tribune")
    assert lists == [["Saturday Press", "Evening Post", "Tribune"]]
    assert not any(p[:1].isdigit() for p in paragraphs)


@pytest.mark.parametrize("line", ["v. Ihrem freundschaftlich ergebenen Freunde",
                                  "u. s. w. und so fort bis zum Ende des Monats.",
                                  "s. oben, was ich Ihnen darüber schon schrieb."])
def test_an_abbreviation_that_opens_a_line_is_no_label(tmp_path: Path, line: str) -> None:
    lists, _ = _body(tmp_path, "Ich danke Ihnen für die Sendung.\n\n" + line)
    assert lists == []


WRAPPED = """Verehrter Herr Professor!

Sie erinnern sich, daß Sie mir vor etwa 2 Jahren eine Ihrer Predigten für einen Band
zugesagt haben. Ich bitte Sie, sich mit diesen Bedingungen einverstanden zu erklären.
Es sind die folgenden:

1. Eine einmalige Summe für eine Predigt von fünfundzwanzig Mark.

2. Ein gebundenes Exemplar des ganzen Bandes.

3. Auf Wunsch bis zu fünfzehn Sonderdrucke, die Sie pro Stück wenig kosten
würden. Wollen Sie bitte Ihre Wünsche bald angeben.

So hoffe ich, daß das Werk nach so langer Wartezeit doch noch zustande kommt.

Mit freundlichen Grüßen
Hans Muster
"""


def test_numbered_paragraphs_of_a_wrapped_letter_are_no_endnotes(tmp_path: Path) -> None:
    """`2. Ein gebundenes Exemplar …` goes on from `1. …`, though a `2` stands in the text
    before: the run is the writer's, not endnotes cited by that figure (#12)."""
    doc, _ = read_letter(tmp_path, WRAPPED, reader="pdf-text")
    paragraphs = [text_of(b.inlines) for b in doc.body if isinstance(b, Paragraph)]
    assert doc.notes == ()
    assert [p[:2] for p in paragraphs if p[:1].isdigit()] == ["1.", "2.", "3."]
    assert paragraphs[-1].startswith("So hoffe ich")
