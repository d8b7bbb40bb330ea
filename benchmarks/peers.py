"""The two rows of issue #16: `teipipe validate` against the Java toolchain editors use in CI
(jing for RELAX NG plus Saxon-HE Java for Schematron), and conversion against the lxml floor.

Both are called by run.py; `child` is its child-process runner (wall, CPU, peak RSS, exit).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

Child = Callable[..., dict[str, Any]]
SAXON_JAR = Path("/usr/share/java/Saxon-HE.jar")
KEYS = ("wall_s", "cpu_s", "peak_rss_mb", "exit")


def schematron_xslt(target: Path) -> Path:
    """teipipe's shipped Schematron, compiled by teipipe's own compiler, written for Java."""
    from lxml import etree

    from teipipe.project.layout import SHIPPED_SCHEMA
    from teipipe.validation.schematron import to_xslt

    rules = etree.parse(str(SHIPPED_SCHEMA / "teipipe.sch")).getroot()
    target.write_bytes(etree.tostring(to_xslt(rules), xml_declaration=True, encoding="UTF-8"))
    return target


def validate_vs_jing(project: Path, child: Child) -> dict[str, Any] | str:
    """`teipipe validate` (RELAX NG + Schematron) against one jing JVM (RELAX NG only), both
    given every TEI file the build wrote, by relative name, from the TEI folder."""
    from teipipe.project.layout import SHIPPED_SCHEMA

    jing_bin = shutil.which("jing")
    if jing_bin is None:
        return "skipped: jing is not on PATH"
    tei = project / "corpus" / "tei"
    files = [p.name for p in sorted(tei.glob("*.xml"))]
    jing = child([jing_bin, str(SHIPPED_SCHEMA / "teipipe.rng"), *files], cwd=tei)
    ours = child([sys.executable, "-m", "teipipe", "validate", "-q",
                  "--schema", str(SHIPPED_SCHEMA), *files], cwd=tei)
    return {"files": len(files),
            "jing": {k: jing[k] for k in ("wall_s", "cpu_s", "peak_rss_mb", "exit")},
            "teipipe": {k: ours[k] for k in ("wall_s", "cpu_s", "peak_rss_mb", "exit")},
            "ratio_teipipe_vs_jing": round(ours["wall_s"] / jing["wall_s"], 2)}


def java_peer(project: Path, child: Child,
              others: dict[str, Path] | None = None) -> dict[str, Any] | str:
    """`teipipe validate` (RELAX NG + Schematron, one process) against jing (one JVM over every
    file) plus Saxon-HE Java (one JVM over the TEI folder) running the same Schematron, all
    on the TEI files the build wrote, in one run. Ratio: teipipe wall / (jing + Saxon wall).
    `others`: more teipipe sources (label: its src folder, say an earlier commit's), each
    run right after this one's on the same files, for a paired before and after."""
    from teipipe.project.layout import SHIPPED_SCHEMA

    jing_bin, java_bin = shutil.which("jing"), shutil.which("java")
    if jing_bin is None or java_bin is None or not SAXON_JAR.is_file():
        return "skipped: needs jing and java on PATH and " + str(SAXON_JAR)
    tei = project / "corpus" / "tei"
    files = [p.name for p in sorted(tei.glob("*.xml"))]
    with tempfile.TemporaryDirectory() as work:
        xsl = schematron_xslt(Path(work) / "teipipe-sch.xsl")
        out = Path(work) / "out"
        out.mkdir()
        jing = child([jing_bin, str(SHIPPED_SCHEMA / "teipipe.rng"), *files], cwd=tei)
        saxon = child([java_bin, "-cp", str(SAXON_JAR), "net.sf.saxon.Transform",
                       f"-s:{tei}", f"-xsl:{xsl}", f"-o:{out}"])
        reports = len(list(out.iterdir()))
    command = [sys.executable, "-m", "teipipe", "validate", "-q",
               "--schema", str(SHIPPED_SCHEMA), *files]
    ours = child(command, cwd=tei)
    java_wall = jing["wall_s"] + saxon["wall_s"]
    java_cpu = jing["cpu_s"] + saxon["cpu_s"]
    found = {"files": len(files), "saxon_reports": reports,
             "jing": {k: jing[k] for k in KEYS}, "saxon_java": {k: saxon[k] for k in KEYS},
             "teipipe": {k: ours[k] for k in KEYS},
             "java_wall_s": round(java_wall, 3), "java_cpu_s": round(java_cpu, 3),
             "ratio_wall_teipipe_vs_java": round(ours["wall_s"] / java_wall, 2),
             "ratio_cpu_teipipe_vs_java": round(ours["cpu_s"] / java_cpu, 2)}
    for label, src in (others or {}).items():
        theirs = child(command, cwd=tei, src=src)
        found[f"teipipe_{label}"] = {k: theirs[k] for k in KEYS}
        found[f"ratio_cpu_teipipe_{label}_vs_java"] = round(theirs["cpu_s"] / java_cpu, 2)
    return found


def conversion_vs_floor(stages: dict[str, Any], floor: dict[str, Any],
                        files: int) -> dict[str, Any] | str:
    """CPU of read + passes + write per letter against the CPU of lxml parsing and
    serialising the TEI the build wrote for it (the floor), as milliseconds and a ratio."""
    if not all(s in stages for s in ("read", "passes", "write")) or "cpu_s" not in floor:
        return "not run: needs the read, passes and write stages (not with --builds-only)"
    if floor["cpu_s"] <= 0:
        return ("not measured: the lxml floor took no CPU, so no TEI was found to parse "
                "(check that the build wrote corpus/tei in the work folder)")
    per = {s: 1000 * stages[s]["cpu_s"] / files for s in ("read", "passes", "write")}
    floor_ms = 1000 * floor["cpu_s"] / files
    conversion = sum(per.values())
    return {**{f"{s}_cpu_ms": round(ms, 2) for s, ms in per.items()},
            "conversion_cpu_ms": round(conversion, 2), "floor_cpu_ms": round(floor_ms, 3),
            "ratio_conversion_vs_floor": round(conversion / floor_ms, 1)}


def peer_rows(count: int | str, res: dict[str, Any]) -> list[str]:
    """The Markdown rows of the Java peer and of the conversion ratio, for run.py's table."""
    rows: list[str] = []
    peer = res.get("validate_vs_java")
    if isinstance(peer, dict):
        for name, label in (("teipipe", "teipipe"), ("jing", "jing"),
                            ("saxon_java", "Saxon-HE Java (Schematron)")):
            v = peer[name]
            rows.append(f"| {count} | java peer: {label} (exit {v['exit']}) | {v['wall_s']} | "
                        f"{v['cpu_s']} | {round(peer['files'] / v['wall_s'], 1)} | | "
                        f"{v['peak_rss_mb']} |")
    elif peer:
        rows.append(f"| {count} | java peer: {peer} | | | | | |")
    conv = res.get("conversion_vs_floor")
    if isinstance(conv, dict):
        rows.append(f"| {count} | conversion per letter: {conv['conversion_cpu_ms']} ms CPU "
                    f"against a floor of {conv['floor_cpu_ms']} ms | | | | | |")
    return rows
