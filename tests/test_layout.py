"""The layout of src/teipipe (docs/architecture.md): a short hall, small modules, no cycles.

A newcomer finds the room for anything in one look only while the hall stays short;
these checks fail when a module is added to the hall, grows past 400 lines, or when
two modules come to import each other, directly or round a longer loop.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "teipipe"
HALL_LIMIT = 12
LINE_LIMIT = 400

# Rooms and what each may import, as docs/architecture.md tells them: data goes one
# way, from text to page. Change the two together, and only for a reason.
_BASE = frozenset({"teipipe", "model", "diagnostics", "tei", "files", "walk", "dump", "source"})
_CONVERSION = {"pipeline", "lossless", "review", "draft"}
_ROOM_OF = {name: "base" for name in _BASE} | {name: "conversion" for name in _CONVERSION}
_LANGUAGE_UP = {"base", "language"}
ALLOWED: dict[str, set[str]] = {
    "base": {"base"},
    "language": {"base", "language"},
    "project": {"base", "language", "schema", "project"},
    "xml": {"base", "xml"},
    "readers": _LANGUAGE_UP | {"readers"},
    "repair": _LANGUAGE_UP | {"repair"},
    "passes": _LANGUAGE_UP | {"project", "repair", "passes"},
    "writers": {"base", "project", "xml", "writers"},
    "conversion": _LANGUAGE_UP | {"project", "readers", "repair", "passes", "writers",
                                  "conversion"},
    "corpus": {"base", "project", "xml", "corpus"},
    "schema": {"base", "xml", "schema"},
    "validation": {"base", "xml", "schema", "validation"},
    "publish": {"base", "project", "xml", "publish"},
}
ALLOWED["machinery"] = set().union(*ALLOWED.values()) | {"corpus", "schema", "validation",
                                                        "publish", "machinery"}
ALLOWED["commands"] = ALLOWED["machinery"] | {"commands"}


def _modules() -> dict[str, Path]:
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The teipipe modules that `name` imports (a package's __init__ counts for the package).

    `from . import sibling` depends on the sibling, not on the package that holds both.
    Imports made when the module is loaded count; one inside a function (loaded when it
    runs, as schema/odd.py imports schema/modes) makes no import cycle.
    """
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    module_level = [node for top in ast.parse(path.read_text(encoding="utf-8")).body
                    if not isinstance(top, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
                    for node in ast.walk(top)]
    for node in module_level:
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            submodules = {f"{source}.{a.name}" for a in node.names} & known
            found.update(submodules)
            if len(submodules) < len(node.names):  # names defined in `source` itself
                found.add(source)
    return {module for module in found if module in known and module != name}


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of `graph`, or [] when there is none (depth-first search)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return stack[stack.index(target):] + [target]
            if target not in state and (loop := visit(target)):
                return loop
        state[node] = 2
        stack.pop()
        return []

    for node in sorted(graph):
        if node not in state and (loop := visit(node)):
            return loop
    return []


def test_the_hall_holds_at_most_twelve_modules() -> None:
    hall = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem not in {"__init__", "__main__"})
    assert len(hall) <= HALL_LIMIT, f"{len(hall)} loose modules: {hall}; give one a room"


def test_no_module_is_over_400_lines() -> None:
    long = {name: n for name, path in _modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > LINE_LIMIT}
    assert not long, f"modules over {LINE_LIMIT} lines: {long}"


def test_no_two_modules_import_each_other_even_round_a_loop() -> None:
    modules = _modules()
    graph = {name: _imports(name, path, set(modules)) for name, path in modules.items()}
    assert _cycle(graph) == []


def test_the_cycle_finder_finds_a_loop() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) == []


def _room(module: str) -> str:
    """teipipe.machinery.batch → machinery; teipipe.model → base; teipipe.pipeline → conversion."""
    first = module.split(".")[1] if "." in module else "teipipe"
    return _ROOM_OF.get(first, first)


def test_each_room_imports_only_the_rooms_below_it() -> None:
    modules = _modules()
    wrong = sorted(f"{name} imports {target}"
                   for name, path in modules.items() if _room(name) not in {"cli", "__main__"}
                   for target in _imports(name, path, set(modules))
                   if _room(target) not in ALLOWED.get(_room(name), set()))
    assert not wrong, ("imports against the rooms' order (docs/architecture.md, ALLOWED "
                       f"here): {wrong}")


def test_publishing_never_imports_the_writer_or_the_pipeline() -> None:
    assert not ALLOWED["publish"] & {"writers", "conversion", "machinery"}
    assert _room("teipipe.publish.site") == "publish"
    assert _room("teipipe.pipeline") == "conversion"


def test_the_tei_namespace_is_spelled_out_in_one_module() -> None:
    spelled = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                     if "http://www.tei-c.org/ns/1.0" in p.read_text(encoding="utf-8"))
    assert spelled == ["tei.py"]
