"""Words of dates in the five languages letters are read in: months, weekdays, fillers.

Language data, not rules: the spellings letter writers used (full names, the
abbreviations of datelines, older forms such as `Hornung`, `Aoust`, `7bre`,
`Septr`) and the Latin genitives that editions keep in datelines. Lookup is
by lowercased, unaccented form, so `März`, `Marz` and `MÄRZ` are one word.
"""

from __future__ import annotations

import unicodedata


def words(text: str) -> frozenset[str]:
    """The set of the words of `text` (word lists are written as one string)."""
    return frozenset(text.split())


_MONTH_FORMS: dict[int, str] = {
    1: "january jan jany janry janvier janv januar jänner janner jenner gennaio genn genajo "
       "gennajo genaro gennaro zenaro enero ene januarii januarius",
    2: "february feb feby febry fevrier fevr fev febvrier februar febr hornung febbraio febb "
       "febrajo febraro febrero febr februarii",
    3: "march mar mars marz maerz merz mertz marzo martii martius",
    4: "april apr avril avr aprile abril aprilis",
    5: "may mai maj maggio mayo maii majus",
    6: "june jun juny juin juni junius giugno zugno junio junii brachmonat",
    7: "july jul juillet juil juli julius luglio julio julii heumonat",
    8: "august aug aout aoust augusti agosto augstmonat",
    9: "september sep sept septr septbr septembre 7bre settembre sett septiembre setiembre "
       "septembris 7br herbstm herbstmonat setembre",
    10: "october oct octr octbr octobre 8bre 8br oktober okt ottobre ott otobre octubre octobris "
        "weinmonat",
    11: "november nov novr novbr novembre 9bre 9br noviembre novembris wintermonat",
    12: "december dec decr decbr decembre 10bre xbre dezember dez dicembre dic diciembre "
        "decembris 10br xbr christmonat",
}

_WEEKDAYS = (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs "
    "fri sat sun lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch "
    "donnerstag freitag samstag sonnabend sonntag lunedi martedi mercoledi giovedi venerdi "
    "sabato domenica lunes martes miercoles jueves viernes sabado domingo"
)

# Words that stand between a place and the day: `le 12`, `den 27.`, `ce 10`, `li 3`, `on the`.
ARTICLES = words("le ce den d am the on this li addi il el a ai al a’ a' all’ all' lì di del")

# Words that introduce the place of writing: `De Strasbourg`, `From London`, `Aus Wien`.
FROM_WORDS = words("de from aus von da di dal dalla desde in en at zu a")

# Words between a label and its place: `Escript à Valence`, `Geschrieben zu Bern`.
AT_WORDS = words("a au aux en in at zu dans da dal dalla ad")

# Times of day a writer adds to a date: `Camden noon Sept. 27`, `ore 12 del 25-9-43`.
TIME_WORDS = words(
    "noon forenoon afternoon aftn aft'n morning morn evening evn'g evng eve night midnight "
    "am pm a.m p.m o'clock "
    "morgens fruh vormittags mittags nachmittags abends nachts abend nachmittag vormittag "
    "uhr matin soir midi minuit heures h mattina mattino sera mezzogiorno notte ore "
    "manana tarde noche mediodia horas "
    # `half past 2`, `halb 3`, `et demie`, `e mezza`, `y media`
    "past half halb demie mezza media")

# Words that label a date line (`Datum: 3. März 1850`, `Dated London, …`).
DATE_LABELS = words(
    "date datum fecha data dated written given geschrieben gegeben ecrit escrit escript "
    "faict fait donne escrito fecho dado scritto dato fatto")

# A date after these is when a letter arrived or was answered (a docket), not when it was sent.
DOCKET_WORDS = words(
    "received recu recue empfangen erhalten beantwortet answered ricevuta ricevuto "
    "recibida recibido risposto contestada")

# Words that open a salutation or an address, not a place: `Dear Sir, London 3 March`,
# `Herrn Professor Tillich, Dresden, 3. März`, `Lieber Freund, Wien …`.
ADDRESSING_WORDS = words(
    "dear dearest my mon ma cher chere lieber liebe lieben liebster liebste sehr geehrter "
    "verehrter hochverehrter hochgeehrter caro cara carissimo carissima querido querida "
    "estimado estimada muy herrn herr frau fraulein mr mrs miss monsieur madame mademoiselle "
    "signor signora signore sig don dona senor senora dr prof an to")

