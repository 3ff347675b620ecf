"""File format 2 -> 3: a stored file may continue over several rows, so recordings bigger than SQLite's 1 GB cap fit.

Format 3 keeps stored_file as it was (its `data` now holds a file's first part, which for every file a
format-2 portfolio can hold is the whole file) and adds stored_file_part for the parts after it. So the
upgrade writes no evidence byte: the bytes already stored stay where they are, read the same way.
"""

# Raw SQL on purpose: an upgrade follows the OLD file format it starts from, not today's schema.py.

from __future__ import annotations

import sqlite3

from .migration_2_schemes import _create


def migrate_2_to_3_stored_parts(conn: sqlite3.Connection) -> None:
    """Upgrade a format-2 portfolio in the caller's transaction: add the table for the later parts of large files."""
    _create(conn, "stored_file_part")
