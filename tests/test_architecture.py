"""The shape of the code: small modules, no import cycles, and the lint and type gates pass."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "baclofen_cli"
MAX_LINES = 400

# Modules allowed over MAX_LINES, each with the reason. Keep this list short and temporary.
SIZE_EXCEPTIONS = {
}

# Import cycles known and being removed in parallel: each entry is the set of modules in one cycle.
CYCLE_EXCEPTIONS: list[frozenset[str]] = []


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def test_no_module_is_over_400_lines() -> None:
    too_long = {}
    for path in modules().values():
        relative = path.relative_to(ROOT).as_posix()
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES and relative not in SIZE_EXCEPTIONS:
            too_long[relative] = lines
    assert not too_long, f"modules over {MAX_LINES} lines (split them by what they do): {too_long}"


def test_size_exceptions_are_still_needed() -> None:
    """An exception for a module that is gone or now small must be removed, so the list cannot go stale."""
    for relative in SIZE_EXCEPTIONS:
        path = ROOT / relative
        if path.exists():
            assert len(path.read_text(encoding="utf-8").splitlines()) > MAX_LINES, f"remove {relative} from SIZE_EXCEPTIONS"


def imports_of(path: Path, name: str, known: set[str]) -> set[str]:
    """The package's own modules that `path` imports anywhere (module level, in functions, or for
    type checking only): `import a.b`, `from a import b` (b a module or a name in a), `from a.b import c`."""
    is_package = path.name == "__init__.py"
    found: set[str] = set()

    def add(target: str) -> None:
        # The module itself, or the nearest enclosing module for a name imported from it.
        while target and target not in known:
            target = target.rpartition(".")[0]
        if target and target != name:
            found.add(target)

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative imports are not allowed (the layout move rewrites absolute ones)
                pytest.fail(f"{path.relative_to(ROOT)}:{node.lineno}: relative import; use `from baclofen_cli...`")
            base = node.module or ""
            for alias in node.names:
                add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    # A package's __init__ importing its own submodules is not a cycle in the code's design.
    return {m for m in found if not (is_package and m.startswith(name + "."))}


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of two or more modules (Tarjan), each as one cycle through it."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [path_through(graph, group) for group in groups]


def path_through(graph: dict[str, set[str]], group: set[str]) -> list[str]:
    """One concrete cycle inside a strongly connected group: start -> ... -> start."""
    start = min(group)
    previous: dict[str, str] = {}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(graph[node] & group):
            if target == start:
                cycle = [node]
                while cycle[-1] != start:
                    cycle.append(previous[cycle[-1]])
                return [start, *reversed(cycle[:-1]), start] if len(cycle) > 1 else [start, node, start]
            if target not in previous:
                previous[target] = node
                queue.append(target)
    return sorted(group)


def import_graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: imports_of(path, name, known) for name, path in found.items()}


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycles(graph) == [["a", "b", "c", "a"]]
    assert find_cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles() -> None:
    graph = import_graph()
    assert "baclofen_cli.core.loader" in graph and graph["baclofen_cli.core.loader"], "the import parser found nothing"
    cycles = [c for c in find_cycles(graph) if frozenset(c) not in CYCLE_EXCEPTIONS]
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(cycle) for cycle in cycles)


def test_cycle_exceptions_are_still_needed() -> None:
    cycles = {frozenset(c) for c in find_cycles(import_graph())}
    for exception in CYCLE_EXCEPTIONS:
        if all(m in import_graph() for m in exception):
            assert exception in cycles, f"the cycle {sorted(exception)} is gone: remove it from CYCLE_EXCEPTIONS"


def _gate(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (pip install -e '.[test]')")
    return subprocess.run([sys.executable, "-m", module, *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=600)


def test_ruff_passes() -> None:
    result = _gate("ruff", "check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_passes() -> None:
    result = _gate("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
