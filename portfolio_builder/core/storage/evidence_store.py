"""Evidence file bytes inside the portfolio, keyed by SHA-256: the one way they go in and come out, streamed.

A file is kept in parts of at most PART_BYTES (SQLite caps one value at 1 GB; a phone recording is often
bigger): part 0 in stored_file.data, the rest in stored_file_part rows 1, 2, ... Every part is written and
read through Connection.blobopen PIECE_BYTES at a time, so no file is ever whole in memory.
"""

# Raw SQL on purpose: zeroblob() and blobopen() stream the bytes, which Core statements cannot do.

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from pathlib import Path
from typing import BinaryIO

from ..errors import BadInput, Cancelled
from .durable_files import BackgroundFlush
from .storage_limits import MAX_CLEANED_BYTES, size_words

PIECE_BYTES = 1024 * 1024  # what is in memory at once while a file streams in or out
PART_BYTES = (
    4 * 1024 * 1024
)  # one row: its zeros are overwritten in SQLite's page cache, never written to disk
STREAM_CACHE_KIB = (
    16 * 1024
)  # SQLite's page cache while a large file streams in (an import's is 64 MB)


class MissingStoredFile(KeyError):
    """A stored file, or one of its parts, is not in the portfolio (only damage does that: Check portfolio)."""


def sha256_of_file(path: Path, chunk_size: int = PIECE_BYTES) -> tuple[str, int]:
    """SHA-256 hex digest and size of a file, read in pieces."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb", buffering=0) as handle:
        buffer = bytearray(chunk_size)
        view = memoryview(buffer)
        while count := handle.readinto(buffer):
            digest.update(view[:count])
            size += count
    return digest.hexdigest(), size


def has_stored_file(conn: sqlite3.Connection, sha256: str) -> bool:
    """Whether these bytes are already stored (the dedupe check: one copy however many items use it)."""
    return (
        conn.execute("SELECT 1 FROM stored_file WHERE sha256 = ?", (sha256,)).fetchone() is not None
    )


def stored_size(conn: sqlite3.Connection, sha256: str) -> int:
    """The size in bytes of a stored file; MissingStoredFile when it is not there."""
    row = conn.execute("SELECT size FROM stored_file WHERE sha256 = ?", (sha256,)).fetchone()
    if row is None:
        raise MissingStoredFile(sha256)
    return row[0]


def _part_lengths(size: int, part_bytes: int) -> list[int]:
    """The length of each part of a file of size bytes (one empty part for an empty file)."""
    return [min(part_bytes, size - start) for start in range(0, size, part_bytes)] or [0]


def _insert_part(
    conn: sqlite3.Connection, sha256: str, size: int, number: int, length: int
) -> tuple[str, int]:
    """Insert part `number` as zeros of its final length; (table, rowid) to stream its bytes into."""
    if number == 0:
        cursor = conn.execute(
            "INSERT INTO stored_file (sha256, size, data) VALUES (?, ?, zeroblob(?))",
            (sha256, size, length),
        )
        return "stored_file", _inserted_rowid(cursor)
    cursor = conn.execute(
        "INSERT INTO stored_file_part (sha256, part, data) VALUES (?, ?, zeroblob(?))",
        (sha256, number, length),
    )
    return "stored_file_part", _inserted_rowid(cursor)


def _inserted_rowid(cursor: sqlite3.Cursor) -> int:
    """The rowid of the row an INSERT just made (sqlite3 types lastrowid `int | None`: None before any INSERT)."""
    if cursor.lastrowid is None:
        raise sqlite3.DatabaseError("the INSERT made no row")
    return cursor.lastrowid


def flush_while_storing(conn: sqlite3.Connection, size: int):
    """Around the transaction storing a file of several parts (its commit included): the -wal, then the portfolio
    as the checkpoint fills it, reach the disk while they grow instead of all at the final syncs."""
    if size <= PART_BYTES or conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        return nullcontext()
    row = conn.execute("PRAGMA database_list").fetchone()
    return BackgroundFlush(row[2], f"{row[2]}-wal") if row and row[2] else nullcontext()


def store_file(
    conn: sqlite3.Connection,
    source: Path,
    sha256: str,
    size: int,
    *,
    part_bytes: int | None = None,
    cancel: Callable[[], bool] | None = None,
) -> bool:
    """Stream a file into the portfolio inside the caller's transaction; False if these bytes are stored already.

    The caller has hashed the file; the bytes are hashed again as they are copied (on a second thread,
    so the two cores share the work) and the insert is refused (OSError) if the file changed in between,
    so a key always matches its bytes. cancel() is asked between pieces: Cancelled leaves the caller to
    roll the transaction back.
    """
    if has_stored_file(conn, sha256):
        return False
    with open(source, "rb", buffering=0) as handle:
        if not store_stream(conn, handle, sha256, size, part_bytes=part_bytes, cancel=cancel):
            raise OSError(f"{Path(source).name} changed while it was being imported")
    return True


def store_stream(
    conn: sqlite3.Connection,
    handle,
    sha256: str,
    size: int,
    *,
    part_bytes: int | None = None,
    cancel: Callable[[], bool] | None = None,
) -> bool:
    """Stream size bytes from a readable handle (readinto) into the portfolio inside the caller's transaction;
    False when they were not exactly size bytes hashing to sha256 (the caller rolls back). Hashes as store_file."""
    lengths = _part_lengths(size, part_bytes or PART_BYTES)
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    if len(lengths) > 1:  # a cache full of pages already written gains nothing and costs memory
        conn.execute(f"PRAGMA cache_size=-{STREAM_CACHE_KIB}")
    try:
        with _Hasher() as hasher:
            written = 0
            for number, length in enumerate(lengths):
                table, rowid = _insert_part(conn, sha256, size, number, length)
                done = (
                    _fill_part(conn, table, rowid, length, handle, hasher, cancel) if length else 0
                )
                written += done
                if done < length:
                    break
            digest = hasher.hexdigest()
    finally:
        conn.execute(f"PRAGMA cache_size={cache}")
    return written == size and digest == sha256


def _fill_part(
    conn: sqlite3.Connection,
    table: str,
    rowid: int,
    length: int,
    handle,
    hasher: _Hasher,
    cancel: Callable[[], bool] | None,
) -> int:
    """Copy up to length bytes from handle into one part's blob; the byte count copied (short if the file is)."""
    done = 0
    with conn.blobopen(table, "data", rowid) as blob:
        while done < length:
            if cancel is not None and cancel():
                raise Cancelled("Import cancelled.")
            piece = hasher.next_buffer()[: min(PIECE_BYTES, length - done)]
            count = handle.readinto(piece)
            if not count:
                break
            blob.write(piece[:count])
            hasher.update(piece[:count])
            done += count
    return done


