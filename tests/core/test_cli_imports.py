"""`verify` and `status` load only what they use, so a user does not wait for the database layer or Qt."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("PySide6", "PIL", "docx", "reportlab", "numpy", "onnxruntime", "pypdf", "lxml", "cv2")
PROBE = """
import json, sys
from portfolio_builder.cli import main
code = main(sys.argv[1:])
loaded = sorted({name.split(".")[0] for name in sys.modules})
print(json.dumps({"code": code, "loaded": loaded}))
"""


def _modules_loaded_by(*argv: str) -> tuple[int, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return result["code"], set(result["loaded"])


def test_verify_loads_neither_the_database_layer_nor_qt_nor_the_document_libraries(
    shared_ready_bundle,
):
    """Checking a bundle reads a zip and one JSON file: SQLModel, SQLAlchemy and Qt stay unloaded, and a
    well-formed portfolio.json is checked without loading pydantic (or even pydantic-core)."""
    result, _ = shared_ready_bundle
    code, loaded = _modules_loaded_by("verify", str(result.path))
    assert code == 0
    assert not loaded & {"sqlmodel", "sqlalchemy", "sqlite3", "pydantic", "pydantic_core", *HEAVY}


def test_status_loads_no_qt_and_no_document_library(fpa_portfolio):
    """Readiness reads the portfolio file: no Qt, no Word, PDF or image library is loaded for it."""
    fpa_portfolio.close()
    code, loaded = _modules_loaded_by("status", str(fpa_portfolio.path))
    assert code in (0, 1)  # a new portfolio is not ready: status says why and exits 1
    assert "sqlmodel" in loaded  # the probe really opened the portfolio
    assert not loaded & set(HEAVY)


def test_the_command_table_names_what_each_group_registers():
    """The table that lets a command line import only its own group lists every command where it lives."""
    import argparse

    from portfolio_builder.cli import GROUP_COMMANDS, command_group

    for name, commands in GROUP_COMMANDS.items():
        sub = argparse.ArgumentParser().add_subparsers()
        command_group(name).register(sub)
        assert tuple(sub.choices) == commands, name
