"""Small named rules that recognise the parts of a letter in a line of text.

Each rule looks at one block's text (and at most its neighbourhood) and answers
one question. The word lists are language data of letter writing in general
(salutations, closing formulas), never words of a particular text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..language.correspondents import without_leading_date
from ..language.dates import parse_dateline

# Opening salutations: the words a letter starts its address with, in the five
# languages of the editions teipipe reads (forms with and without accents).
SALUTATION = re.compile(
    r"""^(?:
        (?:my[.\-]?\s+)?dear(?:est)?\b | dear\s+(?:comrade|comrades|friend|sir|madam)s?\b
      | (?:my\s+)?(?:honou?red|respected|esteemed)\s+(?:sir|madam|friend|lord)\b
      | (?:much|most|highly|very)\s+(?:honou?red|respected|esteemed)\b
      | sirs?\b | madam\b | my\s+lord\b | gentlemen\b | comrades?\b
      # `Rev. and Dear Sir`, `Hond Sir`, `Dr Sir` (Dear abbreviated), `Reverend Sir`
      | (?:rev(?:d|erend)?\.?|hon(?:ou?red|d|ble)?\.?|dr\.?)\s+(?:and\s+dear\s+)?(?:sir|madam)s?\b
      | (?:my\s+)?(?:kind|worthy|valued|much\s+respected|old)\s+friends?\b
      | your\s+(?:excellency|lordship|grace|majesty|honou?r)\b
      | (?:mr\.?|madam)\s+(?:president|secretary|chairman|speaker)\b
      # `Friend Walt,`, `Brother Jeff,`, `Ami Paul,`, `Freund Karl!`, `Amigo Juan:`: a word of
      # kinship or friendship before a name, as the whole line
      | (?:friend|brother|sister|cousin|uncle|aunt|ami|fr[eè]re|freund|bruder|schwester
           |fratello|sorella|amigo|amiga|hermano|hermana)\s+\w+(?:\s+\w+)?\s*[,:!—–]\s*$
      | (?:mon|ma|mes)\s+(?:(?:tr[eè]s|bien)\s+)?(?:ch[eè]re?s?|ami|amie|amis|r[ée]v[ée]rend|
           seigneur|fr[eè]re|p[eè]re)\b
      | (?:tr[eè]s\s+)?ch[eè]re?s?\b | camarades?\b | monsieur\b | madame\b | mademoiselle\b
      | messieurs\b | monseigneur\b | sire\b | mons(?:r|gr|eigr)\.?(?=\s|$)
      | (?:mein|meine)\s+\w+ | liebe[rs]?\b | sehr\s+geehrte[rs]?\b | werte[rs]?\s+genosse
      | (?:hoch|viel|innigst|herzlich)?(?:ver|ge)?ehrt(?:e|este)[rns]?\b
      | (?:hoch|viel)?(?:ge(?:achtet|schätzt|schaetzt)|zuverehrend|verehrlich)(?:e|este)?[rns]?\b
      | euer\s+(?:wohl|hoch|exz|excell|gnaden)\w* | ew\.\s+\w+
      | (?:hoch)?wohlgeborne[rs]?\b | theure[rs]?\b | teure[rs]?\b | werte(?:ste)?[rs]?\b
      | beste[rs]?\b | gnädige[rs]?\b | hochwürdige[rs]?\b | geliebte[rs]?\b
      | (?:mi|mis)\s+(?:querid[oa]s?|estimad[oa]s?|buen[oa]?\s+amig[oa]) | muy\s+\w+
      | quer(?:ido|ida)s?\b | estimad[oa]s?\b | distinguid[oa]s?\b | apreciable\b
      | señor(?:a|es)?\b | respetable\b
      | (?:mio|mia)\s+\w+ | car[oa]\b | cari\b | carissim[oaie]\b | gentil(?:e|issim[oa])\b
      | egregi[oa]\b | illustr(?:e|issim[oa])\b | chiarissim[oa]\b | pregiatissim[oa]\b
      | stimatissim[oa]\b | amatissim[oa]\b | signor[ae]?\b | reverend[oa]\b | onorevole\b
      | ill\.?mo\b | preg\.?mo\b | ch\.?mo\b | amico\b | amica\b
      | serenissim[oa]\b | eccellentissim[oa]\b | reverendissim[oa]\b | magnific[oa]\b
      | molto\s+(?:illustre|reverendo|magnifico|onorando)\b
    )""",
    re.VERBOSE | re.IGNORECASE,
)

# Closing formulas: phrases a closing salutation is made of, wherever they stand in it,
# in the five languages and in their older spellings (`vostre`, `serviteur`, `saincte garde`).
CLOSING = re.compile(
    r"""(?:
        \bcordial(?:ly|ement|mente)\b | \bfraternal(?:ly|ement)\b | \byours\b | \bsincerely\b
      | \bfaithfully\b | \btruly\b | \brespectfully\b | \bobedient\b | \bregards\b
      | \bi\s+remain\b | \bbelieve\s+me\b | \bever\s+yours\b | \bwith\s+(?:\w+\s+)?love\b
      | ^(?:with\s+)?love\b | ^in\s+haste\b | \bgod\s+bless\b | \bgood\s*-?\s*b(?:ye|ie)\b
      # `Your friend`, the older `Thy sincere Friend`, and many: `of your Servants`
      | \b(?:your|thy)\s+(?:\w+\s+)?(?:friend|brother|sister|son|daughter|father|mother
          |servants?)\b
      | \bshake\s+your\s+hand | \bserre\s+(?:\w+\s+){0,4}la\s+main | \bsalutations\b
      | \bamitiés\b | \bbien\s+à\s+vous\b | \btout\s+à\s+vous\b | \bje\s+vous\s+embrasse
      | \bagréez\b | \bveuillez\s+agréer\b | \bl['’]assurance\s+de | \bdévoué | \bhumble\s+serviteur
      | \baffectueusement\b | \brespectueusement\b | \bserviteurs?\b | \bservantes?\b
      | \bob[ée]issant | \bme\s+recommand | \bbaise\s+(?:tr[eè]s\s+)?humblement
      | \bpri(?:ant|e|ray|eray)\s+(?:\w+\s+)?(?:dieu|nostre\s+seigneur|le\s+cr[ée]ateur)
      | \bsuppl\w*\s+le\s+cr[ée]ateur | \bsa\s+(?:tr[eè]s\s+)?sainc?te?\s+(?:et\s+\w+\s+)?garde
      | \bvostre\s+(?:bien\s+|tr[eè]s\s+)?humble | \badieu\b | \baddio\b | \badi[óo]s\b
      | \bfarewell\b | \bgreetings\b | ^so\s+long\b | \byrs\b
      | \b(?:ge)?grü(?:ß|ss) | gru(?:ss|ß|sz)e?\b | \bmit\s+\w+\s+gr | \bhochachtung | \bergeben
      | \bverehrung\b | \bverbleibe\b | \bverharre\b | \bempfehle\s+(?:ich\s+)?mich\b | \bküss
      | \bhochachtungsvoll | \bherzlich\w* | \bvon\s+herzen\b | \bin\s+treue\b
      | \blebe(?:n\s+sie|t)?\s+wohl
      | \bbest\s+wishes\b | \bwith\s+(?:comradely|warm|best|kind)\s+(?:greetings|regards)
      | ^(?:good\s+(?:day|night|evening)|merry\s+christmas|happy\s+new\s+year|kind(?:est)?\s+wishes
          |gute\s+nacht|frohe\s+weihnacht\w*|bonne\s+(?:nuit|soirée|journée)|joyeux\s+noël
          |buona\s+(?:notte|sera|giornata)|buon\s+natale|buenas\s+noches|feliz\s+navidad)\b
      | \bsaludos?\b | \babrazos?\b | \batentamente\b | \bafect[íi]sim | \baf(?:f)?mo\b
      | \bq\.\s?b\.\s?s\.\s?m | \bs\.\s?s\.\s?q\.\s?b | \bbesa\s+(?:sus|las)\s+manos
      | ^sin\s+m[áa]s\b | \bme\s+repito\b | \bseguro\s+servidor | \bb\.\s?l\.\s?m
      | \bafectuosamente\b
      | \b(?:leal|fiel|humilde|atento|obediente)s?\s+(?:criad[oa]|servidor(?:a|es)?)s?\b
      | ^(?:tanti\s+|mille\s+|un\s+)?bac(?:i|ioni|io)\b | ^(?:gros\s+)?bis(?:es|ous)\b
      | ^(?:love\s+and\s+)?kisses\b | ^(?:muchos\s+|un\s+)?besos?\b
      | \bsaluti\b | \bsaluto\b | \babbracci | \baff(?:ezionat|\.mo) | \bdevotissim | \bdev\.mo
      | \bobbligatissim | \bservitor[ei]\b | \bcon\s+(?:tutta\s+la\s+)?stima | \bvi\s+bacio\b
      | \baffectionately\b
      | ^(?:i|we)\s+(?:am|are|remain|rest)\s*, | ^(?:i|we)\s+(?:am|are|remain)\s+(?:\w+\s+){0,3}?
          (?:your|yours|sir|madam|dear)\b
      | ^(?:i|we)\s+(?:am|are|remain)\s+with\s+(?:\w+\s+){0,2}?(?:respect|esteem|regard)
      | \bhave\s+the\s+hono(?:u)?r,?(?:\s+\w+,?)?\s+to\s+(?:be|remain)\b | \bhumble\s+servants?\b
      | \bhabe\s+(?:ich\s+)?die\s+ehre,?\s+(?:\w+\s+){0,2}?
          (?:zu\s+(?:sein|zeichnen|verbleiben)|mich)
      | ^(?:im\s+namen|namens|in\s+the\s+name\s+of|on\s+behalf\s+of|au\s+nom|in\s+nome
          |en\s+nombre|a\s+nombre)\s+(?:des|der|the|du|de\s+la|de|del|della|dello|di)\s+\w+.{0,60},$
      | ^je\s+suis\b[^.]{0,60}\b(?:votre|vôtre|vostre)\b | \bj['’]ai\s+l['’]honneur\s+d['’][êe]tre
      | \bho\s+l['’]onore\s+di\s+(?:essere|dichiararmi|confermarmi)\b
      | ^mi\s+(?:dico|creda|confermo|professo|protesto)\b
      | \b(?:quedo|soy)\s+de\s+(?:usted|vd|ud|v)\b
      | \btengo\s+el\s+honor\s+de\s+(?:ser|repetirme)
      | \bich\s+bin\s+(?:\w+\s+){0,3}?(?:ihr|dein|euer)\b
      | ^(?:who|qui|che|que|der\s+ich)\s+(?:am|suis|sono|soy|bin|verbleibe)
          (?:\s*,[^.?]{0,60}?\b|\s+(?:\w+\s+){0,2}?)
          (?:your|yours|votre|vôtre|vostre|suo|vostro|tuo|su|suyo|vuestro|ihr|dein|euer)\b
      | \bauf\s+(?:baldiges\s+)?wieders[eh]+n\b | \bà\s+bient[ôo]t\b | \bau\s+revoir\b
      | \barrivederci\b | \ba\s+presto\b | \bciao\b | \bhasta\s+(?:pronto|luego|la\s+vista)\b
      | \bhastily\b | \b(?:much|all\s+my|best|kindest)\s+love\b
      | \bà\s+dieu\b | \ben\s+sa\s+(?:\w+\s+){0,3}?garde\b
      | ^accept\s+(?:\w+\s+){0,2}?(?:respects?|regards|assurance)\b
      | ^(?:gradisca|accolga|riceva)\s+(?:\w+\s+){0,6}?(?:saluti|ossequi|stima|considerazione)
      | ^reciba\s+(?:\w+\s+){0,6}?(?:saludos?|consideraci[óo]n|respetos?|afecto)
    )""",
    re.VERBOSE,  # matched against the lower-cased text: case-blind matching is slower
)
# A closing opens with the writer's possessive: `Votre humble frère,`, `Ihr ergebenster`,
# or with the words that hand it over (`von Deinem`, `par vostre`, `stets Dein`).
CLOSING_START = re.compile(
    r"^(?:(?:von|par|de|from|stets|immer|ganz|treu(?:lich)?|as\s+ever|ever)\s+)?"
    r"(?:votre|vôtre|vostre|ton|ta|tout\s+à|ihr|ihre|ihres|ihrem|dein|deine|deines|deinem|euer|eure|"
    r"suo|sua|vostro|vostra|tuo|tua|your|yours|thy|thine|su|suyo|suya|tu|tuyo|tuya|"
    r"vuestro|vuestra|"
    r"il\s+(?:vostro|suo|tuo)|la\s+(?:vostra|sua|tua)"
    r")\b",
    re.IGNORECASE,
)

LIST_ITEM = re.compile(r"^(?P<label>\d{1,2}|[a-z])[.)]\s+(?=\S)")
BULLET_ITEM = re.compile(r"^[•\-–*]\s+(?=\S)")
_TERMINAL = ".:;,!"
_CLOSING = "”’\"»)]"
_INITIALS = re.compile(r"^(?:[A-ZÀ-Ý][a-zà-ÿ]?\.\s?){1,4}$")
# A word of a name: capitalised, a short particle (`de`, `von`), or an elided one (`d'Espeville`).
_NAME_WORD = re.compile(
    r"^(?:(?:[a-zà-ÿ]{1,2}['’])?[A-ZÀ-Ý][\w’'.:-]*|[a-zà-ÿ]{1,3}|[A-ZÀ-Ý]+\.?)$")


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


# The recognisers of a letter's parts ask about the same paragraph three or four times
# over: the answers of the costlier tests are remembered, for the lines of a few letters.
_REMEMBERED = 4096


@lru_cache(maxsize=_REMEMBERED)
def is_closing(text: str) -> bool:
    """A short paragraph that is a closing salutation (a quotation mark before it aside)."""
    stripped = text.strip().lstrip("\"“„«‘'")
    words = word_count(stripped)
    if CLOSING_START.match(stripped) and words <= 8 and stripped[-1:] not in ".?!":
        return True
    # Counting words first spares the formulas' search over long paragraphs (most of them),
    # which could not be a closing whatever it found.
    if words > 30 or not CLOSING.search(stripped.lower()):
        return False
    if words <= 12:
        return True
    # A formula inside a paragraph of several sentences is part of the text.
    return not _SENTENCE_END.search(stripped.rstrip(".!?…"))


# After a word of three letters or more: `u.`, `l.`, `Dr.` abbreviate and end nothing.
_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{3})[.!?…]\s+(?=[A-ZÀ-Ý])")


_SIGNED_PREFIX = re.compile(r"^\((?:sgd|signed|gez|sig|signé|firmato|firmado)\.?\)\s*", re.I)


def is_signature(text: str) -> bool:
    """A name or initials alone on a line: `V.S.`, `Léon TROTSKY.`, `The Editors`.

    A stray point before it (`.J J. Müller.`, OCR) and a `(Sgd.)` of a copy do not count.
    """
    stripped = _SIGNED_PREFIX.sub("", text.strip().lstrip(".,'’·=").rstrip("\"”’=+ "))
    if not stripped or word_count(stripped) > 5 or stripped[-1] in ",:;!?":
        return False
    if _INITIALS.match(stripped.replace(" ", "")) or _INITIALS.match(stripped):
        return True
    words = stripped.rstrip(".").split()
    if len(words) > 1 and words[0].lower().rstrip(".") in _NAME_PARTICLES:
        words = words[1:]  # `v Tschudi`, `de Gonzenbach`
    if len(words) < 1 or not words[0][:1].isupper():
        return False
    if len(words) > 1 and words[-1] in _LOWER_NAME_WORDS:
        return False  # `Envoi de`, `Gruß von`: a line that hands over to the name below
    if word_count(stripped) == 1 and not stripped.isupper() and "." not in stripped:
        return False
    # A firm's partners joined by `&` (`Miller & Hoope.`), never the first or last word.
    return all((w == "&" and 0 < i < len(words) - 1) or (
        _NAME_WORD.match(w) and (w[:1].isupper() or w.rstrip(".") in _LOWER_NAME_WORDS
                                 or _ELIDED.match(w))) for i, w in enumerate(words))


_ELIDED = re.compile(r"^[a-zà-ÿ]{1,2}['’][A-ZÀ-Ý]")  # `d'Espeville`


_NAME_PARTICLES = frozenset(("v", "von", "van", "de", "di", "da", "du", "del", "della", "d'"))
# Lower-case words a name or a signature may hold: particles, `and`, a firm's `u.`, `&`.
_LOWER_NAME_WORDS = _NAME_PARTICLES | frozenset((
    "der", "den", "des", "dei", "la", "le", "les", "y", "e", "zu", "zum", "zur", "am", "im", "af",
    "av", "ten", "ter", "of", "and", "und", "u", "et", "ed", "i"))


@lru_cache(maxsize=_REMEMBERED)
def is_dateline(text: str) -> bool:
    """A line of place and date, whether or not its date can be read to a value."""
    return parse_dateline(text) is not None or looks_like_dateline(text)


# Month names and their short forms in the five languages, as stems: structure only
# needs to see that a month is named, not which (the date recogniser reads the value).
_MONTH_NAME = (
    r"(?:jan(?:v|u(?:ar|ary)?|vier)?|feb(?:r|ruar|ruary|braio)?|f[ée]v(?:rier)?|m[äa]r(?:z|s|ch|zo)?"
    r"|apr(?:il|ile)?|avr(?:il)?|abr(?:il)?|ma[iy]|mag(?:gio)?|mayo|jun[ie]?|juin|giu(?:gno)?"
    r"|jul[iy]?|juil(?:let)?|lug(?:lio)?|aug(?:ust)?|ao[uû]t|ago(?:sto)?|sep(?:t|tember|tembre)?"
    r"|set(?:tembre)?|sept(?:iembre)?|o[ck]t(?:ober|obre)?|ott(?:obre)?|nov(?:ember|embre|iembre)?"
    r"|d[ée]c(?:ember|embre)?|dez(?:ember)?|dic(?:embre|iembre)?|gen(?:naio)?|ene(?:ro)?"
    r"|janeiro|enero|febrero|marzo|junio|julio|agosto|octubre|noviembre|diciembre)"
    r"[^\W\d_]*\.?"  # with the spellings of the time (`Aprill`) and abbreviation points
)
_ROMAN_MONTH = r"(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
# What shows a date in a line: a day before or after a month name, a year, a numeric date
# (`13 Juni`, `10t März 66`, `le 1er mai`, `June 3`, `1538`, `3. 4. 1902`, `19.VI.55`).
_DATE_EVIDENCE = re.compile(
    rf"""(?<![\w])(?:
        \d{{1,2}}(?:\.|[^\W\d_]{{1,4}}\.?|º|°)?\s*(?:(?:de|di|of)\s+)?{_MONTH_NAME}
            (?:\s+\d{{2}}(?!\d))?(?![\w])
      | {_MONTH_NAME}\s+\d{{1,2}}(?![\d])
      | 1[0-9]\d\d(?!\d) | 20\d\d(?!\d)
      | \d{{1,2}}\s?[./]\s?\d{{1,2}}\s?[./]\s?\d{{2,4}}(?!\d)
      | \d{{1,2}}\s?\.\s?{_ROMAN_MONTH}\s?\.\s?\d{{2,4}}(?!\d)
      | {_ROMAN_MONTH}\s?\.\s?\d{{1,2}}\s?\.\s?\d{{2,4}}(?!\d)
    )""",
    re.VERBOSE | re.IGNORECASE,
)
_AFTER_DATE = re.compile(r"^[\s.,)\]]*$")
_YEAR_ONLY = re.compile(r"^\(?\d{4}\)?$")
# Words that may stand before the date without a comma: `le 12 mars`, `den 3. Mai`.
_DATE_LEAD = frozenset((
    "le", "ce", "den", "am", "the", "on", "this", "il", "lì", "li", "el", "a", "à", "de", "di",
    "im", "in", "au", "en", "ai", "addì", "adì", "d", "den", "ce", "am", "le",
))
_LONGEST_DATELINE_WORDS = 14


def looks_like_dateline(text: str) -> bool:
    """`Bischofzell, Samstag den 27. Juni 1829`, `[1538]`, `De Strasbourg, ce 10 de juillet (1538).`

    A short line whose date stands at its end, after a place (capitalised words
    before a comma) or after nothing but a leading article. A sentence that
    names a year (`We left in 1902.`) has lower-case words before its date.
    """
    stripped = text.strip()
    if not stripped or len(stripped) > 110 or word_count(stripped) > _LONGEST_DATELINE_WORDS:
        return False
    found = list(_DATE_EVIDENCE.finditer(stripped))
    if not found or not _AFTER_DATE.match(stripped[found[-1].end():]):
        return False
    head = stripped[: found[0].start()].lstrip("[( ")
    if not head.strip(" ,"):
        return True
    if ":" in head or ";" in head:
        return False  # a labelled line (`Source: …, 1980`)
    if "," not in head:  # `Wien 13 Juni 1845.`, `Lunnern den 3. März 1860`, `le 3 mars`
        if all(_YEAR_ONLY.match(m.group()) for m in found) and not any(
                ch.isdigit() for ch in head):
            return False  # a name and a year (`Rosa Winter 1921`) is a byline
        words = head.split()
        leading = [w for w in words if not _place_word(w) and not any(c.isdigit() for c in w)]
        return len(words) <= 5 and all(w.lower().rstrip(".'’") in _DATE_LEAD for w in leading)
    place = head.split(",")[0].split()
    return 0 < len(place) <= 4 and all(_place_word(w) for w in place)


def _place_word(word: str) -> bool:
    """A word of a place name: capitalised, or a particle (`de`, `d'`, `sur`, `am`)."""
    lower = word.lower().rstrip("'’")  # elided: `d'`, `a’`, `dall’`
    return (word[:1].isupper() or lower in _DATE_LEAD or lower in ("d", "l", "dall", "dell")
            or lower in _PLACE_PARTICLES)


_PLACE_PARTICLES = frozenset(("sur", "sous", "bei", "b.", "an", "der", "del", "la", "les",
                              "upon", "on", "y", "e", "–", "-"))


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


# A title line naming a letter's writer and addressee: `Lettre de X à Y, 3 mai 1902`,
# `Christofforo Suriano a Doge and Senate of Venice, The Hague, 29 agosto 1622`.
_LETTER_TITLE = re.compile(
    r"""^(?:(?:(?:an?|the|ein|une?|una?|la|le|der|die)\s+)?
          (?:letter|lettre|brief|carta|lettera|billet|karte|postkarte|telegram[m]?|dispaccio)\b
        | [A-ZÀ-Ý][\w’'.-]*(?:\s+[\w’'.-]+){0,6}?\s+(?:to|an|à|a|al|alla|ad|aan|para)\s+[A-ZÀ-Ý]
    )""",
    re.VERBOSE | re.IGNORECASE,
)
_LONGEST_TITLE = 25
_PARENTHESIS = re.compile(r"\s*\([^()]{1,80}\)")
NAMES_A_LETTER = re.compile(
    r"^(?:an?|the|ein|une?|una?|la|le|der|die)\s+(?:open\s+)?(?:letter|lettre|brief|carta|"
    r"lettera|billet|karte|postkarte|telegram[m]?|dispaccio)\b", re.IGNORECASE)


def is_letter_title(text: str) -> bool:
    """A line that names a letter or its writer and addressee, as editions title letters."""
    # An editor's remarks in brackets (`X (Kurator der Universität) an Y (Ort, Datum)`).
    stripped = _PARENTHESIS.sub("", without_leading_date(text)[1]).strip()
    if stripped[-1:] in ",:!?" or (stripped[-1:] == "." and not stripped[-2:-1].isdigit()):
        return False  # a sentence (`I went to Paris.`), not a title
    return word_count(stripped) <= _LONGEST_TITLE and bool(_LETTER_TITLE.match(stripped))


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


# `P.S.`, `P.-S.` (fr), `PS`, `N.B.`, `Postscriptum`, `Nachschrift` (de), `P.D.`, `Posdata` (es).
POSTSCRIPT = re.compile(r"^(?:P\.-?\s?S\.|PS\b|N\.\s?B\.|Post-?scriptum|Nachschrift\b"
                        r"|P\.\s?D\.|Posdata\b)", re.IGNORECASE)


def opens_postscript(text: str) -> bool:
    """`P.S.`, `PS`, `N.B.`, `Postscriptum` open a postscript."""
    return bool(POSTSCRIPT.match(text.strip()))
