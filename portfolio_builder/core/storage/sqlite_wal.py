"""Read which pages an SQLite write-ahead log holds, so a file whose checkpoint was cut short is not called damaged.

After a full disk interrupts a checkpoint, the main file's header can already count pages that
only the -wal file holds; SQLite reads them from there and finishes the checkpoint later. This
reads the WAL's frame headers (not its page data) as SQLite's format describes them.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

WAL_MAGIC = (0x377F0682, 0x377F0683)
WAL_HEADER_BYTES = 32
FRAME_HEADER_BYTES = 24


@dataclass(frozen=True)
class WalContents:
    """The database size (in pages) after the WAL's last commit, and every page number its commits hold."""

    page_size: int
    database_pages: int
    pages: frozenset[int]


def read_wal(path: Path) -> WalContents | None:
    """The committed contents of the -wal file beside path, or None when there is none (or it is not a WAL).

    Frames from an older generation (other salts) and an incomplete last frame are ignored, as
    SQLite does; pages written after the last commit frame are not part of the database yet.
    """
    wal = Path(f"{path}-wal")
    try:
        with wal.open("rb") as handle:
            header = handle.read(WAL_HEADER_BYTES)
            if len(header) < WAL_HEADER_BYTES:
                return None
            magic, _version, page_size, _seq, salt1, salt2 = struct.unpack(">6I", header[:24])
            if (
                magic not in WAL_MAGIC
                or page_size < 512
                or page_size > 65536
                or page_size & (page_size - 1)
            ):
                return None
            size = wal.stat().st_size
            frame = FRAME_HEADER_BYTES + page_size
            committed: set[int] = set()
            pending: set[int] = set()
            database_pages = 0
            offset = WAL_HEADER_BYTES
            while offset + frame <= size:
                handle.seek(offset)
                page, commit_size, frame_salt1, frame_salt2 = struct.unpack(">4I", handle.read(16))
                if (frame_salt1, frame_salt2) != (salt1, salt2) or page == 0:
                    break
                pending.add(page)
                if commit_size:
                    committed |= pending
                    pending.clear()
                    database_pages = commit_size
                offset += frame
    except OSError:
        return None
    if not database_pages:
        return None
    return WalContents(page_size, database_pages, frozenset(committed))


def wal_completes(path: Path, file_size: int, page_size: int) -> bool:
    """Whether the WAL beside path holds every page the main file (file_size bytes) is missing."""
    contents = read_wal(path)
    if contents is None or contents.page_size != page_size:
        return False
    whole_pages = file_size // page_size
    return all(
        page in contents.pages for page in range(whole_pages + 1, contents.database_pages + 1)
    )
