"""The menu entry the installers write passes desktop-file-validate (Debian's menus refuse broken entries)."""

import shutil
import subprocess
from pathlib import Path

import pytest

LINUX = Path(__file__).resolve().parents[2] / "installers" / "linux"


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed"
)
@pytest.mark.parametrize(
    "appdir", ["/opt/portfolio-builder", "/home/sam/.local/opt/portfolio-builder"]
)
def test_menu_entry_is_valid_with_no_hints(tmp_path, appdir):
    """The .deb's and the per-user install's entries validate cleanly: no error, warning or hint."""
    entry = tmp_path / "portfolio-builder.desktop"
    entry.write_text(
        (LINUX / "portfolio-builder.desktop.in").read_text().replace("@APPDIR@", appdir)
    )
    result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert result.returncode == 0 and not (result.stdout + result.stderr).strip(), (
        result.stdout + result.stderr
    )
