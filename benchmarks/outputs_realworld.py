"""Reading pages and CMIF of other editions' TEI: every letter of the shared real-world set
(escher, escher-500, schnitzler), timed, each page checked as the tests check it.

    python benchmarks/outputs_realworld.py [--shared ../shared]

Prints, per edition: letters, pages made, valid pages (html5lib strict parse and the
content-model walk of tests/support/html5check.py), pages per second, and whether the
edition's CMIF is valid for the CMIF RELAX NG (jing, when installed).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from support import html5check  # noqa: E402
from teipipe.project.edition import Edition  # noqa: E402
from teipipe.publish import cmif  # noqa: E402
from teipipe.publish.transform import OUTPUTS, Transformer, TransformError  # noqa: E402

EDITION = Edition(title="benchmark", base_url="https://letters.edition.ch/", date="2024-01-01")


def pages(files: list[Path], engine: Transformer) -> tuple[int, int, float]:
    made = valid = 0
    started = time.perf_counter()
    results = []
    for path in files:
        try:
            results.append(engine.apply_file(OUTPUTS["html"], path))
        except TransformError as error:
            print(f"{path.name}: {error}", file=sys.stderr)
    elapsed = time.perf_counter() - started
    for page in results:
        made += 1
        valid += not html5check.problems(page)
    return made, valid, elapsed


def cmif_valid(files: list[Path], engine: Transformer, rng: Path) -> str:
    data, _ = cmif.export(files, engine, EDITION)
    if shutil.which("jing") is None:
        return "jing missing"
    with tempfile.NamedTemporaryFile(suffix=".xml") as out:
        out.write(data)
        out.flush()
        run = subprocess.run(["jing", str(rng), out.name], capture_output=True, text=True)
    return "valid" if run.returncode == 0 else f"invalid: {run.stdout.splitlines()[:2]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    engine = Transformer()
    engine.executable(OUTPUTS["html"])  # compiled before the clock starts
    rng = args.shared / "schemas" / "cmif" / "cmi-customization.rng"
    print("| edition | letters | pages | valid pages | pages/s | CMIF |")
    print("|---|---|---|---|---|---|")
    for edition in ("escher", "escher-500", "schnitzler"):
        files = sorted((args.shared / "realworld" / "tei" / edition).glob("*.xml"))
        made, valid, elapsed = pages(files, engine)
        print(f"| {edition} | {len(files)} | {made} | {valid} | {made / elapsed:.0f} | "
              f"{cmif_valid(files, engine, rng)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
