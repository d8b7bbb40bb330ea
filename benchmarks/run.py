"""Benchmark teipipe on generated corpora: per-stage cost, whole builds, and the ratios that matter.

Usage: python benchmarks/run.py --count 1000 [--count 10000] [--full] [--label NAME]

Every measurement runs in a child process of its own, so its peak RSS and CPU seconds are its
own. Results go to benchmarks/results/<label>.json and a Markdown table is printed. Generated
corpora are kept under --work (default a folder of the temporary directory) and reused.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(SRC))

import peers  # noqa: E402  (beside this file, found through the path set above)

# Stages that read the TEI a build wrote (validation, XSLT, corpus outputs).
TEI_STAGES = ("relaxng", "schematron", "html", "text", "cmif", "site")


def child(argv: list[str], cwd: Path | None = None, src: Path = SRC) -> dict[str, Any]:
    """Run a child, return its wall time, CPU seconds, peak RSS, and its JSON output if any;
    `src`: the teipipe sources it imports (this checkout's unless said)."""
    env = dict(os.environ, PYTHONPATH=str(src))
    started = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    out = proc.stdout.read() if proc.stdout else b""
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    result: dict[str, Any] = {"wall_s": round(wall, 3),
                              "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
                              "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
                              "exit": os.waitstatus_to_exitcode(status)}
    text = out.decode().strip().splitlines()
    if text and text[-1].startswith("{"):
        result["report"] = json.loads(text[-1])
    return result


def stage_child(project: Path, stage: str) -> None:
    """In a child: run the stages up to `stage` on every text, timing only `stage`."""
    from teipipe import passes, readers, source
    from teipipe.diagnostics import Reporter
    from teipipe.passes import Context, Options
    from teipipe.project import sidecar
    from teipipe.project.register import load
    from teipipe.writers.tei import write

    register, _ = load(project / "corpus" / "register.toml", "register.toml")
    wall = cpu = 0.0
    files = sorted((project / "corpus" / "texts").glob("*.txt"))
    for path in files:
        data = path.read_bytes()
        side, _ = sidecar.load(path, path.name)
        w0, c0 = time.perf_counter(), time.process_time()
        src = source.from_bytes(data, path.name)
        reporter = Reporter()
        document = readers.sniff(src).read(src, reporter)
        w1, c1 = time.perf_counter(), time.process_time()
        if stage != "read":
            ctx = Context(register=register, reporter=reporter, sidecar=side, options=Options())
            document = passes.run(document, ctx)
        w2, c2 = time.perf_counter(), time.process_time()
        if stage == "write":
            write(document, register, "../../schema/").to_bytes()
        w3, c3 = time.perf_counter(), time.process_time()
        spans = {"read": (w1 - w0, c1 - c0), "passes": (w2 - w1, c2 - c1),
                 "write": (w3 - w2, c3 - c2)}[stage]
        wall, cpu = wall + spans[0], cpu + spans[1]
    print(json.dumps({"stage_wall_s": wall, "stage_cpu_s": cpu}))


def tei_stage_child(project: Path, stage: str) -> None:
    """In a child: one stage on every TEI the build wrote; setup (schema or stylesheet
    compilation, parsing the input for validation) is timed apart from the stage itself."""
    from lxml import etree

    from teipipe import validation
    from teipipe.project import edition
    from teipipe.project.layout import SHIPPED_SCHEMA
    from teipipe.project.register import load
    from teipipe.publish import cmif, site
    from teipipe.publish.transform import OUTPUTS, Transformer

    files = sorted((project / "corpus" / "tei").glob("*.xml"))
    w0, c0 = time.perf_counter(), time.process_time()
    wall = cpu = 0.0
    if stage in ("relaxng", "schematron"):
        validator = validation.load(SHIPPED_SCHEMA)
        w1, c1 = time.perf_counter(), time.process_time()
        setup = (w1 - w0, c1 - c0)
        for path in files:
            tree = etree.parse(str(path))
            s0, t0 = time.perf_counter(), time.process_time()
            # Schematron takes the parsed tree, as `Validator.validate` gives it: handing it
            # to Saxon (`saxon.from_tree`) is part of the stage.
            if stage == "relaxng":
                validator.grammar.check(tree)
            else:
                validator.schematron.run(tree)
            wall, cpu = wall + time.perf_counter() - s0, cpu + time.process_time() - t0
    else:
        engine = Transformer()
        for fmt in ("html", "cmif") if stage == "site" else (stage,):
            engine.executable(OUTPUTS[fmt])
        register, _ = load(project / "corpus" / "register.toml", "register.toml")
        chosen, _ = edition.load(project / "corpus" / "edition.toml", "edition.toml")
        w1, c1 = time.perf_counter(), time.process_time()
        setup = (w1 - w0, c1 - c0)
        with tempfile.TemporaryDirectory() as out:
            if stage == "cmif":
                cmif.export(files, engine, chosen)
            elif stage == "site":
                site.build_site(files, register, chosen, Path(out), engine)
            else:
                for path in files:
                    (Path(out) / f"{path.stem}.out").write_text(
                        engine.apply_file(OUTPUTS[stage], path), encoding="utf-8")
            wall, cpu = time.perf_counter() - w1, time.process_time() - c1
    print(json.dumps({"stage_wall_s": wall, "stage_cpu_s": cpu, "files": len(files),
                      "setup_wall_s": setup[0], "setup_cpu_s": setup[1]}))


def floor_child(project: Path) -> None:
    """In a child: lxml parse + serialize of every TEI the build wrote (the floor of any build)."""
    from lxml import etree

    started, cpu = time.perf_counter(), time.process_time()
    for path in sorted((project / "corpus" / "tei").glob("*.xml")):
        etree.tostring(etree.parse(str(path)), encoding="UTF-8", xml_declaration=True)
    print(json.dumps({"stage_wall_s": time.perf_counter() - started,
                      "stage_cpu_s": time.process_time() - cpu}))


def teipipe(project: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "teipipe", "build", "--project", str(project), "-q", *extra]


def corpus(work: Path, count: int, seed: int) -> tuple[Path, int]:
    import generate

    project = work / f"synth-{count}-seed{seed}"
    if not (project / "corpus" / "texts").is_dir():
        generate.generate(project, count, seed, jobs=os.cpu_count() or 1)
    size = sum(p.stat().st_size for p in (project / "corpus" / "texts").glob("*.txt"))
    return project, size


def rates(files: int, size: int, wall: float) -> dict[str, float]:
    return {"files_per_s": round(files / wall, 1), "mb_per_s": round(size / 1e6 / wall, 2)}


def one_text_changed(project: Path) -> tuple[Path, bytes]:
    """Append a sentence to the first text (a typical edit); the text and its old bytes."""
    text = sorted((project / "corpus" / "texts").glob("*.txt"))[0]
    before = text.read_bytes()
    text.write_bytes(before + b"\nA sentence the editor added after checking the manuscript.\n")
    return text, before


def measure(work: Path, count: int, seed: int, cores: int,
            builds_only: bool = False) -> dict[str, Any]:
    project, size = corpus(work, count, seed)
    me = [sys.executable, str(Path(__file__).resolve())]
    out: dict[str, Any] = {"files": count, "text_mb": round(size / 1e6, 2), "stages": {}}
    for stage in () if builds_only else ("read", "passes", "write"):
        run = child([*me, "--child-stage", stage, "--project", str(project)])
        wall = run["report"]["stage_wall_s"]
        out["stages"][stage] = {**rates(count, size, wall), "wall_s": round(wall, 3),
                                "cpu_s": round(run["report"]["stage_cpu_s"], 3),
                                "peak_rss_mb": run["peak_rss_mb"]}
    builds: dict[str, Any] = {}
    kinds = (("serial", ("--executor", "serial")),
             ("1_worker", ("--executor", "processes", "--jobs", "1")),
             ("all_cores", ("--executor", "processes", "--jobs", str(cores))))
    for label, extra in kinds[2:] if builds_only else kinds:
        shutil.rmtree(project / "corpus" / "tei", ignore_errors=True)
        shutil.rmtree(project / ".teipipe-cache", ignore_errors=True)
        shutil.rmtree(project / "build", ignore_errors=True)
        run = child(teipipe(project, *extra))
        builds[label] = {**run, **rates(count, size, run["wall_s"])}
    builds["no_change_rebuild"] = child(teipipe(project, "--jobs", str(cores)))
    changed, before = one_text_changed(project)
    builds["one_text_changed"] = child(teipipe(project, "--jobs", str(cores)))
    changed.write_bytes(before)  # as generated again, so later runs can reuse the corpus
    child(teipipe(project, "--jobs", str(cores)))  # and the TEI and site back in step
    floor = child([*me, "--child-floor", "--project", str(project)])
    builds["floor_lxml"] = {"wall_s": round(floor["report"]["stage_wall_s"], 3),
                            "cpu_s": round(floor["report"]["stage_cpu_s"], 3),
                            "peak_rss_mb": floor["peak_rss_mb"]}
    out["builds"] = builds
    tei = sorted((project / "corpus" / "tei").glob("*.xml"))
    tei_mb = sum(p.stat().st_size for p in tei) / 1e6
    out["tei_files"], out["tei_mb"] = len(tei), round(tei_mb, 2)
    for stage in () if builds_only else TEI_STAGES:
        run = child([*me, "--child-stage", stage, "--project", str(project)])
        if "report" not in run:
            out["stages"][stage] = {"error": f"exit {run['exit']}"}
            continue
        rep = run["report"]
        wall = max(rep["stage_wall_s"], 1e-9)
        out["stages"][stage] = {"files_per_s": round(rep["files"] / wall, 1),
                                "mb_per_s": round(tei_mb / wall, 2),
                                "wall_s": round(wall, 3), "cpu_s": round(rep["stage_cpu_s"], 3),
                                "peak_rss_mb": run["peak_rss_mb"],
                                "setup_wall_s": round(rep["setup_wall_s"], 3)}
    # Both validators take the files as arguments, which the system caps in length.
    fits = count <= 20_000
    out["validate_vs_jing"] = peers.validate_vs_jing(project, child) if fits else \
        "not run: too many files for one command line"
    out["validate_vs_java"] = peers.java_peer(project, child) if fits else \
        "not run: too many files for one command line"
    out["conversion_vs_floor"] = peers.conversion_vs_floor(out["stages"], builds["floor_lxml"],
                                                           count)
    return out


def ratios(results: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    counts = sorted(results, key=int)
    for count in counts:
        b = results[count]["builds"]
        floor, full = b["floor_lxml"]["wall_s"], b["all_cores"]["wall_s"]
        out[count] = {
            "build_all_cores_vs_floor": round(full / floor, 1),
            "no_change_rebuild_vs_full": round(b["no_change_rebuild"]["wall_s"] / full, 3),
            "one_text_changed_vs_full": round(b["one_text_changed"]["wall_s"] / full, 3),
            "peak_rss_mb_max": max(x["peak_rss_mb"] for x in
                                   [*b.values(), *results[count]["stages"].values()]
                                   if "peak_rss_mb" in x)}
        if "serial" in b:
            out[count]["build_serial_vs_floor"] = round(b["serial"]["wall_s"] / floor, 1)
            out[count]["one_worker_vs_all_cores"] = round(b["1_worker"]["wall_s"] / full, 2)
        vj = results[count]["validate_vs_jing"]
        if isinstance(vj, dict):
            out[count]["validate_vs_jing"] = vj["ratio_teipipe_vs_jing"]
        peer = results[count].get("validate_vs_java")
        if isinstance(peer, dict):
            out[count]["validate_vs_java_wall"] = peer["ratio_wall_teipipe_vs_java"]
            out[count]["validate_vs_java_cpu"] = peer["ratio_cpu_teipipe_vs_java"]
        conv = results[count].get("conversion_vs_floor")
        if isinstance(conv, dict):
            out[count]["conversion_vs_floor"] = conv["ratio_conversion_vs_floor"]
    for small, large in zip(counts, counts[1:], strict=False):
        per = {c: results[c]["builds"]["all_cores"]["wall_s"] / int(c) for c in (small, large)}
        out[f"cost_per_file_{small}_to_{large}"] = round(per[large] / per[small], 2)
    return out


def table(results: dict[str, Any], summary: dict[str, Any]) -> str:
    rows = ["| files | measurement | wall s | CPU s | files/s | MB/s | peak RSS MB |",
            "|---:|---|---:|---:|---:|---:|---:|"]
    for count, res in sorted(results.items(), key=lambda kv: int(kv[0])):
        for stage, s in res["stages"].items():
            if "error" in s:
                rows.append(f"| {count} | stage: {stage} | {s['error']} | | | | |")
                continue
            rows.append(f"| {count} | stage: {stage} | {s['wall_s']} | {s['cpu_s']} | "
                        f"{s['files_per_s']} | {s['mb_per_s']} | {s['peak_rss_mb']} |")
        for name, b in res["builds"].items():
            rows.append(f"| {count} | build: {name} | {b['wall_s']} | {b.get('cpu_s', '')} | "
                        f"{b.get('files_per_s', '')} | {b.get('mb_per_s', '')} | "
                        f"{b['peak_rss_mb']} |")
        vj = res["validate_vs_jing"]
        if isinstance(vj, dict):
            for name in ("teipipe", "jing"):
                v = vj[name]
                rows.append(f"| {count} | validate: {name} (exit {v['exit']}) | {v['wall_s']} | "
                            f"{v['cpu_s']} | {round(vj['files'] / v['wall_s'], 1)} | | "
                            f"{v['peak_rss_mb']} |")
        rows += peers.peer_rows(count, res)
    rows += ["", "Ratios: " + json.dumps(summary)]
    return "\n".join(rows)


def bundled_copy(work: Path) -> Path:
    """A fresh copy of the repository's own project (corpus, schema, stylesheets)."""
    project = work / "bundled"
    shutil.rmtree(project, ignore_errors=True)
    for folder in ("corpus", "schema", "xslt"):
        shutil.copytree(HERE.parent / folder, project / folder, symlinks=True)
    return project


def build_cpu_child(project: Path, runs: int) -> None:
    """In a child: build once to load and compile everything a build keeps per process
    (word lists, schema, stylesheets), then time `runs` serial builds from scratch and
    print the least CPU: the per-document work, without the start-up."""
    import io
    from contextlib import redirect_stderr

    from teipipe.machinery.steps import build
    from teipipe.project.layout import Project

    def once() -> float:
        for folder in ("corpus/tei", "build", ".teipipe-cache"):
            shutil.rmtree(project / folder, ignore_errors=True)
        started = time.process_time()
        with redirect_stderr(io.StringIO()):
            state = build(Project(project), check=False, stream=io.StringIO(), use_cache=False)
        assert not state.failed, [d.format() for d in state.diagnostics][:5]
        return time.process_time() - started

    once()
    print(json.dumps({"cpu_s": min(once() for _ in range(runs))}))


def per_document(work: Path, count: int, seed: int, runs: int = 3) -> dict[str, Any]:
    """CPU seconds per document of a serial build from scratch (conversion, alignment,
    validation, pages, CMIF, site) in a warm process, the least of `runs`: the bundled
    corpus, with its translation pair, and `count` generated letters."""
    me = [sys.executable, str(Path(__file__).resolve())]
    out: dict[str, Any] = {}
    for name, project in (("bundled", bundled_copy(work)), (f"generated_{count}",
                                                            corpus(work, count, seed)[0])):
        documents = len(list((project / "corpus" / "texts").glob("*.txt")))
        run = child([*me, "--child-build-cpu", str(runs), "--project", str(project)])
        cpu = run["report"]["cpu_s"]
        out[name] = {"documents": documents, "cpu_s": round(cpu, 3),
                     "cpu_ms_per_document": round(1000 * cpu / documents, 1)}
    return out


def per_document_table(now: dict[str, Any], before: dict[str, Any] | None) -> str:
    rows = ["| corpus | documents | CPU s | CPU ms / document | before, ms / document |",
            "|---|---|---|---|---|"]
    for name, m in now.items():
        old = (before or {}).get(name, {}).get("cpu_ms_per_document", "")
        rows.append(f"| {name} | {m['documents']} | {m['cpu_s']} | "
                    f"{m['cpu_ms_per_document']} | {old} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, action="append", help="texts (repeatable)")
    parser.add_argument("--full", action="store_true", help="also 100,000 texts")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--label", default=datetime.date.today().isoformat())
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "teipipe-bench")
    parser.add_argument("--child-stage", choices=("read", "passes", "write", *TEI_STAGES))
    parser.add_argument("--builds-only", action="store_true",
                        help="no per-stage rows and no serial or one-worker builds (for "
                             "100,000 texts, where each of those takes long)")
    parser.add_argument("--child-floor", action="store_true")
    parser.add_argument("--child-build-cpu", type=int, metavar="RUNS")
    parser.add_argument("--project", type=Path)
    parser.add_argument("--per-document", action="store_true",
                        help="only the CPU per document of serial builds from scratch in a warm "
                             "process, of the bundled corpus and of --count generated letters "
                             "(default 300)")
    parser.add_argument("--before", help="with --per-document: the label of an earlier "
                                         "--per-document run to print beside this one")
    parser.add_argument("--conversion", action="store_true",
                        help="only the conversion-vs-floor row, on --count generated letters "
                             "(default 1000), each stage the least CPU of --runs")
    parser.add_argument("--runs", type=int, default=1,
                        help="with --conversion or --java-peer (default 1)")
    parser.add_argument("--java-peer", action="store_true",
                        help="only the Java-peer row, --runs rounds, on --count generated "
                             "letters (default 10000)")
    parser.add_argument("--compare-src", type=Path, metavar="DIR",
                        help="with --java-peer: another teipipe src folder run beside this one")
    args = parser.parse_args(argv)
    if args.java_peer:
        return java_peer_main(args)
    if args.conversion:
        return conversion_main(args)
    if args.per_document:
        return per_document_main(args)
    if args.child_stage in TEI_STAGES:
        tei_stage_child(args.project, args.child_stage)
        return 0
    if args.child_stage:
        stage_child(args.project, args.child_stage)
        return 0
    if args.child_build_cpu:
        build_cpu_child(args.project, args.child_build_cpu)
        return 0
    if args.child_floor:
        floor_child(args.project)
        return 0
    counts = sorted(set((args.count or [1000]) + ([100_000] if args.full else [])))
    cores = len(os.sched_getaffinity(0))
    results = {str(c): measure(args.work, c, args.seed, cores, args.builds_only)
               for c in counts}
    summary = ratios(results)
    machine = {"python": platform.python_version(), "system": platform.system(),
               "machine": platform.machine(), "cores": cores,
               "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30)}
    # Other work on the machine skews wall times; the load average says how much there was.
    machine["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    report = {"label": args.label, "seed": args.seed, "machine": machine,
              "results": results, "ratios": summary}
    target = HERE / "results" / f"{args.label}.json"
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"machine: {machine}\n")
    print(table(results, summary))
    print(f"\nwritten: benchmarks/results/{target.name}")
    return 0


def conversion_main(args: argparse.Namespace) -> int:
    """Only the conversion-vs-floor row: the read, passes and write stages and the lxml floor
    on one generated corpus (its TEI built afresh first), each the least CPU of --runs."""
    count = (args.count or [1000])[0]
    project, _size = corpus(args.work, count, args.seed)
    for folder in ("corpus/tei", ".teipipe-cache", "build"):
        shutil.rmtree(project / folder, ignore_errors=True)
    cores = len(os.sched_getaffinity(0))
    child(teipipe(project, "--jobs", str(cores)))
    me = [sys.executable, str(Path(__file__).resolve())]

    def least(argv: list[str]) -> dict[str, float]:
        runs = [child(argv) for _ in range(args.runs)]
        best = min(runs, key=lambda r: r["report"]["stage_cpu_s"])
        return {"cpu_s": round(best["report"]["stage_cpu_s"], 3),
                "wall_s": round(best["report"]["stage_wall_s"], 3),
                "peak_rss_mb": best["peak_rss_mb"]}

    stages = {stage: least([*me, "--child-stage", stage, "--project", str(project)])
              for stage in ("read", "passes", "write")}
    floor = least([*me, "--child-floor", "--project", str(project)])
    result = {"files": count, "runs": args.runs, "stages": stages, "floor_lxml": floor,
              "conversion_vs_floor": peers.conversion_vs_floor(stages, floor, count)}
    report = {"label": args.label, "seed": args.seed, "conversion": result,
              "load_average_after": [round(x, 2) for x in os.getloadavg()]}
    target = HERE / "results" / f"{args.label}.json"
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result["conversion_vs_floor"], indent=2))
    print(f"\nwritten: benchmarks/results/{target.name}")
    return 0