# Words that name a letter, so that `Lettre à X, 27 septembre 1936` is a title, not a place.
LETTER_WORDS = words(
    "letter letters lettre lettres brief briefe karte postkarte carta cartas lettera "
    "lettere billet note telegram telegramm telegramme dispatch")

# Lowercase words inside a place name: `Frankfurt am Main`, `Saint-Germain-en-Laye`.
PLACE_PARTICLES = words(
    "am an der den bei im in ob unter upon on sur sous les la le de du des di del della "
    "dei y en et a. i. a/m a/m. a/o a/d bey zu z. zum zur beim auf near nr nr. nigh cor cor. "
    "of for the by pres pres. lez les lès "
    "près presso vicino cerca prope "
    "street st st. road rd rd. avenue ave ave. av. square sq. lane strasse str. gasse platz "
    "via rue calle")


def fold(word: str) -> str:
    """Lowercase without accents or a final full stop: `Févr.` → `fevr`."""
    decomposed = unicodedata.normalize("NFKD", word.lower().rstrip("."))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


MONTHS: dict[str, int] = {
    form: number for number, forms in _MONTH_FORMS.items() for form in forms.split()}
WEEKDAYS = frozenset(_WEEKDAYS.split())
ROMAN_MONTHS = {numeral: number for number, numeral in enumerate(
    ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"], start=1)}


# Full names, for the shortened forms writers make of them (`Dezem.`, `Novber`, `Febrr`).
_FULL_NAMES = tuple((forms.split()[0], number) for number, forms in _MONTH_FORMS.items()) + tuple(
    (name, number) for number, forms in _MONTH_FORMS.items() for name in forms.split()[1:]
    if len(name) >= 6 and not name.endswith("monat"))  # `Winter` is no `Wintermonat`


def _shortened(word: str) -> int | None:
    """A month a word abbreviates: its first three letters and then some of its letters
    in order (`dezem`, `novber`, `dezr`, `decre`), when only one month fits."""
    if len(word) < 3:
        return None
    found = {number for name, number in _FULL_NAMES
             if name[:3] == word[:3] and _in_order(word[3:], name[3:])}
    return found.pop() if len(found) == 1 else None


def _in_order(letters: str, name: str) -> bool:
    position = 0
    for letter in letters:
        position = name.find(letter, position) + 1
        if position == 0:
            return False
    return True


def month_number(word: str) -> int | None:
    """The month a word names (`janvier`, `Sept.`, `Hornung`, `7bre`, `Dezr`), else None."""
    folded = fold(word).replace(".", "").replace("'", "").replace("’", "")
    return MONTHS.get(folded) or _shortened(folded)


def is_weekday(word: str) -> bool:
    return fold(word.rstrip(",")) in WEEKDAYS


_ROMAN_FIGURES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman_value(figures: str) -> int | None:
    """The number small Roman figures write (`xxiiii` 24, `xix` 19), else None."""
    values = [_ROMAN_FIGURES.get(f) for f in figures.lower()]
    if not values or None in values:
        return None
    total = 0
    for value, after in zip(values, [*values[1:], 0], strict=True):
        assert value is not None and after is not None
        total += -value if value < after and after <= 10 * value and value != 5 else value
    return total


# French day ordinals, the stems of `dixième`, `dixiesme`, `quatreiesme`, `vingt-et-unième`
_ORDINAL_STEMS = (
    "un deux trois quatr cinqu six sept huit neuv dix onz douz treiz quatorz quinz seiz "
    "dix-sept dix-huit dix-neuv vingt vingt-et-un vingt-deux vingt-trois vingt-quatr "
    "vingt-cinqu vingt-six vingt-sept vingt-huit vingt-neuv trent trente-et-un")
_ORDINALS = {stem: number for number, stem in enumerate(_ORDINAL_STEMS.split(), start=1)}


def ordinal_day(word: str) -> int | None:
    """The day a French ordinal names (`dixieme` 10, `cinquiesme` 5), else None."""
    folded = fold(word).replace("iesme", "ieme").replace(" ", "-")
    if not folded.endswith("ieme"):
        return 2 if folded in ("second", "seconde") else None
    stem = folded[:-4].rstrip("e").replace("vingt-un", "vingt-et-un")
    return _ORDINALS.get(stem) or _ORDINALS.get(stem + "e") or (
        1 if stem in ("prem", "premi") else None)