class _Hasher:
    """SHA-256 of pieces on a second thread, one piece at a time, over two buffers that take turns.

    update(piece) waits for the previous piece to be hashed, then starts this one; a buffer is handed
    out again only after the piece in it was hashed (hashlib releases the GIL on large pieces).
    """

    def __init__(self):
        self._digest = hashlib.sha256()
        self._buffers = [memoryview(bytearray(PIECE_BYTES)), memoryview(bytearray(PIECE_BYTES))]
        self._turn = 0
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="store-hash")
        self._pending = None

    def __enter__(self) -> _Hasher:
        return self

    def __exit__(self, *_exc) -> None:
        self._wait()
        self._pool.shutdown()

    def _wait(self) -> None:
        if self._pending is not None:
            pending, self._pending = self._pending, None
            pending.result()

    def next_buffer(self) -> memoryview:
        """A buffer to read the next piece into (never the one still being hashed)."""
        self._turn ^= 1
        return self._buffers[self._turn]

    def update(self, piece: memoryview) -> None:
        """Hash this piece after the ones before it, without waiting for it."""
        self._wait()
        self._pending = self._pool.submit(self._digest.update, piece)

    def hexdigest(self) -> str:
        """The digest of every piece given so far."""
        self._wait()
        return self._digest.hexdigest()


def store_bytes(conn: sqlite3.Connection, data: bytes, *, part_bytes: int | None = None) -> str:
    """Store in-memory bytes (generated documents, tests) inside the caller's transaction; returns the key."""
    sha256 = hashlib.sha256(data).hexdigest()
    if has_stored_file(conn, sha256):
        return sha256
    start = 0
    for number, length in enumerate(_part_lengths(len(data), part_bytes or PART_BYTES)):
        if number == 0:
            conn.execute(
                "INSERT INTO stored_file (sha256, size, data) VALUES (?, ?, ?)",
                (sha256, len(data), data[:length]),
            )
        else:
            conn.execute(
                "INSERT INTO stored_file_part (sha256, part, data) VALUES (?, ?, ?)",
                (sha256, number, data[start : start + length]),
            )
        start += length
    return sha256


