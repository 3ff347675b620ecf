"""Schema migrations, each run after a backup of the file as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Callable

from . import schema
from .backups import make_backup
from .errors import PortfolioFileError

def add_setting_licence(connection: sqlite3.Connection) -> None:
    """Format 1 -> 2: the setting's licence for its bundle (RO-Crate requires one), defaulting to all rights reserved."""
    columns = {row[1] for row in connection.execute("PRAGMA table_info(setting_profile)")}
    if "licence" not in columns:
        connection.execute("ALTER TABLE setting_profile ADD COLUMN licence VARCHAR NOT NULL "
                           "DEFAULT 'all-rights-reserved'")


# from_version -> function upgrading a connection to from_version + 1
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: add_setting_licence}


def migrate_if_needed(path: Path, version: int) -> None:
    """Upgrade an older portfolio file in place, one version at a time, after backing it up."""
    if version >= schema.SCHEMA_VERSION:
        return
    missing = [v for v in range(version, schema.SCHEMA_VERSION) if v not in MIGRATIONS]
    if missing:
        raise PortfolioFileError(
            f"{Path(path).name} uses file format {version}, which this version cannot upgrade.")
    make_backup(path, label=f"before-format-{version + 1}", keep=0)
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA foreign_keys=OFF")
        for current in range(version, schema.SCHEMA_VERSION):
            with connection:
                MIGRATIONS[current](connection)
                connection.execute(f"PRAGMA user_version={current + 1}")
    finally:
        connection.close()
