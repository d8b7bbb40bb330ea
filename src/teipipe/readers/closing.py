"""The end of a letter: closing salutations, signature, a dateline among them, postscripts.

Read from the end of a letter part, by the shape and place of its last short lines
and the closing formulas of `rules.py`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..language.dates import parse_dateline
from ..model import Closer, Dateline, Paragraph, Postscript, Salute, Signed
from . import rules
from .units import Unit, dateline_like, dateline_of, is_list_item


def closer(units: list[Unit]) -> tuple[Closer | None, list[Unit]]:
    """Trailing closing salutations, signature and dateline of a letter.

    Read from the end: a signature stands after the closing salutations, a
    dateline anywhere among them (`De Strasbourg, ce 10 de juillet (1538).`).
    """
    parts: list[Dateline | Salute | Signed] = []
    # The last unit left stays a paragraph: a letter's body is never only a closer.
    while len(units) > 1 and len(parts) < 5:
        unit = units[-1]
        if unit.page_break is not None and parts:
            break
        text = unit.text
        salute_seen = any(isinstance(p, Salute) for p in parts)
        if rules.is_dateline(text):
            parts.insert(0, dateline_of(unit, parse_dateline(text)))
        elif not salute_seen and not any(isinstance(p, Signed) for p in parts) and (
                _signature_here(units)):
            parts.insert(0, Signed(unit.inlines, unit.loc))
        elif (rules.is_closing(text) or _closing_shaped(units, parts)) and not is_list_item(unit):
            parts.insert(0, Salute(unit.inlines, unit.loc))
        else:
            break
        units.pop()
    if not parts:
        return None, units
    return Closer(tuple(parts), parts[0].loc), units


def _signature_here(units: Sequence[Unit]) -> bool:
    """The last unit is a name: alone, or a single word after a closing formula (`Jean`)."""
    text = units[-1].text
    if rules.is_signature(text):
        return True
    before = units[-2].text if len(units) > 1 else ""
    single_name = rules.word_count(text) == 1 and text[:1].isupper() and text[-1:] not in ",:;?!"
    return single_name and (rules.is_closing(before) or before.endswith(","))


def _closing_shaped(units: Sequence[Unit], parts: Sequence[Dateline | Salute | Signed]) -> bool:
    """A short line ending in a comma just before the signature (`Votre humble frère,`)."""
    text = units[-1].text
    return (bool(parts) and isinstance(parts[0], Signed | Salute)
            and rules.word_count(text) <= 10 and text.endswith(","))


def postscript(units: list[Unit]) -> tuple[Postscript | None, list[Unit]]:
    """A P.S. and what follows it; else the paragraphs written after the signature."""
    start = next((index for index, unit in enumerate(units)
                  if index and rules.POSTSCRIPT.match(unit.text)), None)
    if start is None:
        start = _after_signature(units)
    if start is None:
        return None, units
    paragraphs = tuple(Paragraph(u.inlines, u.loc) for u in units[start:])
    return Postscript(paragraphs, units[start].loc), units[:start]


_LONGEST_UNMARKED_POSTSCRIPT = 3


def _after_signature(units: Sequence[Unit]) -> int | None:
    """Where paragraphs begin that follow a signed closing (`…ergebener` / `J. Zingg.`)."""
    last = len(units) - 1
    for index in range(last, max(1, last - _LONGEST_UNMARKED_POSTSCRIPT), -1):
        signature, before = units[index - 1].text, units[index - 2].text if index > 1 else ""
        if not (rules.is_signature(signature) and before
                and (rules.is_closing(before) or dateline_like(before))):
            continue
        following = units[index].text
        if (dateline_like(following) or rules.is_closing(following)
                or is_list_item(units[index]) is not None):
            return None
        return index
    return None
