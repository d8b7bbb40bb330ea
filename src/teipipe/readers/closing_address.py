"""An address written under a letter's closing: the envelope's or the addressee's, copied
after the signature or the closing's dateline (`Herrn Stefan Grossmann Herausgeber des
»Tagebuch«, Berlin SW. 19`). It is no part of the letter's text: editions set it apart
after the closer, as the Schnitzler letters do in a `postscript`."""

from __future__ import annotations

from collections.abc import Sequence

from . import address, rules
from .closing_dates import closing_dateline
from .units import Unit

# An envelope's address runs to a few lines: its name, its office, its street and town.
_LONGEST_TRAILING_ADDRESS = 3


def trailing_address(units: Sequence[Unit]) -> int | None:
    """Where the address lines begin that end `units` under a closing formula or the
    closing's dateline, if they do."""
    end = len(units)
    start = end
    while (start > 1 and end - start < _LONGEST_TRAILING_ADDRESS
           and address.is_address_line(units[start - 1].text)
           and not rules.is_signature(units[start - 1].text)):
        start -= 1
    if start == end or start < 2 or not _closes(units[:start]):
        return None
    return start


def _closes(units: Sequence[Unit]) -> bool:
    """The letter's closing ends these units: its dateline, or a name under its formula or
    dateline (the name that signs under a formula may look like an address: `Dr A Escher`)."""
    last = units[-1].text
    if closing_dateline(last):
        return True
    above = units[-2].text if len(units) > 1 else ""
    return rules.is_signature(last) and (rules.is_closing(above) or closing_dateline(above))
