"""The place of a date line: the words a writer puts before (or after) the date.

`Bischofzell, Samstag den`, `De Strasbourg, ce`, `Dall’Haya li`, `En Madrid a`,
`Escript à Valence le`, `328 Mickle Street Camden New Jersey`, `Washington, D.C.`,
`Millthorpe near Chesterfield,`, `Camden noon`. The place is kept as the line
writes it, with its qualifiers (`N. J.`, `Ont.`, `near Chesterfield`) and an address
before the town, since that is what the writer gave as the place of sending; what
is dropped are the words around it that are no place: the formula that introduces
it (`From`, `Escript à`), the weekday, article and time of day between it and the
date. Shapes of words and the word lists of `datewords`, no list of places: a
gazetteer knows too few of the villages, camps and houses letters are written in.
"""

from __future__ import annotations

import re

from .datewords import (
    ADDRESSING_WORDS,
    ARTICLES,
    AT_WORDS,
    DATE_LABELS,
    DOCKET_WORDS,
    FROM_WORDS,
    LETTER_WORDS,
    PLACE_PARTICLES,
    TIME_WORDS,
    fold,
    is_weekday,
    words,
)

_MOST_WORDS = 10  # a place with its address and qualifiers; more is a sentence
_SEGMENT_WORDS = 10  # one comma-separated part of it (`328 Mickle Street Camden New Jersey`)
_BRACKETED = re.compile(r"\s*\([^()]{1,40}\)|\s*\"[^\"]{1,30}\"")
_ELIDED_FROM = re.compile(r"^(?:dall|dalla|dal|da|de|d|del|della|des|du)[’']", re.I)
# `Wien`, `N.J.`, `D.C.`, `St.`, `NJ`, `Wien-Döbling`, `Riesbach–Zürich`
_PLACE_WORD = re.compile(
    r"^(?:[A-ZÀ-Ý][\w'’./–-]*|[A-ZÀ-Ý]\.(?:[A-ZÀ-Ý]\.)*|[a-z]/[A-ZÀ-Ý][\w.]*)$")  # `a/M.`
# `328`, `45.`, `22nd`, `No`, `13a`, `50-51`: the number of a house, regiment or district
# (`328 Mickle Street`, `Brückenstr. 13a`, `Berlin W 8`)
_NUMBER_WORD = re.compile(
    r"^(?:\d{1,5}(?:st|nd|rd|th|a|b|[-–/]\d{1,5}|/[a-z])?\.?|No\.?|Nr\.?|N[º°o]\.?)$")
# `st.`, `rd.`, `ave.`: a street's lower-case abbreviation after its name
_STREET_ABBREVIATION = re.compile(r"^[a-z]{1,3}\.$")
_STREET_WORDS = words("st. st rd. ave. av. sq. str. street road avenue lane square strasse")
# Parts of a place written between dashes: `Camden NJ—US America`, `Adel Grange —Leeds—`
_SEPARATOR = re.compile(r"\s*(?:,|[—–]|\s-\s)\s*")
# `an`, `a`, `à` join a place's name only before an article (`Frankfurt an der Oder`);
# elsewhere they join a sender to an addressee (`X an Y`, `X a Y`).
_CONNECTORS = words("an a à")
_ARTICLES_AFTER = words("der dem den die la le les l'")
_PRONOUNS = words("i we je nous ich wir io noi yo nosotros")
_MERIDIEM = re.compile(r"\b[ap]\.?\s?m\b\.?", re.I)  # `P M`, `p.m.`, `AM`
_CLOCK = re.compile(r"^(?:\d{1,2}(?:[.:h]\d\d)?|½|1/2|\d½)$")


def _is_article(word: str, alone: bool) -> bool:
    """`le`, `den`, `a’` before the day; capitalised only at the line's start (`A 4 de
    mayo`), since after a place it is part of the name (`M.Stammlager III A`)."""
    return fold(word.rstrip(",")) in ARTICLES and (alone or not word[:1].isupper())


def _is_time(word: str) -> bool:
    """`noon`, `Evn'g`, `abends`, `PM`, `ore`: the time of day a writer adds to a date."""
    return fold(word.strip(",.:;—–-")) in TIME_WORDS


def _is_filler(words_: list[str]) -> bool:
    """Whether the last word stands between the place and the day without being either."""
    word = words_[-1]
    if word.strip(",.:;—–-") == "":
        return True
    if _is_article(word, alone=len(words_) == 1) or is_weekday(word) or _is_time(word):
        return True
    # `ore 12 del`, `um 5`: a clock time after its word
    return bool(_CLOCK.match(word.strip(",.")) and len(words_) > 1 and _is_time(words_[-2]))


