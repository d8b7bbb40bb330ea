"""The end of a letter: closing salutations, signature, a dateline among them, postscripts.

Read from the end of a letter part, by the shape and place of its last short lines
and the closing formulas of `rules.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..language.dates import parse_dateline
from ..model import Closer, Dateline, Paragraph, Postscript, Salute, Signed
from . import rules
from .closing_address import trailing_address
from .closing_dates import closing_dateline, dateline_tail, ends_in_dateline, place_over_name
from .signature_lines import (
    SENTENCE_INSIDE,
    formula_over_signers,
    name_after_formula,
    name_with_office,
    office_under_dateline,
    one_word_name,
    possessive_signature,
    titled,
)
from .units import Unit, dateline_like, dateline_of, is_list_item


def ends_letter(units: Sequence[Unit], index: int) -> bool:
    """The unit at `index` signs the letter rather than heading a part of it.

    A name after a closing formula, or before a postscript; or a name after the
    last paragraph of running text with at most a short postscript after it
    (`…by Express. / Walt Whitman / There are several portraits…`).
    """
    previous = units[index - 1].text if index else ""
    following = units[index + 1].text if index + 1 < len(units) else ""
    if (previous and rules.is_closing(previous)) or rules.opens_postscript(following):
        return True
    if (index > 1 and closing_dateline(previous) and rules.is_closing(units[index - 2].text)
            and signature_like(units[index].text)):
        return True  # `Dein` / `d. 11 Juli 1853.` / `Dav. Fries`
    text = units[index].text
    near_end = len(units) - 1 - index <= _LONGEST_UNMARKED_POSTSCRIPT - 1
    if near_end and hands_over(text):
        return True  # `Ich liebe Dich! Dein` above the name
    if near_end and following and rules.is_closing(following):
        return True  # `Its now up to you—` above `Kind regards`: the text's last line
    if near_end and index < len(units) - 1 and _running_text(previous) and signature_like(text):
        return True
    # A short line above the signature (`In alter Freundschaft` / `d. 11. Jan. 1916` /
    # `Dein Paul.`) is the closing's, not a heading.
    if not (near_end and index + 1 < len(units) and _running_text(previous)
            and rules.word_count(text) <= _SHORT_CLOSING_WORDS):
        return False
    following = units[index + 1].text
    if closing_dateline(following) and index + 2 < len(units):
        following = units[index + 2].text
    return signature_like(following)


def signature_like(text: str) -> bool:
    return _name_line(text) or possessive_signature(text)


def hands_over(text: str) -> bool:
    """A short line that ends in the writer's possessive (`In Freude aufs Wiedersehen Dein`)."""
    return rules.word_count(text) <= _LONGEST_CLOSING_LINE and bool(_POSSESSIVE_END.search(text))


_LONGEST_CLOSING_LINE = 10


def _name_line(text: str) -> bool:
    """A name alone on its line, not a closing formula of capitalised words (`Herzlich Ihr`)."""
    return rules.is_signature(text) and not rules.is_closing(text)


def _running_text(text: str) -> bool:
    """A paragraph of the letter's text, not a line of its frame."""
    return rules.word_count(text) > _LONGEST_LAST_PARAGRAPH_WORDS and not rules.is_closing(text)


