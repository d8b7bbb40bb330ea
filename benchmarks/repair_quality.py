"""Precision and recall of the repairs on hand-checked OCR damage; false repairs on clean texts.

Run from the project folder: `PYTHONPATH=src python benchmarks/repair_quality.py`.
The hand-checked list is evaluation data only; the pass never reads it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from teipipe.model import Choice
from teipipe.pipeline import convert_file
from teipipe.project.register import Register
from teipipe.project.register import load as load_register
from teipipe.walk import iter_inline_runs

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT / "corpus" / "texts"
OCR_LETTER = TEXTS / "1936-07-30_trotsky-to-serge_fr.txt"
TRUTH = ROOT / "benchmarks" / "data" / "repairs_trotsky_1936-07-30_fr.tsv"

Repair = tuple[int, int, str, str]
"""(line, column, source form, corrected form)."""


def truth(path: Path) -> set[Repair]:
    rows = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            number, column, source, correct = line.split("\t")[:4]
            rows.add((int(number), int(column), source, correct))
    return rows


def repairs_of(path: Path, register: Register) -> set[Repair]:
    result = convert_file(path, path.name, register)
    if result.document is None:
        raise SystemExit(f"{path.name}: could not be converted")
    return {(n.loc.line, n.loc.column, n.original, n.edited)
            for run in iter_inline_runs(result.document) for n in run
            if isinstance(n, Choice) and n.kind == "correction"}


def main() -> int:
    register, _ = load_register(TEXTS.parent / "register.toml", "register.toml")
    expected, found = truth(TRUTH), repairs_of(OCR_LETTER, register)
    right = expected & found
    precision = len(right) / len(found) if found else 1.0
    recall = len(right) / len(expected) if expected else 1.0
    print(f"OCR letter {OCR_LETTER.name}: {len(found)} repairs, {len(right)} right, "
          f"{len(expected)} true damages")
    print(f"precision {precision:.3f}  recall {recall:.3f}")
    for item in sorted(found - expected):
        print(f"  false repair   {item[0]}:{item[1]} {item[2]!r} -> {item[3]!r}")
    for item in sorted(expected - found):
        print(f"  missed damage  {item[0]}:{item[1]} {item[2]!r} -> {item[3]!r}")
    false_on_clean = 0
    for path in sorted(TEXTS.glob("*_en.txt")):
        count = len(repairs_of(path, register))
        false_on_clean += count
        print(f"clean text {path.name}: {count} repairs")
    print(f"repairs on clean texts: {false_on_clean}")
    return 0 if false_on_clean == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
