"""Writing files whole or not at all, with the modes any new file gets, and relative URIs.

Every room that writes a file (the build, the cache, publishing, the CLI) writes it
here, so that a reader never sees half a file and no room imports the conversion
pipeline only to write one.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, NoReturn

_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


@contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A file to write `path` through: it replaces `path` whole when the block ends without
    an error, and is removed otherwise (temporary file in the same folder, then rename).

    The temporary file is made with mode 0666 through os.open, so the operating system
    applies the process's umask as it does to any new file (a web server can read the
    site, others the TEI), without reading or changing the process-wide umask. It is
    made inside the block that removes it, so that an interrupt (Ctrl-C) arriving just
    after it was made does not leave it behind; 48 random bits make its name new.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        _raise_naming(error, path)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        handle = os.open(temporary, _CREATE, 0o666)
        with os.fdopen(handle, "wb") as stream:
            yield stream
        os.replace(temporary, path)
    except BaseException as error:
        if not (isinstance(error, FileExistsError) and error.filename == str(temporary)):
            temporary.unlink(missing_ok=True)  # ours, unless another file had its name
        if isinstance(error, OSError):
            _raise_naming(error, path)
        raise


def _raise_naming(error: OSError, path: Path) -> NoReturn:
    """Raise `error` naming the file being written where it named the temporary file, or
    none (its errno keeps its class: PermissionError stays a PermissionError), so that
    the one line the command prints names a file the user knows."""
    name = os.fspath(error.filename) if error.filename is not None else ""
    if name and not name.endswith(".tmp"):
        raise error  # it names a folder on the way, which is the one to fix
    raise OSError(error.errno, error.strerror, os.fspath(path)) from error


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole or not at all."""
    with atomic_file(path) as stream:
        stream.write(data)


def schema_base_for(out_dir: Path, schema_dir: Path) -> str:
    """The schema folder as a relative URI from the folder a TEI file is written to."""
    relative = os.path.relpath(schema_dir.resolve(), out_dir.resolve())
    return relative.replace(os.sep, "/").rstrip("/") + "/"
