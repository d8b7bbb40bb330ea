"""Short title-case lines in a letter's body: a heading stands alone over what it heads;
lines one under the other (a telegram's printed form, a dedication) are the text's own
paragraphs (#12)."""

from __future__ import annotations

from pathlib import Path

from letter_reading import read_letter

from teipipe.model import Division, Paragraph
from teipipe.model import inline_text as text_of
from teipipe.walk import iter_blocks

TELEGRAM = """Number 31 Ch

Sent By K L

Check 12 Paid

Received at Grand Hotel Denver 4/2 1897

Dated Omaha Nebr 2

To Mr. Harold Brown

Ship the horses Monday and wire me when they leave the yard.

H. Miller
"""

ARTICLE = """The letters we print below were written in the spring.

Their writer had sent them to friends abroad, and most of them are lost.


Our Reply to the Writer

We answer the writer's points one by one, as he raised them in his letter.

The second point concerns the dates, which he gives wrongly.
"""


def _heads_and_paragraphs(tmp_path: Path, text: str) -> tuple[list[str], list[str]]:
    doc, _ = read_letter(tmp_path, text)
    heads = [text_of(b.head.inlines).strip() for b in iter_blocks(doc.body)
             if isinstance(b, Division) and b.head is not None]
    paragraphs = [text_of(b.inlines).strip() for b in iter_blocks(doc.body)
                  if isinstance(b, Paragraph)]
    return heads, paragraphs


def test_a_telegrams_form_lines_are_paragraphs_not_headings(tmp_path: Path) -> None:
    heads, paragraphs = _heads_and_paragraphs(tmp_path, TELEGRAM)
    assert heads == []
    for line in ("Sent By K L", "Check 12 Paid", "Dated Omaha Nebr 2"):
        assert line in paragraphs


def test_a_heading_alone_over_its_paragraphs_still_heads_them(tmp_path: Path) -> None:
    heads, paragraphs = _heads_and_paragraphs(tmp_path, ARTICLE)
    assert heads == ["Our Reply to the Writer"]
    assert len(paragraphs) == 4
