"""The start of a letter: its address lines, datelines and salutation.

`structure.py` cuts a piece of a letter into Units; the opener is read from the
first of them, in any order (`À Monsieur …`, `Paris, le 3 mai 1902.`, `Monsieur,`),
until the salutation or the first line of the letter's text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..language.correspondents import is_form_of_address, person_name
from ..language.dates import parse_dateline
from ..model import (
    AddressLine,
    Dateline,
    Opener,
    Salute,
    Text,
)
from . import address, rules
from .topdate import top_dateline
from .units import Unit, dateline_like, dateline_of, names_a_place, place_alone


def read_opener(units: list[Unit]) -> tuple[Opener | None, list[Unit]]:
    """Leading address lines, datelines and salutations of a letter, in any order.

    A bracketed remark of the editor on place or date (`[Envoyée à Paris]`) stands
    with the datelines; an address in capitals opening a paragraph is split off.
    The opener ends at its salutation or at the first line of the letter's text.
    """
    parts: list[AddressLine | Dateline | Salute] = []
    head_end = _head_part_ahead(units)
    while units and len(parts) < 6 and not _printed_text_start(units[0].text):
        unit = units[0]
        if address.is_address_line(unit.text) and not (rules.is_salutation(unit.text)
                                                       or _commendation(unit.text)):
            parts.append(AddressLine(unit.inlines, unit.loc))
        elif dateline_like(unit.text) or top_dateline(unit.text):
            parts.append(dateline_of(unit, parse_dateline(unit.text)))
        elif not parts and len(units) > 1 and (_place_heading(unit.text)
                                               or _place_alone(units)
                                               or _telegraph_form(unit.text)):
            # A place without a date, or the form a telegram was handed in on.
            parts.append(dateline_of(unit, None))
        elif name_above_opener(units):
            parts.append(AddressLine(unit.inlines, unit.loc))
        elif (salutation(unit.text) or _salutation_shaped(units)
              or _address_then_salutation(units)):
            parts.append(Salute(unit.inlines, unit.loc))
        elif head_end is not None and len(parts) < head_end:
            # A letterhead or an address the rules do not know, above a salutation or
            # dateline; a letterhead may end with the letter's place and date.
            dated = dateline_within(unit.text)
            parts.append(AddressLine(unit.inlines, unit.loc) if dated is None
                         else dateline_of(unit, parse_dateline(dated)))
        elif _addressee_above_text(units, bool(parts)):
            parts.append(AddressLine(unit.inlines, unit.loc))
        else:
            split = _split_salutation(unit)
            if split is not None:
                parts.append(split[0])
                units[0] = split[1]
            break
        units.pop(0)
        if isinstance(parts[-1], Salute) and not (units and dateline_like(units[0].text)):
            break
    if not parts:
        return None, units
    return Opener(tuple(parts), parts[0].loc), units


# Printed letters set the first word of the text in capitals (`LAST night arrived …`,
# `CURSE upon my stars!`, `GESTERN abend …`, `HIER au soir …`, `IERI sera …`, `AYER por
# la noche …`): a line that starts so opens the text, whatever names stand in it.
_PRINTED_FIRST_WORD = re.compile(r"^[A-ZÀ-Ý]{2,}\s+[a-zà-ÿ]{2,}\s+[a-zà-ÿ]{2,}")


def _printed_text_start(text: str) -> bool:
    return (bool(_PRINTED_FIRST_WORD.match(text)) and not salutation(text)
            and not rules.SALUTATION.match(text) and not rules.salutation_prefix(text)
            and not (address.is_address_line(text) or dateline_like(text)
                     or top_dateline(text)))


# The printed heading of a telegraph form, in capitals: `THE WESTERN UNION TELEGRAPH
# COMPANY`, `TELEGRAMM`, `TÉLÉGRAPHES`, `TELEGRAFI DELLO STATO`, `TELÉGRAFOS`.
_TELEGRAPH_HEADING = re.compile(r"\bT[EÉ]L[EÉ]GRA(?:PH|F|M)\w*")
_TELEGRAPH_HEADING_WORDS = 12


def _telegraph_form(text: str) -> bool:
    """A telegraph form's printed heading and conditions above a telegram's text."""
    return bool(_TELEGRAPH_HEADING.search(" ".join(text.split()[:_TELEGRAPH_HEADING_WORDS])))


# A place without a date heading a letter, named with what it is: `Muxedabads, the
# capital of Bengal.`, `Agra, die Hauptstadt des Reiches.`, `Cuzco, capitale de l'empire.`
_PLACE_HEADING = re.compile(
    r"^[A-ZÀ-Ý][\w'’-]+(?: [A-ZÀ-Ý][\w'’-]+)?, (?i:(?:the |die |la |le |el |l['’])?"
    r"(?:capital|city|town|port|seaport|village|hauptstadt|stadt|residenzstadt|capitale|"
    r"ville|città|citta|ciudad|villa|puerto|porto|pueblo|paese|borgo) "
    r"(?:of|von|des|der|de|du|di|del|della|dello|d['’])\s?)(?:[\w'’-]+ ?){1,4}\.$")


def _place_heading(text: str) -> bool:
    stripped = text.strip()
    return bool(_PLACE_HEADING.match(stripped)) and not rules.SALUTATION.match(stripped)


def _place_alone(units: Sequence[Unit]) -> bool:
    """A place alone heading a letter above its text (`London, Dover Street.`, `At Sea.`):
    printed and epistolary letters name where they were written so, without a date."""
    text = units[0].text
    return (len(units) > 1 and place_alone(text)
            and rules.word_count(units[1].text) > rules.word_count(text) + 6
            and not (salutation(text) or rules.is_closing(text)))


_HEAD_UNITS = 4  # a salutation stands among a letter's first units, or there is none
_LONGEST_HEAD_UNIT = 30  # words: above the salutation, longer units are the letter's text


_LONGEST_LETTERHEAD = 80  # words: a printed letterhead with the letter's place and date


def _head_part_ahead(units: Sequence[Unit]) -> int | None:
    """Where a salutation or dateline stands among the first units, below head lines.

    Above a salutation any short unit is a line of the head (`Printing & Publishing
    House …`), and so is a long one that holds the letter's dateline; above a
    dateline only lines shaped as an address are (`la comtesse de La Forêst`).
    """
    for index, unit in enumerate(units[:_HEAD_UNITS]):
        text = unit.text
        if salutation(text) or _address_then_salutation(units[index:]):
            return index
        if index and _salutation_shaped(units[index:]) and all(
                _address_like(above.text) or dateline_within(above.text) is not None
                for above in units[:index]):
            return index  # `Walt Whitman Esq.` under a letterhead with place and date
        if index and (dateline_like(text) or top_dateline(text)) and all(
                _addressee_line(above.text) for above in units[:index]):
            return index
        words = rules.word_count(text)
        if words > _LONGEST_HEAD_UNIT and (words > _LONGEST_LETTERHEAD
                                           or dateline_within(text) is None):
            return None
    return None


def _address_like(text: str, longest_loose: int = 14) -> bool:
    return address.address_shaped(text, address.names_a_courtesy_title(text), longest_loose)


def _addressee_line(text: str) -> bool:
    """An address with a title of courtesy (`la comtesse de La Forêst`) or a name alone;
    a closing's words (`Herzliche Grüße`) and a place (`Villa Platzer`) are none."""
    if rules.is_closing(text) or salutation(text) or names_a_place(text):
        return False
    if address.names_a_courtesy_title(text):
        return address.address_shaped(text, honorific=True)
    return rules.word_count(text) <= _LONGEST_NAME and person_name(text) is not None


