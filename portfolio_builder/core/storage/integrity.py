"""'Check portfolio': find damage in a portfolio file before it is trusted or sent to an assessor."""

from __future__ import annotations

import sqlite3

from .evidence_store import rehash_stored_files
from .portfolio_file import Portfolio


def check_portfolio(portfolio: Portfolio) -> list[str]:
    """Problems found, each a sentence for the user; an empty list means the portfolio is healthy.

    Runs SQLite's integrity and foreign-key checks, makes sure every evidence file's bytes are
    present, and re-hashes every stored file against its key. Works on read-only portfolios.
    """
    problems: list[str] = []
    with portfolio.raw_connection() as conn:
        try:
            results = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            if results != ["ok"]:
                problems += [f"Database damage: {line}" for line in results[:20]]
                if len(results) > 20:
                    problems.append(f"... and {len(results) - 20} more database problems.")
            for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchall()[
                :50
            ]:
                problems.append(
                    f"Broken reference: row {rowid} of {table} points to a missing {parent} row."
                )
            for item_id, title, sha256 in conn.execute(
                "SELECT e.id, e.title, e.sha256 FROM evidence_item e LEFT JOIN stored_file s "
                "ON s.sha256 = e.sha256 WHERE e.sha256 IS NOT NULL AND s.sha256 IS NULL"
            ).fetchall():
                problems.append(
                    f"Evidence item {item_id} '{title}' has lost its file (key {sha256[:12]})."
                )
            damaged = rehash_stored_files(conn)
            for sha256 in damaged:
                users = [
                    f"{i} '{t}'"
                    for i, t in conn.execute(
                        "SELECT id, title FROM evidence_item WHERE sha256 = ?", (sha256,)
                    ).fetchall()
                ]
                owner = f" (used by item {', '.join(users)})" if users else ""
                problems.append(
                    f"A stored file is damaged: its bytes no longer match their key "
                    f"{sha256[:12]}{owner}."
                )
        except sqlite3.DatabaseError as exc:
            problems.append(f"The portfolio file could not be checked completely: {exc}.")
    return problems
