"""Serial and process-pool builds write byte-identical TEI."""

from __future__ import annotations

import os

from killer import pid_of

from support.scale import SYNTH_COUNT, run_build, tei_bytes
from teipipe.machinery.executor import ProcessExecutor, SerialExecutor
from teipipe.project.layout import Project


def test_process_pool_output_equals_serial(synth: Project) -> None:
    serial = run_build(synth, SerialExecutor(), use_cache=False)
    expected = tei_bytes(synth)
    for path in synth.tei.glob("*.xml"):
        path.unlink()
    pool = ProcessExecutor(jobs=2, chunk_size=3, window=2)
    try:
        parallel = run_build(synth, pool, use_cache=False)
    finally:
        pool.close()
    assert len(expected) == SYNTH_COUNT
    assert tei_bytes(synth) == expected
    assert parallel.diagnostics == serial.diagnostics
    assert parallel.tei_files == serial.tei_files


def test_results_come_back_in_item_order() -> None:
    pool = ProcessExecutor(jobs=2, chunk_size=2, window=2)
    try:
        assert list(pool.map(abs, range(-25, 0))) == [abs(n) for n in range(-25, 0)]
    finally:
        pool.close()


def test_one_chunk_of_work_runs_here_and_more_runs_in_workers() -> None:
    pool = ProcessExecutor(jobs=2, chunk_size=4, window=2)
    try:
        assert set(pool.map(pid_of, range(3))) == {os.getpid()}  # no workers started for it
        assert os.getpid() not in set(pool.map(pid_of, range(12)))
        # Once the workers run, even a little work goes to them.
        assert os.getpid() not in set(pool.map(pid_of, range(2)))
    finally:
        pool.close()
