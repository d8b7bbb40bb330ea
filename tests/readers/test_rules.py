"""Line rules shared by the readers, on lines from real and generated letters."""

from __future__ import annotations

import pytest

from teipipe.readers.rules import is_heading


@pytest.mark.parametrize("line", ["The Russian Years", "Reply to Serge", "Notes (1938)",
                                  "II. The Kronstadt Question"])
def test_short_lines_naming_a_part_are_headings(line: str) -> None:
    assert is_heading(line)


@pytest.mark.parametrize("line", [
    "By rape.”",  # the end of a quotation carried over a page break (found at 100,000 letters)
    "so it ended.)",
    "Yours,",
    "“A title in quotes”",
])
def test_sentence_ends_are_no_headings_even_before_closing_quotes(line: str) -> None:
    assert not is_heading(line)
