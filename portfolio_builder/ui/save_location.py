"""Warn before a portfolio is saved where SQLite is unsafe or copies fight: network shares and sync folders."""

from __future__ import annotations

import re
import sys
from pathlib import Path, PurePath

SYNC_FOLDER_NAMES = (
    "onedrive",
    "dropbox",
    "google drive",
    "googledrive",
    "my drive",
    "icloud drive",
    "iclouddrive",
    "icloud~",
    "box sync",
    "nextcloud",
    "owncloud",
    "pcloud",
    "mega",
)
NETWORK_FS = (
    "nfs",
    "nfs4",
    "cifs",
    "smbfs",
    "smb3",
    "sshfs",
    "fuse.sshfs",
    "davfs",
    "fuse.davfs2",
    "afpfs",
    "9p",
)


def _network_mount_type(path: Path, mounts_file: Path = Path("/proc/mounts")) -> str | None:
    """The file-system type of the mount holding path when it is a network one (Linux only)."""
    try:
        lines = mounts_file.read_text(errors="replace").splitlines()
    except OSError:
        return None
    best, best_type = "", None
    text = str(path)
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point, fs_type = parts[1].replace("\\040", " "), parts[2]
        if (text == mount_point or text.startswith(mount_point.rstrip("/") + "/")) and len(
            mount_point
        ) > len(best):
            best, best_type = mount_point, fs_type
    return best_type if best_type in NETWORK_FS else None


def location_warning(path: str | PurePath) -> str:
    """A sentence warning about the chosen location, or '' when it looks like a local folder."""
    text = str(path)
    if text.startswith("\\\\") or text.startswith("//"):
        return (
            "This looks like a network share. Keep the portfolio on this computer (or a pen drive): "
            "over a network a power cut or dropped connection can damage it."
        )
    lowered = [
        part.lower() for part in re.split(r"[\\/]+", text) if part
    ]  # either separator, any OS
    for part in lowered:
        if any(
            part == name or part.startswith(name + " ") or part.startswith(name + "-")
            for name in SYNC_FOLDER_NAMES
        ):
            return (
                "This folder is kept in step by a sync service (such as OneDrive, Dropbox or Google Drive). "
                "Syncing a portfolio while it is open can leave conflicting copies: choose a local folder, "
                "and let the automatic backups protect your work."
            )
    if sys.platform.startswith("linux") and _network_mount_type(Path(text)):
        return "This folder is on a network drive. Keep the portfolio on this computer (or a pen drive) instead."
    return ""
