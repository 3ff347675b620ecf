"""Why a long recording's import is bounded by its journal: raw SQLite storing one file, per journal mode and page size.

    .venv/bin/python benchmarks/sqlite_journal_modes.py [--size-gb 1] [--runs 3] [--folder /tmp]

No hashing and no Portfolio Builder code: the bytes go through Connection.blobopen into 4 MB zeroblob
rows, as the portfolio stores them, then commit, checkpoint and close, all synced (FULL). The write-ahead
log (the portfolio's mode) writes every byte twice, WAL then file; a rollback journal writes new pages
once, but holds an exclusive lock for the whole write (the window could not read meanwhile) and its
half-written file is what a read-only (immutable) open would see after a crash, so it is only measured.
Each timing starts from a synced disk with the source in the page cache; medians against `cp + sync`.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

PART, PIECE = 4 * 1024 * 1024, 1024 * 1024
MODES = [
    ("WAL, 4 KB pages", "wal", 4096),
    ("WAL, 64 KB pages", "wal", 65536),
    ("rollback journal, 64 KB pages", "delete", 65536),
]


def settle(source: Path) -> None:
    os.sync()
    with open(source, "rb", buffering=0) as handle:
        while handle.read(8 * PIECE):
            pass


def store(database: Path, source: Path, journal: str, page_size: int) -> float:
    """Seconds to store source in one transaction and have it durable in the file, the journal gone."""
    conn = sqlite3.connect(database, isolation_level=None)
    conn.execute(f"PRAGMA page_size={page_size}")
    conn.execute(f"PRAGMA journal_mode={journal}")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA cache_size=-16384")
    conn.execute("CREATE TABLE part (data BLOB NOT NULL)")
    settle(source)
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    piece = memoryview(bytearray(PIECE))
    with open(source, "rb", buffering=0) as handle:
        left = source.stat().st_size
        while left:
            length = min(PART, left)
            rowid = conn.execute("INSERT INTO part VALUES (zeroblob(?))", (length,)).lastrowid
            with conn.blobopen("part", "data", rowid) as blob:
                done = 0
                while done < length:
                    count = handle.readinto(piece[: min(PIECE, length - done)])
                    blob.write(piece[:count])
                    done += count
            left -= length
    conn.execute("COMMIT")
    conn.close()  # checkpoints a WAL into the file, syncs it and deletes the WAL
    seconds = time.perf_counter() - start
    for leftover in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
        leftover.unlink(missing_ok=True)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-gb", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--folder", default=None)
    args = parser.parse_args()
    print(
        f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}, {os.cpu_count()} cores"
    )
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(dir=args.folder) as work:
        source, size = Path(work) / "recording.bin", int(args.size_gb * 1024**3)
        block = os.urandom(8 * PIECE)
        with open(source, "wb") as out:
            for start in range(0, size, len(block)):
                out.write((start.to_bytes(8, "little") + block[8:])[: size - start])
        for _ in range(args.runs):
            copy = Path(work) / "copy.bin"
            settle(source)
            start = time.perf_counter()
            subprocess.run(["cp", str(source), str(copy)], check=True)
            times.setdefault("cp", []).append(time.perf_counter() - start)
            subprocess.run(["sync", str(copy)], check=True)
            times.setdefault("cp + sync", []).append(time.perf_counter() - start)
            copy.unlink()
            for name, journal, page_size in MODES:
                times.setdefault(name, []).append(
                    store(Path(work) / "raw.sqlite", source, journal, page_size)
                )
    gb = size / 1024**3
    baseline = statistics.median(times["cp + sync"])
    print(f"{gb:.2f} GB, median of {args.runs} runs:")
    for name, values in times.items():
        median = statistics.median(values)
        print(
            f"  {name:31} {median:6.2f} s  ({' '.join(f'{v:.2f}' for v in values)})  "
            f"speed / (cp + sync): {baseline / median:.2f}"
        )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
