"""Rolling backups of a portfolio, made with SQLite's online backup API (never a file copy)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from .durable_files import fsync_folder

KEEP_BACKUPS = 5


def backup_folder(portfolio_path: Path) -> Path:
    """Where a portfolio's backups live: a folder beside it."""
    portfolio_path = Path(portfolio_path)
    return portfolio_path.with_name(portfolio_path.stem + "-backups")


def make_backup(portfolio_path: Path, label: str = "auto", keep: int = KEEP_BACKUPS) -> Path:
    """Copy a consistent snapshot of the portfolio into its backup folder and prune old ones."""
    portfolio_path = Path(portfolio_path)
    folder = backup_folder(portfolio_path)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{portfolio_path.stem}-{label}-{stamp}{portfolio_path.suffix}"
    part = target.with_name(target.name + ".part")
    source = sqlite3.connect(f"file:{portfolio_path.resolve().as_posix()}?mode=ro", uri=True)
    dest = sqlite3.connect(part)
    try:
        dest.execute("PRAGMA synchronous=FULL")
        source.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")
    except BaseException:
        dest.close()
        for leftover in (part, Path(f"{part}-journal")):
            leftover.unlink(missing_ok=True)
        raise
    finally:
        dest.close()
        source.close()
    part.replace(target)
    fsync_folder(
        folder
    )  # the backup is on disk under its name before anyone relies on it (e.g. a restore)
    if keep:
        same_label = sorted(folder.glob(f"{portfolio_path.stem}-{label}-*{portfolio_path.suffix}"))
        for old in same_label[:-keep]:
            old.unlink(missing_ok=True)
    return target


def list_backups(portfolio_path: Path) -> list[Path]:
    """Backups of a portfolio, newest last."""
    folder = backup_folder(portfolio_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"*{Path(portfolio_path).suffix}"), key=lambda p: p.stat().st_mtime)
