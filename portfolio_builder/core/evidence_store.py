"""Evidence file bytes inside the portfolio: written and read in chunks, keyed by SHA-256."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import BinaryIO, Iterator

CHUNK_SIZE = 1024 * 1024
MAX_FILE_BYTES = 500 * 1024 * 1024  # bigger video is added as a link


def sha256_of_file(path: Path, chunk_size: int = CHUNK_SIZE) -> tuple[str, int]:
    """SHA-256 hex digest and size of a file, read in chunks."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(chunk_size):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def has_stored_file(conn: sqlite3.Connection, sha256: str) -> bool:
    """Whether these bytes are already stored."""
    return conn.execute("SELECT 1 FROM stored_file WHERE sha256 = ?", (sha256,)).fetchone() is not None


def store_file(conn: sqlite3.Connection, source: Path, sha256: str, size: int) -> bool:
    """Stream a file into stored_file inside the caller's transaction; False if already stored.

    The caller has hashed the file; the bytes are re-hashed as they are copied and the
    insert is refused if the file changed in between, so a key always matches its bytes.
    """
    if has_stored_file(conn, sha256):
        return False
    cursor = conn.execute("INSERT INTO stored_file (sha256, size, data) VALUES (?, ?, zeroblob(?))",
                          (sha256, size, size))
    rowid = cursor.lastrowid
    digest = hashlib.sha256()
    written = 0
    if size:
        with conn.blobopen("stored_file", "data", rowid) as blob, open(source, "rb") as handle:
            while written < size and (chunk := handle.read(min(CHUNK_SIZE, size - written))):
                blob.write(chunk)
                digest.update(chunk)
                written += len(chunk)
    if written != size or digest.hexdigest() != sha256:
        raise OSError(f"{Path(source).name} changed while it was being imported")
    return True


def store_bytes(conn: sqlite3.Connection, data: bytes) -> str:
    """Store small in-memory bytes (generated documents); returns the key."""
    sha256 = hashlib.sha256(data).hexdigest()
    if not has_stored_file(conn, sha256):
        conn.execute("INSERT INTO stored_file (sha256, size, data) VALUES (?, ?, ?)", (sha256, len(data), data))
    return sha256


def iter_stored_chunks(conn: sqlite3.Connection, sha256: str, chunk_size: int = CHUNK_SIZE) -> Iterator[bytes]:
    """Yield a stored file's bytes in chunks without loading it whole."""
    row = conn.execute("SELECT rowid, size FROM stored_file WHERE sha256 = ?", (sha256,)).fetchone()
    if row is None:
        raise KeyError(sha256)
    rowid, size = row
    if not size:
        return
    with conn.blobopen("stored_file", "data", rowid, readonly=True) as blob:
        while chunk := blob.read(chunk_size):
            yield chunk


def copy_stored_file(conn: sqlite3.Connection, sha256: str, target: BinaryIO) -> int:
    """Write a stored file into an open binary file; returns the byte count."""
    total = 0
    for chunk in iter_stored_chunks(conn, sha256):
        target.write(chunk)
        total += len(chunk)
    return total


def read_stored_bytes(conn: sqlite3.Connection, sha256: str) -> bytes:
    """A stored file's bytes in memory (for small files such as photos to clean)."""
    return b"".join(iter_stored_chunks(conn, sha256))


def rehash_stored_files(conn: sqlite3.Connection) -> list[str]:
    """Keys whose bytes no longer hash to the key (empty when all is well)."""
    bad = []
    for (sha256,) in conn.execute("SELECT sha256 FROM stored_file").fetchall():
        digest = hashlib.sha256()
        for chunk in iter_stored_chunks(conn, sha256):
            digest.update(chunk)
        if digest.hexdigest() != sha256:
            bad.append(sha256)
    return bad
