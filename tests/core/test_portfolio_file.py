"""The portfolio file: created with the right settings, bad files refused, newer files read-only."""

import os
import sqlite3

import pytest

from portfolio_builder.core.errors import PortfolioFileError, ReadOnlyPortfolio
from portfolio_builder.core.framework.portfolio_setup import setting_profile, update_profile
from portfolio_builder.core.storage import migrations, schema
from portfolio_builder.core.storage.backups import list_backups, make_backup
from portfolio_builder.core.storage.portfolio_file import APPLICATION_ID, Portfolio


def _pragma(path, name):
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        connection.close()


def test_new_portfolio_is_identified_and_durable(fpa_portfolio):
    """A new file carries our application id and schema version, WAL journal and foreign keys on."""
    path = fpa_portfolio.path
    assert _pragma(path, "application_id") == APPLICATION_ID
    assert _pragma(path, "user_version") == schema.SCHEMA_VERSION
    assert _pragma(path, "journal_mode") == "wal"
    with fpa_portfolio.raw_connection() as conn:
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_every_edit_is_on_disk_without_saving(fpa_portfolio):
    """An edit is committed as it is made: another connection sees it with no save step."""
    update_profile(fpa_portfolio, context="We are a two-form entry primary.")
    other = Portfolio.open(fpa_portfolio.path, read_only=True)
    assert setting_profile(other).context == "We are a two-form entry primary."
    other.close()


def test_reading_leaves_only_the_portfolio_file_behind(fpa_portfolio):
    """Status or export (read-only) neither changes the file nor leaves -wal/-shm files beside it."""
    path = fpa_portfolio.path
    update_profile(fpa_portfolio, context="Two-form entry.")
    fpa_portfolio.close()
    before = path.read_bytes()
    with Portfolio.open(path, read_only=True) as reader:
        assert setting_profile(reader).context == "Two-form entry."
        with pytest.raises(ReadOnlyPortfolio):
            update_profile(reader, context="changed")
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    assert path.read_bytes() == before


def test_refuses_to_overwrite_an_existing_file(fpa_portfolio):
    """Creating a portfolio over an existing file is refused."""
    with pytest.raises(PortfolioFileError, match="already exists"):
        Portfolio.create(fpa_portfolio.path)


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "empty"),
        (b"%PDF-1.7\n" + b"x" * 200, "not an SQLite database"),
        (b"hello, this is just text\n" * 20, "not an SQLite database"),
    ],
)
def test_not_a_portfolio_is_refused(tmp_path, content, words):
    """Files that are not SQLite are refused with a clear message."""
    path = tmp_path / "thing.portfolio"
    path.write_bytes(content)
    with pytest.raises(PortfolioFileError, match=words):
        Portfolio.open(path)


def test_other_sqlite_database_is_refused(tmp_path):
    """Another program's SQLite database is not mistaken for a portfolio."""
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    with pytest.raises(PortfolioFileError, match="not a portfolio"):
        Portfolio.open(path)