def closer(units: list[Unit]) -> tuple[Closer | None, list[Unit]]:
    """Trailing closing salutations, signature and dateline of a letter.

    Read from the end: a signature stands after the closing salutations, a
    dateline anywhere among them (`De Strasbourg, ce 10 de juillet (1538).`).
    """
    parts: list[Dateline | Salute | Signed] = []
    anchored = _anchored_tail(units)
    anchor = anchored[0] if anchored is not None and anchored[1] == len(units) else len(units)
    # The last unit left stays a paragraph: a letter's body is never only a closer.
    while len(units) > 1 and len(parts) < 5:
        unit = units[-1]
        text = unit.text
        if unit.page_break is not None and parts and not (
                rules.is_closing(text) or closing_dateline(text)):
            break  # a closing goes on over a page's end, the text does not
        salute_seen = any(isinstance(p, Salute) for p in parts)
        if closing_dateline(text) or place_over_name(text, parts):
            parts.insert(0, dateline_of(unit, parse_dateline(text)))
        elif (len(parts) == 1 and isinstance(parts[0], Signed) and len(units) > 2
              and rules.is_closing(units[-2].text) and ends_in_dateline(text)):
            # A letterhead printed between the formula and the name, its date written in
            # (`Faithfully yours,` / `… The Herald, Boston, Oct. 8, 1887` / `Sylvester Baxter.`)
            parts.insert(0, dateline_of(unit, parse_dateline(dateline_tail(text))))
        elif len(units) - 1 > anchor and not salute_seen and not any(
                isinstance(p, Signed) for p in parts):
            parts.insert(0, Signed(unit.inlines, unit.loc))  # under the formula: its signature
        elif not salute_seen and not any(isinstance(p, Signed) for p in parts) and (
                _signs(units, len(units) - 1) or _formula_and_name(text)
                or formula_over_signers(text) or (not parts and office_under_dateline(units))):
            parts.insert(0, Signed(unit.inlines, unit.loc))
        elif (rules.is_closing(text) or _closing_shaped(units, parts)) and not is_list_item(unit):
            if salute_seen and (_sentence(text) or rules.word_count(text) > _SHORT_CLOSING_WORDS):
                break  # `Leben Sie wohl, … gegrüßt.` above `Ihr`: the text's last sentence
            parts.insert(0, Salute(unit.inlines, unit.loc))
        else:
            break
        units.pop()
    if not parts:
        return None, units
    return Closer(tuple(parts), parts[0].loc), units


_LONGEST_LAST_PARAGRAPH_WORDS = 8
# A last paragraph that runs into the closing's possessive (`… Philosophen. Ihr`).
_HANDS_OVER = re.compile(
    r"[.!?…]\s+(?:ihr|dein|euer|votre|vostre|ton|your|yours|vostro|tuo|suyo)\s*[,.]?$",
    re.IGNORECASE)


def _formula_and_name(text: str) -> bool:
    """A closing formula and the name after its comma, which sign together (`Your very Humble
    Servant, S. Danforth.`, `Accept my respect, GENET.`)."""
    formula, comma, name = text.strip().rpartition(",")
    if comma and rules.is_closing(formula) and rules.is_signature(name.strip()):
        return True
    if name_with_office(text) or name_after_formula(text):
        return True
    # The formula's sentence, then the name with its office (`… humble servants. George
    # Washington, PRESIDENT.`).
    last = _LAST_SENTENCE.search(text.strip().rstrip("."))
    if last is not None and rules.is_closing(text[:last.start()]) and (
            name_with_office(last["last"]) or rules.is_signature(last["last"])):
        return True
    # The possessive hands the formula over to the name (`Sei sehr gegrüßt von Deinem Paul.`).
    handed = _HANDED_TO_NAME.search(text)
    return (handed is not None and rules.word_count(text) <= _LONGEST_CLOSING_LINE
            and rules.is_closing(text[:handed.start()]) and possessive_signature(handed[0]))


_HANDED_TO_NAME = re.compile(
    r"\b(?:von\s+)?(?:deinem|deiner|ihrem|ihrer|eurem|eurer|dein|ihr|euer|your|yours|votre|ton"
    r"|il\s+(?:tuo|vostro|suo)|la\s+(?:tua|vostra|sua)|tuo|tua|vostro|vostra|su|tu)"
    r"(?:\s+\S+){0,2}?\s+\S+\s*[.!]?$", re.IGNORECASE)


