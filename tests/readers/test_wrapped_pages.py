"""Page ends of a hard-wrapped book by the printed page length (#12): where two blank
runs inside a sentence stand one page length apart, the blank run one page further on is
a page end too, though a sentence ends on the full line before it."""

from __future__ import annotations

from pathlib import Path

from letter_reading import read_letter

from teipipe.model import Paragraph
from teipipe.model import inline_text as text_of

WORDS = ("the", "committee", "met", "again", "on", "Monday", "and", "read", "the", "letters",
         "of", "the", "spring", "which", "the", "secretary", "had", "copied", "for", "the",
         "members", "who", "could", "not", "come")
PAGE = 24  # lines a page


def _lines(count: int, last: str) -> list[str]:
    """`count` full lines of running text, the last ending with `last`."""
    out = []
    for n in range(count):
        words = [WORDS[(n * 7 + i) % len(WORDS)] for i in range(16)]
        out.append(" ".join(words))
    out[-1] = " ".join(out[-1].split()[:-1] + [last])
    return out


def _book() -> str:
    """A letter over four pages: its page ends fall inside a sentence (`…and`) twice,
    then after a sentence on a full line (`…members.`)."""
    body = (_lines(PAGE - 2, "and") + [""] + _lines(PAGE, "and") + [""]
            + _lines(PAGE, "members.") + [""] + ["Then " + _lines(6, "ended.")[0]]
            + _lines(5, "ended."))
    return "\n".join(["Dear Sir,", ""] + body + ["", "Yours truly,", "John Smith", ""])


def test_a_page_end_after_a_sentence_on_a_full_line_continues_the_paragraph(
        tmp_path: Path) -> None:
    doc, _ = read_letter(tmp_path, _book(), reader="book-ocr")
    paragraphs = [text_of(b.inlines) for b in doc.body if isinstance(b, Paragraph)]
    assert len(paragraphs) == 1
    assert "members. Then the" in " ".join(paragraphs[0].split())
