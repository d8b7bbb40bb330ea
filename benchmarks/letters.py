"""Synthetic letters: content drawn from a seeded random source, rendered in three text shapes.

A letter is first made as neutral parts (date, salutation, paragraphs of words
with note numbers attached, lists, a quotation, closing, signature, notes) and
then rendered as a web archive page, a PDF extraction or a book's OCR, each
with the marker style and the layout damage of that shape.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

SHAPES = ("web-archive", "pdf-text", "book-ocr")
MONTHS = {
    "en": "January February March April May June July August September October November "
          "December".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre "
          "décembre".split(),
}
SALUTATIONS = {"en": ("Dear {first},", "My dear {first},", "Dear Comrade {last},", "Dear friend,"),
               "fr": ("Cher {first},", "Cher ami,", "Mon cher {first},", "Cher camarade {last},")}
CLOSINGS = {"en": ("Yours fraternally,", "With comradely greetings,", "Yours sincerely,",
                   "I shake your hand cordially."),
            "fr": ("Je vous serre la main bien cordialement.", "Amitiés,",
                   "Bien à vous,", "Je vous serre la main fraternellement.")}
INTRO = {"en": "He wrote to me then, in these very words:",
         "fr": "Il m'écrivait alors, en ces termes mêmes :"}
NOTE_OPEN = {"en": ("See the letter of", "On this point see", "Probably", "The text has"),
             "fr": ("Voir la lettre du", "Sur ce point voir", "Sans doute", "Le texte porte")}
# Letters that OCR of old print confuses, and word splits where kerning fooled it.
OCR_SWAPS = (("rn", "m"), ("li", "h"), ("Il ", "II "), ("O", "0"), ("e", "c"))


@dataclass(frozen=True)
class Person:
    """A register person as the letters name them."""

    id: str
    first: str
    last: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass(frozen=True)
class Letter:
    """The neutral content of one letter, before it is given a text shape."""

    language: str
    date: tuple[int, int, int]
    sender: Person
    recipient: Person
    paragraphs: tuple[tuple[tuple[str, int], ...], ...]
    """Paragraphs as (word, note number or 0) pairs; a list item paragraph starts '1.'"""
    kinds: tuple[str, ...]
    """What each paragraph is: `p`, `item` or `quote` (a quotation after an intro)."""
    notes: tuple[str, ...]
    salutation: str
    closing: str


def words(rng: random.Random, vocab: Sequence[str], weights: Sequence[float], count: int,
          names: Sequence[str]) -> list[str]:
    """A run of sentences: capitalised starts, commas, full stops, now and then a name."""
    drawn = rng.choices(vocab, cum_weights=weights, k=count)
    out: list[str] = []
    start = True
    for word in drawn:
        if rng.random() < 0.01:
            word = rng.choice(names)
        out.append(word.capitalize() if start else word)
        start = False
        roll = rng.random()
        if roll < 0.07:
            out[-1] += "."
            start = True
        elif roll < 0.12:
            out[-1] += ","
    if not out[-1].endswith("."):
        out[-1] = out[-1].rstrip(",") + "."
    return out


def make_letter(rng: random.Random, language: str, date: tuple[int, int, int],
                sender: Person, recipient: Person, vocab: Sequence[str],
                weights: Sequence[float], size: int, names: Sequence[str]) -> Letter:
    """Paragraphs until about `size` bytes, with notes spread over their words."""
    paragraphs: list[list[tuple[str, int]]] = []
    kinds: list[str] = []
    total = 0
    while total < size:
        roll = rng.random()
        if roll < 0.06 and kinds and kinds[-1] == "p":
            for number in range(1, rng.randint(2, 4) + 1):
                body = words(rng, vocab, weights, rng.randint(12, 40), names)
                paragraphs.append([(f"{number}.", 0)] + [(w, 0) for w in body])
                kinds.append("item")
                total += sum(len(w) + 1 for w in body)
            continue
        if roll < 0.10:
            paragraphs.append([(w, 0) for w in INTRO[language].split()])
            kinds.append("p")
            body = words(rng, vocab, weights, rng.randint(20, 60), names)
            paragraphs.append([("“" + body[0], 0)] + [(w, 0) for w in body[1:-1]]
                              + [(body[-1] + "”", 0)])
            kinds.append("quote")
            total += sum(len(w) + 1 for w in body)
            continue
        body = words(rng, vocab, weights, rng.randint(40, 220), names)
        paragraphs.append([(w, 0) for w in body])
        kinds.append("p")
        total += sum(len(w) + 1 for w in body)
    count = min(80, rng.randint(0, max(1, size // 300)))
    notes = place_notes(rng, paragraphs, kinds, count)
    texts = tuple(note_text(rng, language, vocab, weights, names) for _ in range(notes))
    return Letter(language, date, sender, recipient,
                  tuple(tuple(p) for p in paragraphs), tuple(kinds), texts,
                  rng.choice(SALUTATIONS[language]).format(first=recipient.first,
                                                           last=recipient.last),
                  rng.choice(CLOSINGS[language]))


def place_notes(rng: random.Random, paragraphs: list[list[tuple[str, int]]],
                kinds: Sequence[str], count: int) -> int:
    """Attach note numbers 1..count, in reading order, to words of plain paragraphs."""
    slots = [(i, j) for i, p in enumerate(paragraphs) if kinds[i] == "p"
             for j in range(1, len(p)) if p[j][0][-1:].isalpha() or p[j][0][-1:] in ".,"]
    chosen = sorted(rng.sample(slots, min(count, len(slots))))
    for number, (i, j) in enumerate(chosen, start=1):
        paragraphs[i][j] = (paragraphs[i][j][0], number)
    return len(chosen)


def note_text(rng: random.Random, language: str, vocab: Sequence[str],
              weights: Sequence[float], names: Sequence[str]) -> str:
    body = " ".join(words(rng, vocab, weights, rng.randint(4, 40), names))
    return f"{rng.choice(NOTE_OPEN[language])} {body[0].lower()}{body[1:]}"


def date_line(letter: Letter) -> str:
    year, month, day = letter.date
    name = MONTHS[letter.language][month - 1]
    return f"{name} {day}, {year}" if letter.language == "en" else f"{day} {name} {year}."


def marked(word: str, number: int, shape: str, offset: int) -> str:
    """A word with its note marker in the shape's style (punctuation stays after it)."""
    if not number:
        return word
    stem, tail = (word[:-1], word[-1]) if word[-1] in ".," else (word, "")
    return f"{stem}[{number}]{tail}" if shape == "web-archive" else f"{stem}{number + offset}{tail}"