def strip_fillers(prefix: str) -> str:
    """The prefix without the article, weekday and time of day before the day."""
    found = prefix.rstrip(" ,–—").split(" ")
    while found and _is_filler(found):
        found.pop()
    return " ".join(found).rstrip(" ,:;–—-")


def is_time_tail(tail: str) -> bool:
    """Whether what follows a date is only its time of day (`— noon`, `ore 10`, `2 ½ PM`)."""
    tokens = [t for t in re.split(r"[\s,;:)\]—–-]+", _MERIDIEM.sub(" pm ", tail)) if t.strip(".")]
    return all(_is_time(t) or _CLOCK.match(t.rstrip(".")) for t in tokens) and (
        not tokens or any(_is_time(t) for t in tokens))


def _is_place_word(word: str, first: bool, last: bool) -> bool:
    if _PLACE_WORD.match(word):
        return True
    if _NUMBER_WORD.match(word):
        return not (first and last)  # a house or district number, with its street or town
    if first:
        return False
    if last:  # `431 Stevens st.`: a street's word closes an address
        return word.lower() in _STREET_WORDS
    return word.lower() in PLACE_PARTICLES or bool(_STREET_ABBREVIATION.match(word))


def is_place_segment(segment: str, lower_start: bool = False, later: bool = False) -> bool:
    """A part of a place: capitalised words, abbreviations, particles and house numbers
    (`328 Mickle Street Camden`, `Frankfurt a. M.`, `Millthorpe near Chesterfield`).

    With `lower_start` (after `Escript à`), a common noun may lead (`camp de Pernes`);
    a `later` part may start with a particle (`Anderton, nr Chorley`)."""
    parts = segment.split()
    if not 1 <= len(parts) <= _SEGMENT_WORDS or fold(parts[0]) in LETTER_WORDS:
        return False
    if lower_start and len(parts) > 1 and parts[0].isalpha() and parts[0].islower():
        parts = parts[1:]
        later = True
    while later and len(parts) > 1 and parts[0].lower() in PLACE_PARTICLES:
        parts = parts[1:]
    if any(w in _CONNECTORS and after not in _ARTICLES_AFTER
           for w, after in zip(parts, [*parts[1:], ""], strict=True)):
        return False  # `Paul Tillich an Werner Richter` names two people
    return all(_is_place_word(w, position == 0, position == len(parts) - 1)
               for position, w in enumerate(parts))


def _place_phrase(head: str, lower_start: bool) -> tuple[str, int] | None:
    """The place parts at the start of `head` (its end, how far it goes), or None when
    the first part is no place, or a later part is a sentence."""
    pieces = _SEPARATOR.split(head)
    if not is_place_segment(pieces[0], lower_start):
        return None
    end = len(pieces[0])
    for piece in pieces[1:]:
        start = head.index(piece, end) if piece else end
        if not piece or not is_place_segment(piece, later=True) \
                or len(head[:start + len(piece)].split()) > _MOST_WORDS:
            break
        end = start + len(piece)
    rest = head[end:].strip(" ,.—–-")
    if len(rest.split()) > _SEGMENT_WORDS:
        return None
    return _without_full_stop(head[:end].rstrip()), end


def _without_full_stop(place: str) -> str:
    """`Zürich.` → `Zürich`, but `Washington, D.C.`, `London, Ont.`, `London W.` keep the
    full stop of their abbreviation (a short last word, or one with a full stop inside)."""
    last = place.rsplit(" ", 1)[-1].rsplit(",", 1)[-1]
    if last.endswith(".") and (len(last) <= 4 or "." in last[:-1]):
        return place
    return place.rstrip(".")


def _trailing_place(head: str, offset: int) -> tuple[str, int] | None:
    """`Bord en mer Salonique`: a short prefix ending in a capitalised name names the
    place with its last words; a longer one is a sentence, not a date line."""
    parts = head.split()
    if len(parts) > 6 or fold(parts[0]) in LETTER_WORDS or fold(parts[0]) in _PRONOUNS:
        return None  # `I arrived in London 3 March 1850` is a sentence
    for start in range(1, len(parts)):
        if not parts[start][:1].isupper():
            continue
        if any(not w.islower() for w in parts[1:start]):
            return None  # `Walt Whitman to Thomas Whitman`: names, not a place
        candidate = " ".join(parts[start:])
        if is_place_segment(candidate):
            return candidate, offset + head.index(candidate)
    return None


