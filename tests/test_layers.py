"""The layers of DESIGN.md hold: imports only point downwards, and nothing below app/ui imports Qt."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"

# What each layer may import from the application (besides itself and the package root).
ALLOWED = {
    "models": set(),
    "importers": {"models"},
    "services": {"models", "importers.base"},  # services take a reader's ParsedDocument as plain data
    "analysis": {"models", "services"},
    "export": {"models", "services", "analysis"},
    # The command line uses every layer below the UI; its one door into the UI is the gui command's run_gui.
    "cli": {"models", "importers", "services", "analysis", "export", "sample_project", "logfile", "desktop_entry",
            "ui.app"},
}


def _imports(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, node.lineno))
    return found


def _modules(layer: str) -> list[Path]:
    return sorted((APP / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layer_imports_point_downwards(layer):
    wrong = []
    for path in _modules(layer):
        for module, line in _imports(path):
            if not module.startswith("app."):
                continue
            target = module.removeprefix("app.")
            if target.startswith(layer) or target in {"", "__init__"}:
                continue
            if not any(target == allowed or target.startswith(allowed + ".") for allowed in ALLOWED[layer]):
                wrong.append(f"{path.relative_to(APP)}:{line} imports {module}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_nothing_below_the_ui_imports_qt(layer):
    wrong = [
        f"{path.relative_to(APP)}:{line} imports {module}"
        for path in _modules(layer)
        for module, line in _imports(path)
        if module.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6"}
    ]
    assert not wrong, "\n".join(wrong)
