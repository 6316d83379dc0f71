"""The package layout stays a tree of rooms: no import cycles, builders never imported at run time."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("stream", "agents")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))}


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """Every project module ``path`` imports, at any depth (function bodies and TYPE_CHECKING blocks too).

    ``from a.b import c`` counts as importing ``a.b.c`` when that is a module, else ``a.b``; a package's
    ``__init__`` counts only when it is named itself, as Python runs it only to reach a submodule.
    """
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                if sub in modules:
                    found.add(sub)
                elif node.module in modules:
                    found.add(node.module)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(path, modules) - {name} for name, path in modules.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return None


def test_the_graph_sees_the_imports() -> None:
    graph = _graph()
    assert "stream.text.normalize" in graph["stream.topics.classifier"]
    assert "agents.runtime" in graph["agents.ingest"]  # a TYPE_CHECKING import counts too
    assert "agents.demo" in graph["agents.cli"]  # a function-level import counts too


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycles_in_stream_or_agents() -> None:
    cycle = _cycle(_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_core_never_imports_upward_or_the_builders() -> None:
    for name, deps in _graph().items():
        if name.startswith("stream."):
            assert not any(d.startswith("agents") for d in deps), f"{name} imports agents"
        if not name.startswith("stream.build"):
            assert not any(d.startswith("stream.build") for d in deps), f"{name} imports an offline builder"


def test_each_room_documents_itself() -> None:
    for init in sorted((ROOT / "stream").glob("*/__init__.py")):
        tree = ast.parse(init.read_text())
        assert ast.get_docstring(tree), f"{init.relative_to(ROOT)} has no docstring saying what it owns"
        assert any(
            isinstance(n, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in n.targets) for n in tree.body
        ) or any(isinstance(n, ast.AnnAssign) and getattr(n.target, "id", "") == "__all__" for n in tree.body), (
            f"{init.relative_to(ROOT)} has no __all__"
        )
