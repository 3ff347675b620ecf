"""kill -9 in the middle of an import never leaves a damaged portfolio, an orphan or a dangling file reference."""

import os
import time
from pathlib import Path

import pytest

from portfolio_builder.core.storage.evidence_store import rehash_stored_files
from portfolio_builder.core.storage.portfolio_file import Portfolio
from tests.core.evidence_fixtures import make_jpeg, make_pdf, make_text
from tests.core.large_recordings import write_recording

ITEMS = 45

IMPORT_SCRIPT = """
import sys
from portfolio_builder.core.evidence.evidence_import import import_evidence
from portfolio_builder.core.storage.portfolio_file import Portfolio
if __name__ == "__main__":
    with Portfolio.open(sys.argv[1]) as portfolio:
        import_evidence(portfolio, [sys.argv[2]],
                        progress=lambda done, total, name: print(done, flush=True))
    print("finished", flush=True)
"""


def run_and_kill(
    forking_child, portfolio_path: Path, folder: Path, after_lines: int, after_seconds: float
) -> None:
    """Run an import in a child process; SIGKILL its process group a little after N progress lines."""
    child = forking_child.start(["-c", IMPORT_SCRIPT, portfolio_path, folder])
    try:
        for _ in range(after_lines):
            if not child.readline():
                break
        time.sleep(after_seconds)  # land inside the next file's transaction, or between two
    finally:
        child.kill()


def assert_consistent(portfolio_path: Path) -> int:
    """The checks a user's 'Check portfolio' would run, plus: key links never exceed the rule."""
    with Portfolio.open(portfolio_path) as portfolio, portfolio.raw_connection() as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert (
            conn.execute(
                "SELECT count(*) FROM evidence_item e LEFT JOIN stored_file s ON s.sha256 = e.sha256 "
                "WHERE e.sha256 IS NOT NULL AND s.sha256 IS NULL"
            ).fetchone()[0]
            == 0
        )
        assert (
            conn.execute(
                "SELECT count(*) FROM stored_file s WHERE NOT EXISTS "
                "(SELECT 1 FROM evidence_item e WHERE e.sha256 = s.sha256)"
            ).fetchone()[0]
            == 0
        )
        assert rehash_stored_files(conn) == []
        return conn.execute("SELECT count(*) FROM evidence_item").fetchone()[0]


@pytest.mark.slow
def test_kill_minus_nine_mid_import_leaves_a_consistent_portfolio(
    fpa_portfolio, tmp_path, forking_child
):
    """After SIGKILL at several moments the file passes every check, and a re-run completes the import."""
    folder = tmp_path / "evidence"
    folder.mkdir()
    # Kinds interleaved and every file a few megabytes, so that each kill lands among new files still
    # to be stored, however fast the machine: the import is never finished by the time of the kill.
    for n in range(ITEMS):
        if n % 3 == 0:
            make_jpeg(folder / f"item_{n:02d}.jpg", size=(1600, 1200), seed=n)
        elif n % 3 == 1:
            make_pdf(folder / f"item_{n:02d}.pdf", extra=os.urandom(3_000_000))
        else:
            make_text(folder / f"item_{n:02d}.txt", f"note {n}\n" * 400_000)
    path = fpa_portfolio.path
    fpa_portfolio.close()
    counts = []
    for after_new_lines, after_seconds in ((2, 0.03), (3, 0.01), (1, 0.0), (4, 0.02)):
        # Each re-run first reports the files already stored (as duplicates), then stores new ones.
        run_and_kill(
            forking_child,
            path,
            folder,
            (counts[-1] if counts else 0) + after_new_lines,
            after_seconds,
        )
        counts.append(assert_consistent(path))
    print("items after each kill:", counts)
    assert (
        counts == sorted(counts) and counts[-1] < ITEMS
    )  # nothing committed was lost; the kills came mid-import
    done = forking_child.run(["-c", IMPORT_SCRIPT, path, folder], timeout=60)
    assert "finished" in done.stdout, done.stderr
    assert assert_consistent(path) == ITEMS


@pytest.mark.slow
def test_kill_minus_nine_while_a_long_recording_streams_in(fpa_portfolio, tmp_path, forking_child):
    """SIGKILL part-way through storing a 320 MB recording (its rows partly written) leaves the portfolio as it
    was: no item, no row of the file, every check passing; the import run again stores the exact bytes.

    Killed once 100 MB are in the journal: 25 parts written, past the stream's page cache and the import's
    checkpoint interval, with 200 MB still to come (seconds of work: the kill always lands mid-stream)."""
    recording = write_recording(tmp_path / "IMG_0420.MOV", 320 * 1024**2)
    path = fpa_portfolio.path
    fpa_portfolio.close()
    journal = Path(f"{path}-wal")
    child = forking_child.start(["-c", IMPORT_SCRIPT, path, recording.path])
    try:
        deadline = time.monotonic() + 120
        while (
            not (journal.exists() and journal.stat().st_size > 100 * 1024**2)
            and time.monotonic() < deadline
        ):
            time.sleep(0.01)
        assert journal.stat().st_size > 100 * 1024**2, "the recording never started streaming in"
    finally:
        printed = child.kill()
    assert printed == "", "the kill came after the recording was stored: nothing was tested"
    assert assert_consistent(path) == 0
    with Portfolio.open(path) as portfolio, portfolio.raw_connection() as conn:
        assert conn.execute("SELECT count(*) FROM stored_file_part").fetchone()[0] == 0
    done = forking_child.run(["-c", IMPORT_SCRIPT, path, recording.path], timeout=300)
    assert "finished" in done.stdout, done.stderr
    assert assert_consistent(path) == 1
    with Portfolio.open(path) as portfolio, portfolio.raw_connection() as conn:
        assert conn.execute("SELECT sha256 FROM evidence_item").fetchone()[0] == recording.sha256
    for large in (path, journal, recording.path):  # not left behind in pytest's kept temp folders
        large.unlink(missing_ok=True)
