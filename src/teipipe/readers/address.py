"""The addressee's address at a letter's head, and the shape of such lines.

`An Herrn Dr. Alfred Escher in Zürich`, `To His Excellency William Tryon`,
`All' on. Sigr. Dottore Alfredo Escher`, `À l'attention de la comtesse de La Forêst`,
`Hon. S. J. Crawford`: a preposition of address or a title of courtesy, then a name or
an office written in capitalised words. The word lists are formulas of letter writing
in the five languages read, never the names of any letter's people.
"""

from __future__ import annotations

import re

from ..language.correspondents import address_formula, is_form_of_address
from ..language.datewords import fold
from .rules import NAMES_A_LETTER, word_count

# Titles that head an address as `Herrn` does: `HHerrn` (the plural of courtesy), `MHHerrn`
# (`meinem hochgeehrten Herrn`), `Tit.`, `Hon.`, `Sigr.`, `on.` (onorevole), `Excmo.`, `Srta.`.
_ADDRESS_TITLE = (
    r"(?:m?h?herrn?|tit\.|titl\.|(?:il+ustr|excel+ent)[ií]ss?im[oa]|ex(?:cel)?m[oa]\.|"
    r"il+m[oa]\.|frau|fräulein|hrn?\.|monsieur|madame|mademoiselle|m\.|mme|mrs\.?|mr\.?|"
    r"miss|messrs\.?|señora?|señorita|srta\.|sres\.|sr\.|sra\.|don|doña|dña\.|signora?|"
    r"sig\.(?:ra)?|sigr?a?\.|ill\.mo|die\s+tit\.|s\.\s*e\.|hon\.|honou?rable|on\.|onor\.|"
    r"egr\.|preg\.(?:mo|ma)?|gent\.(?:mo|ma)|ch\.mo|(?:his|her|son|sua|su|seine|seiner|ihrer)\s+"
    r"(?:excellency|excellence|eccellenza|excelencia|exzellenz|majesty|majesté|maestà|"
    r"majestad|hochwohlgeboren|hochwürden|gnaden|eminence|eminenza|eminencia|"
    r"reverence|grace|honou?r))"
)
# Prepositions of address, with the article or possessive that may follow them:
# `An den Präsidenten`, `To the Gentlemen`, `To His Excellency`, `All' on.`, `A la Señora`.
_TO = r"(?:(?:an|to|à|a|al|alla|allo|alle|ai|agli|aux|au|para)\s+|all['’]\s*)"
_ARTICLE = (r"(?:(?:den|die|das|dem|des|der|the|his|her|their|la|le|les|il|lo|el|los|las|gli|"
            r"i)\s+|l['’]\s?)")
_ADDRESS_HEAD = re.compile(
    rf"""^(?:{_TO}{_ARTICLE}?(?:{_ADDRESS_TITLE}\s*)?
          | {_ADDRESS_TITLE}\s+{_ARTICLE}?
        )(?-i:[A-ZÀ-Ý])""",
    re.VERBOSE | re.IGNORECASE,
)
_BARE_TO = re.compile(rf"^{_TO}", re.IGNORECASE)
_TITLE_AFTER_TO = re.compile(rf"^{_TO}{_ARTICLE}?{_ADDRESS_TITLE}\s", re.IGNORECASE)
_LONGEST_ADDRESS = 25
_LONGEST_LOOSE_ADDRESS = 14

def folded_words(text: str) -> frozenset[str]:
    """The words of a word list as `fold` writes them (`für` → `fur`), to match folded words."""
    return frozenset(fold(word) for word in text.split())


# Small words inside a name, an office or an address: `Doge and Senate of Venice`,
# `Louis du Tillet`, `Direktorium der S.C.B.`, `Präsidenten des h. Erziehungsrathes`.
_JOINERS = folded_words(
    "de du des d' la le les von van der den dem das die zu zur zum di da del della dei degli "
    "y e et und and & of the his her their für pour per in à a en at bei im am near pres presso "
    "cerca por para al alla au aux el los las il lo gli i zu for")
