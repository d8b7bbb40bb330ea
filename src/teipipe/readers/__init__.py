"""Readers: one module a text shape, chosen by name or by sniffing the text."""

from __future__ import annotations

from .base import Reader
from .web_archive import READER as WEB_ARCHIVE

READERS: dict[str, Reader] = {reader.name: reader for reader in (WEB_ARCHIVE,)}


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
    return max(READERS.values(), key=lambda reader: reader.sniff(source))


from ..source import Source  # noqa: E402  (only for the annotation above)

__all__ = ["READERS", "Reader", "UnknownReader", "get", "sniff"]
