"""An executor that sends each document to a Dask distributed cluster (the [dask] extra).

The function (with the register it holds) is sent to the cluster once, as a task
the others depend on; each item is then one task with `retries`, and a worker
that dies mid-task has its task rerun elsewhere by the scheduler. Results come
back to the client in item order, with a bounded window of tasks in flight.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from distributed import Client, Future

T = TypeVar("T")
R = TypeVar("R")


def _call(fn: Callable[[T], R], item: T) -> R:
    return fn(item)


def _same(value: T) -> T:
    return value


class DaskExecutor:
    """Tasks on the cluster at `address` (`tcp://HOST:PORT`), or on a Client passed in.

    The client is made on the first `map` and closed by `close` (a client passed
    in is left open for its owner). Not thread-safe.
    """

    name = "dask"

    def __init__(self, address: str | None = None, client: Client | None = None,
                 retries: int = 3, window: int | None = None) -> None:
        self.address = address
        self.retries = retries
        self.window = window
        self._client = client
        self._owned = client is None

    def client(self) -> Client:
        if self._client is None:
            self._client = Client(self.address, set_as_default=False)
        return self._client

    def _window(self, client: Client) -> int:
        if self.window:
            return self.window
        threads = sum(client.nthreads().values()) or 1
        return max(16, 4 * threads)

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        client = self.client()
        # The function is a task's result rather than scattered data: when every worker
        # that held it dies, the scheduler can compute it again instead of failing.
        shared = client.submit(_same, fn, pure=False)
        window = self._window(client)
        pending: deque[Future[Any]] = deque()
        try:
            for item in items:
                pending.append(client.submit(_call, shared, item, pure=False,
                                             retries=self.retries))
                if len(pending) >= window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()
            shared.release()

    def close(self) -> None:
        if self._client is not None and self._owned:
            self._client.close()
            self._client = None
