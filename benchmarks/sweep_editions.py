"""Sweep other editions' TEI through teipipe: validation beside jing, and the html, text and
cmif outputs, one table row per edition.

    python benchmarks/sweep_editions.py DIR... [--schema FILE] [--rng FILE] [--map URL=FILE]
    python benchmarks/sweep_editions.py --config editions.toml [--sample N] [--json OUT]

Each DIR is one edition (its name is the folder's); its `.xml` files are found at any depth,
those whose root is not TEI or teiCorpus are left out, and `--sample N` keeps N of them
evenly spread (default 40). A config file lists editions with their own schema:

    [[edition]]
    name = "tillich"
    path = "tillich-briefe-data/data/editions"    # relative to the config file
    schema = "tillich-briefe-data/odd/tillich-briefe.odd"   # teipipe validate --schema
    rng = "tillich-briefe-data/odd/out/tillich-briefe.rng"  # what jing checks (default: schema)
    map = ["https://example.org/x.rng=local/x.rng"]          # teipipe validate --map

Columns: files; files teipipe finds invalid; RELAX NG errors jing reports, teipipe's at
jing's line:column in jing's words, at the place only, jing's it does not report and
teipipe's jing does not; crashes (exit 3) and hangs (over 300 s) of validate and the three
outputs; files without a page, pages that are not valid HTML5 (a parse error or an id used
twice), pages and texts that leave out a word of the body; whether the CMIF is valid for
the CMIF RELAX NG; outputs that name a path of this machine.
teipipe runs as `python -m teipipe` of the interpreter running this script; jing and
html5lib are needed for their columns.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import html5lib  # type: ignore[import-untyped]
from lxml import etree

try:
    from teipipe.publish.outputs import output_names
except ImportError:  # a teipipe from before mirrored output folders: flat names
    def output_names(files: list[Path], out: Path, extension: str) -> dict[Path, Path]:
        return {path: out / f"{path.stem}{extension}" for path in files}

TEI = "http://www.tei-c.org/ns/1.0"
CMIF_RNG = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "cmif" / \
    "cmi-customization.rng"
"""The CMIF RELAX NG where the project's shared material lies beside it (`--cmif-rng`)."""
WORD = re.compile(r"\w+")
JING_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?:fatal )?error: (?P<msg>.*)$")
SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)


@dataclass
class Edition:
    """One edition to sweep: its files and how to validate them."""

    name: str
    files: list[Path]
    schema: Path | None = None
    rng: Path | None = None
    maps: list[str] = field(default_factory=list)


@dataclass
class Row:
    """The counts of one edition's sweep."""

    name: str
    files: int = 0
    invalid: int = 0
    jing: int = 0
    same: int = 0
    place_only: int = 0
    missed: int = 0
    extra: int = 0
    crashes: int = 0
    hangs: int = 0
    no_page: int = 0
    bad_html: int = 0
    words_html: int = 0
    words_text: int = 0
    cmif: str = "-"
    host_paths: int = 0
    notes: list[str] = field(default_factory=list)


def is_tei(path: Path) -> bool:
    try:
        root = etree.parse(str(path), SAFE).getroot()
    except etree.XMLSyntaxError:
        return True  # teipipe should say why it cannot read it
    return root.tag in (f"{{{TEI}}}TEI", f"{{{TEI}}}teiCorpus")


def spread(files: list[Path], count: int) -> list[Path]:
    if count <= 0 or len(files) <= count:
        return files
    step = len(files) / count
    return [files[int(i * step)] for i in range(count)]


TIMEOUT = 300
"""Seconds one teipipe command may take before it counts as hanging (exit code -1)."""


