"""`teipipe validate --schema X` against jing on the same files, wall time with compile included.

    PYTHONPATH=src python benchmarks/schemas.py --label NAME

Rows: TEI's tei_all.rng, and teipipe's own schema (RELAX NG + Schematron for teipipe,
RELAX NG only for jing), on the 500 real letters of ../shared/realworld/tei/escher-500
(any folder of TEI files with --letters). Each command runs twice; the faster run counts.
Writes results/schemas-<label>.json and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"


def _wall(command: list[str]) -> tuple[float, int]:
    """The faster of two runs' wall time, and the exit code."""
    best = float("inf")
    code = 0
    for _ in range(2):
        start = time.perf_counter()
        code = subprocess.run(command, capture_output=True, check=False).returncode
        best = min(best, time.perf_counter() - start)
    return best, code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=Path,
                        default=SHARED / "realworld" / "tei" / "escher-500")
    parser.add_argument("--tei-all", type=Path, default=SHARED / "tei-p5" / "4.8.0" /
                        "tei_all.rng")
    parser.add_argument("--label", default=time.strftime("%Y-%m-%d"))
    args = parser.parse_args(argv)
    jing = shutil.which("jing")
    if jing is None:
        print("jing is not installed", file=sys.stderr)
        return 2
    files = sorted(str(p) for p in args.letters.glob("*.xml"))
    teipipe = [sys.executable, "-m", "teipipe", "validate", "-q"]
    schemas = {"tei_all": (args.tei_all, args.tei_all),
               "teipipe": (ROOT / "schema", ROOT / "schema" / "teipipe.rng")}
    rows = []
    for name, (ours, theirs) in schemas.items():
        mine, code = _wall([*teipipe, "--schema", str(ours), str(args.letters)])
        other, jing_code = _wall([jing, "-i", str(theirs), *files])
        rows.append({"schema": name, "files": len(files), "teipipe_wall_s": round(mine, 2),
                     "teipipe_exit": code, "jing_wall_s": round(other, 2),
                     "jing_exit": jing_code, "ratio": round(mine / other, 2)})
    out = HERE / "results" / f"schemas-{args.label}.json"
    out.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    print("| schema | files | teipipe s | jing s | teipipe / jing |")
    print("|---|---|---|---|---|")
    for row in rows:
        print(f"| {row['schema']} | {row['files']} | {row['teipipe_wall_s']} "
              f"(exit {row['teipipe_exit']}) | {row['jing_wall_s']} (exit {row['jing_exit']}) "
              f"| {row['ratio']}× |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
