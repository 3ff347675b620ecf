"""File format 4 -> 5: team copies and contribution packs (the portfolio's identity and the merge log).

Only new tables are created; nothing a setting typed is touched. The identity row itself is made
the first time a team copy is sent, so an upgraded file and a new one are alike.
"""

# Raw SQL on purpose: an upgrade follows the OLD file format it starts from, not today's schema.py.

from __future__ import annotations

import sqlite3

from .migration_2_schemes import _create


def add_team_tables(conn: sqlite3.Connection) -> None:
    """Upgrade a format-4 portfolio to hold its team identity and merge log, in the caller's transaction."""
    _create(conn, "team_identity")
    _create(conn, "merge_log")