def teipipe(*args: str) -> tuple[int, list[dict[str, object]]]:
    try:
        run = subprocess.run([sys.executable, "-m", "teipipe", *args, "--format", "json"],
                             capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return -1, []
    try:
        found = json.loads(run.stdout or "[]")
    except json.JSONDecodeError:
        found = []
    return run.returncode, found


def jing_errors(rng: Path, files: list[Path]) -> Counter[tuple[str, int, int, str]]:
    run = subprocess.run(["jing", str(rng), *map(str, files)], capture_output=True, text=True)
    found: Counter[tuple[str, int, int, str]] = Counter()
    for line in run.stdout.splitlines():
        match = JING_LINE.match(line)
        if match:
            found[(str(Path(match["path"]).resolve()), int(match["line"]), int(match["col"]),
                   match["msg"])] += 1
    return found


def compare(row: Row, edition: Edition, diagnostics: list[dict[str, object]]) -> None:
    ours: Counter[tuple[str, int, int, str]] = Counter()
    for d in diagnostics:
        if str(d["code"]).startswith(("relaxng.", "xml.duplicate-id")):
            ours[(str(Path(str(d["path"])).resolve()), int(str(d["line"])),
                  int(str(d["column"])), str(d["message"]))] += 1
    rng = edition.rng or (edition.schema if edition.schema and edition.schema.suffix == ".rng"
                          else None)
    if rng is None or shutil.which("jing") is None:
        row.jing = -1
        return
    theirs = jing_errors(rng, edition.files)
    row.jing = sum(theirs.values())
    row.same = sum((ours & theirs).values())
    places = Counter(k[:3] for k in (ours - theirs).elements())
    jing_places = Counter(k[:3] for k in (theirs - ours).elements())
    row.place_only = sum((places & jing_places).values())
    row.missed = sum((jing_places - places).values())
    row.extra = sum((places - jing_places).values())
    for key in list((theirs - ours).elements())[:3]:
        row.notes.append(f"jing only: {Path(key[0]).name}:{key[1]}:{key[2]}: {key[3]}")
    for key in list((ours - theirs).elements())[:3]:
        row.notes.append(f"teipipe only: {Path(key[0]).name}:{key[1]}:{key[2]}: {key[3]}")


PREFERRED = ("reg", "corr", "expan")


def _unread(node: etree._Element) -> bool:
    """Whether `node` is a reading the text output leaves out by design: a choice's other
    readings (it gives the regularised, corrected or expanded one, else the first) and an
    apparatus's readings beside its lemma (or first reading). The page keeps them in a
    tooltip."""
    parent = node.getparent()
    if parent is None or not isinstance(node.tag, str):
        return False
    if parent.tag == f"{{{TEI}}}app":
        shown = parent.find(f"{{{TEI}}}lem")
        shown = shown if shown is not None else parent.find(f"{{{TEI}}}rdg")
        return node.tag == f"{{{TEI}}}rdg" and node is not shown
    if parent.tag != f"{{{TEI}}}choice":
        return False
    children = [c for c in parent if isinstance(c.tag, str)]
    chosen = next((c for name in PREFERRED for c in children if c.tag == f"{{{TEI}}}{name}"),
                  children[0] if children else None)
    return node is not chosen


def body_words(path: Path, every_reading: bool = True) -> set[str]:
    """The words of the body (casefolded); without `every_reading`, only those of the
    readings the text output gives."""
    try:
        root = etree.parse(str(path), SAFE).getroot()
    except etree.XMLSyntaxError:
        return set()
    words: set[str] = set()
    for body in root.iter(f"{{{TEI}}}body"):
        for node in body.iter():
            if not every_reading and any(_unread(n) for n in node.iterancestors()):
                continue  # inside a reading left out: its text and its children's tails
            own = node.text if isinstance(node.tag, str) and (
                every_reading or not _unread(node)) else None
            for text in (own, node.tail):
                if text:
                    words.update(w.casefold() for w in WORD.findall(str(text)))
    return words


def page_words(page: str) -> tuple[set[str], bool]:
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("lxml"), strict=False)
    document = parser.parse(page)
    words: set[str] = set()
    ids = [e.get("id") for e in document.getroot().iter() if isinstance(e.tag, str)
           and e.get("id")]
    for element in document.getroot().iter():
        if not isinstance(element.tag, str):
            continue
        for text in (element.text, element.tail, element.get("title")):
            if isinstance(text, str):
                words.update(w.casefold() for w in WORD.findall(text))
    return words, not parser.errors and len(ids) == len(set(ids))


def lost_words(words: set[str], seen: set[str], flat: str) -> set[str]:
    """Words of the body that are not in the output, neither whole nor inside a longer word
    (a word rejoined across a line break, `aner<lb break="no"/>kennenden`), compared in
    Unicode's composed form (a source may write ῶ as ω and a combining accent)."""
    def nfc(word: str) -> str:
        return unicodedata.normalize("NFC", word)
    seen_nfc, flat_nfc = {nfc(w) for w in seen}, nfc(flat)
    return {w for w in words if nfc(w) not in seen_nfc and nfc(w) not in flat_nfc}