def _after_label(head: str, offset: int) -> tuple[str, int, bool] | None:
    """The head after what introduces a place (`Datum:`, `Escript à`, `From`, `Dall’`);
    None for a docket (`Received`); the flag tells that a label stood before it."""
    first, _, rest = head.partition(" ")
    labelled = False
    if fold(first.rstrip(":,")) in DOCKET_WORDS:
        return None
    if fold(first.rstrip(":,")) in DATE_LABELS:
        if not rest.strip():
            return "", offset, True
        offset += len(first) + 1
        head, labelled = rest.lstrip(), True
        first, _, rest = head.partition(" ")
        if rest and fold(first) in AT_WORDS | FROM_WORDS:
            offset += len(first) + 1
            head = rest.lstrip()
    elif rest and fold(first) in FROM_WORDS and first[:1].isupper():
        offset += len(first) + 1
        head = rest.lstrip()
    elided = _ELIDED_FROM.match(head)
    if elided and head[elided.end():][:1].isupper():
        offset += elided.end()
        head = head[elided.end():]
    return head, offset, labelled


# `[London, Ont.,] 3 April`: a place the edition supplied stands in square brackets.
_SUPPLIED = re.compile(r"^\s*\[([^\[\]]{2,60})\]")


def _unbracketed(prefix: str) -> str:
    """The prefix with the brackets of a supplied place made spaces (offsets stay)."""
    supplied = _SUPPLIED.match(prefix)
    if supplied is None:
        return prefix
    start = supplied.start(1)
    return f"{prefix[:start - 1]} {supplied.group(1)} {prefix[supplied.end():]}"


def place_before(prefix: str) -> tuple[str, int] | None:
    """The place named before a date, and where it starts; ('', 0) for no place; None
    when the prefix is not a place (so the line is not a date line)."""
    head = strip_fillers(_BRACKETED.sub(lambda m: " " * len(m.group()), _unbracketed(prefix)))
    if not head:
        return "", 0
    offset = len(head) - len(head.lstrip())
    labelled = _after_label(head.strip(), offset)
    if labelled is None:
        return None
    head, offset, lower_start = labelled
    if not head:
        return "", 0
    while fold(head.split(" ", 1)[0].strip(",")) in ADDRESSING_WORDS:
        cut = _SEPARATOR.search(head)
        if cut is None:
            return None  # `My dear friend, 3 March 1850`: a salutation, not a date line
        offset += cut.end()
        head = head[cut.end():]
    if len(head) > 4 and head.endswith(".") and head[-3:-1].isalpha() and " " not in head:
        head = head[:-1]  # `Zürich. den 11 Mai`: the full stop ends the place
    phrase = _place_phrase(head, lower_start)
    if phrase is not None:
        return phrase[0], offset
    if _SEPARATOR.search(head):
        return _after_letterhead(head, offset)
    return _trailing_place(head, offset)


_LETTERHEAD_JOINERS = words("of the and & for de la du des der die und di del della y")


def _after_letterhead(head: str, offset: int) -> tuple[str, int] | None:
    """`LIBRARIAN OF CONGRESS COPYRIGHT OFFICE … Library of Congress, Washington,`: a
    printed letterhead run into the date line (as PDF and OCR lines run); the place is
    its last parts. Only capitalised words and joiners: a lower-case word makes a sentence."""
    if any(w.isalpha() and w.islower() and fold(w) not in _LETTERHEAD_JOINERS
           for w in head.split()):
        return None
    for cut in _SEPARATOR.finditer(head):
        rest = head[cut.end():]
        phrase = _place_phrase(rest, lower_start=False)
        if phrase is not None and not rest[phrase[1]:].strip(" ,.;:—–-"):
            return phrase[0], offset + cut.end()
    return None


def place_after(tail: str) -> tuple[str, int] | None:
    """A place written after the date (`21/3 92 Wien.`), where nothing stands before it."""
    stripped = tail.lstrip(" ,.;:—–-")
    if not stripped:
        return None
    offset = len(tail) - len(stripped)
    phrase = _place_phrase(strip_fillers(stripped), lower_start=False)
    if phrase is None or stripped[phrase[1]:].strip(" .,;:—–-"):
        return None
    if any(w.isalpha() and w.islower() for w in phrase[0].split()) or \
            fold(phrase[0].split()[0]) in ADDRESSING_WORDS:
        return None  # `3. März 1857. Gustav Ehrhardt an Alfred Escher`: names, not a place
    return phrase[0], offset