def _signs(units: Sequence[Unit], index: int) -> bool:
    """The unit at `index` is a name signing the letter (see `signature_line`), or a single
    capitalised word as the letter's last line, whatever stands above it (`… spring. / Bill`,
    `Herzliche Grüsse. / Richard`, `Im Auftrage / Jahnke`): a letter's running text does
    not end on a lone capitalised word."""
    text = units[index].text
    before = units[index - 1].text if index else ""
    if signature_line(text, before, last=index == len(units) - 1):
        return True
    return index == len(units) - 1 and (one_word_name(text) or _telegram_signature(units))


_LONGEST_TELEGRAM_SIGNATURE = 3


def _telegram_signature(units: Sequence[Unit]) -> bool:
    """A few words as the last line of a text written all in lower case, as telegrams are
    transcribed (`… brief bringt ihnen aufklaerung herzlich` / `arthur`)."""
    text = units[-1].text.strip("=+. ")
    return (0 < rules.word_count(text) <= _LONGEST_TELEGRAM_SIGNATURE and len(units) > 1
            and all(unit.text == unit.text.lower() for unit in units)
            and not rules.is_closing(text) and not closing_dateline(text))


def signature_line(text: str, before: str, last: bool = True) -> bool:
    """A line that signs the letter, given the line above it.

    A name alone (`Léon TROTSKY.`, `V. S.`); on the closing's last line, a name after
    the writer's possessive (`Dein Paul.`) or, under a closing formula, a name with its
    title or firm (`J. C. B. Mohr (Paul Siebeck)`); a single word where a signature
    stands (`Arthur`): after a closing formula, a line ending in a comma, a dateline
    of the closing, or a line that ends in the possessive (`… Philosophen. Ihr`) or in
    a closing formula (`… von uns beiden gegrüsst! Dein alter`).
    """
    if rules.is_signature(text):
        return True
    if last and possessive_signature(text):
        return True
    if (last and rules.is_closing(before) and not rules.is_closing(text) and titled(text)
            and not closing_dateline(text)):
        return True  # `J. C. B. Mohr (Paul Siebeck)` under `Ihr ergebenster`
    return one_word_name(text) and bool(
        rules.is_closing(before) or before.endswith(",") or closing_dateline(before)
        or _HANDS_OVER.search(before) or ends_in_formula(before))


def _closing_shaped(units: Sequence[Unit], parts: Sequence[Dateline | Salute | Signed]) -> bool:
    """A short line just before the signature that ends in a comma (`Votre humble frère,`)
    or hands over to it with a possessive (`Es dankt Dir sehr Dein`, `Mit Freundesgruß Dein`)."""
    text = units[-1].text
    if not parts:
        return False
    # The part under it, past a dateline between them (`… Erinnerung Ihr` / `Wien. 11/10.
    # 1902.` / `Ferdinand von Saar.`).
    under = next((p for p in parts if not isinstance(p, Dateline)), None)
    if isinstance(under, Signed) and ends_in_formula(text):
        return True
    if rules.word_count(text) > _LONGEST_CLOSING_LINE:
        return False
    if isinstance(under, Signed | Salute) and (
            text.endswith(",") or bool(_POSSESSIVE_END.search(text))):
        return True
    # A few words without a sentence's end just above the name (`Bald mehr`,
    # `In alter Freundschaft`), or above the dateline that stands above it; a wish or an
    # exclamation of a few words ended as a sentence (`Ich liebe Dich!`, `Good luck.`).
    words = rules.word_count(text)
    ending = text[-1:] not in ".?!;:" or (text[-1:] in ".!" and words <= _SHORT_WISH_WORDS)
    if text.split()[-1] in _HANDING_PARTICLES:
        return False  # `Envoi de` / the name: a line of the text that names the sender
    return (not any(isinstance(p, Salute) for p in parts)
            and isinstance(parts[-1], Signed) and words <= _SHORT_CLOSING_WORDS
            and ending and not text[:1].isdigit() and len(units) > 1
            and _running_text(units[-2].text))