def delete_stored_file(conn: sqlite3.Connection, sha256: str) -> None:
    """Remove a stored file with all its parts and its preview, inside the caller's transaction."""
    conn.execute("DELETE FROM thumbnail WHERE sha256 = ?", (sha256,))
    conn.execute("DELETE FROM stored_file_part WHERE sha256 = ?", (sha256,))
    conn.execute("DELETE FROM stored_file WHERE sha256 = ?", (sha256,))


def _part_rows(conn: sqlite3.Connection, sha256: str) -> tuple[int, list[tuple[str, int]]]:
    """(size, [(table, rowid) of each part in order]); MissingStoredFile when the file or a part is missing."""
    row = conn.execute("SELECT rowid, size FROM stored_file WHERE sha256 = ?", (sha256,)).fetchone()
    if row is None:
        raise MissingStoredFile(sha256)
    rows = [("stored_file", row[0])]
    for expected, (number, rowid) in enumerate(
        conn.execute(
            "SELECT part, rowid FROM stored_file_part WHERE sha256 = ? ORDER BY part", (sha256,)
        ).fetchall(),
        1,
    ):
        if number != expected:
            raise MissingStoredFile(f"{sha256} (part {expected})")
        rows.append(("stored_file_part", rowid))
    return row[1], rows


def iter_stored_chunks(
    conn: sqlite3.Connection, sha256: str, chunk_size: int = PIECE_BYTES
) -> Iterator[bytes]:
    """Yield a stored file's bytes in order, at most chunk_size at a time, across all its parts.

    MissingStoredFile (a KeyError) when the file is absent (raised before anything is yielded) or its
    parts do not add up to its size. Close the iterator (the bundle writer does) to release the blob.
    """
    size, rows = _part_rows(conn, sha256)
    return _read_parts(conn, sha256, size, rows, chunk_size)


def _read_parts(
    conn: sqlite3.Connection, sha256: str, size: int, rows: list[tuple[str, int]], chunk_size: int
) -> Iterator[bytes]:
    total = 0
    for table, rowid in rows:
        with conn.blobopen(table, "data", rowid, readonly=True) as blob:
            while chunk := blob.read(chunk_size):
                total += len(chunk)
                yield chunk
    if total != size:
        raise MissingStoredFile(f"{sha256} ({total} of {size} bytes)")


def copy_stored_file(conn: sqlite3.Connection, sha256: str, target: BinaryIO) -> int:
    """Write a stored file into an open binary file, piece by piece; returns the byte count."""
    total = 0
    for chunk in iter_stored_chunks(conn, sha256):
        target.write(chunk)
        total += len(chunk)
    return total


def read_stored_bytes(
    conn: sqlite3.Connection, sha256: str, max_bytes: int = MAX_CLEANED_BYTES
) -> bytes:
    """A stored file's bytes in memory, for the photos and documents cleaned whole; BadInput past max_bytes."""
    size = stored_size(conn, sha256)
    if size > max_bytes:
        raise BadInput(
            f"A stored file of {size_words(size)} is too large to read into memory "
            f"(at most {size_words(max_bytes)})."
        )
    return b"".join(iter_stored_chunks(conn, sha256))


def rehash_stored_files(
    conn: sqlite3.Connection, progress: Callable[[int, int], None] | None = None
) -> list[str]:
    """Keys whose bytes no longer hash to the key, or whose parts are missing (empty when all is well)."""
    bad = []
    keys = [
        row[0] for row in conn.execute("SELECT sha256 FROM stored_file ORDER BY rowid").fetchall()
    ]
    for done, sha256 in enumerate(keys, start=1):
        digest = hashlib.sha256()
        try:
            for chunk in iter_stored_chunks(conn, sha256):
                digest.update(chunk)
        except MissingStoredFile:
            bad.append(sha256)
            continue
        if digest.hexdigest() != sha256:
            bad.append(sha256)
        if progress is not None:
            progress(done, len(keys))
    return bad