def ocr_damage(rng: random.Random, text: str, rate: float) -> str:
    """Confusions of old print now and then: swapped letters and a word split in two."""
    if rng.random() > rate:
        return text
    old, new = rng.choice(OCR_SWAPS)
    spot = text.find(old, rng.randrange(len(text)))
    if spot > 0:
        text = text[:spot] + new + text[spot + len(old):]
    if rng.random() < 0.5:
        space = text.find(" ", rng.randrange(len(text)))
        word_end = text.find(" ", space + 1)
        if space > 0 and word_end - space > 8:
            cut = space + 1 + (word_end - space) // 2
            text = text[:cut] + " " + text[cut:]
    return text


def wrap(text: str, width: int, rng: random.Random, hyphenate: bool) -> list[str]:
    """Hard-wrap at about `width` characters; book OCR keeps some line-end hyphens."""
    lines: list[str] = []
    current: list[str] = []
    length = 0
    for word in text.split(" "):
        if length + len(word) > width and current:
            if hyphenate and len(word) > 7 and word.isalpha() and rng.random() < 0.3:
                cut = len(word) // 2
                current.append(word[:cut] + "-")
                word = word[cut:]
            lines.append(" ".join(current))
            current, length = [], 0
        current.append(word)
        length += len(word) + 1
    if current:
        lines.append(" ".join(current))
    return lines
