"""core/ shows its architecture: each package imports only the packages below it, and no module grows past 400 lines.

Each package's docstring says what it owns and what it may import; this test holds them to it, as
test_core_has_no_qt does for Qt.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "portfolio_builder" / "core"
BASE = {"errors", "resources", "vocabularies", "licences"}
BELOW = {  # package -> the core packages it may import (besides the base modules and itself)
    "scheme": set(),
    "storage": {"scheme"},
    "framework": {"scheme", "storage"},
    "privacy": set(),
    "evidence": {"scheme", "storage", "framework", "privacy"},
    "planning": {"scheme", "storage", "framework", "evidence"},
    "shape": {"scheme", "storage", "evidence"},
    "documents": {"scheme", "shape"},
    "bundle": {
        "scheme",
        "storage",
        "framework",
        "evidence",
        "privacy",
        "planning",
        "shape",
        "documents",
    },
    "assessor": {"scheme", "shape", "documents", "bundle", "privacy"},
    "team": {
        "scheme",
        "storage",
        "framework",
        "evidence",
        "privacy",
        "planning",
        "shape",
        "documents",
        "bundle",
    },
    "demo": {
        "scheme",
        "storage",
        "framework",
        "evidence",
        "privacy",
        "planning",
        "shape",
        "documents",
        "bundle",
    },
}


def _core_imports(path: Path):
    """(line, core package) for every import of another part of core in a module."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    package = parts[:-1] if parts[-1] != "__init__" else parts[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                target = base + (node.module.split(".") if node.module else [])
            else:
                target = (node.module or "").split(".")
            if target[:2] != ["portfolio_builder", "core"]:
                continue
            heads = [target[2]] if len(target) > 2 else [alias.name for alias in node.names]
            for head in heads:
                yield node.lineno, head
        elif isinstance(node, ast.Import):
            for alias in node.names:
                name = alias.name.split(".")
                if name[:2] == ["portfolio_builder", "core"] and len(name) > 2:
                    yield node.lineno, name[2]


def test_every_package_names_what_it_may_import():
    """Each package under core/ is in the layering and opens with a docstring saying what it owns."""
    packages = {p.name for p in CORE.iterdir() if (p / "__init__.py").exists()}
    assert packages == set(BELOW)
    for name in packages:
        doc = ast.get_docstring(
            ast.parse((CORE / name / "__init__.py").read_text(encoding="utf-8"))
        )
        assert doc and "import" in doc.lower(), name


def test_packages_import_only_what_is_below_them():
    """A package never reaches up or sideways (storage never imports evidence; documents never the bundle)."""
    offenders = []
    for package, allowed in BELOW.items():
        for path in (CORE / package).rglob("*.py"):
            for line, head in _core_imports(path):
                if head not in BASE | allowed | {package}:
                    offenders.append(f"{path.relative_to(CORE)}:{line} imports core.{head}")
    base_offenders = [
        f"{name}.py imports core.{head}"
        for name in BASE
        for _l, head in _core_imports(CORE / f"{name}.py")
        if head not in BASE
    ]
    assert offenders + base_offenders == []


def test_no_module_is_over_400_lines():
    """Small modules with one job: none of the program's modules passes 400 lines."""
    long = [
        f"{p.relative_to(ROOT)} ({n} lines)"
        for p in (ROOT / "portfolio_builder").rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    ]
    assert long == []
