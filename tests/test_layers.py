"""The layer rule, read from the code: telegram → answer → search → kb, and the question log
depends on nothing above it. Also: no module grows past 400 lines.

Every import counts, including those inside functions and under TYPE_CHECKING: a dependency
deferred for start-up time is still a dependency.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
MAX_LINES = 400

# Modules every layer may use: the package's version, errors, settings, the decision type.
BASE = frozenset({"bot", "bot.errors", "bot.settings", "bot.decision"})
# What each layer may import besides itself and BASE.
LAYERS: dict[str, frozenset[str]] = {
    "bot.kb": frozenset(),
    "bot.search": frozenset({"bot.kb"}),
    "bot.questionlog": frozenset(),
    "bot.answer": frozenset({"bot.search", "bot.kb", "bot.questionlog"}),
    # The front end talks to the answer service only; run_bot also opens the question log.
    "bot.telegram": frozenset({"bot.answer", "bot.questionlog"}),
}
# Composition roots: they wire the layers together and may import anything.
ROOTS = frozenset({"bot.cli", "bot.__main__", "bot.devtools"})
# (importer, imported) pairs allowed despite the rule, each with its reason. Keep it empty.
EXCEPTIONS: dict[tuple[str, str], str] = {}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    """(line, absolute module name) of every bot.* import in the file."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from .x import y
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # `from bot.kb import files` names a module; `from bot.kb import Fact` does not.
            names = [_submodule(base, a.name) or base for a in node.names]
        else:
            continue
        yield from ((node.lineno, n) for n in names if n == "bot" or n.startswith("bot."))


def _submodule(package: str, name: str) -> str | None:
    candidate = PROJECT.joinpath(*package.split("."), name)
    found = candidate.with_suffix(".py").is_file() or (candidate / "__init__.py").is_file()
    return f"{package}.{name}" if found else None


def _layer(module: str) -> str | None:
    """The layer, root or base module a module belongs to."""
    if module in BASE:
        return module
    for name in (*LAYERS, *ROOTS):
        if module == name or module.startswith(name + "."):
            return name
    return None


def _python_files(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (PROJECT / folder).rglob("*.py"))


def test_every_module_belongs_to_a_layer() -> None:
    """A new package must be placed in the rule before it can be used."""
    unplaced = [_module_name(p) for p in _python_files("bot") if _layer(_module_name(p)) is None]
    assert not unplaced, f"modules in no layer (add them to LAYERS or ROOTS): {unplaced}"


def test_imports_follow_the_layer_rule() -> None:
    offences: list[str] = []
    for path in _python_files("bot"):
        importer = _module_name(path)
        own = _layer(importer)
        if own is None or own in ROOTS:
            continue
        allowed = BASE | {own} | LAYERS.get(own, frozenset())
        for line, imported in _imports(path):
            target = _layer(imported) or imported
            if target in allowed or (importer, target) in EXCEPTIONS:
                continue
            where = path.relative_to(PROJECT)
            offences.append(f"{where}:{line}: {importer} imports {imported} ({own} → {target})")
    unique = list(dict.fromkeys(offences))  # `from m import a, b` is one offence
    assert not unique, "imports against the layer rule:\n" + "\n".join(unique)


def test_the_rule_is_checked_on_something() -> None:
    """The import reader finds the imports it should (a broken reader would pass everything)."""
    render = PROJECT / "bot" / "answer" / "render.py"
    found = {name for _, name in _imports(render)}
    assert {"bot.kb", "bot.search.matcher"} <= found
    app = PROJECT / "bot" / "telegram" / "app.py"
    assert any(name.startswith("bot.answer") for _, name in _imports(app))


def test_no_module_over_400_lines() -> None:
    long = []
    for path in _python_files("bot", "tests"):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            long.append(f"{path.relative_to(PROJECT)}: {lines} lines")
    assert not long, f"modules over {MAX_LINES} lines (split them by concern): {long}"
