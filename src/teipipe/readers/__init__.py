"""Readers: one module a text shape, chosen by name or by sniffing the text."""

from __future__ import annotations

from ..source import Source
from .base import Reader
from .book_ocr import READER as BOOK_OCR
from .pdf_text import READER as PDF_TEXT
from .web_archive import READER as WEB_ARCHIVE

READERS: dict[str, Reader] = {
    reader.name: reader for reader in (WEB_ARCHIVE, PDF_TEXT, BOOK_OCR)
}


class UnknownReader(KeyError):
    """A reader name that is not registered; the message lists the known ones."""

    def __str__(self) -> str:
        return f"no reader named {self.args[0]!r}; known readers: {', '.join(sorted(READERS))}"


def get(name: str) -> Reader:
    try:
        return READERS[name]
    except KeyError:
        raise UnknownReader(name) from None


def sniff(source: Source) -> Reader:
    """The reader whose shape the text fits best (ties go to the first registered)."""
    return sniffed(source)[0]


def sniffed(source: Source) -> tuple[Reader, dict[str, float]]:
    """The reader the text fits best, and how well it fits each reader (0 to 1)."""
    scores = {name: reader.sniff(source) for name, reader in READERS.items()}
    best = max(READERS, key=lambda name: scores[name])
    return READERS[best], scores


__all__ = ["READERS", "Reader", "UnknownReader", "get", "sniff", "sniffed"]
