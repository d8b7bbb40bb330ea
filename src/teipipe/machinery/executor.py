"""Ways to run per-document work: in this process, in a pool of processes, or on a Dask cluster.

Every executor maps a picklable function over a stream of items and yields the
results in the order of the items, with only a bounded number of items in
flight, so a corpus of any size is never held in memory at once. Executors
never write files: the caller writes each result as it arrives.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

EXECUTORS = ("serial", "processes", "dask://HOST:PORT")


class Executor(Protocol):
    """Runs a function over items. One executor may serve several `map` calls; `close` ends it."""

    name: str

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """`fn` over `items`, results in item order; stopping early cancels what is queued."""
        ...

    def close(self) -> None:
        ...


class UnknownExecutor(ValueError):
    """An executor spec that names no executor; the message lists the known ones."""

    def __str__(self) -> str:
        return f"no executor {self.args[0]!r}; known executors: {', '.join(EXECUTORS)}"


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not every platform has affinity
        return os.cpu_count() or 1


class SerialExecutor:
    """Everything in the calling process, one item after the other (the reference behaviour)."""

    name = "serial"

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return (fn(item) for item in items)

    def close(self) -> None:
        return None


def _leave_interrupts_to_the_parent() -> None:
    """Ctrl-C reaches every process of the terminal's group: workers ignore it, so that
    only the parent stops (writing nothing half) and no worker prints a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_chunk(fn: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [fn(item) for item in chunk]


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


class ProcessExecutor:
    """A pool of `jobs` worker processes fed chunks of items.

    The function is pickled with each chunk, so workers hold no state between
    chunks. At most `window` chunks are queued, which bounds memory to a few
    chunks' inputs and results whatever the corpus size. The pool starts on the
    first `map` and is reused until `close`. Not thread-safe.
    """

    name = "processes"

    def __init__(self, jobs: int | None = None, chunk_size: int = 8,
                 window: int | None = None) -> None:
        self.jobs = jobs or default_jobs()
        self.chunk_size = chunk_size
        self.window = window or 3 * self.jobs
        self._pool: ProcessPoolExecutor | None = None

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        chunks = batched(items, self.chunk_size)
        head = list(itertools.islice(chunks, 2))
        if len(head) < 2 and self._pool is None:
            # At most one chunk of work (an edit to one or two texts): starting workers,
            # each importing teipipe and compiling its stylesheets, costs more than it.
            return iter([result for chunk in head for result in _run_chunk(fn, chunk)])
        if self._pool is None:
            # Workers are spawned, not forked: a forked child would inherit the parent's
            # Saxon (native) runtime and lxml state, which are not fork-safe.
            self._pool = ProcessPoolExecutor(max_workers=self.jobs,
                                             mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_leave_interrupts_to_the_parent)
        return _ordered(self._pool.submit, fn, itertools.chain(head, chunks), self.window)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def _ordered(submit: Callable[..., Future[list[R]]], fn: Callable[[T], R],
             chunks: Iterable[list[T]], window: int) -> Iterator[R]:
    """Keep up to `window` chunks running; hand back results oldest first."""
    pending: deque[Future[list[R]]] = deque()
    try:
        for chunk in chunks:
            pending.append(submit(_run_chunk, fn, chunk))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


def make(spec: str, jobs: int | None = None) -> Executor:
    """The executor a command line names: `serial`, `processes` or `dask://HOST:PORT`."""
    if spec == "serial":
        return SerialExecutor()
    if spec == "processes":
        return ProcessExecutor(jobs)
    if spec.startswith("dask://") and len(spec) > len("dask://"):
        from .dask_executor import DaskExecutor  # optional extra: import only when asked for
        return DaskExecutor("tcp://" + spec[len("dask://"):])
    raise UnknownExecutor(spec)


def describe(executor: Any) -> str:
    jobs = getattr(executor, "jobs", None)
    return f"{executor.name} ({jobs} jobs)" if jobs else str(executor.name)
