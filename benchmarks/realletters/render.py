"""A real letter's gold rendered as plain text in the three shapes teipipe reads.

web-archive: one paragraph a line, `[n]` markers, endnotes after the letter.
pdf-text: hard-wrapped lines, page-foot notes under a rule, markers glued to words.
book-ocr: hard-wrapped, hyphenated OCR with damage, endnotes numbered from a high number.
The formatting is drawn from a random source seeded by the letter and the shape:
a title line or none, an address line, the dateline at the top or in the closing,
notes with or without a heading, note labels `[1]`, `1.`, `1)`. Wrapping and OCR
damage are the synthetic benchmark's own (`benchmarks/letters.py`).
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from gold import MARK, MARKS, GoldLetter

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from letters import ocr_damage, wrap  # noqa: E402

SHAPES = ("web-archive", "pdf-text", "book-ocr")
MONTHS = {
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "en": "January February March April May June July August September October November "
          "December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
          "dicembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
          "diciembre",
}
# Title lines as editions and archives print them; several per language, so that a
# converter cannot pass by knowing one pattern.
TITLES = {
    "de": ("{s} an {r}, {place}{date}", "Brief von {s} an {r}, {date}",
           "{s} an {r} ({place}{date})", "{date}. {s} an {r}",
           "{s} an {r}\n{place}{date}"),
    "en": ("{s} to {r}, {date}", "Letter from {s} to {r}, {place}{date}",
           "{s} to {r} ({place}{date})", "{date}: {s} to {r}",
           "{s} to {r}\n{place}{date}"),
    "fr": ("{s} à {r}, {place}{date}", "Lettre de {s} à {r}, {date}",
           "{s} à {r} ({place}{date})", "{date}. {s} à {r}",
           "{s} à {r}\n{place}{date}"),
    "it": ("{s} a {r}, {place}{date}", "Lettera di {s} a {r}, {date}",
           "{s} a {r} ({place}{date})", "{date}. {s} a {r}",
           "{s} a {r}\n{place}{date}"),
    "es": ("{s} a {r}, {place}{date}", "Carta de {s} a {r}, {date}",
           "{s} a {r} ({place}{date})", "{date}. {s} a {r}",
           "{s} a {r}\n{place}{date}"),
}
ADDRESS = {"de": ("An {r}", "{r}", "z. H. {r}"), "en": ("To {r}", "{r}", "Addressed to {r}"),
           "fr": ("À {r}", "{r}", "À l'attention de {r}"),
           "it": ("A {r}", "{r}", "All'attenzione di {r}"),
           "es": ("A {r}", "{r}", "A la atención de {r}")}
NOTE_HEADINGS = {"de": ("Anmerkungen", "ANMERKUNGEN"), "en": ("Notes", "NOTES"),
                 "fr": ("Notes", "NOTES"), "it": ("Note", "NOTE"), "es": ("Notas", "NOTAS")}
NOTE_LABELS = ("[{n}] ", "{n}. ", "{n}) ")


Line = tuple[str, str]
"""A line of the text and what it is: `title`, `address`, `dateline`, `salute`, `para`
(first line of a body paragraph), `para-cont`, `ps`, `ps-cont`, `closer`, `signed`,
`notes-heading`, `note`, `note-cont`, `rule` (a rule of underscores, or of spaces
above page-foot notes) or `blank`."""


@dataclass
class Rendered:
    """The text of one letter in one shape, and what the scorer can expect of it."""

    text: str
    title: str = ""
    address: str = ""
    dateline_at_end: bool = False
    markers: list[dict[str, object]] = field(default_factory=list)
    """Per note marker in reading order: note number, label printed, letters before it."""
    lines: list[str] = field(default_factory=list)
    """What each line of the text is (see Line): gold for a line labeller."""


def _finish(lines: list[Line], layout: _Layout, markers: list[dict[str, object]]) -> Rendered:
    """The text from its labelled lines, trailing blank lines dropped."""
    while lines and not lines[-1][0].strip():
        lines.pop()
    return Rendered("\n".join(t for t, _ in lines) + "\n", layout.title, layout.address,
                    layout.dateline_at_end, markers,
                    [label if text.strip() or label == "rule" else "blank"
                     for text, label in lines])


def _paragraph(wrapped: list[str], kind: str) -> list[Line]:
    return [(line, kind if i == 0 else f"{kind}-cont") for i, line in enumerate(wrapped)]


def format_date(iso: str, language: str) -> str:
    """An ISO date written out as the language writes it: `7. November 1831`."""
    parts = [int(p) for p in iso.split("-") if p.isdigit()]
    if not parts:
        return ""
    year = parts[0]
    if len(parts) == 1:
        return str(year)
    month = MONTHS[language].split()[parts[1] - 1]
    if len(parts) == 2:
        return f"{month} {year}"
    day = parts[2]
    return {"de": f"{day}. {month} {year}", "en": f"{month} {day}, {year}",
            "es": f"{day} de {month} de {year}"}.get(language, f"{day} {month} {year}")


def _title(gold: GoldLetter, rng: random.Random) -> str:
    if not (gold.sender and gold.recipient and gold.date):
        return ""
    template = rng.choice(TITLES[gold.language])
    place = f"{gold.place}, " if gold.place else ""
    return template.format(s=gold.sender, r=gold.recipient, place=place,
                           date=format_date(gold.date, gold.language))


def _letters(text: str) -> str:
    return "".join(ch for ch in MARKS.sub("", text).lower() if ch.isalpha())


def _markers(paragraphs: list[str], labels: dict[int, str]) -> list[dict[str, object]]:
    """Each mark's note, printed label and up to 12 letters before it in its paragraph."""
    found: list[dict[str, object]] = []
    for text in paragraphs:
        for match in MARKS.finditer(text):
            number = ord(match.group()) - MARK
            found.append({"note": number, "label": labels[number],
                          "before": _letters(text[:match.start()])[-12:]})
    return found


