"""The head lines of a hard-wrapped letter stop where its running text begins: a full line
that goes on in lower case is a paragraph's, however much it opens like an address (#12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from letter_reading import read_letter

from teipipe.model import Paragraph
from teipipe.model import inline_text as text_of

GERMAN = """Hottingen, d. 9. Mai 1854.
Hochgeachteter Herr!
Herr Professor Kunz war in den letzten Tagen äußerst schwach. Nun aber höre ich, daß
er Sie gerne noch einmal sehen möchte. – Da Ihnen diese Nachricht so spät zukommt,
wird es Ihnen kaum möglich sein, noch heute zu kommen. Ich gehe jetzt nach Küsnacht,
um den Unterricht zu beginnen, und werde Ihnen morgen weiter berichten.

Mit steter Hochachtung
Heinrich Muster.
"""

ENGLISH = """Denver, August 27th, 1913
My dear Mr. Secretary,
Mr. Hartley of the Evening Post and Col. Brand have asked me to beg you to forward to
them, care of the Post at Denver, your answer to their request to film the events of
the reunion at the agency, together with the interview which the Colonel gave you.

Very truly yours,
John Miller
"""


@pytest.mark.parametrize(("text", "opening"), [(GERMAN, "Herr Professor Kunz war"),
                                               (ENGLISH, "Mr. Hartley of the Evening")])
def test_a_full_line_going_on_in_lower_case_opens_the_first_paragraph(
        tmp_path: Path, text: str, opening: str) -> None:
    doc, _ = read_letter(tmp_path, text, reader="book-ocr")
    paragraphs = [text_of(b.inlines) for b in doc.body if isinstance(b, Paragraph)]
    assert len(paragraphs) == 1
    assert paragraphs[0].startswith(opening)
