"""File format upgrade adding redaction regions: the parts of photos to blur or block out when they leave.

Only a new table is created; nothing a setting typed is touched. Registered in core/migrations.py
(from format 2 on this branch; the lead renumbers it when another format lands first).
"""

# Raw SQL on purpose: an upgrade follows the OLD file format it starts from, not today's schema.py.

from __future__ import annotations

import sqlite3

from .migration_2_schemes import _create


def add_redaction_regions(conn: sqlite3.Connection) -> None:
    """Upgrade a portfolio to hold redaction regions, in the caller's transaction."""
    _create(conn, "redaction_region")
