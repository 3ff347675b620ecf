"""The desktop calls core's services and gets frozen values back: it never touches the database layer itself.

No module under portfolio_builder/ui imports a schema module, SQLModel or SQLAlchemy, or opens a
session (`portfolio.session()`, `portfolio.writing()`, `Session(...)`), so a database row never
reaches a widget and the file's layout can change without the pages knowing (issue 15, point 5).
"""

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "portfolio_builder" / "ui"
DATABASE_LIBRARIES = {"sqlmodel", "sqlalchemy", "sqlite3"}
SESSION_CALLS = {"session", "writing", "Session"}


def _imported_modules(node) -> list[str]:
    """The dotted names an import statement brings in (a relative import keeps its dots)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        module = "." * node.level + (node.module or "")
        return [module] + [f"{module}.{alias.name}" for alias in node.names]
    return []


def _offences(source: Path, root: Path = UI):
    tree = ast.parse(source.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        for name in _imported_modules(node):
            parts = name.lstrip(".").split(".")
            if parts[0] in DATABASE_LIBRARIES or any("schema" in part for part in parts):
                yield f"{source.relative_to(root)}:{node.lineno} imports {name}"
                break
        if isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in SESSION_CALLS:
                yield f"{source.relative_to(root)}:{node.lineno} opens a session ({called}())"


def test_no_ui_module_imports_the_database_layer_or_opens_a_session():
    """Every read and write goes through a core function taking the portfolio (fn(portfolio, ...))."""
    offences = [offence for source in sorted(UI.rglob("*.py")) for offence in _offences(source)]
    assert offences == []


def test_the_check_finds_what_it_should(tmp_path):
    """The scan flags a schema import, SQLModel and a session opened on the portfolio."""
    bad = tmp_path / "bad_page.py"
    bad.write_text(
        "from ..core.storage.schema import Staff\nimport sqlmodel\n"
        "def f(p):\n    with p.session() as s:\n        return s\n",
        encoding="utf-8",
    )
    found = list(_offences(bad, tmp_path))
    assert len(found) == 3, found
