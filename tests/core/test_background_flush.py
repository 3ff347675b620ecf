"""The background flush that overlaps a long recording's disk writes with its copying syncs SQLite's own
handles and never drops SQLite's locks (closing any handle of a database file would)."""

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from portfolio_builder.core.storage import durable_files
from portfolio_builder.core.storage.durable_files import BackgroundFlush

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/fd").is_dir(), reason="finds SQLite's handles in Linux /proc"
)

TRY_TO_WRITE = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], timeout=0, isolation_level=None)
try:
    conn.execute("BEGIN IMMEDIATE")
    print("got the write lock")
except sqlite3.OperationalError as exc:
    print(exc)
"""


def _wal_database(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE part (data BLOB)")
    return conn


def test_the_journal_and_the_portfolio_are_synced_while_they_grow_and_the_lock_is_kept(
    tmp_path, monkeypatch
):
    """Both files are synced through handles SQLite opened (none opened or closed by the flush); another program
    still cannot write while the transaction runs, and the data is all there after the commit."""
    monkeypatch.setattr(durable_files, "FLUSH_INTERVAL_S", 0.001)
    monkeypatch.setattr(durable_files, "FLUSH_POLL_S", 0.001)
    synced: set[str] = set()
    real_sync = getattr(os, "fdatasync", os.fsync)

    def recording_sync(handle):
        synced.add(os.readlink(f"/proc/self/fd/{handle}"))
        real_sync(handle)

    monkeypatch.setattr(os, "fdatasync", recording_sync)
    path = tmp_path / "oak.portfolio"
    conn = _wal_database(path)
    handles_before = set(os.listdir("/proc/self/fd"))
    with BackgroundFlush(path, f"{path}-wal"):
        conn.execute("BEGIN IMMEDIATE")
        for _ in range(40):
            conn.execute("INSERT INTO part VALUES (?)", (os.urandom(128 * 1024),))
        blocked = subprocess.run(
            [sys.executable, "-c", TRY_TO_WRITE, str(path)], capture_output=True, text=True
        )
        assert (
            blocked.stdout.strip() == "database is locked"
        )  # the lock held throughout the flushing
        conn.execute("COMMIT")
        conn.execute(
            "PRAGMA wal_checkpoint(PASSIVE)"
        )  # fills the portfolio file: it is synced as it grows
        deadline = time.monotonic() + 30
        while (
            str(path.resolve()) not in synced and time.monotonic() < deadline
        ):  # the thread wakes every ms
            time.sleep(0.001)
    assert set(os.listdir("/proc/self/fd")) == handles_before
    assert synced == {str(path.resolve()), str(Path(f"{path}-wal").resolve())}
    assert conn.execute("SELECT count(*) FROM part").fetchone()[0] == 40
    conn.close()
