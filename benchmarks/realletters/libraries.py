"""Measure well-kept libraries against teipipe's own recognisers on the development set.

    pip install dateparser lingua-language-detector   # measured here, not dependencies
    python benchmarks/realletters/libraries.py [--work DIR] [--split dev]

Dates: every date line of the gold (opener or closer) of a letter dated to the
day, read by `teipipe.language.dates.read_dateline` (with the century of the
text's full years) and by `dateparser.search.search_dates` in the letter's
language; right when the day is the gold's. Languages: each letter's web-archive
text, by `teipipe.language.identify.guess` and by lingua restricted to the five
languages; right when the language is the edition's. CPU per item for each.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from teipipe.language.dates import read_dateline
from teipipe.language.identify import guess
from teipipe.passes.correspondence import century_of

HERE = Path(__file__).resolve().parent


def _records(work: Path, split: str) -> list[dict[str, object]]:
    with (work / "gold.jsonl").open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    return [r for r in records if split == "all" or r["split"] == split]


def _timed(function: Callable[[], bool]) -> tuple[bool, float]:
    started = time.process_time()
    right = function()
    return right, time.process_time() - started


def _report(name: str, results: list[tuple[bool, float]]) -> None:
    right = sum(ok for ok, _ in results)
    cpu = sum(spent for _, spent in results)
    print(f"| {name} | {right}/{len(results)} = {right / len(results):.1%} | "
          f"{1000 * cpu / len(results):.2f} |")


def dates(work: Path, records: list[dict[str, object]]) -> None:
    from dateparser.search import search_dates  # type: ignore[import-not-found]

    lines: dict[tuple[str, str, str], str] = {}
    for record in records:
        gold = str(record["date"])
        for part in ("opener", "closer"):
            line = dict(record[part]).get("dateline")  # type: ignore[call-overload]
            if line and record["names_date"] and len(gold) == 10:
                lines.setdefault((line, gold, str(record["language"])), str(record["path"]))
    ours, theirs = [], []
    for (line, gold, language), path in lines.items():
        century = century_of((work / path).read_text(encoding="utf-8").splitlines())

        def teipipe_reads(line: str = line, gold: str = gold,
                          century: int | None = century) -> bool:
            found = read_dateline(line, century)
            return found is not None and found.date.when == gold

        def dateparser_reads(line: str = line, gold: str = gold,
                             language: str = language) -> bool:
            found = search_dates(line, languages=[language], settings={
                "REQUIRE_PARTS": ["day", "month", "year"]})
            return bool(found) and found[-1][1].strftime("%Y-%m-%d") == gold

        ours.append(_timed(teipipe_reads))
        theirs.append(_timed(dateparser_reads))
    print("| date lines | right | CPU ms a line |\n|---|---|---|")
    _report("teipipe `read_dateline`", ours)
    _report("dateparser `search_dates`", theirs)


def languages(work: Path, records: list[dict[str, object]]) -> None:
    from lingua import Language, LanguageDetectorBuilder  # type: ignore[import-not-found]

    codes = {Language.GERMAN: "de", Language.ENGLISH: "en", Language.FRENCH: "fr",
             Language.ITALIAN: "it", Language.SPANISH: "es"}
    detector = LanguageDetectorBuilder.from_languages(*codes).build()
    ours, theirs = [], []
    for record in records:
        if not str(record["path"]).endswith(".web-archive.txt"):
            continue
        text = (work / str(record["path"])).read_text(encoding="utf-8")
        language = record["language"]
        ours.append(_timed(lambda text=text, language=language: guess(text) == language))
        theirs.append(_timed(lambda text=text, language=language: codes.get(
            detector.detect_language_of(text[:20_000])) == language))
    print("\n| languages | right | CPU ms a letter |\n|---|---|---|")
    _report("teipipe `identify.guess`", ours)
    _report("lingua (five languages)", theirs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=HERE / "work")
    parser.add_argument("--split", default="dev", choices=("dev", "test", "all"))
    args = parser.parse_args()
    records = _records(args.work, args.split)
    dates(args.work, records)
    languages(args.work, records)


if __name__ == "__main__":
    main()