def _damaged(text: str, rng: random.Random, rate: float) -> str:
    """OCR damage between the marks only, so that a mark stays glued to its word."""
    pieces = re.split(f"({MARKS.pattern})", text)
    return "".join(p if MARKS.fullmatch(p) or not p.strip() else ocr_damage(rng, p, rate)
                   for p in pieces)


def _with_labels(text: str, style: str, labels: dict[int, str]) -> str:
    def sub(match: re.Match[str]) -> str:
        return style.format(labels[ord(match.group()) - MARK])
    return MARKS.sub(sub, text)


@dataclass
class _Layout:
    """The letter's lines before the body and after it, as this rendering draws them."""

    head: list[Line]
    tail: list[Line]
    title: str
    address: str
    dateline_at_end: bool


def _layout(gold: GoldLetter, rng: random.Random) -> _Layout:
    title = _title(gold, rng) if rng.random() < 0.5 else ""
    address = (rng.choice(ADDRESS[gold.language]).format(r=gold.recipient)
               if gold.recipient and rng.random() < 0.2 else "")
    at_end = gold.dateline_at_end or (bool(gold.dateline) and rng.random() < 0.2)
    head = [(line, "title") for line in title.split("\n")] + [(address, "address")]
    if not at_end:
        head.append((gold.dateline, "dateline"))
    head.append((gold.salute, "salute"))
    tail = [(gold.closer_salute, "closer")]
    if at_end:
        tail.append((gold.dateline, "dateline"))
    tail.append((gold.signed, "signed"))
    return _Layout([h for h in head if h[0]], [t for t in tail if t[0]], title, address, at_end)


def _notes_block(gold: GoldLetter, rng: random.Random, labels: dict[int, str],
                 label_style: str, heading: bool, width: int | None = None) -> list[Line]:
    lines: list[Line] = ([(rng.choice(NOTE_HEADINGS[gold.language]), "notes-heading"),
                          ("", "blank")] if heading else [])
    for number, note in enumerate(gold.notes, start=1):
        text = label_style.format(n=labels[number]) + note
        wrapped = wrap(text, width, rng, hyphenate=True) if width else [text]
        lines += _paragraph(wrapped, "note") + [("", "blank")]
    return lines