_SHORT_WISH_WORDS = 4
_HANDING_PARTICLES = frozenset(("de", "von", "by", "from", "da", "di", "par", "per", "por"))
_LONGEST_CLOSING_SENTENCES = 30
_LONGEST_LAST_FORMULA = 5
# The last sentence of a unit, after the end of the one before it.
_LAST_SENTENCE = re.compile(r"(?<=[^\W\d_]{2}[.!?;])\s+(?P<last>[^.!?;]+)$")


def ends_in_formula(text: str) -> bool:
    """A few sentences whose last is a closing formula of a few words handing over to the
    name below (`Grüsse Deine liebe Frau … gegrüsst! Dein alter`, `Entschuldigen Sie das
    Papier; … warten. Hochachtungsvoll`)."""
    if rules.word_count(text) > _LONGEST_CLOSING_SENTENCES or text[-1:] in ".!?;:":
        return False
    match = _LAST_SENTENCE.search(text)
    return (match is not None and rules.word_count(match["last"]) <= _LONGEST_LAST_FORMULA
            and rules.is_closing(match["last"]))


_SHORT_CLOSING_WORDS = 6


# The writer's possessive and at most two words after it end a closing (`Dein alter`).
_POSSESSIVE_END = re.compile(
    r"\b(?:Dein|Deine|Ihr|Ihre|Euer|Eure|Votre|Vostre|Ton|Your|Yours|Vostro|Vostra|Tuo|Tua"
    r"|Suyo|Suya|Tuyo|Tuya)(?:\s+[^\W\d_]+){0,2}[,.]?$")


def _sentence(text: str) -> bool:
    """A sentence of several words, ended as one (`… seien Sie herzlichst gegrüßt.`)."""
    return rules.word_count(text) > 3 and text.rstrip()[-1:] in ".!?"


def postscript(units: list[Unit]) -> tuple[Postscript | None, list[Unit]]:
    """A P.S. and what follows it; else the paragraphs written after the signature, or an
    address written under the closing."""
    start = next((index for index, unit in enumerate(units)
                  if index and rules.POSTSCRIPT.match(unit.text) and _below_closing(units, index)),
                 None)
    if start is None:
        start = _after_signature(units)
    if start is None:
        start = trailing_address(units)
    if start is None:
        return None, units
    paragraphs = tuple(Paragraph(u.inlines, u.loc) for u in units[start:])
    return Postscript(paragraphs, units[start].loc), units[:start]


_LONGEST_UNMARKED_POSTSCRIPT = 3
# Paragraphs a marked postscript may run to when no closing stands above its mark.
_LONGEST_MARKED_POSTSCRIPT = 4


def _below_closing(units: Sequence[Unit], index: int) -> bool:
    """A postscript mark (`P.S.`, `N.B.`) at `index` opens a postscript: it follows the
    letter's closing formula, signature or closing dateline, or stands among its last lines.
    In the middle of running text an `N.B.` marks a note, and the letter goes on after it."""
    if len(units) - index <= _LONGEST_MARKED_POSTSCRIPT:
        return True
    previous = units[index - 1].text
    if signature_like(previous) or closing_dateline(previous):
        return True
    return any(rules.is_closing(unit.text) for unit in units[max(0, index - 3):index])


