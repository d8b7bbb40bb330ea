"""How exactly teipipe's RELAX NG errors reproduce jing's, on real TEI from other editions.

    PYTHONPATH=src python benchmarks/jing_agreement.py [--sample 100] [--label NAME]

For each grammar (the official TEI Stylesheets compiles of tei_lite, tei_bare,
tei_corpus and CMIF's cmi-customization in ../shared/realworld/odd/official/, and
../shared/tei-p5/4.8.0/tei_all.rng) jing runs once on a sample of the real letters of
../shared/realworld/tei (every letter of `escher` and `schnitzler`, then an even spread
of `escher-500` up to --sample files), and teipipe validates the same files in this
process. Printed per grammar: jing's errors, teipipe's grammar errors, how many of
teipipe's fall on the file:line:col of one of jing's, how many also say the same
message, and teipipe's errors that match none of jing's places (extras). Errors are
matched as multisets. Writes results/jing-agreement-<label>.json.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
TEI = SHARED / "realworld" / "tei"
OFFICIAL = SHARED / "realworld" / "odd" / "official"
GRAMMARS = {name: OFFICIAL / f"{name}.rng"
            for name in ("tei_lite", "tei_bare", "tei_corpus", "cmi-customization")}
GRAMMARS["tei_all"] = SHARED / "tei-p5" / "4.8.0" / "tei_all.rng"
_JING = re.compile(r"^(.*?):(\d+):(\d+): error: (.*)$")

Error = tuple[str, int, int, str]
"""(file name, line, column, message)."""


def sample(count: int) -> list[Path]:
    """Every letter of escher and schnitzler, then escher-500 evenly up to `count`."""
    chosen = sorted([*(TEI / "escher").glob("*.xml"), *(TEI / "schnitzler").glob("*.xml")])
    more = sorted((TEI / "escher-500").glob("*.xml"))
    wanted = max(0, count - len(chosen))
    if wanted and more:
        step = max(1, len(more) // wanted)
        chosen += more[::step][:wanted]
    return chosen[:count]


def jing_errors(jing: str, grammar: Path, files: list[Path]) -> list[Error]:
    run = subprocess.run([jing, str(grammar), *map(str, files)], capture_output=True,
                         text=True, check=False)
    found = []
    for line in run.stdout.splitlines():
        match = _JING.match(line)
        if match:
            found.append((_key(Path(match[1])), int(match[2]), int(match[3]), match[4]))
    return found


def _key(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def teipipe_errors(grammar: Path, files: list[Path]) -> list[Error]:
    from teipipe.validation import load_files, reduce, sources
    from teipipe.xml import safexml

    # As `teipipe validate` does: a big grammar is cut to the elements of the run's files.
    names: set[reduce.Name] = set()
    for path in files:
        tree, _problems = safexml.read(path, path.name)
        if tree is not None:
            names |= reduce.element_names(tree)
    validator = load_files(sources.SchemaFiles(rng=str(grammar)), frozenset(names))
    found = []
    for path in files:
        for problem in validator.validate_file(path, path.as_posix()):
            if problem.code.startswith("relaxng."):
                found.append((_key(path), problem.location.line, problem.location.column,
                              problem.message))
    return found


def compare(theirs: list[Error], ours: list[Error]) -> dict[str, int]:
    places = Counter(e[:3] for e in theirs)
    same_place = sum((Counter(e[:3] for e in ours) & places).values())
    same_message = sum((Counter(ours) & Counter(theirs)).values())
    return {"jing": len(theirs), "teipipe": len(ours), "place": same_place,
            "place+message": same_message, "extras": len(ours) - same_place}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--label", default=time.strftime("%Y-%m-%d"))
    parser.add_argument("--only", action="append", help="a grammar name (repeatable)")
    parser.add_argument("--show", type=int, default=0,
                        help="print this many unmatched errors of each side per grammar")
    args = parser.parse_args(argv)
    jing = shutil.which("jing")
    if jing is None:
        print("jing is not installed", file=sys.stderr)
        return 2
    files = sample(args.sample)
    rows = {}
    print(f"{len(files)} files\n")
    print("| grammar | jing | teipipe | same file:line:col | same + message | extras | "
          "teipipe s |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, grammar in GRAMMARS.items():
        if args.only and name not in args.only:
            continue
        theirs = jing_errors(jing, grammar, files)
        start = time.perf_counter()
        ours = teipipe_errors(grammar, files)
        seconds = time.perf_counter() - start
        row = compare(theirs, ours)
        rows[name] = {**row, "seconds": round(seconds, 2)}
        print(f"| {name} | {row['jing']} | {row['teipipe']} | {row['place']} | "
              f"{row['place+message']} | {row['extras']} | {seconds:.1f} |")
        for label, left, right in (("jing only", theirs, ours), ("teipipe only", ours, theirs)):
            missing = list((Counter(left) - Counter(right)).elements())
            for error in sorted(missing)[:args.show]:
                print(f"    {label}: {error[0]}:{error[1]}:{error[2]}: {error[3][:160]}")
    out = HERE / "results" / f"jing-agreement-{args.label}.json"
    out.write_text(json.dumps({"files": len(files), "grammars": rows}, indent=2) + "\n",
                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