def web_archive(gold: GoldLetter, rng: random.Random) -> Rendered:
    layout = _layout(gold, rng)
    labels = {n: str(n) for n in range(1, len(gold.notes) + 1)}
    lines: list[Line] = []
    for line in layout.head:
        lines += [line, ("", "blank")]
    for text in gold.paragraphs:
        lines += [(_with_labels(text, "[{}]", labels), "para"), ("", "blank")]
    for line in layout.tail:
        lines += [line, ("", "blank")]
    for text in gold.postscript:
        lines += [(_with_labels(text, "[{}]", labels), "ps"), ("", "blank")]
    if gold.notes:
        lines += [("", "blank")] + _notes_block(gold, rng, labels, rng.choice(NOTE_LABELS),
                                                rng.random() < 0.5)
    return _finish(lines, layout, _markers(gold.paragraphs + gold.postscript, labels))


def pdf_text(gold: GoldLetter, rng: random.Random) -> Rendered:
    """Wrapped pages; a page that shows markers ends with its notes under a rule."""
    layout = _layout(gold, rng)
    width = rng.randint(80, 118)
    labels = {n: str(n) for n in range(1, len(gold.notes) + 1)}
    texts = [_damaged(t, rng, 0.05) for t in gold.paragraphs + gold.postscript]
    rows: list[tuple[Line, list[int]]] = []
    for text, label in layout.head:
        rows += [((f" {text} ", label), []), (("", "blank"), [])]
    for index, text in enumerate(texts):
        kind = "para" if index < len(gold.paragraphs) else "ps"
        if index == len(gold.paragraphs):
            rows += [((f"{t} ", label), []) for t, label in layout.tail] + [(("", "blank"), [])]
        for line in _paragraph(wrap(text, width, rng, hyphenate=False), kind):
            numbers = [ord(m) - MARK for m in MARKS.findall(line[0])]
            rows.append(((_with_labels(line[0], "{}", labels) + " ", line[1]), numbers))
        rows.append((("", "blank"), []))
    if len(texts) == len(gold.paragraphs):
        rows += [((f"{t} ", label), []) for t, label in layout.tail]
    rule = rng.choice((" " * rng.randint(50, 60), "_" * rng.randint(15, 30)))
    glue = rng.random() < 0.5
    out: list[Line] = []
    pending: list[int] = []
    page = rng.randint(40, 48)
    for count, (line, numbers) in enumerate(rows, start=1):
        out.append(line)
        pending += numbers
        if count % page == 0 or count == len(rows):
            if pending:
                out += [("", "blank"), (rule, "rule")]
                for number in pending:
                    note = f"{number}{'' if glue else ' '}{gold.notes[number - 1]}"
                    out += _paragraph([w + " " for w in wrap(note, width, rng, hyphenate=False)],
                                      "note")
                out += [("", "blank"), ("", "blank")]
            pending = []
    return _finish(out, layout, _markers(texts, labels))


def book_ocr(gold: GoldLetter, rng: random.Random) -> Rendered:
    """A printed letter: wrapped and hyphenated lines, OCR damage, endnotes from a high number."""
    layout = _layout(gold, rng)
    width = rng.randint(95, 125)
    offset = rng.randint(100, 600) if gold.notes else 0
    labels = {n: str(n + offset) for n in range(1, len(gold.notes) + 1)}
    texts = [_damaged(t, rng, 0.15) for t in gold.paragraphs + gold.postscript]
    lines: list[Line] = list(layout.head)
    if lines:
        lines[0] = (f" {lines[0][0]}", lines[0][1])
    for index, text in enumerate(texts):
        kind = "para" if index < len(gold.paragraphs) else "ps"
        if index == len(gold.paragraphs):
            lines += [*layout.tail, ("", "blank")]
        lines += _paragraph(wrap(_with_labels(text, "{}", labels), width, rng, hyphenate=True),
                            kind)
        lines.append(("", "blank"))
    if len(texts) == len(gold.paragraphs):
        lines += layout.tail
    paged: list[Line] = []
    for count, line in enumerate(lines, start=1):
        paged.append(line)
        if count % 44 == 0 and line[0] and count < len(lines) - 4:
            paged.append(("", "blank"))
    if gold.notes:
        paged += [("", "blank")] + _notes_block(gold, rng, labels,
                                                rng.choice(("{n} ", "{n}. ")),
                                                rng.random() < 0.8, width)
    return _finish(paged, layout, _markers(texts, labels))


RENDER = {"web-archive": web_archive, "pdf-text": pdf_text, "book-ocr": book_ocr}
