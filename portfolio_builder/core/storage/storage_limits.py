"""How big an evidence file may be, and whether the portfolio's drive has room for one, said in sizes people read."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only named in annotations: verify reads MAX_FILE_BYTES without loading sqlite3
    import sqlite3

GIB = 1024**3
MAX_FILE_BYTES = 8 * GIB  # a long phone recording; five minutes of phone video is 0.7-1.5 GB
MAX_CLEANED_BYTES = (
    500 * 1024**2
)  # photos and documents have their metadata removed in memory before they leave
SPACE_MARGIN = 1024**2  # page headers and the part rows' own overhead, beyond the bytes themselves


def size_words(octets: int) -> str:
    """A size as a file manager shows it: '812 KB', '3.2 MB', '640 MB', '1.4 GB' (binary units, as Windows counts)."""
    if octets < 1024:
        return f"{octets:,} bytes"
    for unit, scale in (("KB", 1024), ("MB", 1024**2), ("GB", GIB), ("TB", 1024**4)):
        if octets < scale * 1024 or unit == "TB":
            value = octets / scale
            return f"{value:.1f} {unit}" if value < 10 and unit != "KB" else f"{value:.0f} {unit}"
    return f"{octets:,} bytes"  # unreachable


def size_refusal(
    name: str, size: int, cleaned_in_memory: bool, max_bytes: int = MAX_FILE_BYTES
) -> str:
    """Why a file of this size cannot be stored ('' when it can): one sentence naming both sizes."""
    if size > max_bytes:
        return (
            f"{name} is {size_words(size)}, over the {size_words(max_bytes)} limit for one evidence file. "
            "Trim the recording or split it into parts (a phone's photo app can do both), then add the parts."
        )
    if cleaned_in_memory and size > min(max_bytes, MAX_CLEANED_BYTES):
        return (
            f"{name} is {size_words(size)}: photos and documents can be up to "
            f"{size_words(min(max_bytes, MAX_CLEANED_BYTES))}, because their hidden details are removed in memory "
            "before they leave. Save a smaller copy (compress the PDF, resize the photo) and add that."
        )
    return ""


def free_bytes(folder: Path) -> int:
    """Bytes free for this user on the drive holding folder."""
    return shutil.disk_usage(folder).free


def space_needed(conn: sqlite3.Connection, size: int) -> int:
    """Free bytes that storing size more bytes takes: once in the write-ahead journal, then again when SQLite
    folds the journal into the portfolio, less the room the portfolio file and its journal already have."""
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    free_pages = conn.execute("PRAGMA freelist_count").fetchone()[0]
    path = _database_path(conn)
    journal = os.path.getsize(f"{path}-wal") if path and os.path.exists(f"{path}-wal") else 0
    with_overhead = (
        size + size // 128 + SPACE_MARGIN
    )  # each 4 KB page carries a small header in the journal
    return max(
        0,
        2 * with_overhead
        - min(journal, with_overhead)
        - min(free_pages * page_size, with_overhead),
    )


def space_refusal(conn: sqlite3.Connection, name: str, size: int) -> str:
    """Why the portfolio's drive cannot take this file ('' when it can), naming the sizes; checked before writing."""
    path = _database_path(conn)
    if not path:
        return ""
    needed, free = space_needed(conn, size), free_bytes(Path(path).parent)
    if needed <= free:
        return ""
    return (
        f"The disk is full for {name}: it is {size_words(size)} and storing it needs {size_words(needed)} free "
        f"(a copy passes through the portfolio's journal), but the portfolio's drive has {size_words(free)} free."
    )


def _database_path(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return row[2] if row else ""
