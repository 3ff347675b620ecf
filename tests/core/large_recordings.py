"""Long phone recordings made in seconds for storage tests and benchmarks: an iPhone-like MOV of any size."""

from __future__ import annotations

import hashlib
import os
import struct
from dataclasses import dataclass
from pathlib import Path

PLACE = b"+51.5074-000.1278+011.000/"  # where the recording was made, as an iPhone writes it
PIECE = 8 * 1024 * 1024


@dataclass(frozen=True)
class Recording:
    """A recording on disk, its SHA-256, and the SHA-256 it must have in a bundle (its place blanked)."""

    path: Path
    size: int
    sha256: str
    bundle_sha256: str


def _box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(body), kind) + body


def _moov(cleaned: bool) -> bytes:
    """The index box with the place in a udta box; as the bundle must have it when cleaned (udta -> zeroed free)."""
    udta_body = _box(b"\xa9xyz", struct.pack(">HH", len(PLACE), 0x15C7) + PLACE)
    udta = _box(b"free", bytes(len(udta_body))) if cleaned else _box(b"udta", udta_body)
    trak = _box(b"trak", _box(b"tkhd", b"\x00" * 84) + _box(b"mdia", b"\x00" * 40))
    return _box(b"moov", _box(b"mvhd", b"\x00" * 100) + trak + udta)


def write_recording(path: Path, size: int, random_media: bool = False) -> Recording:
    """A MOV of about size bytes: ftyp, a 64-bit mdat, then moov with the recording place (the iPhone layout).

    The media is zeros in a sparse file (instant to make, nothing read from disk) unless random_media,
    then a random megabyte repeated with a counter (nothing for a disk or SQLite to share or compress).
    """
    head = _box(b"ftyp", b"qt  \x00\x00\x00\x00qt  ")
    moov, cleaned_moov = _moov(False), _moov(True)
    media = max(0, size - len(head) - 16 - len(moov))
    mdat = struct.pack(">I4sQ", 1, b"mdat", 16 + media)
    digest = hashlib.sha256(head + mdat)
    block = os.urandom(PIECE) if random_media else bytes(PIECE)
    with open(path, "wb") as out:
        out.write(head + mdat)
        if not random_media:
            out.truncate(len(head) + len(mdat) + media)
            out.seek(0, os.SEEK_END)
        written, counter = 0, 0
        while written < media:
            piece = block[: min(PIECE, media - written)]
            if random_media:
                piece = counter.to_bytes(8, "little") + piece[8:] if len(piece) >= 8 else piece
                out.write(piece)
            digest.update(piece)
            written += len(piece)
            counter += 1
        cleaned = digest.copy()
        out.write(moov)
    digest.update(moov)
    cleaned.update(cleaned_moov)
    return Recording(Path(path), Path(path).stat().st_size, digest.hexdigest(), cleaned.hexdigest())
