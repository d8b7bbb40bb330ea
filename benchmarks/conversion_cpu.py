"""CPU per text of the conversion alone (read + passes + write + lossless check), and a digest
of what it wrote, for before/after comparisons of one change.

Usage: PYTHONPATH=SRC python benchmarks/conversion_cpu.py PROJECT [--runs N] [--limit N]

PROJECT is a teipipe project (its `corpus/texts/*.txt`, sidecars and register): the
repository itself for the bundled corpus, or a folder `generate.py` wrote. Every text is
converted once to warm the word lists and to hash the TEI and the diagnostics, then the
whole set is converted `--runs` times; the least process CPU time of the runs is printed
per text, so that other work on a shared machine counts as little as it can.

To compare two commits, export each one's `src/` (`git archive COMMIT src | tar -x -C DIR`)
and run this script with PYTHONPATH set to each in turn, alternating, in one session: the
digests must agree for a change meant to keep the output, and the CPU figures are only
comparable within one session. The import of the register also works for the layout
before #11 (`teipipe.register`), so that earlier commits can be measured.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, help="only the first N texts (by name)")
    args = parser.parse_args()

    from teipipe.pipeline import convert_file
    try:
        from teipipe.project.register import load
    except ImportError:  # the layout before #11
        from teipipe.register import load  # type: ignore[no-redef]

    register, _ = load(args.project / "corpus" / "register.toml", "register.toml")
    files = sorted((args.project / "corpus" / "texts").glob("*.txt"))[:args.limit]
    digest = hashlib.sha256()
    for path in files:
        result = convert_file(path, path.name, register)
        digest.update(path.name.encode() + b"\0")
        digest.update(result.tei.to_bytes() if result.tei is not None else b"-")
        digest.update("".join(d.format() for d in result.diagnostics).encode())
    runs = []
    for _ in range(args.runs):
        started = time.process_time()
        for path in files:
            convert_file(path, path.name, register)
        runs.append(1000 * (time.process_time() - started) / len(files))
    print(json.dumps({"texts": len(files), "digest": digest.hexdigest()[:16],
                      "cpu_ms_per_text": round(min(runs), 2),
                      "runs_ms": [round(r, 2) for r in runs]}))


if __name__ == "__main__":
    main()
