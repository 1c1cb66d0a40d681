"""No two modules of the UI import each other, not even under TYPE_CHECKING or in a function."""

from __future__ import annotations

import ast
from pathlib import Path

import cs360desk.ui

UI_PACKAGE = Path(cs360desk.ui.__file__).parent
ROOT = UI_PACKAGE.parent.parent


def _module_name(path: Path) -> str:
    name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    return name.removesuffix(".__init__")


def _imports(path: Path, known: set[str]) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found & known


def _circle_from(start: str, graph: dict[str, set[str]]) -> list[str]:
    """A path of imports leading from `start` back to it, or [] if there is none."""
    stack, seen = [(start, [start])], {start}
    while stack:
        module, path = stack.pop()
        for imported in sorted(graph[module]):
            if imported == start:
                return path + [start]
            if imported not in seen:
                seen.add(imported)
                stack.append((imported, path + [imported]))
    return []


def test_the_ui_modules_import_in_one_direction_only() -> None:
    paths = {_module_name(path): path for path in UI_PACKAGE.rglob("*.py")}
    known = set(paths)
    graph = {name: _imports(path, known) - {name} for name, path in paths.items()}
    circles = [circle for name in sorted(graph) if (circle := _circle_from(name, graph))]
    assert circles == []
