"""The package's module-level import graph: no cycles, and no subcommand importing the ``cli`` module above it."""

from __future__ import annotations

import ast
from pathlib import Path

import llmzoo_hf

PACKAGE_DIR = Path(llmzoo_hf.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _top_level_imports(tree: ast.Module):
    """Yield the import statements run when the module loads (not in functions or `if TYPE_CHECKING:`)."""
    pending = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, ast.If) and not _is_type_checking(node):
            pending.extend(node.body + node.orelse)
        elif isinstance(node, ast.Try):
            pending.extend(node.body + node.orelse + node.finalbody + [n for h in node.handlers for n in h.body])


def import_graph() -> dict[str, set[str]]:
    """Return module -> the llmzoo_hf modules it imports at module level."""
    modules = {_module_name(p): p for p in PACKAGE_DIR.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in _top_level_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - node.level + 1]
                    base = ".".join(anchor + ([base] if base else []))
                # `from . import x` imports the submodule x when there is one, else a name of the package.
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target.startswith("llmzoo_hf") and target != name:
                    graph[name].add(target)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """Return one import cycle as a list of modules (first == last), or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return path[path.index(target) :] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        state[node] = 2
        path.pop()
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_graph_sees_relative_and_absolute_imports():
    graph = import_graph()
    # commands/eval.py: `from ._common import ...`; serve/config.py: `from ..errors import ConfigError`
    assert "llmzoo_hf.commands._common" in graph["llmzoo_hf.commands.eval"]
    assert "llmzoo_hf.errors" in graph["llmzoo_hf.serve.config"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycles():
    cycle = find_cycle(import_graph())
    assert cycle is None, "module-level import cycle: " + " -> ".join(cycle)


def test_commands_do_not_import_the_cli_module():
    graph = import_graph()
    offenders = sorted(name for name, targets in graph.items() if "commands" in name and "llmzoo_hf.cli" in targets)
    assert offenders == []


# The stages, lowest first: a module may import (at module level) from its own layer or a lower one. The package root
# is a leaf (its public names load lazily), so it sits with the foundations.
LAYERS = [
    {
        "llmzoo_hf",
        "errors",
        "_logging",
        "_atomic",
        "_paths",
        "_resources",
        "_embedded",
        "_argparse",
        "_safetensors_io",
        "_local_server",
        "_delta_stamp",
    },
    {"templates", "zoo", "client", "cards", "hub"},
    {"data", "chat", "delta", "quantize", "export", "datagen"},
    {"configs", "_sft_recipe", "_sft_steps", "sft", "serve"},
    {"eval", "space"},
    {"commands", "cli"},
]


def _layer(module: str) -> int:
    stage = module.split(".")[1] if "." in module else module
    return next(index for index, layer in enumerate(LAYERS) if stage in layer)


def test_every_stage_has_a_layer():
    stages = {name.split(".")[1] if "." in name else name for name in import_graph()}
    assert stages == set().union(*LAYERS)


def test_no_stage_imports_a_higher_one():
    upward = sorted(
        f"{name} -> {target}"
        for name, targets in import_graph().items()
        for target in targets
        if _layer(target) > _layer(name)
    )
    assert upward == []
