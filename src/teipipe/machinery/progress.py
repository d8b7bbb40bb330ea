"""A progress line for long runs: documents done, rate and time left, on a terminal only."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TextIO


@dataclass
class Progress:
    """Counts finished items and redraws one status line; silent unless `stream` is a TTY."""

    total: int
    stream: TextIO
    label: str = "documents"
    enabled: bool | None = None
    done: int = 0
    _started: float = field(default_factory=time.monotonic)

    def __post_init__(self) -> None:
        if self.enabled is None:
            self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())

    def advance(self, count: int = 1) -> None:
        self.done += count
        if not self.enabled:
            return
        elapsed = max(time.monotonic() - self._started, 1e-6)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0.0
        self.stream.write(f"\r{self.done}/{self.total} {self.label}  {rate:.1f}/s  "
                          f"{left:.0f}s left ")
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled and self.done:
            self.stream.write("\n")
            self.stream.flush()
