"""Lines that sign a letter by their own shape: a name after the writer's possessive
(`Dein Paul.`), a name with its office (`George Washington, PRESIDENT.`), a firm or an
office under the closing's dateline, a first name alone."""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import address, rules
from .closing_dates import closing_dateline
from .units import Unit

# A signature that carries its possessive: `Dein Paul.`, `il vostro Berto`, `Tua mogliettina
# Liana`, `In Liebe Dein Emanuel.`, `von Eurem treuen Enkel Paul`, `Your loving son Will`,
# `Euer treuer Paul!`, glued as transcriptions glue it (`il vostroBerto`).
_POSSESSIVE_NAME = re.compile(
    r"^(?:(?:in\s+\w+|von|da|de|from|con\s+\w+|mit\s+\w+)\s+)?(?:il\s+|la\s+|el\s+)?"
    r"(?:dein|deine|deinem|ihr|ihre|ihrem|euer|eure|eurem|votre|vostre|ton|ta|your|yours|tuo|tua"
    r"|vostro|vostra|suo|sua|tu|su|vuestro|vuestra)(?:\b(?:\s+\S+){0,3}?\s+|(?=(?-i:[A-ZÀ-Ý])))"
    r"(?P<name>[A-ZÀ-Ý][\w’'-]*\.?|(?:[A-ZÀ-Ý]\.\s?){1,3})$", re.IGNORECASE)
# Nouns of a formula, not names: `Ihr ergebener Diener`, `Your sincere Friend`.
_FORMULA_NOUNS = frozenset((
    "diener", "dienerin", "freund", "freundin", "friend", "servant", "serviteur", "servante",
    "ami", "amie", "amico", "amica", "servitore", "servo", "amigo", "amiga", "servidor",
    # and its adverbs (`Yours Truly`)
    "truly", "sincerely", "faithfully", "affectionately", "respectfully", "cordially", "ever",
    "devotedly", "obediently", "gratefully", "lovingly"))


def possessive_signature(text: str) -> bool:
    """A name after the writer's possessive, on the closing's last line (`Dein Paul.`)."""
    if rules.word_count(text) > _LONGEST_POSSESSIVE_SIGNATURE or text[-1:] in ",:;?":
        return False
    match = _POSSESSIVE_NAME.match(text.strip().rstrip("!").rstrip())
    if match is None or not match["name"][:1].isupper():
        return False
    return match["name"].rstrip(".").lower() not in _FORMULA_NOUNS


_LONGEST_POSSESSIVE_SIGNATURE = 7


# An attestation before the name of the clerk or witness who signs (`Test.`, `Attest:`,
# `Beglaubigt:`, `Pour copie conforme :`, `Per copia conforme`, `Es copia:`).
_ATTESTED = re.compile(
    r"^(?:test\.|teste\b|attest(?:ed)?\b|beglaubigt\b|f(?:ü|ue)r die richtigkeit\b"
    r"|(?:pour\s+)?copie\s+conforme\b|certifi[ée]\s+conforme\b|(?:per\s+)?copia\s+conforme\b"
    r"|es\s+copia\b|doy\s+fe\b)[.:,]?\s*", re.IGNORECASE)
_LONGEST_OFFICE = 6


def name_with_office(text: str) -> bool:
    """A name and the office after its comma, perhaps after an attestation (`George
    Washington, PRESIDENT.`, `Test. A. B. Smith, Clerk for the Committee.`)."""
    name, comma, office = _ATTESTED.sub("", text.strip()).partition(",")
    office = office.strip()
    return (bool(comma) and rules.is_signature(name) and not rules.is_closing(name)
            and not rules.is_salutation(name) and office[:1].isupper()
            and 0 < rules.word_count(office) <= _LONGEST_OFFICE and office[-1:] not in ",:;?!"
            and not SENTENCE_INSIDE.search(office))


# A sentence's end inside the line (a point may end an abbreviation: `Prof.`, `schweiz.`).
SENTENCE_INSIDE = re.compile(r"[a-zà-ÿ]{3}[!?;]\s+\S")


