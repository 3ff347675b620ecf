"""One lookup for bundled resources that works from the source tree and a frozen build."""

import sys
from pathlib import Path


def resource_root() -> Path:
    """The folder that holds frameworks/, fonts/ and icons/ (PyInstaller sets sys._MEIPASS)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. resource_path('fonts', 'DejaVuSans.ttf')."""
    return resource_root().joinpath(*parts)
