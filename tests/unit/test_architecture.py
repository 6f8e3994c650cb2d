"""The package layout keeps its rules: no import cycle between packages, SQLite only in the
store, Spark only in run/spark.py, no SQL text outside the store.

Read from the source (AST), so an import inside a function counts as much as one at the top.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from paths import ROOT

SRC = ROOT / "src" / "newsgraph"
SQL = re.compile(r"\b(SELECT\s.+\sFROM|INSERT INTO|DELETE FROM|UPDATE \w+ SET|CREATE (TABLE|"
                 r"INDEX)|PRAGMA \w+)\b", re.S)


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def _rel(path: Path) -> str:
    return path.relative_to(SRC).as_posix()


def _package(path: Path) -> str:
    """The top-level part of newsgraph a file belongs to: "store", "record", or "newsgraph"
    for the package's own __init__.py."""
    first = path.relative_to(SRC).parts[0]
    return "newsgraph" if first == "__init__.py" else first.removesuffix(".py")


def _imports(path: Path) -> list[str]:
    """Every module name the file imports, relative imports made absolute."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = ["newsgraph", *path.relative_to(SRC).with_suffix("").parts]
    if here[-1] == "__init__":
        here = here[:-1]
    else:
        here = here[:-1]   # a module's relative imports start at its package
    out: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = here[:len(here) - node.level + 1] if node.level else []
            mod = ".".join([*base, node.module] if node.module else base)
            # "from newsgraph import lexicon" imports the module newsgraph.lexicon; the
            # package's own __init__ runs for any import and is no dependency of its own.
            if mod != "newsgraph":
                out.append(mod)
            out += [f"{mod}.{a.name}" for a in node.names]  # "from newsgraph import store"
    return out


def _package_graph() -> dict[str, set[str]]:
    packages = {p.name.removesuffix(".py") for p in SRC.iterdir()
                if p.suffix == ".py" or (p / "__init__.py").exists()} - {"__init__"}
    graph: dict[str, set[str]] = {}
    for path in _modules():
        src = _package(path)
        deps = graph.setdefault(src, set())
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] != "newsgraph":
                continue
            dst = parts[1] if len(parts) > 1 and parts[1] in packages else "newsgraph"
            if dst != src:
                deps.add(dst)
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph as a path, or None."""
    state: dict[str, int] = {}   # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def _importers(module: str) -> list[str]:
    return [_rel(p) for p in _modules()
            if any(n == module or n.startswith(module + ".") for n in _imports(p))]


def test_the_checks_see_imports() -> None:
    graph = _package_graph()
    assert "store" in graph["serve"] and "resolve" in graph["store"]
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycle_between_packages() -> None:
    graph = _package_graph()
    assert _cycle(graph) is None, f"import cycle: {' -> '.join(_cycle(graph) or [])}"


def test_resolve_imports_no_store_serve_or_run() -> None:
    assert not _package_graph()["resolve"] & {"store", "serve", "run", "cli"}


@pytest.mark.parametrize(("module", "allowed"), [
    ("sqlite3", "store/"),
    ("pyspark", "run/spark.py"),
])
def test_only_one_place_imports(module: str, allowed: str) -> None:
    outside = [f for f in _importers(module) if not f.startswith(allowed)]
    assert outside == [], f"{module} imported outside {allowed}: {outside}"


def test_no_sql_outside_the_store() -> None:
    found = []
    for path in _modules():
        if _rel(path).startswith("store/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                    SQL.search(node.value):
                found.append(f"{_rel(path)}:{node.lineno}")
    assert found == [], f"SQL outside store/: {found}"


MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80


def test_modules_and_functions_stay_small() -> None:
    """Modules of at most 500 lines and functions of at most 80, so each reads in one
    sitting; a longer one is split by meaning."""
    over = []
    for path in _modules():
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > MAX_MODULE_LINES:
            over.append(f"{_rel(path)}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                size = (node.end_lineno or node.lineno) - node.lineno + 1
                if size > MAX_FUNCTION_LINES:
                    over.append(f"{_rel(path)}:{node.lineno} {node.name}: {size} lines")
    assert not over, over


def test_no_complexity_rule_is_switched_off() -> None:
    """ruff's C901 stays on for the whole source: no file silences it."""
    silenced = [_rel(p) for p in _modules()
                if re.search(r"noqa:[^\n]*C901", p.read_text(encoding="utf-8"))]
    assert not silenced, silenced
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'select = \[[^\]]*"C901"', config)
    assert "max-complexity = 10" in config
