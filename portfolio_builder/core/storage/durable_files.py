"""Making a rename, a new file or a large write reach the disk, where the platform allows it."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

FLUSH_INTERVAL_S = (
    0.25  # at most this often a changed file is flushed (each flush writes what changed since)
)
FLUSH_POLL_S = 0.05
OPEN_FILES = Path("/proc/self/fd")  # Linux: this process's open files, by number


def fsync_folder(folder: Path) -> None:
    """Sync a folder's entry list after a rename, create or delete (POSIX); Windows has no folder handle to sync."""
    if os.name == "nt":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


class BackgroundFlush:
    """While a large write runs, push the growing files (an SQLite -wal, then the portfolio) to the disk as they grow.

    Only makes bytes durable sooner: SQLite still syncs each file itself, in its own order, before it
    relies on it, and finds that sync nearly done, so the disk's writing overlaps the copying instead of
    following it. It syncs the handles SQLite already has open and never opens, writes or closes a file:
    closing any handle of a database file would drop SQLite's locks on it. Needs Linux's /proc/self/fd
    to find those handles; elsewhere it does nothing (and SQLite's own syncs do all the work, as before).
    """

    def __init__(self, *paths: Path | str):
        self._paths = {os.path.realpath(path) for path in paths}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> BackgroundFlush:
        if OPEN_FILES.is_dir():
            self._thread = threading.Thread(target=self._run, name="background-flush", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _handles(self) -> dict[str, int]:
        """One open handle of each watched file (SQLite's own), by path; a file not open yet is missing."""
        found: dict[str, int] = {}
        for entry in OPEN_FILES.iterdir():
            try:
                target = os.readlink(entry)
            except OSError:
                continue
            if target in self._paths and target not in found:
                found[target] = int(entry.name)
        return found

    def _run(self) -> None:
        sync = getattr(os, "fdatasync", os.fsync)
        flushed: dict[
            str, tuple[int, float]
        ] = {}  # path: (its change time, when) at its last flush
        while not self._stop.wait(FLUSH_POLL_S):
            for path, handle in self._handles().items():
                try:
                    changed = os.fstat(handle).st_mtime_ns  # grown, or a reused -wal overwritten
                    last_change, last_flush = flushed.get(path, (None, 0.0))
                    if changed != last_change and time.monotonic() - last_flush >= FLUSH_INTERVAL_S:
                        sync(handle)
                        flushed[path] = (changed, time.monotonic())
                except OSError:
                    pass  # closed meanwhile: a flush that fails changes nothing, SQLite's own sync reports errors
