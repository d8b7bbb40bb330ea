"""Lines of real letters' ends that close a letter rather than continue its body."""

from __future__ import annotations

import pytest

from teipipe import readers, source
from teipipe.diagnostics import Reporter
from teipipe.model import Closer, Division, Paragraph
from teipipe.model import inline_text as text_of
from teipipe.readers.closing import signature_line
from teipipe.readers.closing_dates import closing_dateline


@pytest.mark.parametrize(("line", "dateline"), [
    # A day and month without a four-digit year, as letters' last lines write them.
    ("Apr 17th", True), ("March 1st", True), ("July 18th 76", True),
    ("May. 23th 92", True), ("Boston June- 4th 98", True),
    ("Philadelphia May 27th / 09", True), ("Roma, 3 marzo", True),
    ("Madrid 5 de mayo", True), ("Paris, le 12 janvier", True),
    ("328 Mickle Street Camden New Jersey June 14 '87", True),
    ("322 Stevens st. Camden, N.J. Monday June 7.", True),
    ("20-4-44", True), ("Selvatelle 30-4-44", True), ("Page 12-13", False),
    # A sentence or a name with a number is none.
    ("I have read 3 of them", False), ("Write me often", False), ("Marion 12th Regiment", False),
    ("We met them Monday June 7.", False), ("The Letter of Mr Jones June 7.", False),
])
def test_a_day_and_month_closes_a_letter_without_a_year(line: str, dateline: bool) -> None:
    assert closing_dateline(line) is dateline


@pytest.mark.parametrize(("line", "before", "signs"), [
    # A name with its rank and office under a closing formula.
    ("W. H. Clapp Captain 16th Infantry, Acting Indian Agent.", "Very respectfully,", True),
    ("Nate Salsbury Director Buffalo Bill's Wild West Co", "Very truly yours", True),
    # A sentence under a closing formula does not sign.
    ("We shall meet at the station on Monday next at ten.", "Very respectfully,", False),
])
def test_a_name_with_its_office_under_a_closing_signs(line: str, before: str, signs: bool) -> None:
    assert signature_line(line, before) is signs


def test_a_closing_formula_and_the_name_after_its_comma_close_the_letter(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = ("Sir,\n\nI received yours of the 3d, and shall answer it more fully by the next "
            "Conveyance.\n\nI pray God to keep you in his holy Protection.\n\n"
            "Your very Humble Servant, S. Danforth.\n")
    path = tmp_path / "letter.txt"
    path.write_text(text, encoding="utf-8")
    doc = readers.get("web-archive").read(source.read(path, path.name), Reporter())
    blocks = [b for block in doc.body
              for b in (block.blocks if isinstance(block, Division) else (block,))]
    assert sum(isinstance(b, Paragraph) for b in blocks) == 2
    closers = [b for b in blocks if isinstance(b, Closer)]
    assert closers and "Danforth" in text_of(closers[0].parts[-1].inlines)