def _after_signature(units: Sequence[Unit]) -> int | None:
    """Where paragraphs begin that follow a signed closing (`…ergebener` / `J. Zingg.`)."""
    anchored = _anchored_tail(units)
    if anchored is not None and anchored[1] < len(units):
        return anchored[1]
    last = len(units) - 1
    for index in range(last, max(1, last - _LONGEST_UNMARKED_POSTSCRIPT), -1):
        before = units[index - 2].text if index > 1 else ""
        framed = before and (rules.is_closing(before) or dateline_like(before)
                             or closing_dateline(before))
        name = units[index - 1].text
        if rules.is_closing(name) and not possessive_signature(name):
            continue  # `Auf Wiedersehen,` / `Herzlichst Ihr` / `ArthS`: a second formula
        # A name with the writer's possessive signs wherever it stands (`Dein Paul` /
        # `Was hast Du mit ihr verabredet?`); a name alone after a sentence's end.
        if not ((framed and _signs(units[:index], index - 1))
                or (_running_text(before) and (_name_line(name) or one_word_name(name)))
                or possessive_signature(name) or (_hands_to_name(before) and _name_line(name))
                or (before[-1:] in ".!" and _name_line(name) and index > 1)):
            continue
        following = units[index].text
        if index == last and (one_word_name(following) or _name_line(following)):
            continue  # `Dein treuer Enkel` / `Paul.`: the name under it signs
        if (dateline_like(following) or closing_dateline(following)
                or rules.is_closing(following) or is_list_item(units[index]) is not None):
            return None
        return index
    return None


def _hands_to_name(text: str) -> bool:
    """A short line that hands over to the name under it (`Envoi de`, `Greetings from`)."""
    words = text.split()
    return 0 < len(words) <= _SHORT_WISH_WORDS and words[-1].lower() in _HANDING_PARTICLES


# The closing formula that anchors a letter's closing stands among its last units: the
# signature and a dateline under it, and at most a short unmarked postscript after them.
_ANCHOR_REACH = 2 + _LONGEST_UNMARKED_POSTSCRIPT
_LONGEST_SIGNATURE_UNDER_FORMULA = 12


def _anchored_tail(units: Sequence[Unit]) -> tuple[int, int] | None:
    """(formula, end): the last closing formula among a letter's last units that a signature
    follows, perhaps with datelines around it, and where that signature's lines end.

    Whatever its shape, the short line under a closing formula signs the letter (`Mit
    vollkommenster Hochachtung` / `der Sekretär des schweiz. Schulrathes Prof. Stocker`);
    paragraphs after it are an unmarked postscript (`Herzl. Gruß` / `Gießen, d. 4 Mai 05.` /
    `Dein tr. Lbb. Gerich,` / `Die Karte kam heute.`).
    """
    # A name signs under any formula before a line of any shape does (`Dein tr. Lbb. Gerich,`
    # above a postscript is the signature, not the formula over it).
    for signs in (_strong_signature, _signs_under_formula):
        found = _anchored_by(units, signs)
        if found is not None:
            return found
    return None


def _anchored_by(units: Sequence[Unit], signs: Callable[[str], bool]) -> tuple[int, int] | None:
    last = len(units) - 1
    for anchor in range(last - 1, max(0, last - _ANCHOR_REACH), -1):
        text = units[anchor].text
        if (not (rules.is_closing(text) or hands_over(text)) or _strong_signature(text)
                or is_list_item(units[anchor]) is not None):
            continue
        end = anchor + 1
        while end <= last and closing_dateline(units[end].text):
            end += 1
        if end > last or not signs(units[end].text):
            continue
        end += 1
        while end <= last and closing_dateline(units[end].text):
            end += 1
        if last + 1 - end > _LONGEST_UNMARKED_POSTSCRIPT:
            return None
        return anchor, end
    return None


def _strong_signature(text: str) -> bool:
    """A name, perhaps after the writer's possessive, perhaps with a comma after it."""
    return signature_like(text.rstrip().rstrip(","))


def _signs_under_formula(text: str) -> bool:
    """A short line that may sign under a closing formula: no question, no sentence that
    ends on a lower-case word (`Die Karte kam.`), no colon that labels what follows."""
    words = text.split()
    if not words or len(words) > _LONGEST_SIGNATURE_UNDER_FORMULA or text[-1:] in "?:;":
        return False
    if rules.is_closing(text) and not possessive_signature(text):
        return False
    if text[-1:] in ".!" and len(words) > 3 and not words[-1].strip(".!")[:1].isupper():
        return False
    return not SENTENCE_INSIDE.search(text)
