"""Making a rename, a new file or a growing journal reach the disk, where the platform allows it."""

from __future__ import annotations

import os
import threading
from pathlib import Path

FLUSH_EVERY_BYTES = 64 * 1024 * 1024  # how much a journal grows between two background flushes
FLUSH_POLL_S = 0.05


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
    """While a large write runs, push a growing file (an SQLite -wal) to the disk on a second thread.

    Only makes bytes durable sooner: SQLite still syncs the journal itself before it relies on it, and
    finds that sync nearly done, so the disk's writing overlaps the copying instead of following it.
    It never writes, truncates or locks the file: SQLite locks the database and -shm files, not the
    -wal, so this handle cannot drop a lock when it closes. POSIX only: on Windows an open handle
    could stop SQLite deleting the file, so nothing is done there.
    """

    def __init__(self, path: Path | str):
        self._path = str(path)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> "BackgroundFlush":
        if os.name != "nt":
            self._thread = threading.Thread(target=self._run, name="journal-flush", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        sync = getattr(os, "fdatasync", os.fsync)  # macOS has no fdatasync
        handle, flushed = -1, 0
        try:
            while not self._stop.wait(FLUSH_POLL_S):
                if handle < 0:
                    try:
                        handle = os.open(self._path, os.O_RDONLY)
                    except OSError:
                        continue  # not created yet
                size = os.fstat(handle).st_size
                if size - flushed >= FLUSH_EVERY_BYTES or size < flushed:
                    sync(handle)
                    flushed = size
        except OSError:
            pass  # a flush that fails changes nothing: SQLite's own sync reports the real error
        finally:
            if handle >= 0:
                os.close(handle)