# The segments of a line of several signers, between points, commas and dashes.
_SIGNER_BREAK = re.compile(r"(?<=[^\W\d_]{2})[.,;—]\s*|\s*—\s*")
_LONGEST_SIGNERS_LINE = 80
_LONGEST_SIGNER = 12


def formula_over_signers(text: str) -> bool:
    """A closing formula, then the names of those who sign under it, with their offices or
    places (`Your Brethren and Servants A. B., Pastor of X. C. D.—of Y.`)."""
    segments = [s for s in _SIGNER_BREAK.split(text.strip()) if s.strip() and s.strip() != "&c."]
    if len(segments) < 3 or rules.word_count(text) > _LONGEST_SIGNERS_LINE:
        return False
    if not rules.is_closing(segments[0]):
        return False
    rest = segments[1:]
    words = [w for s in rest for w in s.split()]
    capitalised = sum(1 for w in words if w[:1].isupper() or w == "&c")
    return (2 * capitalised >= len(words) and rest[-1][-1:] not in ",:;?!"
            and any(w[:1].isupper() for w in rest[-1].split())
            and all(rules.word_count(s) <= _LONGEST_SIGNER for s in rest))


# A formula that ends in the writer's noun of service or friendship and its point, then the
# name on the same line (`… your Affectionate Friend, and Humble Servant. T. W.`, `… votre
# très humble serviteur. P. D.`, `Ihr gehorsamster Diener. K. M.`, `suo servitore. G. B.`,
# `su atento servidor. J. G.`).
_FORMULA_THEN_NAME = re.compile(
    r"^(?P<formula>.*\b(?:servants?|friend|serviteur|servante|ami|diener|dienerin|freund"
    r"|servitore|servo|amico|servidor|amigo)\.)\s+(?P<name>[^.!?]*[^\W\d_].*)$", re.IGNORECASE)
_FORMULA_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{2}[.!?])\s+")
_LONGEST_NAME_AFTER_FORMULA = 4


def name_after_formula(text: str) -> bool:
    """A closing formula's last sentence, then the name that signs it on the same line."""
    match = _FORMULA_THEN_NAME.match(text.strip())
    if match is None or rules.word_count(match["name"]) > _LONGEST_NAME_AFTER_FORMULA:
        return False
    formula = _FORMULA_SENTENCE_END.split(match["formula"].strip())[-1]
    return rules.is_closing(formula) and rules.is_signature(match["name"])


def one_word_name(text: str) -> bool:
    """A single capitalised word that may be a first name signing (`Walt`, `Hugo`)."""
    return (rules.word_count(text) == 1 and text[:1].isupper() and text[-1:] not in ",:;?!"
            and not rules.is_closing(text) and not closing_dateline(text))


_LONGEST_TITLED_SIGNATURE = 16


def titled(text: str) -> bool:
    """A short line of capitalised words and initials, as a name with its title or firm is."""
    words = text.split()
    if not words or len(words) > _LONGEST_TITLED_SIGNATURE or text[-1:] in ",:;?!":
        return False
    capitalised = sum(1 for w in words if w.lstrip("(")[:1].isupper())
    return words[0][:1].isupper() and 2 * capitalised > len(words)


def office_under_dateline(units: Sequence[Unit]) -> bool:
    """The letter's last line, a name with its title or office, under the closing's
    dateline (`Bülach den 28. Februar 1846.` / `J: Kern Sttthltr:`, `Tübingen, den 24.
    November 1924` / `J. C. B. MOHR (Paul Siebeck) p. pa. L. Häberle`)."""
    text = units[-1].text
    return (len(units) > 2 and closing_dateline(units[-2].text) and titled(text.rstrip(":"))
            and not rules.is_closing(text) and not closing_dateline(text)
            and not address.is_address_line(text))  # `Herrn Stefan Grossmann, Berlin SW. 19`
