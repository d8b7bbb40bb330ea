"""Experiment: a CRF line labeller against the rule-based readers (issue #12, item 4).

    python benchmarks/realletters/labeller.py [--work DIR] [--json NAME]

Labels every line of a text (`title`, `salute`, `para`, `para-cont`, `note`, `rule`, ...,
the labels `render.py` writes into `gold.jsonl`) with a linear-chain CRF
(python-crfsuite, `pip install -e '.[learn]'`) over features of the line and its
neighbours. Dev split only, leave one edition out: each edition is scored by a
model trained on the dev letters of the other editions. L-BFGS is deterministic,
and the records are read in file order, so the figures repeat run to run.

It prints line-label precision/recall per label and, for body paragraphs, the
boundary F1 (a boundary is the line a body paragraph starts on) and the share of
texts with the exact paragraph count, beside the same two figures for teipipe's
own conversion of the same texts (no sidecar, the reader sniffed). The rules'
paragraph starts are found by locating each body `p` of the written TEI in the
text's lines (its first 24 letters); a `p` that cannot be located counts as a
wrong boundary. This is a measurement, not part of the product.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pycrfsuite  # type: ignore[import-not-found, unused-ignore]

sys.path.insert(0, str(Path(__file__).resolve().parent))

from convert import _EMPTY_REGISTER, _NOT_BODY, TEI, _local, text_of  # noqa: E402
from split import leave_one_edition_out  # noqa: E402

from teipipe import readers, source  # noqa: E402
from teipipe.pipeline import convert_source  # noqa: E402

HERE = Path(__file__).resolve().parent
RESULTS = HERE.parent / "results"
Features = dict[str, float | str]
Record = dict[str, Any]

_MARKER_START = re.compile(r"^\s*(\[\d+\]|\(\d+\)|\d+[.)]|\d+\s|[¹²³⁴-⁹]+|\*)")
_MARKER_IN = re.compile(r"\[\d+\]|\w[¹²³⁴-⁹]|[a-zäöüéèàì,.;]\d{1,3}\b")
_YEAR = re.compile(r"\b1[4-9]\d\d\b")
_RULE = re.compile(r"^\s*[-_=*—–. ]{3,}\s*$")
_PROBE = 24


def _bucket(value: float, edges: tuple[float, ...]) -> str:
    for index, edge in enumerate(edges):
        if value <= edge:
            return str(index)
    return str(len(edges))


def _shape(line: str, width: int) -> Features:
    """What one line looks like, without its neighbours."""
    stripped = line.strip()
    if not stripped:
        return {"blank": 1.0}
    words = stripped.split()
    first = words[0]
    letters = [ch for ch in stripped if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters)
    return {
        "len": _bucket(len(stripped), (3, 10, 25, 45, 70, 100, 200)),
        "fill": _bucket(len(stripped) / max(width, 1), (0.3, 0.6, 0.8, 0.9, 1.0)),
        "words": _bucket(len(words), (1, 2, 4, 8, 15)),
        "indent": _bucket(len(line) - len(line.lstrip(" ")), (0, 1, 3, 8)),
        "end": stripped[-1] if not stripped[-1].isalnum() else ("9" if stripped[-1].isdigit()
                                                               else "a"),
        "start": ("A" if first[0].isupper() else "a" if first[0].isalpha()
                  else "9" if first[0].isdigit() else first[0]),
        "caps": _bucket(upper / max(len(letters), 1), (0.1, 0.3, 0.7)),
        "digits": _bucket(sum(ch.isdigit() for ch in stripped) / len(stripped), (0, 0.05, 0.2)),
        "marker_start": float(bool(_MARKER_START.match(stripped))),
        "marker_in": float(bool(_MARKER_IN.search(stripped))),
        "year": float(bool(_YEAR.search(stripped))),
        "rule": float(bool(_RULE.match(line)) and len(stripped) >= 3),
        "hyphen": float(stripped.endswith(("-", "¬"))),
        "w1": first.lower().strip(".,:;!?[]()")[:12],
        "wlast": words[-1].lower().strip(".,:;!?[]()")[:12],
    }


def _width(lines: list[str]) -> int:
    """The text's wrap width: the 90th percentile of its line lengths."""
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    return lengths[int(len(lengths) * 0.9)] if lengths else 1


