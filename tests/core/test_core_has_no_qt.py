"""Keeps Qt out of the headless core, so everything the GUI does can run without a display."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "portfolio_builder" / "core"


def test_core_never_imports_qt():
    """No module under portfolio_builder/core imports PySide6 or shiboken6."""
    offenders = []
    for source in CORE.rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{source.name}: {n}" for n in names if n.split(".")[0] in {"PySide6", "shiboken6"}
            ]
    assert offenders == []
