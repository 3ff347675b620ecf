"""Portfolios saved before files could span several rows (file format 2) upgrade keeping every byte and hash."""

import hashlib
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from portfolio_builder.core.bundle.bundle_export import export_bundle
from portfolio_builder.core.bundle.bundle_verify import verify_bundle
from portfolio_builder.core.storage import schema
from portfolio_builder.core.storage.backups import list_backups
from portfolio_builder.core.storage.evidence_store import iter_stored_chunks
from portfolio_builder.core.storage.integrity import check_portfolio
from portfolio_builder.core.storage.portfolio_file import Portfolio

FIXTURE = Path(__file__).parent.parent / "fixtures" / "format-2" / "oak-v2.portfolio"


@pytest.fixture
def old_file(tmp_path) -> Path:
    """A copy of a portfolio saved in file format 2 by the version before this one (tests/fixtures/format-2)."""
    path = tmp_path / FIXTURE.name
    shutil.copy(FIXTURE, path)
    return path


def _raw(path: Path) -> dict:
    """Every table's rows as plain SQLite sees them, for a before/after comparison."""
    with sqlite3.connect(path) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}


def test_every_stored_byte_and_hash_survives_the_upgrade(old_file):
    """Each file stored in format 2 reads back through the streaming API with the same bytes, size and SHA-256,
    and every other row is unchanged."""
    before = _raw(old_file)
    assert before and sqlite3.connect(old_file).execute("PRAGMA user_version").fetchone()[0] == 2
    files = {sha: (size, data) for sha, size, data in before["stored_file"]}
    assert len(files) == 6 and all(
        hashlib.sha256(d).hexdigest() == s for s, (_n, d) in files.items()
    )
    with Portfolio.open(old_file) as portfolio, portfolio.raw_connection() as conn:
        for sha256, (size, data) in files.items():
            stored = b"".join(iter_stored_chunks(conn, sha256))
            assert (
                stored == data
                and len(stored) == size
                and hashlib.sha256(stored).hexdigest() == sha256
            )
        assert check_portfolio(portfolio) == []
    after = _raw(old_file)
    assert after.pop("stored_file_part") == [] and after.pop("redaction_region") == []
    assert (
        after.pop("team_identity") == [] and after.pop("merge_log") == []
    )  # format 5: empty until a team copy
    assert after == before
    assert (
        sqlite3.connect(old_file).execute("PRAGMA user_version").fetchone()[0]
        == schema.SCHEMA_VERSION
    )
    assert [b for b in list_backups(old_file) if "before-format-3" in b.name]


def test_the_upgrade_writes_no_evidence_byte_again(old_file):
    """The upgrade adds a table and leaves the stored bytes where they are: the file does not grow by them."""
    size_before = old_file.stat().st_size
    Portfolio.open(old_file).close()
    assert (
        old_file.stat().st_size <= size_before + 10 * 4096
    )  # four new tables' (and an index's) pages and schema


def test_an_upgraded_portfolio_exports_its_files_intact(old_file, tmp_path):
    """After the upgrade the bundle holds the old files (a text note byte for byte) and verifies."""
    with Portfolio.open(old_file) as portfolio:
        result = export_bundle(portfolio, tmp_path, draft=True)
    assert verify_bundle(result.path).valid
    with zipfile.ZipFile(result.path) as archive:
        notes = [
            archive.read(n) for n in archive.namelist() if n.endswith(".txt") and "/evidence/" in n
        ]
    assert b"Minutes of the Family Forum\nAttended: 14 families\n" in notes
