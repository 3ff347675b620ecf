"""Restore from a backup: the chosen copy comes back, the state it replaced is kept, bad copies change nothing."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from portfolio_builder.core.errors import PortfolioFileError
from portfolio_builder.core.planning import audit_service
from portfolio_builder.core.storage.backup_catalog import describe_backups
from portfolio_builder.core.storage.backup_restore import BEFORE_RESTORE, restore_backup
from portfolio_builder.core.storage.backups import backup_folder, make_backup
from portfolio_builder.core.storage.evidence_store import store_bytes
from portfolio_builder.core.storage.integrity import check_portfolio
from portfolio_builder.core.storage.portfolio_file import Portfolio


def add_items(portfolio: Portfolio, *titles: str, blob_size: int = 0) -> None:
    """Stored evidence items (file bytes + row), as an import would leave them."""
    with portfolio.raw_connection() as conn:
        for title in titles:
            data = f"evidence: {title}\n".encode() + os.urandom(blob_size)
            sha = store_bytes(conn, data)
            conn.execute(
                "INSERT INTO evidence_item (kind, title, description, source, component, consent, "
                "consent_note, sha256, url, original_name, mime_type, size, has_location, collected_by, "
                "added_at) VALUES ('document', ?, '', '', 'activity', 'not-needed', '', ?, '', ?, "
                "'text/plain', ?, 0, '', '2026-03-04 10:00:00.000000')",
                (title, sha, f"{title}.txt", len(data)),
            )
        conn.commit()


def titles(path: Path) -> list[str]:
    """The evidence titles a user would see after opening the portfolio (which also proves it opens)."""
    with Portfolio.open(path) as portfolio, portfolio.raw_connection() as conn:
        return [r[0] for r in conn.execute("SELECT title FROM evidence_item ORDER BY title")]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def earlier_and_later(fpa_portfolio):
    """A portfolio with two items and a rating at backup time, then a third item and a deletion after it."""
    add_items(fpa_portfolio, "Coffee morning", "Newsletter")
    audit_service.rate_descriptor(fpa_portfolio, "1a", "developing", date(2026, 3, 1), "Baseline.")
    backup = make_backup(fpa_portfolio.path, "manual")
    add_items(fpa_portfolio, "Parents evening")
    with fpa_portfolio.raw_connection() as conn:
        conn.execute("DELETE FROM evidence_item WHERE title = 'Newsletter'")
        conn.commit()
    path = fpa_portfolio.path
    fpa_portfolio.close()
    return path, backup


def test_backups_are_described_newest_first_with_what_they_hold(fpa_portfolio):
    """Each backup shows when it was made, why, its size and what it holds, newest first."""
    first = make_backup(fpa_portfolio.path, "auto")
    add_items(fpa_portfolio, "Coffee morning", "Newsletter")
    audit_service.rate_descriptor(fpa_portfolio, "1a", "emergent", date(2026, 3, 1))
    audit_service.rate_descriptor(fpa_portfolio, "1a", "developing", date(2026, 4, 1))
    audit_service.rate_descriptor(fpa_portfolio, "1b", "embedded", date(2026, 4, 1))
    second = make_backup(fpa_portfolio.path, "manual")
    described = describe_backups(fpa_portfolio.path)
    assert [d.path for d in described] == [second, first]
    newest, oldest = described
    assert (newest.label, newest.evidence_items, newest.descriptors_rated, newest.descriptors) == (
        "manual",
        2,
        2,
        10,
    )
    assert (oldest.label, oldest.evidence_items, oldest.descriptors_rated) == ("auto", 0, 0)
    assert newest.made_at > oldest.made_at and newest.size == second.stat().st_size
    assert newest.newest_entry is not None and oldest.newest_entry is None
    assert newest.usable and not newest.problem


def test_describing_reads_backups_without_changing_them(fpa_portfolio):
    """Listing backups leaves each file byte for byte as it was, with no -journal/-wal/-shm beside it."""
    backup = make_backup(fpa_portfolio.path)
    before = digest(backup)
    describe_backups(fpa_portfolio.path)
    assert digest(backup) == before
    assert sorted(p.name for p in backup.parent.iterdir()) == [backup.name]


def test_damaged_and_foreign_backups_are_listed_as_such(fpa_portfolio):
    """A truncated copy, a text file and another program's database are listed with their problem, not raised."""
    good = make_backup(fpa_portfolio.path)
    folder = backup_folder(fpa_portfolio.path)
    truncated = folder / "oak-auto-20260101-090000-000000.portfolio"
    truncated.write_bytes(good.read_bytes()[:8192])
    (folder / "notes.portfolio").write_text("not a database")
    other = sqlite3.connect(folder / "other.portfolio")
    other.execute("CREATE TABLE t (x)")
    other.commit()
    other.close()
    problems = {d.path.name: d.problem for d in describe_backups(fpa_portfolio.path)}
    assert problems[good.name] == ""
    assert "shorter than" in problems[truncated.name]
    assert problems["notes.portfolio"] == "not a portfolio file"
    assert "another program" in problems["other.portfolio"]


