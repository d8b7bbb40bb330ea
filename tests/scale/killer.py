"""Tasks for worker processes, which import them by module name (so: no conftest imports).

One kills its own worker the first time it meets chosen documents; one reports
which process ran it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from teipipe.machinery.task import Converter, Job, Outcome


@dataclass(frozen=True)
class KillOnce:
    """Wraps the converter; a marker file per victim says it has already died once."""

    inner: Converter
    markers: str
    victims: frozenset[str]

    def __call__(self, job: Job) -> Outcome:
        if job.display in self.victims:
            marker = Path(self.markers) / (job.display.replace("/", "_") + ".killed")
            if not marker.exists():
                marker.touch()
                os._exit(13)  # the whole worker process dies, mid-task, without cleanup
        return self.inner(job)


def pid_of(_item: object) -> int:
    """The process an item was handled in (to see whether an executor used workers)."""
    return os.getpid()