def test_truncated_portfolio_is_refused_and_untouched(fpa_portfolio, tmp_path):
    """A truncated copy (a half-finished pen-drive copy) is refused, and left exactly as it was."""
    fpa_portfolio.close()
    data = fpa_portfolio.path.read_bytes()
    copy = tmp_path / "half.portfolio"
    copy.write_bytes(data[: len(data) // 2])
    before = copy.read_bytes()
    with pytest.raises(PortfolioFileError, match="damaged|truncated"):
        Portfolio.open(copy)
    assert copy.read_bytes() == before


def test_missing_path_and_folder_are_refused(tmp_path):
    """A path that does not exist, or is a folder, gets a message, not a traceback."""
    with pytest.raises(PortfolioFileError, match="No portfolio file"):
        Portfolio.open(tmp_path / "nope.portfolio")
    with pytest.raises(PortfolioFileError, match="folder"):
        Portfolio.open(tmp_path)


def test_file_from_a_newer_version_opens_read_only(fpa_portfolio):
    """A file saved by a newer version opens read-only with a message, and refuses edits."""
    fpa_portfolio.close()
    connection = sqlite3.connect(fpa_portfolio.path)
    connection.execute(f"PRAGMA user_version={schema.SCHEMA_VERSION + 1}")
    connection.close()
    portfolio = Portfolio.open(fpa_portfolio.path)
    assert portfolio.read_only and "newer version" in portfolio.read_only_reason
    assert setting_profile(portfolio).name == "Oak Primary School"
    with pytest.raises(ReadOnlyPortfolio):
        update_profile(portfolio, name="Changed")
    portfolio.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_read_only_location_opens_read_only(fpa_portfolio):
    """A portfolio in a read-only folder (a locked pen drive) opens read-only instead of failing."""
    fpa_portfolio.close()
    folder = fpa_portfolio.path.parent
    folder.chmod(0o555)
    try:
        portfolio = Portfolio.open(fpa_portfolio.path)
        assert portfolio.read_only and "read-only" in portfolio.read_only_reason
        portfolio.close()
    finally:
        folder.chmod(0o755)


def test_creating_in_a_missing_folder_is_refused(tmp_path):
    """Creating a portfolio where the folder does not exist says so."""
    with pytest.raises(PortfolioFileError, match="does not exist"):
        Portfolio.create(tmp_path / "no" / "such" / "a.portfolio")


def test_disk_full_mid_write_loses_nothing(fpa_portfolio):
    """When the disk fills during an edit, the user is told and the earlier work is intact."""
    update_profile(fpa_portfolio, context="Saved before the disk filled.")
    with fpa_portfolio.raw_connection() as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]

    @__import__("sqlalchemy").event.listens_for(fpa_portfolio.engine, "connect")
    def _cap(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    with pytest.raises(PortfolioFileError, match="disk is full"):
        update_profile(fpa_portfolio, head="x" * 500_000)
    fpa_portfolio.close()
    again = Portfolio.open(fpa_portfolio.path)
    profile = setting_profile(again)
    assert profile.context == "Saved before the disk filled." and profile.head == ""
    again.close()


def test_migration_backs_up_first(fpa_portfolio, monkeypatch):
    """An older file is backed up before it is upgraded, and the upgrade runs once."""
    fpa_portfolio.close()
    path = fpa_portfolio.path
    connection = sqlite3.connect(path)
    older = schema.SCHEMA_VERSION - 1
    connection.execute(f"PRAGMA user_version={older}")
    connection.close()
    ran = []
    monkeypatch.setitem(
        migrations.MIGRATIONS, older, lambda conn: ran.append(conn.execute("SELECT 1").fetchone())
    )
    Portfolio.open(path).close()
    assert ran == [(1,)]
    assert _pragma(path, "user_version") == schema.SCHEMA_VERSION
    backups = list_backups(path)
    assert backups and _pragma(backups[-1], "user_version") == older


def test_rolling_backups_keep_the_newest(fpa_portfolio):
    """Backups are consistent copies, and only the newest few are kept."""
    for _ in range(4):
        make_backup(fpa_portfolio.path, keep=3)
    backups = list_backups(fpa_portfolio.path)
    assert len(backups) == 3
    copy = Portfolio.open(backups[-1], read_only=True)
    assert setting_profile(copy).name == "Oak Primary School"
    copy.close()


def test_unwritable_location_opens_read_only_even_as_root(fpa_portfolio, monkeypatch):
    """Where the OS reports the location unwritable, the portfolio opens read-only and refuses edits."""
    from portfolio_builder.core.storage import portfolio_file

    fpa_portfolio.close()
    monkeypatch.setattr(portfolio_file, "_is_writable_location", lambda path: False)
    portfolio = Portfolio.open(fpa_portfolio.path)
    assert portfolio.read_only and "read-only" in portfolio.read_only_reason
    assert setting_profile(portfolio).name == "Oak Primary School"
    with pytest.raises(ReadOnlyPortfolio):
        update_profile(portfolio, context="nope")
    portfolio.close()
    with pytest.raises(PortfolioFileError, match="read-only"):
        Portfolio.create(fpa_portfolio.path.with_name("new.portfolio"))


def _format_1_copy(tmp_path):
    """A copy of a real portfolio saved by the previous version (file format 1, no licence column)."""
    import shutil
    from pathlib import Path

    path = tmp_path / "old.portfolio"
    shutil.copy(
        Path(__file__).parent.parent / "fixtures" / "format-1" / "riverside-sample.portfolio", path
    )
    return path


def test_format_1_file_gains_the_bundle_licence(tmp_path):
    """A portfolio saved in format 1 (no licence column) opens, is upgraded after a backup, and has the default
    licence, with every other field intact."""
    from portfolio_builder.core.framework.portfolio_setup import setting_profile

    path = _format_1_copy(tmp_path)
    with Portfolio.open(path) as portfolio:
        profile = setting_profile(portfolio)
    assert profile.licence == "all-rights-reserved" and profile.name == "Riverside Primary School"
    assert _pragma(path, "user_version") == schema.SCHEMA_VERSION
    assert list_backups(path)


def test_older_format_opened_read_only_is_upgraded_first(tmp_path):
    """`status` or `export` (which open read-only) on a format-1 file work: it is backed up and upgraded first."""
    from portfolio_builder.core.framework.portfolio_setup import setting_profile

    path = _format_1_copy(tmp_path)
    with Portfolio.open(path, read_only=True) as portfolio:
        assert portfolio.read_only and setting_profile(portfolio).licence == "all-rights-reserved"
    assert _pragma(path, "user_version") == schema.SCHEMA_VERSION and list_backups(path)
