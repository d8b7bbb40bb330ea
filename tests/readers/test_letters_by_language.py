"""The structure of letters in five languages, each rendered in the three text shapes.

Each letter is written here the way editions print letters (a title line naming
the parties, datelines at the top or in the closing, salutations and closings of
its language, a postscript, notes with and without a heading, labelled `1.` or
`1)`); a small renderer lays it out as a web page, a PDF extraction (wrapped,
trailing spaces, foot notes under a rule of underscores, glued markers) and a
book's OCR (wrapped, no blank line after the salutation, endnotes numbered from
a high number). The tests assert on what the reader recognised.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from teipipe import readers, source
from teipipe.diagnostics import Reporter
from teipipe.model import (
    Closer,
    Dateline,
    Division,
    Document,
    NoteRef,
    Opener,
    Paragraph,
    Postscript,
    Salute,
    Signed,
    Text,
    inline_text,
)
from teipipe.walk import iter_blocks, iter_inline_runs


@dataclass(frozen=True)
class Letter:
    """A letter as an edition prints it; `{n}` marks where note n is cited."""

    language: str
    title: str
    head: tuple[str, ...]
    paragraphs: tuple[str, ...]
    tail: tuple[str, ...]
    notes: tuple[str, ...]
    postscript: tuple[str, ...] = ()
    notes_heading: str = ""
    label: str = "{n}. "
    opener: tuple[tuple[str, str], ...] = field(default=())
    closer: tuple[tuple[str, str], ...] = field(default=())


LETTERS = {
    "de": Letter(
        "de", "Brief von Heinrich Lukas Zwicky an Alfred Escher, 13. Juni 1845",
        ("Wien 13 Juni 1845.", "Mein Lieber!"),
        ("Meinen Brief aus München wirst Du richtig erhalten haben{1}, und ich eile, Dir von "
         "der Reise auf der Donau zu berichten, die ich bald nach meiner Ankunft antrat.",
         "In Regensburg brachte ich einige vergnügte Tage im Kreise alter Bekannter zu; die "
         "Walhalla{2} machte von innen einen viel grösseren Eindruck als von aussen.",
         "Von Wien selbst kann ich Dir noch nicht viel sagen, da ich mich kaum umgesehen habe "
         "und erst meine Angelegenheiten an der Universität ordnen will."),
        ("Mit herzlichem Gruß Dein", "Hch Zwicky."),
        ("Der Brief ist nicht erhalten.", "Ruhmeshalle bei Regensburg, 1842 eröffnet."),
        notes_heading="Anmerkungen",
        opener=(("dateline", "Wien 13 Juni 1845."), ("salute", "Mein Lieber!")),
        closer=(("salute", "Mit herzlichem Gruß Dein"), ("signed", "Hch Zwicky."))),
    "en": Letter(
        "en", "Mary Bell to John Carter",
        ("London, 3 March 1902", "Dear John:"),
        ("I received your letter of the 20th{1} and hasten to answer it. The situation here "
         "is not good, and the comrades of the bulletin are very tired after the winter.",
         "We must decide quickly what to do with the next number. I think we should publish "
         "it every month, whatever the printer{2} may say about his prices."),
        ("Yours fraternally,", "Mary Bell"),
        ("The letter is lost.", "Thomas Hale, printer in Clerkenwell.",
         "Carter's wife, Natalia."),
        postscript=("P.S. Natalia{3} sends her greetings to you both.",),
        label="{n}) ",
        opener=(("dateline", "London, 3 March 1902"), ("salute", "Dear John:")),
        closer=(("salute", "Yours fraternally,"), ("signed", "Mary Bell"))),
    "fr": Letter(
        "fr", "Lettre de Charles d'Espeville à Louis du Tillet",
        ("[Envoyée à Paris]", "Monsieur,"),
        ("J'ai reçu vos lettres{1} avec grande joie, car je n'avais rien entendu de vous depuis "
         "votre départ. Je vous prie de m'excuser si je ne vous ai pas écrit plus tôt.",
         "Quant à l'affaire dont vous me parlez, je ne puis rien décider sans l'avis de nos "
         "frères{2}. Je vous en écrirai plus amplement par le prochain messager."),
        ("De Strasbourg, ce 10 de juillet (1538).", "Votre humble frère,",
         "Charles d'Espeville."),
        ("Ces lettres sont perdues.", "Les pasteurs de Strasbourg."),
        notes_heading="NOTES",
        opener=(("dateline", "[Envoyée à Paris]"), ("salute", "Monsieur,")),
        closer=(("dateline", "De Strasbourg, ce 10 de juillet (1538)."),
                ("salute", "Votre humble frère,"), ("signed", "Charles d'Espeville."))),
    "it": Letter(
        "it", "Giuseppe Rossi a Luigi Bianchi, Firenze, 12 marzo 1850",
        ("Firenze, 12 marzo 1850", "Carissimo amico,"),
        ("Ho ricevuto la vostra lettera del 5 corrente{1} e vi ringrazio delle buone notizie "
         "che mi date. Il libro che mi avete mandato è giunto in buono stato.",
         "Vi prego di salutare la vostra famiglia e di ricordarmi al signor Canonico{2}, il "
         "quale mi ha sempre dimostrato tanta bontà e pazienza.",
         "Della faccenda del podere parleremo a voce quando verrete in città per la fiera."),
        ("Vostro affezionatissimo", "Giuseppe Rossi"),
        ("La lettera non è conservata.", "Il canonico Luigi Neri, bibliotecario."),
        opener=(("dateline", "Firenze, 12 marzo 1850"), ("salute", "Carissimo amico,")),
        closer=(("salute", "Vostro affezionatissimo"), ("signed", "Giuseppe Rossi"))),
    "es": Letter(
        "es", "Benito Pérez a Marcelino Ruiz, Madrid, 3 de marzo de 1902",
        ("Madrid, 3 de marzo de 1902.", "Muy señor mío:"),
        ("Recibí su carta del 20 del pasado{1} y me apresuro a contestarle. Los libros que me "
         "pide no se encuentran en esta ciudad, pero he escrito a Barcelona para pedirlos.",
         "Espero que esta vez tendremos mejor suerte que la anterior. Le ruego salude de mi "
         "parte a su señora y a sus hijos."),
        ("Su afectísimo amigo y seguro servidor,", "Benito Pérez"),
        ("Carta no conservada.",),
        notes_heading="Notas",
        opener=(("dateline", "Madrid, 3 de marzo de 1902."), ("salute", "Muy señor mío:")),
        closer=(("salute", "Su afectísimo amigo y seguro servidor,"),
                ("signed", "Benito Pérez"))),
}

_MARK = re.compile(r"\{(\d+)\}")


def _marked(text: str, style: str, offset: int = 0) -> str:
    return _MARK.sub(lambda m: style.format(int(m.group(1)) + offset), text)


def web_archive(letter: Letter) -> str:
    lines = [letter.title, ""]
    for line in (*letter.head, *(_marked(p, "[{}]") for p in letter.paragraphs),
                 *letter.tail, *(_marked(p, "[{}]") for p in letter.postscript)):
        lines += [line, ""]
    if letter.notes_heading:
        lines += ["", letter.notes_heading, ""]
    for number, note in enumerate(letter.notes, start=1):
        lines += [letter.label.format(n=number) + note, ""]
    return "\n".join(lines)


def pdf_text(letter: Letter) -> str:
    lines = [f" {letter.title} ", ""]
    for line in letter.head:
        lines += [f" {line} ", ""]
    for paragraph in letter.paragraphs:
        lines += [f"{row} " for row in textwrap.wrap(_marked(paragraph, "{}"), 72)] + [""]
    for line in (*letter.tail, *(_marked(p, "{}") for p in letter.postscript)):
        lines += [f"{line} ", ""]
    lines += ["", "_" * 24]
    lines += [f"{number}{note} " for number, note in enumerate(letter.notes, start=1)]
    return "\n".join(lines) + "\n"


_FIRST_NOTE = 374


def book_ocr(letter: Letter) -> str:
    lines = [letter.title, *letter.head]
    for paragraph in letter.paragraphs:
        lines += textwrap.wrap(_marked(paragraph, "{}", _FIRST_NOTE - 1), 78) + [""]
    lines += [*letter.tail, ""]
    lines += [_marked(p, "{}", _FIRST_NOTE - 1) for p in letter.postscript]
    lines += ["", letter.notes_heading or "Notes", ""]
    for number, note in enumerate(letter.notes, start=_FIRST_NOTE):
        lines += [f"{number} {note}", ""]
    return "\n".join(lines)


RENDER = {"web-archive": web_archive, "pdf-text": pdf_text, "book-ocr": book_ocr}
CASES = [(language, shape) for language in LETTERS for shape in RENDER]


def _read(tmp_path: Path, language: str, shape: str) -> tuple[str, Document, Reporter]:
    path = tmp_path / f"{language}-{shape}.txt"
    path.write_text(RENDER[shape](LETTERS[language]), encoding="utf-8")
    src = source.read(path, path.name)
    reporter = Reporter()
    reader = readers.sniff(src)
    return reader.name, reader.read(src, reporter), reporter


def _parts(frame: Opener | Closer | None) -> tuple[tuple[str, str], ...]:
    if frame is None:
        return ()
    names = {Dateline: "dateline", Salute: "salute", Signed: "signed"}
    return tuple((names[type(p)], inline_text(p.inlines).strip()) for p in frame.parts)


def _blocks(doc: Document) -> list[object]:
    return [b for b in iter_blocks(doc.body) if not isinstance(b, Division)]


@pytest.mark.parametrize(("language", "shape"), CASES, ids=[f"{lg}-{sh}" for lg, sh in CASES])
def test_the_shape_is_sniffed(tmp_path: Path, language: str, shape: str) -> None:
    assert _read(tmp_path, language, shape)[0] == shape


@pytest.mark.parametrize(("language", "shape"), CASES, ids=[f"{lg}-{sh}" for lg, sh in CASES])
def test_opener_paragraphs_closer_and_postscript(tmp_path: Path, language: str,
                                                 shape: str) -> None:
    letter = LETTERS[language]
    _, doc, _ = _read(tmp_path, language, shape)
    blocks = _blocks(doc)
    assert not any(isinstance(b, Division) and b.head for b in iter_blocks(doc.body))
    assert _parts(next((b for b in blocks if isinstance(b, Opener)), None)) == letter.opener
    assert _parts(next((b for b in blocks if isinstance(b, Closer)), None)) == letter.closer
    body_paragraphs = [b for b in doc.body if isinstance(b, Paragraph)]
    assert len(body_paragraphs) == len(letter.paragraphs)
    postscripts = [b for b in blocks if isinstance(b, Postscript)]
    assert len(postscripts) == (1 if letter.postscript else 0)
    assert [line.role for line in doc.front] == ["title"]


@pytest.mark.parametrize(("language", "shape"), CASES, ids=[f"{lg}-{sh}" for lg, sh in CASES])
def test_every_marker_is_linked_to_its_note_in_place(tmp_path: Path, language: str,
                                                     shape: str) -> None:
    letter = LETTERS[language]
    _, doc, reporter = _read(tmp_path, language, shape)
    assert len(doc.notes) == len(letter.notes)
    assert all(note.cited for note in doc.notes)
    assert [inline_text(n.blocks[0].inlines).strip() for n in doc.notes] == list(letter.notes)
    linked: list[tuple[str, str]] = []
    for run in iter_inline_runs(doc):
        for before, node in zip(run, run[1:], strict=False):
            if isinstance(node, NoteRef) and isinstance(before, Text):
                linked.append((before.text.split()[-1], node.note_id))
    wanted = [(re.split(r"\{", chunk)[0].split()[-1], f"n{int(number) + offset}")
              for text in (*letter.paragraphs, *letter.postscript)
              for chunk, number in re.findall(r"(\S+)\{(\d+)\}", text)
              for offset in [(_FIRST_NOTE - 1) if shape == "book-ocr" else 0]]
    assert linked == wanted
    assert not [d for d in reporter if d.code.startswith("notes.")
                and d.severity.name == "WARNING"]