def test_restore_brings_back_the_earlier_content(earlier_and_later):
    """After restoring, the portfolio holds exactly what the backup held, and passes Check portfolio."""
    path, backup = earlier_and_later
    assert titles(path) == ["Coffee morning", "Parents evening"]
    result = restore_backup(path, backup)
    assert titles(path) == ["Coffee morning", "Newsletter"]
    assert result.restored.path == backup and result.restored.evidence_items == 2
    with Portfolio.open(path) as portfolio:
        assert check_portfolio(portfolio) == []
        assert [r.level_key for r in audit_service.rating_history(portfolio, "1a")] == [
            "developing"
        ]
    assert not Path(f"{path}.restoring").exists()


def test_the_state_before_restoring_is_backed_up_and_can_be_restored(earlier_and_later):
    """The pre-restore backup holds the later content, so restoring it undoes the restore."""
    path, backup = earlier_and_later
    result = restore_backup(path, backup)
    assert result.before_restore.name.startswith(f"{path.stem}-{BEFORE_RESTORE}-")
    assert titles(result.before_restore) == ["Coffee morning", "Parents evening"]
    restore_backup(path, result.before_restore)
    assert titles(path) == ["Coffee morning", "Parents evening"]


def test_restore_keeps_unsaved_wal_content_in_the_pre_restore_backup(earlier_and_later):
    """Work still only in the -wal file (never checkpointed) is in the pre-restore backup, and no -wal survives."""
    path, backup = earlier_and_later
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    main_before = path.read_bytes()
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute(
        "UPDATE evidence_item SET title = 'Only in the WAL' WHERE title = 'Parents evening'"
    )
    writer.commit()
    wal_bytes = Path(f"{path}-wal").read_bytes()
    writer.close()  # the last close checkpoints; put back what a crash would have left: old main file + its WAL
    path.write_bytes(main_before)
    Path(f"{path}-wal").write_bytes(wal_bytes)
    result = restore_backup(path, backup)
    assert not Path(f"{path}-wal").exists()
    assert "Only in the WAL" in titles(result.before_restore)
    assert titles(path) == ["Coffee morning", "Newsletter"]


@pytest.mark.parametrize(
    "kind", ["truncated", "damaged pages", "not sqlite", "another program", "newer version"]
)
def test_a_bad_backup_is_refused_and_nothing_changes(earlier_and_later, kind):
    """A damaged, foreign or newer-version backup is refused with a clear message; the portfolio is unchanged."""
    path, backup = earlier_and_later
    bad = backup.with_name(f"{path.stem}-manual-20260101-090000-000000{path.suffix}")
    if kind == "truncated":
        bad.write_bytes(backup.read_bytes()[:-4096])
    elif kind == "damaged pages":
        data = bytearray(backup.read_bytes())
        page_size = int.from_bytes(data[16:18], "big")
        for page in range(1, len(data) // page_size):
            data[page * page_size + 8 : page * page_size + 40] = (
                b"\xff" * 32
            )  # smash every b-tree page's cells
        bad.write_bytes(bytes(data))
    elif kind == "not sqlite":
        bad.write_text("Dear parents, ...")
    elif kind == "another program":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE evidence_item (x)")
        conn.commit()
        conn.close()
    else:
        bad.write_bytes(backup.read_bytes())
        conn = sqlite3.connect(bad)
        conn.execute("PRAGMA user_version=99")
        conn.close()
    before, listing = digest(path), sorted(p.name for p in path.parent.rglob("*"))
    with pytest.raises(
        PortfolioFileError, match="cannot be restored.*The portfolio was not changed"
    ):
        restore_backup(path, bad)
    assert digest(path) == before
    assert (
        sorted(p.name for p in path.parent.rglob("*")) == listing
    )  # no pre-restore backup, no temp left
    assert titles(path) == ["Coffee morning", "Parents evening"]


def test_restore_is_refused_while_the_portfolio_is_open_elsewhere(earlier_and_later, monkeypatch):
    """While another connection has the file open, restore says so and changes nothing."""
    from portfolio_builder.core.storage import backup_restore

    monkeypatch.setattr(backup_restore, "IN_USE_WAIT_S", 0.1)
    path, backup = earlier_and_later
    with Portfolio.open(path) as other, other.raw_connection() as conn:
        conn.execute("SELECT count(*) FROM evidence_item").fetchone()
        before = digest(path)
        with pytest.raises(PortfolioFileError, match="open in another window"):
            restore_backup(path, backup)
        assert digest(path) == before
    assert titles(path) == ["Coffee morning", "Parents evening"]


@pytest.mark.skipif(
    os.name == "nt" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="needs POSIX permissions that apply to this user",
)
def test_restore_is_refused_over_a_read_only_portfolio(earlier_and_later):
    """A portfolio that cannot be written (it would open read-only) is not restored over."""
    path, backup = earlier_and_later
    path.chmod(0o444)
    try:
        with pytest.raises(PortfolioFileError, match="read-only"):
            restore_backup(path, backup)
    finally:
        path.chmod(0o644)
    assert titles(path) == ["Coffee morning", "Parents evening"]


def test_restore_over_a_damaged_portfolio_keeps_its_bytes(earlier_and_later):
    """When the portfolio itself is too damaged to back up normally, its bytes are kept, and the backup restored."""
    path, backup = earlier_and_later
    damaged = path.read_bytes()[:8192]
    path.write_bytes(damaged)
    result = restore_backup(path, backup)
    assert titles(path) == ["Coffee morning", "Newsletter"]
    assert result.before_restore.read_bytes() == damaged
