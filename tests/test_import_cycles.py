"""No import cycles among core's modules (issue 26): every module's top-level imports,
read from the source (AST), form a graph without a cycle. An import inside a function
does not count (core loads sqlite-utils, reportlab and python-docx there on purpose, for
start-up speed), nor one under ``if TYPE_CHECKING:`` (never run). A module that needs
something of a module that needs it back moves the shared part to a lower module.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

Graph = dict[str, set[str]]


def module_names(root: Path, package: str) -> dict[str, Path]:
    """Every module of ``package`` under ``root``, by dotted name (a package by its own name)."""
    names: dict[str, Path] = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def top_level_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """The imports run when the module is imported: at module level, in a class body or a
    ``try``/``if``/``with`` there; not in a function, not under ``if TYPE_CHECKING:``."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                found.append(node)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            elif isinstance(node, ast.If):
                if not _is_type_checking(node):
                    visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body)
                for handler in node.handlers:
                    visit(handler.body)
                visit(node.orelse)
                visit(node.finalbody)
            elif isinstance(node, (ast.ClassDef, ast.With, ast.For, ast.While)):
                visit(node.body)

    visit(tree.body)
    return found


def import_graph(root: Path, package: str) -> Graph:
    """Module -> the modules of ``package`` its top-level imports load. ``from p import x``
    points at the submodule ``p.x`` when there is one, else at ``p``."""
    names = module_names(root, package)
    graph: Graph = {}
    for name, path in names.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in top_level_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names if alias.name in names}
                continue
            base = node.module or ""
            if node.level:
                up = here.split(".")[: len(here.split(".")) - node.level + 1]
                base = ".".join([*up, *([node.module] if node.module else [])])
            for alias in node.names:
                if f"{base}.{alias.name}" in names:
                    targets.add(f"{base}.{alias.name}")
                elif base in names:
                    targets.add(base)
        graph[name] = targets - {name}
    return graph


def find_cycle(graph: Graph) -> list[str] | None:
    """One cycle of ``graph`` as a path that ends where it starts, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := walk(target)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := walk(start)):
            return cycle
    return None


def test_core_has_no_import_cycle() -> None:
    graph = import_graph(ROOT, "core")
    assert len(graph) > 50 and "core.store.opening" in graph["core.store.restoring"]  # the graph was really read
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


# --- the test of the test: a deliberate cycle is found, lazy and type-only imports are not ---


def write_package(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / "pkg" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_a_deliberate_cycle_is_found(tmp_path: Path) -> None:
    write_package(
        tmp_path,
        {
            "__init__.py": "",
            "low.py": "import os\n",
            "a.py": "from pkg import low\nfrom pkg.b import thing\n",
            "b.py": "try:\n    from pkg.sub.c import other\nexcept ImportError:\n    pass\nthing = 1\n",
            "sub/__init__.py": "",
            "sub/c.py": "from .. import a\nother = 2\n",
        },
    )
    assert find_cycle(import_graph(tmp_path, "pkg")) == ["pkg.a", "pkg.b", "pkg.sub.c", "pkg.a"]


def test_a_name_from_a_package_points_at_the_package(tmp_path: Path) -> None:
    write_package(tmp_path, {"__init__.py": "from pkg.a import helper\nshared = 1\n", "a.py": "from pkg import shared\nhelper = 2\n"})
    assert find_cycle(import_graph(tmp_path, "pkg")) == ["pkg", "pkg.a", "pkg"]


def test_imports_in_functions_and_under_type_checking_are_not_cycles(tmp_path: Path) -> None:
    write_package(
        tmp_path,
        {
            "__init__.py": "",
            "a.py": "from typing import TYPE_CHECKING\nfrom pkg import b\nif TYPE_CHECKING:\n    from pkg.c import C\n",
            "b.py": "def later():\n    from pkg import a  # lazy\n    return a\n",
            "c.py": "import typing\nif typing.TYPE_CHECKING:\n    import pkg.a\nclass C:\n    pass\n",
        },
    )
    graph = import_graph(tmp_path, "pkg")
    assert graph["pkg.a"] == {"pkg.b"} and graph["pkg.b"] == set() and graph["pkg.c"] == set()
    assert find_cycle(graph) is None
