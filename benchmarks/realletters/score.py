"""Score teipipe's conversion (no sidecar) of the development set against its gold.

    python benchmarks/realletters/score.py --split dev [--work DIR] [--edition NAME]
                                          [--by edition] [--own-lines] [--salute-only]
                                          [--json [NAME]] [--show FIELD] [--strict-place]

Reads `WORK/gold.jsonl` written by `build.py`, converts every text of the split
in process as `teipipe convert` would without a sidecar (empty register, the
reader sniffed), and prints the share right per field for each language × shape
(`--by edition`: for each edition × shape).
`--json` also writes `benchmarks/results/realletters-<NAME>.json` (default NAME:
the split). `--show FIELD` lists the texts that got FIELD wrong, for debugging.
`--strict-place` compares places without the allowances `compare.py` describes.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import compare  # noqa: E402
from compare import FIELDS, judge  # noqa: E402
from convert import convert_text  # noqa: E402

HERE = Path(__file__).resolve().parent
RESULTS = HERE.parent / "results"
Tally = dict[str, list[int]]
"""field → [right, counted]."""


def load(work: Path, split: str, edition: str | None) -> list[dict[str, object]]:
    with (work / "gold.jsonl").open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    return [r for r in records if (split == "all" or r["split"] == split)
            and (edition is None or r["edition"] == edition)]


def score(work: Path, records: list[dict[str, object]], show: str | None = None,
          by: str = "language",
          own_lines: bool = False, salute_only: bool = False
          ) -> tuple[dict[str, Tally], list[dict[str, object]]]:
    """Per `language/shape` group (or `edition/shape`): field → [right, counted]; and each
    text's verdicts."""
    groups: dict[str, Tally] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    verdicts: list[dict[str, object]] = []
    for item in records:
        text = (work / str(item["path"])).read_text(encoding="utf-8")
        started = time.process_time()
        result = convert_text(text, str(item["path"]))
        cpu = time.process_time() - started
        marks = judge(item, result, own_lines, salute_only)
        marks["cpu"] = (round(cpu * 1000), 1)
        verdicts.append({"path": item["path"], "marks": marks})
        for key in (f"{item[by]}/{item['shape']}", f"{item[by]}/all",
                    f"all/{item['shape']}", "all/all"):
            for name, (right, counted) in marks.items():
                groups[key][name][0] += right
                groups[key][name][1] += counted
        if show and show in marks and marks[show][0] < marks[show][1]:
            print(f"{item['path']}: {show} {marks[show][0]}/{marks[show][1]}"
                  f" expected {_expected(item, show)} found {result.summary(show)}",
                  file=sys.stderr)
    return {k: dict(v) for k, v in groups.items()}, verdicts


def _expected(item: dict[str, object], name: str) -> str:
    """What the gold holds for a field, as `--show` prints it."""
    value = {"notes": [(m["before"], m["note"]) for m in item["markers"]][:3],  # type: ignore[attr-defined]
             "lossless": "no loss", "converted": "no error"}.get(name, item.get(name, ""))
    return repr(value)[:300]


def _cell(right: int, counted: int) -> str:
    return f"{100 * right / counted:.0f}% ({right}/{counted})" if counted else "–"


def table(groups: dict[str, Tally]) -> str:
    """Markdown: a row per language × shape (then per language, per shape, all)."""
    header = ["texts", *FIELDS, "CPU ms/letter"]
    lines = ["| group | " + " | ".join(header) + " |", "|---" * (len(header) + 1) + "|"]
    order = sorted(groups, key=lambda k: (k.startswith("all"), k.endswith("/all"), k))
    for key in order:
        tally = groups[key]
        texts = tally["converted"][1]
        cpu = tally["cpu"][0] / max(1, tally["cpu"][1])
        cells = [str(texts), *(_cell(*tally.get(f, [0, 0])) for f in FIELDS), f"{cpu:.0f}"]
        lines.append(f"| {key} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _compact(groups: dict[str, Tally]) -> dict[str, str]:
    """A group's tally as one line, `right/counted` per field in FIELDS order, then CPU."""
    return {key: " ".join(f"{tally.get(f, [0, 0])[0]}/{tally.get(f, [0, 0])[1]}"
                          for f in (*FIELDS, "cpu")) for key, tally in sorted(groups.items())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--work", type=Path, default=HERE / "work")
    parser.add_argument("--edition", help="score one edition only")
    parser.add_argument("--json", nargs="?", const="", metavar="NAME",
                        help="also write the table to benchmarks/results/realletters-NAME.json")
    parser.add_argument("--texts", type=Path, metavar="FILE",
                        help="write every text's verdicts to FILE (JSON lines)")
    parser.add_argument("--show", metavar="FIELD", help="list texts with FIELD wrong")
    parser.add_argument("--own-lines", action="store_true",
                        help="count date, place and names only where the letter's own lines "
                             "(dateline, salutation, signature) state them, not a title line")
    parser.add_argument("--salute-only", action="store_true",
                        help="an edition's salute must be found as salute (not as the "
                             "opener's address line it often is)")
    parser.add_argument("--by", choices=("language", "edition"), default="language",
                        help="group rows by language (default) or by edition")
    parser.add_argument("--strict-place", action="store_true",
                        help="compare places on their letters only: no allowance for an "
                             "editor's qualifier or another language's name of the place")
    args = parser.parse_args(argv)
    compare.STRICT_PLACE = args.strict_place
    if not (args.work / "gold.jsonl").is_file():
        parser.error(f"{args.work} has no gold.jsonl: run build.py first")
    records = load(args.work, args.split, args.edition)
    if not records:
        parser.error(f"no texts of split {args.split!r} in {args.work} (run build.py first)")
    groups, verdicts = score(args.work, records, args.show, args.by, args.own_lines,
                             args.salute_only)
    print(table(groups))
    if args.json is not None:
        RESULTS.mkdir(exist_ok=True)
        out = RESULTS / f"realletters-{args.json or args.split}.json"
        out.write_text(json.dumps({"split": args.split, "edition": args.edition, "by": args.by,
                                   "fields": FIELDS, "groups": _compact(groups)},
                                  ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                       encoding="utf-8")
        print(f"wrote {out.relative_to(HERE.parents[1])}")
    if args.texts is not None:
        with args.texts.open("w", encoding="utf-8") as handle:
            for verdict in verdicts:
                handle.write(json.dumps(verdict, ensure_ascii=False, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
