"""Making a rename or a new file in a folder survive a power cut, where the platform allows it."""

from __future__ import annotations

import os
from pathlib import Path


def fsync_folder(folder: Path) -> None:
    """Sync a folder's entry list after a rename, create or delete (POSIX); Windows has no folder handle to sync."""
    if os.name == "nt":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
