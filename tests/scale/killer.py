"""A conversion task that kills its own worker process the first time it meets chosen documents.

It lives in a module of its own so that Dask's worker processes can import it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from teipipe.batch import Converter, Job, Outcome


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
