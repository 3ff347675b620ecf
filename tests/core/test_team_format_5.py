"""File format 5 (team copies): a format-4 portfolio is backed up, then upgraded, and can send a team copy."""

import sqlite3

from portfolio_builder.core.storage import schema
from portfolio_builder.core.storage.backups import list_backups
from portfolio_builder.core.storage.portfolio_file import Portfolio
from portfolio_builder.core.team.team_copy import make_team_copy


def test_a_format_4_file_is_upgraded_after_a_backup(fpa_portfolio, tmp_path):
    path = fpa_portfolio.path
    fpa_portfolio.close()
    old = sqlite3.connect(path)
    old.execute("DROP TABLE team_identity")
    old.execute("DROP TABLE merge_log")
    old.execute("PRAGMA user_version=4")
    old.commit()
    old.close()
    with Portfolio.open(path) as upgraded, upgraded.raw_connection() as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION == 5
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"team_identity", "merge_log"} <= tables
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        copy = make_team_copy(upgraded, tmp_path / "ben.portfolio", "Ben")
    backups = [b for b in list_backups(path) if "before-format-5" in b.name]
    assert (
        backups and sqlite3.connect(backups[-1]).execute("PRAGMA user_version").fetchone()[0] == 4
    )
    with Portfolio.open(copy.path, read_only=True) as ben, ben.raw_connection() as conn:
        lead_id = (
            sqlite3.connect(path).execute("SELECT portfolio_id FROM team_identity").fetchone()[0]
        )
        assert conn.execute("SELECT portfolio_id, copy_for FROM team_identity").fetchone() == (
            lead_id,
            "Ben",
        )


def test_a_new_file_equals_an_upgraded_one(fpa_portfolio, tmp_path):
    """The upgrade creates the tables exactly as a new file declares them."""
    path = fpa_portfolio.path
    fresh = {
        r[0]: r[1]
        for r in sqlite3.connect(path).execute(
            "SELECT name, sql FROM sqlite_master WHERE name LIKE '%team%' OR name LIKE '%merge_log%'"
        )
    }
    fpa_portfolio.close()
    old = sqlite3.connect(path)
    old.execute("DROP TABLE team_identity")
    old.execute("DROP TABLE merge_log")
    old.execute("PRAGMA user_version=4")
    old.commit()
    old.close()
    Portfolio.open(path).close()
    upgraded = {
        r[0]: r[1]
        for r in sqlite3.connect(path).execute(
            "SELECT name, sql FROM sqlite_master WHERE name LIKE '%team%' OR name LIKE '%merge_log%'"
        )
    }
    assert upgraded == fresh and len(fresh) >= 3
