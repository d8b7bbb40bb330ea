"""Fuzz the readers, the secure XML reader and validate with random bytes and unicode.

Not part of the test suite (it runs for minutes): `python benchmarks/fuzz_inputs.py
--seconds 180`. Each target gets an equal share of the time and is run by hypothesis
with fresh random examples until its share is spent. What must hold, whatever the input:

- safexml.parse returns a tree or exactly one located error for the file, never raises;
- a text becomes a Source or one SourceError, and a Source converts without an exception
  (problems are diagnostics), to TEI that the secure reader reads back;
- validate returns diagnostics located in the file given, never raises.

Inputs are random bytes, random unicode, and a valid TEI letter or a hostile file with
a random stretch replaced, so that examples reach deep into parsing and validation.
Prints, per target, the examples run and the failures found (with the first input).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teipipe import source, validation
from teipipe.pipeline import convert_source
from teipipe.project.register import Register
from teipipe.xml import safexml

ROOT = Path(__file__).resolve().parents[1]
SEEDS = [*(ROOT / "tests" / "fixtures" / "valid").glob("*.xml"),
         *(ROOT / "tests" / "fixtures" / "hostile").glob("*.xml")]
TEXTS = sorted((ROOT / "tests" / "fixtures" / "readers").rglob("*.txt"))[:6]


def _spliced(seeds: list[bytes]) -> st.SearchStrategy[bytes]:
    """A seed file with a random stretch replaced by random bytes or text."""
    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        seed = draw(st.sampled_from(seeds))
        start = draw(st.integers(0, len(seed)))
        end = draw(st.integers(start, min(len(seed), start + 200)))
        filler = draw(st.one_of(st.binary(max_size=64),
                                st.text(max_size=64).map(lambda t: t.encode("utf-8"))))
        return seed[:start] + filler + seed[end:]
    return build()


def _inputs(seeds: list[bytes]) -> st.SearchStrategy[bytes]:
    return st.one_of(st.binary(max_size=2048),
                     st.text(max_size=2048).map(lambda t: t.encode("utf-8")),
                     _spliced(seeds))


@dataclass
class Tally:
    examples: int = 0
    failures: list[str] = field(default_factory=list)


def check_safexml(data: bytes) -> None:
    tree, problems = safexml.parse(data, "fuzz.xml")
    assert (tree is None) == bool(problems), "a tree and problems, or neither"
    assert len(problems) <= 1 and all(p.location.path == "fuzz.xml" for p in problems)


def check_convert(data: bytes) -> None:
    try:
        src = source.from_bytes(data, "fuzz.txt")
    except source.SourceError as error:
        assert error.diagnostic.location.path == "fuzz.txt"
        return
    result = convert_source(src, Register(), None, schema_base=None)
    if result.tei is not None:
        tree, problems = safexml.parse(result.tei.to_bytes(), "fuzz.xml")
        assert tree is not None, problems


def make_validate() -> Callable[[bytes], None]:
    validator = validation.load(ROOT / "schema")

    def check_validate(data: bytes) -> None:
        problems = validator.validate(data, "fuzz.xml")
        assert all(p.location.path == "fuzz.xml" for p in problems)
    return check_validate


def run(name: str, check: Callable[[bytes], None], inputs: st.SearchStrategy[bytes],
        seconds: float) -> Tally:
    tally = Tally()

    @settings(max_examples=200, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(inputs)
    def target(data: bytes) -> None:
        tally.examples += 1
        try:
            check(data)
        except Exception as error:  # a finding: recorded, and the fuzzing goes on
            if len(tally.failures) < 5:
                tally.failures.append(f"{type(error).__name__}: {error} on {data[:120]!r}")

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        target()
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=180.0,
                        help="total time, shared by the targets (default: 180)")
    args = parser.parse_args(argv)
    xml_seeds = [p.read_bytes() for p in SEEDS]
    text_seeds = [p.read_bytes() for p in TEXTS]
    targets = [("safexml.parse", check_safexml, _inputs(xml_seeds)),
               ("readers+convert", check_convert, _inputs(text_seeds)),
               ("validate", make_validate(), _inputs(xml_seeds))]
    share = args.seconds / len(targets)
    found = 0
    for name, check, inputs in targets:
        started = time.monotonic()
        tally = run(name, check, inputs, share)
        took = time.monotonic() - started
        print(f"{name}: {tally.examples} examples in {took:.0f} s, "
              f"{len(tally.failures)} failures")
        for failure in tally.failures:
            print(f"  {failure}")
        found += len(tally.failures)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
