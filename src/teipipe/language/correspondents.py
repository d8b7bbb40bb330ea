"""Who wrote a letter and to whom, as its lines say it, in the five languages read.

Pure functions on one line of text each: a title line (`Victor Serge to Leon
Trotsky`, `Lettre de Calvin à Farel`, `Brief an Arthur Schnitzler`), an address
(`À Louis du Tillet`, `Dem hochwohlgebornen Herrn Baron …`, `Al Sig. Giovanni
Rossi`), a salutation (`Dear Leon Davidovich:`, `Carissimo Giovanni,`) and a
signature (`Charles d'Espeville.`, `Ihr ergebener Arthur Schnitzler`). The word
lists are the formulas of letter writing, never the names of any letter's people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import find_dates
from .datewords import fold, words

_MARKER = re.compile(r"\[\d{1,3}\]|\(\d{1,3}\)|(?<=[^\W\d])\d{1,3}\b")
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÝŒ][\w'’.-]*|[A-ZÀ-Ý]\.|d[’']\w+|[a-zà-ÿ]+)$")
_PARTICLES = words(
    "de du des d' la le von van der den ten zu y e da di del della dos das af bin ibn v v. "
    "vd v.d.")

# Honorifics and titles that stand before a name in addresses and salutations.
_HONORIFICS = words(
    "mr mrs ms messrs miss sir madam madame mme mademoiselle mlle monsieur m messieurs mm herr "
    "herrn frau fraulein frl dr doktor doctor docteur dottore doctora professor "
    "professeur professore prof baron baronin baronesse freiherr freiherrn graf grafen "
    "grafin furst fursten furstin count countess comte comtesse conte contessa conde "
    "condesa lord lady signor signore signora signorina sig sigra sigr sr sra srta senor "
    "senora senorita don dona d pfarrer pastor pasteur abbe reverend rev hofrat geheimrat "
    "rat kommerzienrat general colonel oberst capitaine capitano capitan maitre meister "
    "excellenz exzellenz eccellenza magnifico illustrissimo ill illmo chiarissimo chmo "
    "egregio preg pregiatissimo gentilissimo gentile stimatissimo distinguido estimado "
    "hochwohlgeboren hochwohlgebornen wohlgeboren wohlgebornen hochgeboren hochgebornen "
    "hochgeehrten hochgeehrter hochverehrten hochverehrter geehrten wertesten werthesten "
    "lieben theuren teuren honorable hon esq citoyen citoyenne genosse genossin comrade "
    "camarade compagno compagna companero companera "
    # Ranks and offices written before a name, often abbreviated: `Capt. Charles G.
    # Penney`, `Col Clarence Buell`, `Gov. Crawford`, `Hauptmann`, `Colonnello`.
    "capt captain col maj major lieut lt gen gov governor judge senator revd honble "
    "hauptmann leutnant commandant lieutenant colonnello generale maggiore tenente "
    "coronel teniente")

# Words of a salutation before the name: `My dear`, `Mon cher`, `Sehr geehrter`.
_SALUTE_WORDS = words(
    "my dear dearest very much honoured honored respected beloved mon ma mes cher chere "
    "chers cheres tres bien aime aimee lieber liebe lieben liebster liebste sehr geehrter "
    "geehrte verehrter verehrte hochverehrter hochverehrte hochgeehrter hochgeehrte "
    "theurer teurer werter werther caro cara cari care carissimo carissima carissimi mio "
    "mia miei querido querida queridos queridas estimado estimada muy mi senor amable "
    "gentile gentilissimo gentilissima egregio illustre pregiatissimo stimatissimo")

# What a salutation says when it names nobody: `Dear Sir`, `Caro amico`, `Querido amigo`.
_NOBODY = words(
    "sir sirs madam madame gentlemen messieurs monsieur friend friends ami amie amis "
    "amico amica amici amigo amiga amigos freund freundin freunde comrade comrades "
    "camarade camarades genosse genossen compagno compagni companero companeros colleague "
    "collegue kollege collega colega father mother brother sister pere mere frere soeur "
    "vater mutter bruder schwester padre madre fratello sorella hermano hermana son fils "
    "sohn figlio hijo daughter fille tochter figlia hija child children enfant kind "
    "kinder herr frau signore signora senor senora doctor docteur doktor dottore "
    "professor professeur maitre meister all tous alle tutti todos cousin cousine vetter "
    "cugino primo uncle oncle onkel zio tio aunt tante zia tia wife husband femme mari "
    "gattin gatte moglie marito esposa esposo love amour liebling tesoro")

# Prepositions that open an address: `À Louis du Tillet`, `An Herrn …`, `To Mr. …`.
_ADDRESS_TO = words("a au aux an to al alla allo all' alle para dem der den")

# Words of a closing formula before a signature: `Ihr ergebener`, `Votre dévoué`.
_CLOSING_WORDS = words(
    "your yours ever truly sincerely affectionately faithfully obedient humble servant "
    "friend devoted votre vos tout toute dévoué devoue affectionne affectionné ami amie "
    "serviteur ihr ihre dein deine euer ergebener ergebenster treuer treuester getreuer "
    "freund vostro vostra tuo tua aff affmo devotissimo obbligatissimo suo sua amico "
    "vuestro vuestra tu su suyo suya tuyo tuya afectisimo afectisima afmo atento seguro "
    "servidor amigo s.s.s q.b.s.m with love and affectionate loving ton ta tes vostre "
    "aufrichtig herzlich dankbar gehorsamster dienst diener ganz tutto")

_LETTER_WORDS = r"(?:letter|lettre|brief|briefe|carta|lettera|billet|postkarte|karte|note)"
_FROM = r"(?:from|de|d[’']|von|vom|di|del|dal|della)"
_TO = r"(?:to|à|a|ad|an|al|alla|all[’']|au|aux|para)"
_REST = r"\s*(?P<rest{n}>(?:[,;:(\[]|\s[—–-]\s).*)?$"  # a place or a date after the names
_TITLE = re.compile(
    rf"""^(?:an?\s+|the\s+|la\s+|le\s+|der\s+|el\s+|il\s+|una?\s+|ein\s+)?(?:open\s+)?
         {_LETTER_WORDS}\s+(?:{_FROM}\s*(?P<sender1>[^,;:()]+?))?
         (?:\s*\b{_TO}\s+(?P<recipient1>[^,;:()\[\]]+?))?{_REST.format(n=1)}
      | ^(?:{_FROM}\s+)?(?P<sender2>[^,;:()]+?)\s+{_TO}\s+(?P<recipient2>[^,;:()\[\]]+?)
         {_REST.format(n=2)}""",
    re.VERBOSE | re.IGNORECASE)


# Formulas that hand a letter to its addressee on an address line, in the five languages.
_ADDRESS_FORMULA = re.compile(
    r"""^(?:z\.\s?H\.?(?:\s?v\.)? | zu\s?H(?:ä|ae)nden(?:\s+(?:von|des|der))? | adressiert\s+an
        | addressed\s+to | (?:for\s+the\s+)?attention\s+of | attn\.? | c/o | care\s+of
        | (?:à\s+)?l['’]attention\s+de | aux\s+bons\s+soins\s+de | adress[ée]e?\s+à
        | (?:alla\s+(?:cortese\s+)?)?all['’]attenzione\s+di | alla\s+(?:cortese\s+)?attenzione\s+di
        | presso | (?:a\s+)?la\s+atenci[óo]n\s+de | dirigida\s+a | al\s+cuidado\s+de
       )\s*(?=\S)""",
    re.VERBOSE | re.IGNORECASE)


def address_formula(text: str) -> int:
    """Length of the formula that opens an address line (`z. H.`, `À l'attention de`), or 0."""
    match = _ADDRESS_FORMULA.match(text.strip())
    return match.end() if match else 0


@dataclass(frozen=True)
class TitleParties:
    """Sender and recipient as a title line names them (either may be missing)."""

    sender: str | None
    recipient: str | None
    rest: str = ""
    """What follows the names (`M.Stammlager III A, 6 luglio 1944`), often place and date."""


def _clean(text: str) -> str:
    return _MARKER.sub("", text).strip(" .,;:!?«»\"“”'’")


def _namewords(text: str) -> list[str] | None:
    words = text.split()
    if not 1 <= len(words) <= 6 or not words[0][:1].isupper():
        return None
    if not all(_NAME_WORD.match(w) for w in words):
        return None
    return words


def opens_address(text: str) -> bool:
    """A line that starts like an address (`To Lindley M. Garrison`, `An Herrn …`)."""
    words = text.split()
    return bool(words) and _opens_address(words[0])


def person_name(text: str) -> str | None:
    """`text` when it can be a person's name (capitalised words, particles), else None."""
    cleaned = _clean(text)
    words = _namewords(cleaned)
    if words is None:
        return None
    lowercase = [w for w in words if w[:1].islower() and fold(w) not in _PARTICLES]
    if len(lowercase) > 1 or all(is_form_of_address(w) for w in words):
        return None  # `Comtesse`, `Lieber Freund`: a form of address, not a name
    return cleaned


def is_form_of_address(word: str) -> bool:
    """`Herr`, `Signore`, `chère`, `Comrade`: a word of address, not of a name."""
    folded = fold(word.rstrip(".,!"))
    return folded in _HONORIFICS or folded in _SALUTE_WORDS or folded in _NOBODY


_ELIDED = re.compile(r"^(?:d|l|dell|dall|de)[’']", re.IGNORECASE)


def _opens_address(word: str) -> bool:
    """`To`, `An`, `Al` open an address; a single letter is an initial (`A Escher`)."""
    return len(word) > 1 and word.lower() in _ADDRESS_TO


def _all_capitalised(name: str) -> bool:
    """Every word capitalised but particles: `Charles d'Espeville`, `Karl von Stein`."""
    return all(w[:1].isupper() or fold(w) in _PARTICLES or _ELIDED.sub("", w)[:1].isupper()
               for w in name.split())


_AFTER_LEADING_DATE = re.compile(r"^\s*[.:,–—-]\s+(?=\S)")


def without_leading_date(text: str) -> tuple[str, str]:
    """A title's leading date and the rest: `29. Mai 1857. X an Y` → (`29. Mai 1857`, `X an Y`).

    Editions and archives title letters with their date first as often as last."""
    stripped = text.strip()
    dates = find_dates(stripped[:40])
    if not dates or dates[0].start != 0:
        return "", stripped
    after = _AFTER_LEADING_DATE.match(stripped[dates[0].end:])
    if after is None:
        return "", stripped
    return stripped[: dates[0].end], stripped[dates[0].end + after.end():]


def title_parties(line: str) -> TitleParties | None:
    """`X to Y`, `Lettre de X à Y`, `Brief an Y`: who a title line says wrote to whom.

    A date before the names (`29. Mai 1857. X an Y`) is read as what follows them."""
    leading, text = without_leading_date(line)
    text = _clean(text)
    if address_formula(text):
        return None  # `Addressed to John H. Tait` is an address, not a title
    if len(text.split()) > 16:
        return None
    match = _TITLE.match(text)
    if match is None:
        return None
    sender_text = match["sender1"] or match["sender2"]
    recipient_text = match["recipient1"] or match["recipient2"]
    recipient = _strip_honorifics(recipient_text) if recipient_text else None
    recipient = person_name(recipient) if recipient else None
    sender = person_name(_strip_honorifics(sender_text)) if sender_text else None
    if match["sender2"] is not None and (sender is None or recipient is None
                                         or not _all_capitalised(sender)):
        return None  # `Answer to critics`: without a letter word both must be names
    if sender is None and recipient is None:
        return None
    rest = (match["rest1"] or match["rest2"] or "").strip().lstrip(",;:([—–-").strip()
    rest = rest.rstrip(")]").strip()
    return TitleParties(sender, recipient, f"{rest}, {leading}" if rest and leading
                        else rest or leading)


def _strip_honorifics(text: str) -> str:
    words = _clean(text).split()
    while len(words) > 1 and fold(words[0].rstrip(".")) in _HONORIFICS:
        words.pop(0)
    return " ".join(words)


def address_recipient(line: str) -> str | None:
    """The addressee of an address line: `À Louis du Tillet`, `An Herrn Dr. A. Schnitzler`."""
    text = _clean(line)
    formula = address_formula(text)
    text = text[formula:] if formula else text
    words = text.split()
    if not 1 <= len(words) <= 14 or (len(words) == 1 and not formula):
        return None
    if len(words) > 1 and fold(words[0]) in _ARTICLES_BEFORE_TITLE and \
            fold(words[1].rstrip(".")) in _HONORIFICS:
        words = words[1:]  # `The Honorable Commissioner …`, `The Rev. John Smith`
    opens_with_to = fold(words[0]) in _ADDRESS_TO and not formula
    if opens_with_to:
        words = words[1:]
    opens_with_to = opens_with_to or bool(formula)
    skipped = 0
    while words and (fold(words[0].rstrip(".")) in _HONORIFICS or words[0][:1].islower()):
        if fold(words[0].rstrip(".")) in _HONORIFICS:
            skipped += 1
        words.pop(0)
    if not words or not (opens_with_to or skipped):
        return None
    name = _PLACE_AFTER_NAME.split(" ".join(words).split(",")[0], maxsplit=1)[0]
    return person_name(name) or (_body_name(name) if opens_with_to or skipped else None)


_ARTICLES_BEFORE_TITLE = words("the le la il lo el")


# Small words that join the words of an office or a body: `Doge and Senate of Venice`.
_JOINERS = words("and & of the und der des für et de du des e di del della y")


def _body_name(text: str) -> str | None:
    """An office or a body an address is made out to (`A Doge and Senate of Venice`)."""
    names = text.strip(" .").split()
    if not 2 <= len(names) <= 8 or not names[0][:1].isupper() or not names[-1][:1].isupper():
        return None
    if not all(w[:1].isupper() or fold(w) in _JOINERS for w in names):
        return None
    if all(is_form_of_address(w) or fold(w) in _JOINERS for w in names):
        return None  # `Rev. and Dear Sir`: a salutation, not a body
    return " ".join(names)


# `An Herrn Dr Alfred Escher in Zürich`: the place an address gives after the name.
_PLACE_AFTER_NAME = re.compile(r"\s+(?:in|zu|à|at|en|bei|im|nach|per|pr\.)\s+(?=[A-ZÀ-Ý])")


# Where a salutation's name ends: its comma or colon, or the dash English letters put
# after it (`My Dear Beck—`, `Dear Sir:—`); a hyphen inside a name (`Jean-Paul`) stays.
_SALUTATION_END = re.compile(r"[,:!;—–]|-(?!\w)")


def _salute_word(word: str) -> bool:
    """`My`, `Dear`, also as hurried hands and OCR write them: `My.`, `My-`, `Dear,`."""
    return fold(word.strip(".,;:-—–")) in _SALUTE_WORDS


# Words of kinship and friendship a salutation puts before a name (`Dear Brother Jeff`).
_KIN = words(
    "friend brother sister cousin uncle aunt father mother son daughter ami amie frere "
    "soeur oncle tante freund freundin bruder schwester vetter onkel amico amica fratello "
    "sorella cugino zio zia amigo amiga hermano hermana primo tio tia")


def _kin_word(word: str) -> bool:
    return fold(word.strip(".,;:")) in _KIN


def salutation_recipient(line: str) -> str | None:
    """The name a salutation addresses: `Dear Leon Davidovich:` → `Leon Davidovich`,
    `My. Dear O'Dwyer—` → `O'Dwyer`."""
    words = _clean(line).split()
    if not words or not (_salute_word(words[0]) or _kin_word(words[0]) and len(words) > 1):
        return None
    while words and _salute_word(words[0]):
        words.pop(0)
    words = _SALUTATION_END.split(" ".join(words), maxsplit=1)[0].split()
    while words and fold(words[0].rstrip(".")) in _HONORIFICS:
        words.pop(0)
    while len(words) > 1 and _kin_word(words[0]):
        words.pop(0)  # `Dear Brother Jeff`, `Friend Walt`, `Lieber Freund Karl`
    if not words or any(fold(w) in _NOBODY for w in words):
        return None
    return person_name(" ".join(words))


def signature_sender(line: str) -> str | None:
    """The name a signature gives, without the closing words before it."""
    text = _clean(line.split(",")[-1] if line.count(",") == 1 else line)
    words = text.split()
    while words and (fold(words[0]) in _CLOSING_WORDS or words[0][:1].islower()):
        words.pop(0)
    if not words or _opens_address(words[0]) or not _all_capitalised(" ".join(words)):
        return None  # `To George T. Beck` is an address; `Has Van Dreveldt been paid` a note
    return person_name(" ".join(words))
