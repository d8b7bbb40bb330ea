"""Small named rules that recognise the parts of a letter in a line of text.

Each rule looks at one block's text (and at most its neighbourhood) and answers
one question. The word lists are language data of letter writing in general
(salutations, closing formulas), never words of a particular text.
"""

from __future__ import annotations

import re

from ..language.dates import parse_dateline

# Opening salutations: the words a letter starts its address with.
SALUTATION = re.compile(
    r"""^(?:
        (?:my\s+)?dear(?:est)?\b | dear\s+(?:comrade|comrades|friend|sir|madam)s?\b
      | (?:mon|ma|mes)\s+ch[eè]re?s?\b | ch[eè]re?s?\b | camarades?\b | monsieur\b | madame\b
      | liebe[rs]?\b | sehr\s+geehrte[rs]?\b | werte[rs]?\s+genosse
      | quer(?:ido|ida)s?\b | estimad[oa]s?\b | car[oa]\b | cari\b | gentlemen\b | comrades?\b
    )""",
    re.VERBOSE | re.IGNORECASE,
)

# Closing formulas: phrases a closing salutation is made of.
CLOSING = re.compile(
    r"""(?:
        \bcordial(?:ly|ement)\b | \bfraternal(?:ly|ement)\b | \byours\b | \bsincerely\b
      | \bshake\s+your\s+hand | \bserre\s+(?:\w+\s+){0,4}la\s+main | \bsalutations\b
      | \bamitiés\b | \bbien\s+à\s+vous\b | \bgrüßen?\b | \bmit\s+\w+\s+gr | \bbest\s+wishes\b
      | \bwith\s+(?:comradely|warm|best)\s+greetings | \bsaludos\b | \baffectionately\b
    )""",
    re.VERBOSE | re.IGNORECASE,
)

LIST_ITEM = re.compile(r"^(?P<label>\d{1,2}|[a-z])[.)]\s+(?=\S)")
BULLET_ITEM = re.compile(r"^[•\-–*]\s+(?=\S)")
_TERMINAL = ".:;,!"
_CLOSING = "”’\"»)]"
_INITIALS = re.compile(r"^(?:[A-ZÀ-Ý][a-zà-ÿ]?\.\s?){1,4}$")
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-Ý][\w’'.-]*|[a-z]{1,3}|[A-ZÀ-Ý]+\.?)$")


def word_count(text: str) -> int:
    return len(text.split())


def is_salutation(text: str) -> bool:
    """A short opening address: `Dear Leon Davidovich`, `Cher Victor Serge,`."""
    return bool(SALUTATION.match(text.strip())) and word_count(text) <= 8


_CAPITALS_ADDRESS = re.compile(r"^((?:[A-ZÀ-Ý]{2,}\s+){0,3}[A-ZÀ-Ý]{2,}),\s")


def salutation_prefix(text: str) -> int:
    """Length of an address run in capitals that opens a paragraph (`DEAR COMRADES,`)."""
    match = _CAPITALS_ADDRESS.match(text)
    if match and SALUTATION.match(match.group(1)):
        return match.end(1) + 1
    return 0


def is_closing(text: str) -> bool:
    """A short paragraph that is a closing salutation."""
    return bool(CLOSING.search(text)) and word_count(text) <= 30


def is_signature(text: str) -> bool:
    """A name or initials alone on a line: `V.S.`, `Léon TROTSKY.`, `The Editors`."""
    stripped = text.strip()
    if not stripped or word_count(stripped) > 5 or stripped[-1] in ",:;!?":
        return False
    if _INITIALS.match(stripped.replace(" ", "")) or _INITIALS.match(stripped):
        return True
    words = stripped.rstrip(".").split()
    if len(words) < 1 or not words[0][:1].isupper():
        return False
    if len(words) == 1 and not stripped.isupper() and "." not in stripped:
        return False
    return all(_NAME_WORD.match(w) for w in words)


def is_dateline(text: str) -> bool:
    return parse_dateline(text) is not None


def is_heading(text: str) -> bool:
    """A short line that names a part: no sentence punctuation at its end, few words."""
    stripped = text.strip()
    if not stripped or word_count(stripped) > 12 or len(stripped) > 90:
        return False
    # `By then.”`: the punctuation before closing quotes and brackets ends a sentence too.
    if stripped.rstrip(_CLOSING)[-1:] in tuple(_TERMINAL) or stripped[0] in "“\"«‘'([":
        return False
    if LIST_ITEM.match(stripped) or is_dateline(stripped):
        return False
    return stripped[0].isupper() or stripped[0].isdigit()


def is_question_heading(text: str, gap_before: int) -> bool:
    """A one- or two-word question set apart by a wide gap (`Why?`) heads a section."""
    stripped = text.strip()
    return gap_before >= 2 and stripped.endswith("?") and word_count(stripped) <= 4


_TITLE_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def is_titlecase(text: str) -> bool:
    """Most words capitalised, as headings are in English-language sites."""
    words = [w for w in _TITLE_WORD.findall(text) if len(w) > 3]
    if not words:
        return text[:1].isupper()
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.5


def opens_quotation(text: str) -> bool:
    return text.lstrip()[:1] in "“\"«„‘"


def introduces_quotation(text: str) -> bool:
    """A paragraph that hands over to a quotation: it ends with a colon or a comma."""
    return text.rstrip().endswith((":", ","))


_TRAILING_DIGITS = re.compile(r"\d+$")


def ends_sentence(text: str) -> bool:
    """The text ends where a sentence may end (so a following blank line is a paragraph end)."""
    stripped = text.rstrip()
    stripped = _TRAILING_DIGITS.sub("", stripped).rstrip()  # a glued note number
    return not stripped or stripped[-1] in ".!?:;»”\"')]…" or stripped.endswith("...")


def starts_lowercase(text: str) -> bool:
    first = text.lstrip()[:1]
    return first.islower()