_LONGEST_NAME = 5
# Words of a place or a house, in the five languages: `Villa Platzer`, `Hotel Alpenrose`,
# `Rax Edlach bei Reichenau`: a line of the sender's whereabouts, not an addressee.
_SEGMENT_END = re.compile(r"(?<=[^\W\d_]{2})[.;]\s+|,\s+|\s*[—–]\s*")
_LONGEST_DATELINE = 14


def dateline_within(text: str) -> str | None:
    """A place and date that open or close a longer unit: `PHILADELPHIA, 25th December,
    1793—2d year of the French Republic …`, `… 17 Union Square. New York, Sept 23 1890`."""
    if dateline_like(text):
        return text
    cuts = [match.start() for match in _SEGMENT_END.finditer(text)]
    ends = [match.end() for match in _SEGMENT_END.finditer(text)]
    for piece in [text[:cut] for cut in cuts] + [text[end:] for end in ends]:
        piece = piece.strip()
        parsed = (parse_dateline(piece) if 2 <= rules.word_count(piece) <= _LONGEST_DATELINE
                  and (rules.looks_like_dateline(piece)
                       or ":" not in piece and rules.is_dateline(piece)) else None)
        if parsed is not None and parsed[1]:  # a place with the date, not a title's date
            return piece
    return None