def features(lines: list[str], reader: str) -> list[Features]:
    """Every line's features, with those of two lines either side and its place in the text."""
    width = _width(lines)
    shapes = [_shape(line, width) for line in lines]
    filled = [i for i, line in enumerate(lines) if line.strip()]
    rank = {line: n for n, line in enumerate(filled)}
    blank_share = 1 - len(filled) / max(len(lines), 1)
    out: list[Features] = []
    seen_rule = False
    for i, own in enumerate(shapes):
        row: Features = {"bias": 1.0, "reader=" + reader: 1.0,
                         "blanky": _bucket(blank_share, (0.05, 0.3))}
        row.update(own)
        n = rank.get(i)
        if n is not None:
            row["from_start"] = _bucket(n, (0, 1, 2, 4, 8))
            row["from_end"] = _bucket(len(filled) - 1 - n, (0, 1, 2, 4, 8))
            row["pos"] = _bucket(n / max(len(filled), 1), (0.1, 0.3, 0.7, 0.9))
        row["after_rule"] = float(seen_rule)
        before = shapes[i - 1] if i else {"edge": 1.0}
        # A wrapped paragraph ends on a short line with a full stop: the next line starts one.
        row["after_short_stop"] = float(before.get("fill") in {"0", "1", "2", "3"}
                                        and before.get("end") in {".", "!", "?", ":", '"'})
        seen_rule = seen_rule or own.get("rule") == 1.0
        for offset in (-2, -1, 1, 2):
            j = i + offset
            other = shapes[j] if 0 <= j < len(shapes) else {"edge": 1.0}
            for key in ("blank", "edge", "len", "fill", "end", "start", "indent",
                        "marker_start", "rule", "w1"):
                if key in other and (abs(offset) == 1 or key != "w1"):
                    row[f"{offset}:{key}"] = other[key]
        out.append(row)
    return out


def _xseq(rows: list[Features]) -> list[dict[str, float]]:
    """crfsuite's form: string values become indicator features."""
    return [{(k if isinstance(v, float) else f"{k}={v}"): (v if isinstance(v, float) else 1.0)
             for k, v in row.items()} for row in rows]


def load(work: Path) -> list[Record]:
    with (work / "gold.jsonl").open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    return [r for r in records if r["split"] == "dev"]  # the test split is never read


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def rule_starts(lines: list[str], path: str) -> tuple[list[int], int]:
    """The lines teipipe's conversion starts body paragraphs on, and its paragraph count."""
    result = convert_source(source.from_text("\n".join(lines), path),
                            _EMPTY_REGISTER, None)
    if result.tei is None:
        return [], 0
    body = result.tei.tree.getroot().find(f"{{{TEI}}}text/{{{TEI}}}body")
    if body is None:
        return [], 0
    stream, owner = "", []
    for index, line in enumerate(lines):
        piece = _letters(line)
        stream += piece
        owner.extend([index] * len(piece))
    starts: list[int] = []
    count, cursor = 0, 0
    for p in body.iter(f"{{{TEI}}}p"):
        if {_local(a) for a in p.iterancestors()} & _NOT_BODY:
            continue
        count += 1
        probe = _letters(text_of(p))[:_PROBE]
        found = stream.find(probe, cursor) if probe else -1
        if found < 0:
            starts.append(-1 - count)  # not located: a boundary no gold line has
            continue
        starts.append(owner[found])
        cursor = found + len(probe)
    return starts, count


def _f1(right: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = right / predicted if predicted else 0.0
    recall = right / gold if gold else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall)
                               if precision + recall else 0.0)


