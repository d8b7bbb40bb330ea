"""What the command line says when a run stops: one line a cause, and the exit code.

Problems in documents are diagnostics and never reach here; this is for what
stops a whole run: the disk, permissions, an interruption, and teipipe's own bugs.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

EXIT_PROBLEMS = 1
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C

_DISK = {
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "the disk quota is exhausted",
    errno.EROFS: "the file system is read-only",
}


def _where(error: OSError) -> str:
    return f" ({error.filename})" if error.filename else ""


def _in_the_way(name: str) -> str:
    """The file that stands where a folder of `name` is needed (`name` if none is found)."""
    path = Path(name)
    for folder in (path, *path.parents):
        if folder.exists() and not folder.is_dir():
            return str(folder)
    return name


def _os_error(error: OSError) -> str:
    if isinstance(error, FileExistsError | NotADirectoryError):
        shown = _in_the_way(os.fspath(error.filename)) if error.filename else "a path"
        return f"{shown} is a file where a folder is needed; name a folder (or remove the file)"
    if isinstance(error, PermissionError):
        return f"permission denied{_where(error)}: check who may write (or read) there"
    if error.errno in _DISK:
        return f"{_DISK[error.errno]}{_where(error)}; files already written are whole"
    if isinstance(error, FileNotFoundError):
        return f"no such file or folder{_where(error)}"
    return f"{error.strerror or error}{_where(error)}"


def describe(error: BaseException) -> tuple[str, int]:
    """The one line (without the `teipipe: ` prefix) and the exit code for `error`."""
    if isinstance(error, KeyboardInterrupt):
        return "interrupted; nothing half-written", EXIT_INTERRUPTED
    if isinstance(error, OSError):
        return _os_error(error), EXIT_PROBLEMS
    return (f"internal error ({type(error).__name__}: {error}); this is a bug of teipipe: "
            "run again with --debug and report the traceback"), EXIT_INTERNAL