def _address_then_salutation(units: Sequence[Unit]) -> bool:
    """An address and the salutation on one line: `The Honorable Commissioner of Indian
    Affairs, Washington, D. C. Sir:`, `The Elwells My Very Dear Friends`."""
    return (len(units) > 1 and address_with_salutation(units[0].text)
            and rules.word_count(units[1].text) > rules.word_count(units[0].text))


def address_with_salutation(text: str) -> bool:
    """A line of address lines that ends with the salutation (`… D. C. Sir:`)."""
    words = text.split()
    if not 2 <= len(words) <= _LONGEST_HEAD_UNIT:
        return False
    for start in range(1, len(words)):
        rest = " ".join(words[start:])
        if rules.SALUTATION.match(rest) and rules.word_count(rest) <= 5 and (
                rest[-1:] in ",:;!—-" or start + 5 >= len(words)):
            return _address_like(" ".join(words[:start]), _LONGEST_HEAD_UNIT)
    return False


def _addressee_above_text(units: Sequence[Unit], below_head: bool) -> bool:
    """A name or an address with a title alone above the letter's first paragraph.

    `Hon. S. J. Crawford`, `Walt Whitman Esq.`, `la comtesse de La Forêst`; a bare
    name (`John Tait`) only below a dateline or another line of the head."""
    if len(units) < 2:
        return False
    text, following = units[0].text, units[1].text
    if rules.word_count(following) <= rules.word_count(text) + 3 or text[-1:] in "?!:":
        return False
    if address.names_a_courtesy_title(text):
        return _addressee_line(text)
    return below_head and _addressee_line(text)


# Words of endearment and esteem that make a short line a salutation wherever they stand
# in it: `Liana cara.`, `Genitori adorati.`, `Amore mio.`, `Figlio adorato`.
_ENDEARMENT = re.compile(
    r"""\b(?:car[oaie]|carissim[oaie]|adorat[oaie]|amatissim[oaie]|dilettissim[oaie]|dilett[oaie]
        | amore\s+mio | mio\s+amore | tesoro\s+mio | querid[oa]s? | queridísim[oa]s? | amad[oa]s?
        | chéri(?:e|s|es)? | bien-aimée? | darling | beloved | dearest | liebste[rn]?
        | geliebte[rn]? | teuerste[rn]? | theuerste[rn]?)\b""",
    re.VERBOSE | re.IGNORECASE)
_LONGEST_ENDEARMENT = 4


# An older letter greets in a whole sentence: the address, then the writer commends
# himself to the addressee (`Monseigneur, tres humblement je me recommande à vostre
# bonne grace.`), in the five languages.
_COMMENDATION = re.compile(
    r"\b(?:(?:me|nous) recommand(?:e|ons)\b|(?:commend|recommend) (?:me|my|us|our)|"
    r"(?:empfehle|empfehlen)(?: ich| wir)? (?:mich|uns)|"
    r"(?:mi|ci) raccomand(?:o|iamo) (?:a|al|alla|alle|ai)\b|"
    r"raccomandandomi|(?:me|nos) (?:encomiend|encomend|recomiend|recomend)(?:o|amos)\b)")