def run(work: Path) -> dict[str, Any]:
    records = load(work)
    texts: dict[str, list[str]] = {}
    xs: dict[str, list[dict[str, float]]] = {}
    for r in records:
        lines = (work / r["path"]).read_text(encoding="utf-8").split("\n")
        lines = lines[:len(r["lines"])]
        texts[r["path"]] = lines
        reader = readers.sniff(source.from_text("\n".join(lines), r["path"])).name
        xs[r["path"]] = _xseq(features(lines, reader))
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    boundary: dict[str, Counter[str]] = defaultdict(Counter)
    cpu: dict[str, float] = {}
    for edition, train, scored in leave_one_edition_out(records):
        started = time.process_time()
        trainer = pycrfsuite.Trainer(verbose=False)
        for r in train:
            trainer.append(xs[r["path"]], r["lines"])
        trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": 150,
                            "feature.possible_transitions": True})
        model = work / f"labeller-{edition}.crfsuite"
        trainer.train(str(model))
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model))
        cpu[edition] = time.process_time() - started
        for r in scored:
            predicted = tagger.tag(xs[r["path"]])
            for gold, guess in zip(r["lines"], predicted, strict=True):
                confusion[gold][guess] += 1
            gold_starts = {i for i, lab in enumerate(r["lines"]) if lab == "para"}
            crf_starts = {i for i, lab in enumerate(predicted) if lab == "para"}
            rules, rule_count = rule_starts(texts[r["path"]], r["path"])
            for group in (edition, r["shape"], "all"):
                tally = boundary[group]
                tally["texts"] += 1
                tally["gold"] += len(gold_starts)
                tally["crf_pred"] += len(crf_starts)
                tally["crf_right"] += len(gold_starts & crf_starts)
                tally["crf_exact"] += len(crf_starts) == len(gold_starts)
                tally["rule_pred"] += rule_count
                tally["rule_right"] += len(gold_starts & set(rules))
                tally["rule_exact"] += rule_count == len(gold_starts)
        tagger.close()
        model.unlink()
    return {"confusion": confusion, "boundary": boundary, "train_cpu_s": cpu}


def report(found: dict[str, Any]) -> list[str]:
    confusion: dict[str, Counter[str]] = found["confusion"]
    out = ["| label | lines | precision | recall |", "|---|---|---|---|"]
    predicted: Counter[str] = Counter()
    for row in confusion.values():
        predicted.update(row)
    total = right = 0
    for label in sorted(confusion, key=lambda lab: -sum(confusion[lab].values())):
        n = sum(confusion[label].values())
        hit = confusion[label][label]
        total, right = total + n, right + hit
        out.append(f"| {label} | {n} | {hit / max(predicted[label], 1):.1%} | {hit / n:.1%} |")
    out.append(f"| all lines | {total} | | {right / total:.1%} accuracy |")
    out += ["", "| edition | texts | CRF boundary P / R / F1 | CRF count exact | "
            "rules boundary P / R / F1 | rules count exact |", "|---|---|---|---|---|---|"]
    for group, t in sorted(found["boundary"].items(),
                           key=lambda kv: (kv[0] == "all", "-" in kv[0], kv[0])):
        crf = _f1(t["crf_right"], t["crf_pred"], t["gold"])
        rule = _f1(t["rule_right"], t["rule_pred"], t["gold"])
        out.append(f"| {group} | {t['texts']} | " + " / ".join(f"{v:.1%}" for v in crf)
                   + f" | {t['crf_exact'] / t['texts']:.1%} ({t['crf_exact']}) | "
                   + " / ".join(f"{v:.1%}" for v in rule)
                   + f" | {t['rule_exact'] / t['texts']:.1%} ({t['rule_exact']}) |")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=HERE / "work")
    parser.add_argument("--json", metavar="NAME")
    args = parser.parse_args(argv)
    found = run(args.work)
    print("\n".join(report(found)))
    if args.json:
        RESULTS.mkdir(exist_ok=True)
        path = RESULTS / f"labeller-{args.json}.json"
        path.write_text(json.dumps(found, indent=1, sort_keys=True), encoding="utf-8")
        print(f"wrote {path.relative_to(HERE.parent.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
