"""A build on a Dask LocalCluster equals the serial build, also when a worker dies mid-run."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from collections.abc import Iterator as _Iterator
from pathlib import Path
from typing import Any

import pytest
from distributed import Client, LocalCluster
from killer import KillOnce

from support.scale import run_build, tei_bytes
from teipipe.machinery.dask_executor import DaskExecutor
from teipipe.machinery.executor import SerialExecutor
from teipipe.project.layout import Project


@pytest.fixture(scope="module")
def cluster() -> _Iterator[LocalCluster]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as local:
        yield local


class KillingDask(DaskExecutor):
    """The Dask executor with each task wrapped so that chosen documents kill their worker."""

    def __init__(self, client: Client, markers: Path, victims: Iterable[str]) -> None:
        super().__init__(client=client, window=6)
        self.markers = markers
        self.victims = frozenset(victims)

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        return super().map(KillOnce(fn, str(self.markers), self.victims), items)  # type: ignore[arg-type]


def serial_reference(project: Project) -> dict[str, bytes]:
    run_build(project, SerialExecutor(), use_cache=False)
    expected = tei_bytes(project)
    for path in project.tei.glob("*.xml"):
        path.unlink()
    return expected


def test_dask_build_equals_serial(synth: Project, cluster: LocalCluster) -> None:
    expected = serial_reference(synth)
    executor = DaskExecutor(cluster.scheduler_address)
    try:
        state = run_build(synth, executor, use_cache=False)
    finally:
        executor.close()
    assert not state.failed
    assert tei_bytes(synth) == expected


def test_a_worker_killed_mid_run_changes_nothing(synth: Project, cluster: LocalCluster,
                                                 tmp_path: Path) -> None:
    expected = serial_reference(synth)
    victims = [synth.display(p) for p in synth.text_files()[10:12]]
    with Client(cluster.scheduler_address, set_as_default=False) as client:
        executor = KillingDask(client, tmp_path, victims)
        state = run_build(synth, executor, use_cache=False)
    assert sorted(p.name for p in tmp_path.glob("*.killed")) == sorted(
        v.replace("/", "_") + ".killed" for v in victims)
    assert not state.failed
    assert tei_bytes(synth) == expected
    assert not list(synth.tei.glob(".*.tmp"))
