"""One build of a project at a time: an advisory lock on a file in the project's cache.

Two builds of the same project would write the same TEI, pages and cache entries in
an unknown interleaving. The lock is an flock(2) on `.teipipe-cache/build.lock`: the
kernel drops it when the holding process ends, however it ends, so a killed build
never leaves a lock behind. The file holds the holder's process id, for the message.
"""

from __future__ import annotations

import errno
import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = "build.lock"


class BuildLocked(Exception):
    """Another process holds the project's build lock; the message says which."""


def _holder(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    text = os.read(fd, 32).decode("ascii", "replace").strip()
    return f" (process {text})" if text.isdigit() else ""


@contextmanager
def held(cache_dir: Path, wait: bool = False, required: bool = True) -> Iterator[None]:
    """Hold the build lock of the project whose cache folder is `cache_dir` while the block
    runs. `wait`: wait for another build to end instead of raising BuildLocked.
    `required`: False lets a build that writes nothing (--check) run where the lock file
    cannot be made (a read-only checkout)."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(cache_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        if required or error.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise BuildLocked(
                f"another build of this project is running{_holder(fd)}; wait for it to "
                "end, or pass --wait to start when it has") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        yield
    finally:
        os.close(fd)  # closing the last descriptor releases the lock