def outputs(row: Row, edition: Edition, work: Path, cmif_rng: Path) -> None:
    hosts = {str(p.resolve().parent) for p in edition.files}
    for fmt in ("html", "text", "cmif"):
        out = work / fmt
        code, found = teipipe("transform", "--to", fmt, "--out", str(out),
                              *map(str, edition.files))
        row.crashes += code == 3
        row.hangs += code == -1
        for d in found:
            if d.get("severity") == "error" and len(row.notes) < 12:
                row.notes.append(f"{fmt}: {Path(str(d['path'])).name}: {d['code']}: "
                                 f"{str(d['message'])[:160]}")
        for made in out.rglob("*.*") if out.is_dir() else []:
            row.host_paths += made.is_file() and any(
                h in made.read_text("utf-8", "replace") for h in hosts)
    pages = output_names(edition.files, work / "html", ".html")
    texts = output_names(edition.files, work / "text", ".txt")
    for path in edition.files:
        words = body_words(path)
        read = body_words(path, every_reading=False)
        page, text = pages[path], texts[path]
        if not page.is_file():
            row.no_page += 1
        else:
            seen, clean = page_words(page.read_text("utf-8"))
            row.bad_html += not clean
            lost = lost_words(words, seen, "".join(sorted(seen)))
            row.words_html += bool(lost)
            if lost and len(row.notes) < 12:
                row.notes.append(f"html lost in {path.name}: {sorted(lost)[:8]}")
        if text.is_file():
            said = [w.casefold() for w in WORD.findall(text.read_text("utf-8"))]
            lost = lost_words(read, set(said), "".join(said))
            row.words_text += bool(lost)
            if lost and len(row.notes) < 12:
                row.notes.append(f"text lost in {path.name}: {sorted(lost)[:8]}")
    cmif = work / "cmif" / "cmif.xml"
    if not cmif.is_file():
        row.cmif = "none"
    elif shutil.which("jing") and cmif_rng.is_file():
        run = subprocess.run(["jing", str(cmif_rng), str(cmif)], capture_output=True, text=True)
        row.cmif = "valid" if run.returncode == 0 else \
            f"invalid ({len(run.stdout.splitlines())})"


def sweep(edition: Edition, cmif_rng: Path) -> Row:
    row = Row(edition.name, files=len(edition.files))
    args = [*(["--schema", str(edition.schema)] if edition.schema else [])]
    for item in edition.maps:
        args += ["--map", item]
    code, found = teipipe("validate", "-j", "1", *args, *map(str, edition.files))
    row.crashes += code == 3
    row.hangs += code == -1
    row.invalid = len({d["path"] for d in found if d.get("severity") == "error"})
    for d in found:
        if not str(d["code"]).startswith("relaxng.") and d.get("severity") == "error" \
                and len(row.notes) < 6:
            row.notes.append(f"validate: {Path(str(d['path'])).name}:{d['line']}: "
                             f"{d['code']}: {str(d['message'])[:160]}")
    compare(row, edition, found)
    with tempfile.TemporaryDirectory(prefix="sweep-") as work:
        outputs(row, edition, Path(work), cmif_rng)
    return row


def editions_of(args: argparse.Namespace) -> list[Edition]:
    found: list[Edition] = []
    if args.config:
        config = tomllib.loads(args.config.read_text("utf-8"))
        base = args.config.parent
        for entry in config.get("edition", []):
            def here(key: str, entry: dict[str, str] = entry) -> Path | None:
                return (base / entry[key]).resolve() if key in entry else None
            folder = here("path")
            assert folder is not None, f"edition {entry.get('name')} has no path"
            found.append(Edition(entry.get("name", folder.name), collect(folder, args.sample),
                                 here("schema"), here("rng"), list(entry.get("map", []))))
    for folder in args.dirs:
        found.append(Edition(folder.name, collect(folder, args.sample), args.schema, args.rng,
                             list(args.map)))
    return found


def collect(folder: Path, sample: int) -> list[Path]:
    files = sorted(p.resolve() for p in folder.rglob("*.xml") if is_tei(p))
    return spread(files, sample)


HEAD = ("edition", "files", "invalid", "jing errors", "same", "place only", "jing only",
        "teipipe only", "crashes", "hangs", "no page", "bad html", "words lost html",
        "words lost text", "cmif", "host paths")


def table(rows: list[Row]) -> str:
    lines = ["| " + " | ".join(HEAD) + " |", "|" + "---|" * len(HEAD)]
    for r in rows:
        cells = (r.name, r.files, r.invalid, "n/a" if r.jing < 0 else r.jing, r.same,
                 r.place_only, r.missed, r.extra, r.crashes, r.hangs, r.no_page, r.bad_html,
                 r.words_html, r.words_text, r.cmif, r.host_paths)
        lines.append("| " + " | ".join(map(str, cells)) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path, metavar="DIR")
    parser.add_argument("--config", type=Path, help="TOML with [[edition]] tables")
    parser.add_argument("--schema", type=Path, help="teipipe validate --schema, for every DIR")
    parser.add_argument("--rng", type=Path, help="the RELAX NG jing checks (default: --schema)")
    parser.add_argument("--map", action="append", default=[], metavar="URL=FILE")
    parser.add_argument("--sample", type=int, default=40, help="files per edition (0: all)")
    parser.add_argument("--cmif-rng", type=Path, default=CMIF_RNG,
                        help="the CMIF RELAX NG (default: ../shared/schemas/cmif/)")
    parser.add_argument("--json", type=Path, help="also write the rows and notes here")
    parser.add_argument("--notes", action="store_true", help="print examples of each problem")
    args = parser.parse_args()
    rows = []
    for edition in editions_of(args):
        rows.append(sweep(edition, args.cmif_rng))
        print(f"swept {edition.name}: {len(edition.files)} files", file=sys.stderr)
        if args.notes:
            print("\n".join(f"  {n}" for n in rows[-1].notes), file=sys.stderr)
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in rows], indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