# An abbreviation: `h.`, `a.`, `D.Dr.`, `St.`, `S.C.B.`.
_ABBREVIATION = re.compile(r"^[^\W\d_]{1,5}\.(?:[^\W\d_]{1,5}\.)*$")


def _plain_word(word: str) -> str:
    return word.strip(",;:.()[]«»\"“”'’")


def _content_words(text: str) -> list[str]:
    """The lower-case words of a line that no name, office or address is made of."""
    found = []
    for raw in text.split():
        word = _plain_word(raw)
        if (not word or word[:1].isupper() or word[:1].isdigit() or fold(word) in _JOINERS
                or _ABBREVIATION.match(raw.strip(",;:()")) or not word[:1].isalpha()):
            continue
        found.append(word)
    return found


def address_shaped(text: str, honorific: bool = False,
                   longest_loose: int = _LONGEST_LOOSE_ADDRESS) -> bool:
    """Capitalised words of names and offices, joined by small words, as addresses are.

    `Der Preußische Minister für Wissenschaft, Kunst und Volksbildung`. A word or two in
    lower case may stand among many (`Conseiller national`, `den ordentlichen Professor`)
    when a title of courtesy shows the line is an address (`honorific`), in a line of at
    most `longest_loose` words; a sentence has verbs and adverbs in lower case (`Herr
    Müller war gestern hier.`).
    """
    stripped = text.strip()
    if not stripped or stripped[-1:] in "?!" or word_count(stripped) > _LONGEST_ADDRESS:
        return False
    # German capitalises its nouns: in a long line only an address has no lower-case word.
    allowed = (max(1, word_count(stripped) // 6)
               if honorific and word_count(stripped) <= longest_loose else 0)
    return len(_content_words(stripped)) <= allowed


def names_a_courtesy_title(text: str) -> bool:
    """A title of courtesy among the line's words: `Herrn`, `Monsieur`, `Hon.`, `Esq.`."""
    return any(is_form_of_address(_plain_word(w)) or fold(_plain_word(w)) in _MORE_TITLES
               for w in text.split())


# Titles the lexicon of forms of address leaves out, written in addresses.
_MORE_TITLES = folded_words(
    "esq esquire excellency hochwohlgeb hochwürden hochwurden tit onorevole egr preg "
    "sigr capt colonel gov rev prof direktor direktorium president präsident presidente "
    "présidente ministre minister ministro sindaco bürgermeister mayor commissioner "
    "fakultät faculté facoltà facultad kurator rector rektor rettore emperor empereur kaiser "
    "imperatore emperador king roi könig re rey queen reine königin regina reina prince "
    "princess prinz prinzessin principe príncipe princesa duke duc herzog duca duque")


def is_address_line(text: str) -> bool:
    """A line of an addressee's address at a letter's head (not a salutation: no `,` `!`)."""
    stripped = text.strip()
    if not stripped or stripped[-1:] in ",:!?;" or word_count(stripped) > _LONGEST_ADDRESS:
        return False
    formula = address_formula(stripped)
    if formula:  # `À l'attention de la comtesse …`, `z. H. des Herrn …`
        return word_count(stripped[formula:]) <= 12
    if NAMES_A_LETTER.match(stripped):
        return False  # `A Letter and Some Notes` is a title
    if _BARE_TO.match(stripped) and not _TITLE_AFTER_TO.match(stripped):
        # `An`, `A`, `To` are words of sentences and titles too (`An Exchange on the
        # Strike`): after them alone, only a name or an office of capitalised words,
        # or an address with a title of courtesy (`An den ordentlichen Professor Herrn …`).
        return len(stripped.split()) > 1 and (address_shaped(stripped) or (
            names_a_courtesy_title(stripped)
            and address_shaped(stripped, honorific=True, longest_loose=_LONGEST_ADDRESS)))
    return _ADDRESS_HEAD.match(stripped) is not None