_LONGEST_COMMENDATION = 25


def _commendation(text: str) -> bool:
    stripped = text.strip()
    return (rules.word_count(stripped) <= _LONGEST_COMMENDATION
            and bool(rules.SALUTATION.match(stripped))
            and bool(_COMMENDATION.search(stripped.lower())))


def salutation(text: str) -> bool:
    """A salutation by its formula (`Lieber Richard,`), a short line of endearment, or
    a whole sentence of commendation under the address (`Sire, je me recommande …`)."""
    if rules.is_salutation(text) or _commendation(text):
        return True
    stripped = text.strip()
    return (rules.word_count(stripped) <= _LONGEST_ENDEARMENT and stripped[-1:] not in "?;"
            and bool(_ENDEARMENT.search(stripped)))


def opener_length(units: Sequence[Unit]) -> int:
    """How many of the leading units the opener takes (none of them heads a division)."""
    return len(units) - len(read_opener(list(units))[1])


def head_line(text: str, first: bool) -> bool:
    """A line of a letter's head: a title (first), an address, a dateline, a salutation.

    Books print them without blank lines above the first paragraph."""
    return ((first and rules.is_letter_title(text)) or address.is_address_line(text)
            or salutation(text) or dateline_like(text) or top_dateline(text))


def name_above_opener(units: Sequence[Unit]) -> bool:
    """A name alone above a dateline or salutation is the addressee's (`Alfred Escher`)."""
    text = units[0].text
    if (len(units) < 2 or text[-1:] in ",:!;?" or person_name(text) is None
            or rules.is_closing(text) or names_a_place(text)):
        return False  # `Herzliche Grüße`, `Villa Platzer` above a dateline name nobody
    following = units[1].text
    return (salutation(following) or dateline_like(following)
            or top_dateline(following) or address.is_address_line(following))


def _salutation_shaped(units: Sequence[Unit]) -> bool:
    """A short address ending in `,` `:` or `!` before the first paragraph (`Werter Herr!`)."""
    text = units[0].text
    if len(units) < 2 or rules.is_closing(text):
        return False  # `Herzliche Grüße!`, `Greetings from Hongkong.` greet, address nobody
    following = units[1].text
    longer = rules.word_count(following) > rules.word_count(text) + 6
    if rules.word_count(text) > 6:
        # A long address of a formula: `GENTLEMEN of the SENATE, and of the HOUSE …`.
        return (longer and rules.word_count(text) <= _LONGEST_SALUTATION
                and bool(rules.SALUTATION.match(text)) and _address_like(text.rstrip(".,;:")))
    # Without a mark of address only a few words can be one (`Ma brave comtesse`), and
    # not words all capitalised, as the heading of an essay's part is (`The Early Years`).
    # Older letters end their salutation with a semicolon (`Loving Sister;`).
    if text[-1:] not in ",:!;" and (rules.word_count(text) > 3 or text[-1:] == "?"
                                    or _all_capitalised(text)):
        return False
    return longer


_LONGEST_SALUTATION = 16


def _all_capitalised(text: str) -> bool:
    """Several words, all capitalised, none of them a form of address (`The Early Years`)."""
    words = text.split()
    return (len(words) > 1 and all(word[:1].isupper() for word in words)
            and not any(is_form_of_address(word) for word in words))


def _split_salutation(unit: Unit) -> tuple[Salute, Unit] | None:
    """`DEAR COMRADES, here are…`: the address in capitals becomes the salutation."""
    first = unit.inlines[0] if unit.inlines else None
    if not isinstance(first, Text):
        return None
    length = rules.salutation_prefix(first.text.lstrip())
    if not length:
        return None
    skip = len(first.text) - len(first.text.lstrip())
    cut = skip + length
    salute = Salute((Text(first.text[:cut].rstrip(), first.loc),), first.loc)
    rest = Text(first.text[cut:].lstrip(), first.loc.shifted(cut))
    return salute, replace(unit, inlines=(rest, *unit.inlines[1:]))
