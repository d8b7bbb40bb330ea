"""Where a hard-wrapped line ends early, and the blocks cut there."""

from __future__ import annotations

from teipipe.readers.blocks import Line, RawBlock
from teipipe.readers.measure import ends_early, page_measure, split_short_lines

FILLED = "Wir reisten am Montag ab und kamen nach einer langen und beschwerlichen Fahrt"


def _lines(*texts: str) -> tuple[Line, ...]:
    return tuple(Line(n, text) for n, text in enumerate(texts, start=1))


def test_a_line_ends_early_when_the_next_word_would_have_fitted() -> None:
    width = len(FILLED)
    assert ends_early(Line(1, "über die Berge."), Line(2, "Dann"), width)
    assert not ends_early(Line(1, FILLED[:-6]), Line(2, "Bergfahrt"), width)
    # A word broken at the line end never ends a paragraph there.
    assert not ends_early(Line(1, "über die Berg-"), Line(2, "fahrt"), width)


def test_the_first_line_of_a_paragraph_may_have_lost_its_indent() -> None:
    line, following = Line(1, FILLED[:-10]), Line(2, "und")
    assert ends_early(line, following, len(FILLED))
    assert not ends_early(line, following, len(FILLED), first=True)


def test_stretched_spaces_of_a_justified_line_do_not_widen_the_page() -> None:
    lines = _lines(*[FILLED] * 8, FILLED.replace(" ", "   "), "Ende.")
    assert page_measure(lines) == len(FILLED)


def test_head_lines_printed_above_the_first_paragraph_stand_alone() -> None:
    block = RawBlock(_lines("Zürich, 3. Mai 1860", "Lieber Freund!", FILLED, FILLED,
                            "über die Berge."), 99)
    pieces = split_short_lines([block], len(FILLED))
    assert [[line.content for line in piece.lines] for piece in pieces] == [
        ["Zürich, 3. Mai 1860"], ["Lieber Freund!"], [FILLED, FILLED, "über die Berge."]]
    assert [piece.gap_before for piece in pieces] == [99, 0, 0]


def test_a_quotation_set_narrower_than_the_page_is_not_cut() -> None:
    narrow = [FILLED[:60], FILLED[5:62], FILLED[:58], "zu Ende."]
    pieces = split_short_lines([RawBlock(_lines(*narrow), 1)], len(FILLED))
    assert len(pieces) == 1


def test_closing_lines_under_each_other_are_lines_of_their_own() -> None:
    block = RawBlock(_lines("Mit herzlichem Grusse Ihr Ergebenster", "Bern 27 Mai 1878.",
                            "E Welti"), 1)
    assert len(split_short_lines([block], len(FILLED))) == 3


def test_closing_sentences_set_one_under_the_other_stand_alone() -> None:
    # Long enough not to count as a block of short lines, each short of the page's measure,
    # each a sentence, the next opening in capitals.
    closing = RawBlock(_lines(
        "Priant Dieu, Monsr le Chancelier, qu’il vous aict en sa saincte garde.",
        "Escript au camp du Mesnil pres Hedyn le viime jour d’apvril mil vc.", "Françoys."), 1)
    assert len(split_short_lines([closing], 95)) == 3
    # Filled lines of a paragraph whose sentences happen to end at a line end stay together.
    filled = RawBlock(_lines(FILLED + ".", FILLED + ".", "Ende."), 1)
    assert len(split_short_lines([filled], len(FILLED) + 1)) == 1


def test_a_dash_typed_with_hyphens_is_no_broken_word() -> None:
    width = len(FILLED)
    # `fühle.--` ends a sentence with a typed dash; the short line ends its paragraph.
    assert ends_early(Line(1, "einmal Ihre Freundesliebe fühle.--"), Line(2, "Unglücklich"), width)
    assert ends_early(Line(1, "und dann kam er nicht mehr -"), Line(2, "Nun"), width)
    assert not ends_early(Line(1, "und dann kam er nicht mehr mit der Bahn-"), Line(2, "hof"),
                          width)
