"""CPU per text of the reading stage alone (sniffing + the chosen reader), and a digest of
the Documents it read, for before/after comparisons of a change to the readers.

Usage: PYTHONPATH=SRC python benchmarks/reading_cpu.py FOLDER [--runs N] [--limit N]

Every `*.txt` under FOLDER (a project's `corpus/texts`, a generated project's, or the
real-letter texts) is decoded once, then sniffed and read once to warm the word lists
and to hash `repr(Document)` and the diagnostics, then `--runs` times; the least process
CPU time of the runs is printed per text. The digest covers the whole model the readers
hand to the passes (every node, its text and its source location), so a change meant to
keep the output must keep it. Compare two commits alternately in one sitting, as with
`conversion_cpu.py`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, help="only the first N texts (by path)")
    args = parser.parse_args()

    from teipipe import readers
    from teipipe import source as source_mod
    from teipipe.diagnostics import Reporter

    files = sorted(args.folder.rglob("*.txt"))[:args.limit]
    sources = [source_mod.read(path, path.name, source_mod.DEFAULT_MAX_BYTES) for path in files]
    digest = hashlib.sha256()
    for src in sources:
        reporter = Reporter()
        reader, scores = readers.sniffed(src)
        document = reader.read(src, reporter)
        digest.update(repr(sorted(scores.items())).encode() + repr(document).encode())
        digest.update("".join(d.format() for d in reporter).encode())
    runs = []
    for _ in range(args.runs):
        started = time.process_time()
        for src in sources:
            readers.sniff(src).read(src, Reporter())
        runs.append(1000 * (time.process_time() - started) / len(sources))
    print(json.dumps({"texts": len(sources), "digest": digest.hexdigest()[:16],
                      "read_ms_per_text": round(min(runs), 3),
                      "runs_ms": [round(r, 3) for r in runs]}))


if __name__ == "__main__":
    main()
