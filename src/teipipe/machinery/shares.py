"""Each document's share of the corpus outputs, kept on disk until the corpus steps use it.

A build makes, in every document's task, the document's index row and CMIF
entries; the corpus steps (CMIF, index, register pages) need them all, in
text order, at the end. Holding them costs about a kilobyte a document, which
at a hundred thousand letters is a hundred megabytes that grow with the
corpus. `DocumentShares` writes each share to an anonymous temporary file as
it arrives (in any order) and keeps only its offset and length: sixteen bytes
a document. Reading them back is a seek and a short read each, from the page
cache in practice.

Lifecycle: one per build run, filled during the convert step, read by the
later steps, closed (and its file gone) when the build ends. Not thread-safe.
"""

from __future__ import annotations

import marshal
import tempfile
from array import array
from collections.abc import Iterator
from dataclasses import fields
from typing import IO, Any

from ..publish.site import DocumentRow, RowsAt

_ABSENT = -1


class DocumentShares:
    """Name, index row and CMIF entries of documents 0..count-1, by their corpus index."""

    def __init__(self, count: int) -> None:
        self._file: IO[bytes] | None = None
        self._offsets = array("q", [_ABSENT]) * count
        self._lengths = array("q", [0]) * count
        self._end = 0
        self._present: array[int] | None = None

    def put(self, index: int, name: str, row: DocumentRow | None, cmif: bytes) -> None:
        """Keep the share of the document at `index` (replacing an earlier one)."""
        # marshal: the file lives and dies with this process, and the corpus steps read
        # each row several times, so the cheapest encoding to read back is the one to use.
        data = marshal.dumps((name, None if row is None else _row_values(row), cmif))
        if self._file is None:
            # Open across calls, until close(): the build's steps share it.
            self._file = tempfile.TemporaryFile(prefix="teipipe-shares-")  # noqa: SIM115
        self._file.seek(self._end)
        self._file.write(data)
        self._offsets[index], self._lengths[index] = self._end, len(data)
        self._end += len(data)
        self._present = None

    def _read(self, index: int) -> tuple[str, DocumentRow | None, bytes]:
        if self._file is None:
            raise LookupError(index)
        self._file.seek(self._offsets[index])
        name, values, cmif = marshal.loads(self._file.read(self._lengths[index]))
        return name, None if values is None else _row_of(values), cmif

    def indexes(self) -> array[int]:
        """The corpus indexes of the documents kept, in ascending order."""
        if self._present is None:
            self._present = array("q", (i for i, offset in enumerate(self._offsets)
                                        if offset != _ABSENT))
        return self._present

    def __len__(self) -> int:
        return len(self.indexes())

    def __iter__(self) -> Iterator[tuple[str, DocumentRow | None, bytes]]:
        """(name, row, CMIF entries) of every document kept, in corpus order."""
        for index in self.indexes():
            yield self._read(index)

    def names(self) -> Iterator[str]:
        for name, _row, _cmif in self:
            yield name

    def entries(self) -> Iterator[tuple[str, bytes]]:
        """(name, CMIF entries) in corpus order."""
        for name, _row, cmif in self:
            yield name, cmif

    def rows(self) -> RowsAt:
        """The index rows of the documents kept (those that have one), in corpus order,
        each read when asked for."""
        with_row = array("q", (index for index in self.indexes()
                               if self._read(index)[1] is not None))
        return RowsAt(self._row_at, with_row)

    def _row_at(self, index: int) -> DocumentRow:
        row = self._read(index)[1]
        if row is None:  # rows() offers only documents that have one
            raise LookupError(index)
        return row

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


_ROW_FIELDS = tuple(f.name for f in fields(DocumentRow))


def _row_values(row: DocumentRow) -> tuple[Any, ...]:
    return tuple(sorted(row.refs) if name == "refs" else getattr(row, name)
                 for name in _ROW_FIELDS)


def _row_of(values: tuple[Any, ...]) -> DocumentRow:
    given = dict(zip(_ROW_FIELDS, values, strict=True))
    given["refs"] = frozenset(given["refs"])
    return DocumentRow(**given)


