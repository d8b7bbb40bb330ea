"""Write a seeded synthetic teipipe project: N letters in three shapes, sidecars and a register.

Usage: python benchmarks/generate.py --count 10000 --out DIR [--seed 1] [--jobs 2]

Every text is drawn from its own random source seeded by (seed, index), so the
same seed gives the same bytes whatever the count or the number of jobs, and the
first 1,000 texts of a 10,000 corpus are the 1,000 corpus. Files are written as
they are made; nothing of the corpus is kept in memory.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from letters import SHAPES, Person, make_letter  # noqa: E402
from shapes import RENDER  # noqa: E402

FIRST = ("Victor Léon Marthe Jean Pierre Alfred Emma Gaston Natalia Simone Maurice Isaac Rosa "
         "Karl Boris Anna Louise Marcel Henri Paul Clara Nadia Ida Otto Lucien Jeanne Rudolf "
         "Vera Andrés Elsa").split()
LAST = ("Martin Leblanc Durand Rosmer Monatte Louzon Weil Dommanget Leval Goldman Body Souvarine "
        "Naville Collinet Ciliga Vereecken Sneevliet Brandler Thalheimer Nin Andrade Gorkin "
        "Maslow Fischer Kautsky Pivert Guérin Lefeuvre Chazé Prudhommeaux Lazarévitch").split()
PLACES = ("Paris Brussels Lyon Marseille Geneva Zurich Berlin Vienna Prague Barcelona Madrid "
          "Amsterdam London Oslo Mexico Moscow Leningrad Orenburg Brest Nantes").split()
# Used when wordfreq is not installed, so the generator needs nothing beyond Python.
BUILTIN = {
    "en": ("the of and to a in that is was he for it with as his on be at by i this had not are "
           "but from or have an they which you were her she there been one all we their has would "
           "when who will more no if out so said what up its about into than them can only other "
           "time new some could these two may first then do any like my now over such our man me "
           "even most made after also did many before must through back years where much your way "
           "well down should because each just those people how too little state good very make "
           "world still own see men work long here get both between life being under never day "
           "same another know while last might us great old year off come since against go came "
           "right used take three party comrades letter revolution question movement workers "
           "friends paper struggle opinion position") .split(),
    "fr": ("de la le et les des en un du une que est pour qui dans par plus pas au sur ne se il "
           "ce sont nous vous elle avec mais ou son sa ses aux tout comme été leur on je cette "
           "était ont deux même bien aussi fait encore peut sans lui entre tous après leurs dont "
           "depuis avant dire très fois alors autres ainsi contre temps rien notre votre ici "
           "camarades lettre révolution question mouvement ouvriers amis journal lutte opinion "
           "position parti travail jamais toujours pourtant").split(),
}


# Web-frequency lists are full of these; letters of the period are not.
_UNFIT = re.compile(r"fuck|shit|sex|porn|dick|bitch|ass$|damn|cunt|piss|cock|nigg|gay|xxx")


@dataclass(frozen=True)
class Settings:
    """What the whole corpus shares: seed, register people and places, vocabularies."""

    seed: int
    persons: tuple[Person, ...]
    pairs: tuple[tuple[int, int], ...]
    """Correspondences: pairs of person indexes that write to each other again and again."""


def ascii_id(name: str) -> str:
    """A TOML bare key and XML id part: accents dropped, lower case."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


def make_settings(seed: int, persons: int = 120, pairs: int = 60) -> Settings:
    rng = random.Random(f"register:{seed}")
    people: list[Person] = []
    for index in range(persons):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        people.append(Person(f"{ascii_id(last)}-{ascii_id(first)}-{index:03d}", first, last))
    couples = tuple(tuple(rng.sample(range(persons), 2)) for _ in range(pairs))
    return Settings(seed, tuple(people), couples)  # type: ignore[arg-type]


@cache
def vocabulary(language: str) -> tuple[tuple[str, ...], tuple[float, ...], str]:
    """Words and cumulative Zipf weights; from wordfreq's top list when it is installed."""
    source = "builtin"
    try:
        import wordfreq
        listed = [w for w in wordfreq.top_n_list(language, 4000)
                  if w.isalpha() and len(w) > 1 and not _UNFIT.search(w)]
        source = "wordfreq"
    except ImportError:
        listed = BUILTIN[language]
    cumulative = tuple(itertools.accumulate(1.0 / (rank + 8) for rank in range(len(listed))))
    return tuple(listed), cumulative, source


def toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def register_toml(settings: Settings) -> str:
    lines = ["# Synthetic register written by benchmarks/generate.py.", ""]
    for person in settings.persons:
        lines += [f"[person.{person.id}]", f"name = {toml_string(person.name)}", ""]
    for place in PLACES:
        lines += [f"[place.{place.lower()}]", f"name = {toml_string(place)}", ""]
    return "\n".join(lines)


def sidecar_toml(kind: str, language: str, sender: Person, recipient: Person, place: str,
                 date: tuple[int, int, int], title: str) -> str:
    iso = "{:04d}-{:02d}-{:02d}".format(*date)
    return "\n".join([
        "[document]", f'kind = "{kind}"', f'language = "{language}"',
        f"title = {toml_string(title)}", f'authors = ["{sender.id}"]', "",
        "[sent]", f'persons = ["{sender.id}"]', f'place = "{place.lower()}"', f'date = "{iso}"',
        "", "[received]", f'persons = ["{recipient.id}"]', "",
        "[notes]", 'type = "editorial"', ""])


def one_text(settings: Settings, index: int) -> tuple[str, str, str]:
    """File stem, text and sidecar of text number `index`."""
    rng = random.Random(f"text:{settings.seed}:{index}")
    shape = rng.choices(SHAPES, weights=(4, 3, 3))[0]
    language = "en" if rng.random() < 0.6 else "fr"
    a, b = rng.choice(settings.pairs)
    sender, recipient = (settings.persons[a], settings.persons[b])
    if rng.random() < 0.5:
        sender, recipient = recipient, sender
    date = (rng.randint(1890, 1950), rng.randint(1, 12), rng.randint(1, 28))
    size = int(3000 * 10 ** rng.uniform(0, 1))  # log-uniform, 3 to 30 KB
    vocab, weights, _source = vocabulary(language)
    names = [p.name for p in rng.sample(settings.persons, 4)]
    letter = make_letter(rng, language, date, sender, recipient, vocab, weights, size, names)
    text = RENDER[shape](letter, rng)
    # The title the web-archive shape prints, so the sidecar agrees with the text.
    title = (f"Letter to {recipient.name}" if language == "en"
             else f"Lettre à {recipient.name}")
    stem = f"{index:06d}_{shape}_{language}"
    side = sidecar_toml("letter", language, sender, recipient, rng.choice(PLACES), date, title)
    return stem, text, side


def write_range(settings: Settings, texts: Path, indexes: Sequence[int]) -> int:
    """Write the texts of `indexes`; returns the bytes written (texts only)."""
    written = 0
    for index in indexes:
        stem, text, side = one_text(settings, index)
        data = text.encode("utf-8")
        (texts / f"{stem}.txt").write_bytes(data)
        (texts / f"{stem}.toml").write_text(side, encoding="utf-8")
        written += len(data)
    return written


def chunks(count: int, size: int) -> Iterator[range]:
    for start in range(0, count, size):
        yield range(start, min(count, start + size))


def generate(out: Path, count: int, seed: int = 1, jobs: int = 1) -> int:
    """Write the project under `out`; returns the bytes of text written."""
    settings = make_settings(seed)
    texts = out / "corpus" / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    (out / "corpus" / "register.toml").write_text(register_toml(settings), encoding="utf-8")
    if jobs <= 1:
        return write_range(settings, texts, range(count))
    with ProcessPoolExecutor(jobs) as pool:
        parts = pool.map(write_range, itertools.repeat(settings), itertools.repeat(texts),
                         chunks(count, 500))
        return sum(parts)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True, help="project folder to write")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=1, help="processes (output is the same)")
    args = parser.parse_args(argv)
    written = generate(args.out, args.count, args.seed, args.jobs)
    print(f"{args.count} texts, {written / 1e6:.1f} MB, vocabulary from "
          f"{vocabulary('en')[2]}, in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
