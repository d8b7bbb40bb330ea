"""The three text shapes teipipe reads, rendered from one synthetic Letter.

web-archive: one long line a paragraph, `[n]` markers, `[n] text` notes at the end.
pdf-text: lines wrapped with a trailing space, page-foot notes under a rule of spaces,
markers glued as digits. book-ocr: a date line on top, wrapped lines, page ends
inside paragraphs, a `Notes` heading and endnotes numbered from a high number.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from letters import Letter, date_line, marked, ocr_damage, wrap

_PAGE_LINES = 44
# Digits glued to a letter: a note marker in the PDF and OCR shapes.
_GLUED = re.compile(r"[^\W\d_](\d+)")


def paragraph_texts(letter: Letter, shape: str, offset: int,
                    rng: random.Random, damage: float) -> list[str]:
    """Each paragraph as one string, markers in the shape's style, OCR damage applied."""
    return [ocr_damage(rng, " ".join(marked(w, n, shape, offset) for w, n in paragraph), damage)
            for paragraph in letter.paragraphs]


def signature(letter: Letter, rng: random.Random) -> str:
    sender = letter.sender
    return rng.choice((f"{sender.first[0]}.{sender.last[0]}.", sender.name,
                       f"{sender.first} {sender.last.upper()}."))


def web_archive(letter: Letter, rng: random.Random) -> str:
    year = letter.date[0]
    title = (f"Letter to {letter.recipient.name}" if letter.language == "en"
             else f"Lettre à {letter.recipient.name}")
    lines = [f"{letter.sender.name} {year}", "", title, "",
             f"Source: Collected Letters of {letter.sender.name}, volume {rng.randint(1, 9)};",
             f"Transcribed: for the archive, {year + rng.randint(60, 100)};",
             "CopyLeft: Creative Commons (Attribute & ShareAlike).", "",
             date_line(letter), "", letter.salutation, ""]
    for text in paragraph_texts(letter, "web-archive", 0, rng, 0.02):
        lines += [text, ""]
    lines += [letter.closing, "", signature(letter, rng), "", ""]
    for number, note in enumerate(letter.notes, start=1):
        lines += [f"[{number}] {note}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def pdf_text(letter: Letter, rng: random.Random) -> str:
    """Pages of wrapped lines; each page that shows markers ends with its notes under a rule."""
    width = rng.randint(95, 118)
    body: list[tuple[str, list[int]]] = [(f" {date_line(letter)} ", []), ("", []),
                                          (f" {letter.salutation} ", []), ("", [])]
    texts = paragraph_texts(letter, "pdf-text", 0, rng, 0.05)
    numbers = [[n for _, n in p if n] for p in letter.paragraphs]
    for text, marks in zip(texts, numbers, strict=True):
        wrapped = wrap(text, width, rng, hyphenate=False)
        for index, line in enumerate(wrapped):
            # A line's markers: those of the paragraph whose glued digits the line shows.
            shown = [int(d) for d in _GLUED.findall(line) if int(d) in marks] if marks else []
            body.append((line + " ", shown))
            if index == len(wrapped) - 1:
                body.append(("", []))
    body += [(f"{letter.closing} ", []), ("", []), (f"{signature(letter, rng)} ", []), (" ", [])]
    return _paginate(body, letter.notes, width, rng)


def _paginate(body: list[tuple[str, list[int]]], notes: tuple[str, ...], width: int,
              rng: random.Random) -> str:
    out: list[str] = []
    pending: list[int] = []
    placed: set[int] = set()

    def foot() -> None:
        fresh = [n for n in pending if n not in placed and 1 <= n <= len(notes)]
        if fresh:
            out.extend(["", " " * rng.randint(50, 60)])
            for number in fresh:
                placed.add(number)
                out.extend(line + " " for line in wrap(f"{number} {notes[number - 1]}",
                                                       width, rng, hyphenate=False))
            out.extend(["", ""])
        pending.clear()

    for count, (line, marks) in enumerate(body, start=1):
        out.append(line)
        pending.extend(marks)
        if count % _PAGE_LINES == 0:
            foot()
    foot()
    return "\n".join(out).rstrip("\n") + "\n"


def book_ocr(letter: Letter, rng: random.Random) -> str:
    """A printed letter: date, salutation, wrapped paragraphs, page gaps, then `Notes`."""
    width = rng.randint(100, 125)
    offset = rng.randint(100, 600) if letter.notes else 0
    lines = [f" {date_line(letter)}", letter.salutation]
    for text in paragraph_texts(letter, "book-ocr", offset, rng, 0.15):
        lines += wrap(text, width, rng, hyphenate=True)
        lines.append("")
    lines += [letter.closing, "", signature(letter, rng)]
    # Page ends: a blank line dropped in every so often, inside paragraphs too.
    paged: list[str] = []
    for count, line in enumerate(lines, start=1):
        paged.append(line)
        if count % _PAGE_LINES == 0 and line and count < len(lines) - 4:
            paged.append("")
    if letter.notes:
        paged += ["", "Notes"]
        for number, note in enumerate(letter.notes, start=1):
            paged += wrap(f"{number + offset} {note}", width, rng, hyphenate=True)
            paged.append("")
    return "\n".join(paged).rstrip("\n") + "\n"


RENDER: dict[str, Callable[[Letter, random.Random], str]] = {
    "web-archive": web_archive, "pdf-text": pdf_text, "book-ocr": book_ocr}