def java_peer_main(args: argparse.Namespace) -> int:
    """Only the Java-peer row, --runs rounds on --count generated letters (their TEI built
    once and reused); with --compare-src, another teipipe (an earlier commit's src folder)
    validates the same files in each round right after this one, for a paired comparison."""
    count = (args.count or [10_000])[0]
    project, _size = corpus(args.work, count, args.seed)
    if not any((project / "corpus" / "tei").glob("*.xml")):
        child(teipipe(project, "--jobs", str(len(os.sched_getaffinity(0)))))
    others = {"compared": args.compare_src.resolve()} if args.compare_src else None
    rounds = []
    for _ in range(args.runs):
        before = [round(x, 2) for x in os.getloadavg()]
        row = peers.java_peer(project, child, others)
        if isinstance(row, str):
            print(row)
            return 0
        rounds.append({**row, "load_average_before": before,
                       "load_average_after": [round(x, 2) for x in os.getloadavg()]})
        print(json.dumps({k: v for k, v in rounds[-1].items() if k.startswith(("ratio", "load"))}))
    machine = {"python": platform.python_version(), "cores": len(os.sched_getaffinity(0)),
               "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
                                  / 2**30)}
    report = {"label": args.label, "seed": args.seed, "files": count, "machine": machine,
              "compared_src": args.compare_src.name if args.compare_src else None,
              "rounds": rounds}
    target = HERE / "results" / f"{args.label}.json"
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten: benchmarks/results/{target.name}")
    return 0


def per_document_main(args: argparse.Namespace) -> int:
    count = (args.count or [300])[0]
    results = per_document(args.work, count, args.seed)
    target = HERE / "results" / f"{args.label}.json"
    target.parent.mkdir(exist_ok=True)
    report = {"label": args.label, "seed": args.seed, "per_document": results,
              "load_average_after": [round(x, 2) for x in os.getloadavg()]}
    target.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    before = None
    if args.before:
        before = json.loads((HERE / "results" / f"{args.before}.json").read_text(
            encoding="utf-8"))["per_document"]
    print(per_document_table(results, before))
    print(f"\nwritten: benchmarks/results/{target.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
