"""Build the development set: plain texts and their gold from real TEI letter editions.

    python benchmarks/realletters/build.py --realworld ../shared/realworld \\
        [--mirror letters1916=DIR ...] [--per-edition 200] [--out benchmarks/realletters/work]

`--realworld` is the project's folder of third-party files (Escher, Schnitzler);
each `--mirror NAME=DIR` is the bare git directory of an edition in `EDITIONS`
brought with the search tool's `fetch`. Every letter is rendered in the three
shapes; `OUT/texts/<edition>/<id>.<shape>.txt` are the texts and `OUT/gold.jsonl`
holds one record a text (what the scorer compares). Same inputs, same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sys
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from editions import EDITIONS, Edition, files, mirror_commit  # noqa: E402
from gold import GoldLetter, read_letters  # noqa: E402
from render import RENDER, SHAPES, Rendered  # noqa: E402
from split import split_of  # noqa: E402

HERE = Path(__file__).resolve().parent


def letters(edition: Edition, root: Path, limit: int) -> Iterator[GoldLetter]:
    """Up to `limit` letters of the edition that have body text, each id once.

    Files are taken in the order of their ids' hashes, a fixed sample spread over the
    whole edition rather than its first years.
    """
    seen: set[str] = set()
    for _, data in files(edition, root):
        for gold in read_letters(data, edition.name, edition.language, _, edition.adjust,
                                 edition.unpack):
            if len(seen) >= limit:
                return
            if gold.id not in seen:
                seen.add(gold.id)
                yield gold


def _surname(name: str) -> str:
    words = [w for w in name.replace(",", " ").split() if w[:1].isupper()]
    return words[-1].lower() if words else ""


def record(gold: GoldLetter, shape: str, rendered: Rendered, path: str) -> dict[str, object]:
    """What the scorer expects of one text: fields, where the text names them, markers."""
    title = rendered.title.lower()
    sender, recipient = _surname(gold.sender), _surname(gold.recipient)
    salute = (gold.salute + " " + rendered.address).lower()
    dated = gold.dateline + " " + rendered.title
    return {
        "id": f"{gold.edition}/{gold.id}", "edition": gold.edition, "language": gold.language,
        "shape": shape, "split": split_of(f"{gold.edition}/{gold.id}"), "path": path,
        "gold": asdict(gold),
        "date": gold.date, "place": gold.place, "sender": gold.sender,
        "recipient": gold.recipient,
        "names_date": bool(gold.date) and gold.date[:4] in dated,
        "names_place": bool(gold.place) and gold.place.lower() in dated.lower(),
        "names_sender": bool(sender) and (sender in title or sender in gold.signed.lower()),
        "names_recipient": bool(recipient) and (recipient in title or recipient in salute),
        # Named by the letter's own lines, not by a title or address line this
        # benchmark added (score.py --own-lines counts only these).
        "own_date": bool(gold.date) and gold.date[:4] in gold.dateline,
        "own_place": bool(gold.place) and gold.place.lower() in gold.dateline.lower(),
        "own_sender": bool(sender) and sender in gold.signed.lower(),
        "own_recipient": bool(recipient) and recipient in gold.salute.lower(),
        "opener": {"dateline": "" if rendered.dateline_at_end else gold.dateline,
                   "salute": gold.salute},
        "closer": {"salute": gold.closer_salute, "signed": gold.signed,
                   "dateline": gold.dateline if rendered.dateline_at_end else ""},
        "paragraphs": len(gold.paragraphs),
        "markers": rendered.markers,
        "lines": rendered.lines,
        "notes": gold.notes,
    }


def render_letter(gold: GoldLetter, folder: Path, out: Path) -> list[dict[str, object]]:
    """Write the letter in every shape into `folder`; its records, paths relative to `out`.

    Each shape's choices are seeded by the letter's id: same letter, same text.
    """
    records = []
    for shape in SHAPES:
        seed = hashlib.sha256(f"{gold.edition}/{gold.id}/{shape}".encode()).digest()
        rendered = RENDER[shape](gold, random.Random(seed))
        path = folder / f"{gold.id}.{shape}.txt"
        path.write_text(rendered.text, encoding="utf-8")
        records.append(record(gold, shape, rendered, path.relative_to(out).as_posix()))
    return records


def build(out: Path, sources: dict[str, Path], per_edition: int) -> list[dict[str, object]]:
    """Write every text and the gold file; returns the gold records."""
    records: list[dict[str, object]] = []
    for name, root in sources.items():
        edition = EDITIONS[name]
        folder = out / "texts" / name
        if folder.is_dir():
            shutil.rmtree(folder)  # texts of an earlier build are not this build's
        folder.mkdir(parents=True)
        for gold in letters(edition, root, per_edition):
            records.extend(render_letter(gold, folder, out))
    with (out / "gold.jsonl").open("w", encoding="utf-8") as handle:
        for item in records:
            handle.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")
    return records


def sources_of(args: argparse.Namespace) -> dict[str, Path]:
    chosen: dict[str, Path] = {}
    if args.realworld:
        for edition in EDITIONS.values():
            if edition.origin == "realworld":
                chosen[edition.name] = args.realworld
    for item in args.mirror:
        name, _, directory = item.partition("=")
        if name not in EDITIONS or not (EDITIONS[name].origin == "mirror"
                                        or EDITIONS[name].mirror_folders):
            known = ", ".join(n for n, e in EDITIONS.items()
                              if e.origin == "mirror" or e.mirror_folders)
            raise SystemExit(f"build.py: unknown mirrored edition {name!r} (known: {known})")
        chosen[name] = Path(directory)
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--realworld", type=Path, help="the shared realworld/ folder")
    parser.add_argument("--mirror", action="append", default=[], metavar="NAME=DIR",
                        help="a fetched bare git dir of an edition (repeatable)")
    parser.add_argument("--per-edition", type=int, default=200, metavar="N",
                        help="at most N letters of each edition (default 200)")
    parser.add_argument("--out", type=Path, default=HERE / "work",
                        help="work folder for texts and gold.jsonl (default: realletters/work)")
    args = parser.parse_args(argv)
    sources = sources_of(args)
    if not sources:
        parser.error("give --realworld and/or --mirror")
    records = build(args.out, sources, args.per_edition)
    commits = {n: mirror_commit(p) for n, p in sources.items() if (p / "HEAD").is_file()}
    counts: dict[str, int] = {}
    for item in records:
        if item["shape"] == SHAPES[0]:
            counts[str(item["edition"])] = counts.get(str(item["edition"]), 0) + 1
    for name, count in counts.items():
        print(f"{name}: {count} letters × {len(SHAPES)} shapes {commits.get(name, '')}".rstrip())
    print(f"{len(records)} texts in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
