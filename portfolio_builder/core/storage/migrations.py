"""Schema migrations, each run after a backup of the file as it was."""

# Raw SQL on purpose: each upgrade follows the OLD file format it starts from, not today's schema.py.

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from ..errors import PortfolioFileError
from . import schema
from .backups import make_backup
from .migration_2_schemes import migrate_1_to_2
from .migration_3_redaction_regions import add_redaction_regions
from .migration_4_stored_parts import migrate_2_to_3_stored_parts
from .migration_5_team import add_team_tables

# from_version -> function upgrading a connection to from_version + 1
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: migrate_1_to_2,
    2: add_redaction_regions,
    3: migrate_2_to_3_stored_parts,
    4: add_team_tables,
}


def migrate_if_needed(path: Path, version: int) -> None:
    """Upgrade an older portfolio file in place, one version at a time, after backing it up."""
    if version >= schema.SCHEMA_VERSION:
        return
    missing = [v for v in range(version, schema.SCHEMA_VERSION) if v not in MIGRATIONS]
    if missing:
        raise PortfolioFileError(
            f"{Path(path).name} uses file format {version}, which this version cannot upgrade."
        )
    make_backup(path, label=f"before-format-{version + 1}", keep=0)
    connection = sqlite3.connect(path, isolation_level=None)  # explicit transactions: DDL included
    try:
        connection.execute("PRAGMA foreign_keys=OFF")
        for current in range(version, schema.SCHEMA_VERSION):
            connection.execute("BEGIN IMMEDIATE")
            try:
                MIGRATIONS[current](connection)
                connection.execute(f"PRAGMA user_version={current + 1}")
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
    finally:
        connection.close()
