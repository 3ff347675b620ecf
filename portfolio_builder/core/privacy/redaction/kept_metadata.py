"""The only metadata a redacted photo keeps (orientation, capture date, colour profile), read and written afresh."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PIL import Image

ORIENTATION = 0x0112
DATETIME = 0x0132
EXIF_IFD = 0x8769
DATETIME_ORIGINAL = 0x9003
OFFSET_TIME_ORIGINAL = 0x9011
DATE_LENGTH = 19  # "YYYY:MM:DD HH:MM:SS"
OFFSET_LENGTH = 6  # "+HH:MM"


@dataclass(frozen=True)
class KeptMetadata:
    """What the allow-list lets through; everything else in the original is never read into the output."""

    orientation: int = 1
    taken: str | None = None  # EXIF "YYYY:MM:DD HH:MM:SS"
    offset: str | None = None  # EXIF "+HH:MM"
    icc_profile: bytes | None = None


def _text(value, length: int) -> str | None:
    """An EXIF ASCII value cut to its standard length, or None when it is not plain printable text."""
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if not isinstance(value, str):
        return None
    value = value.strip().rstrip("\x00")[:length]
    return value if len(value) == length and value.isprintable() and value.isascii() else None


def read_kept_metadata(image: Image.Image) -> KeptMetadata:
    """The orientation, capture date and ICC profile of an opened photo (unreadable EXIF counts as absent)."""
    exif: Mapping[int, Any]
    sub: Mapping[int, Any]
    try:
        exif = image.getexif()
        sub = exif.get_ifd(EXIF_IFD)
    except Exception:  # noqa: BLE001 - damaged EXIF: keep nothing from it, the pixels still go out
        exif, sub = {}, {}
    orientation = exif.get(ORIENTATION, 1)
    if not isinstance(orientation, int) or not 1 <= orientation <= 8:
        orientation = 1
    taken = _text(sub.get(DATETIME_ORIGINAL), DATE_LENGTH) or _text(exif.get(DATETIME), DATE_LENGTH)
    offset = _text(sub.get(OFFSET_TIME_ORIGINAL), OFFSET_LENGTH) if taken else None
    icc = image.info.get("icc_profile")
    return KeptMetadata(orientation, taken, offset, icc if isinstance(icc, bytes) and icc else None)


def exif_block(kept: KeptMetadata) -> bytes:
    """A fresh EXIF block holding only the orientation and capture date (empty when there is neither)."""
    exif = Image.Exif()
    if kept.orientation != 1:
        exif[ORIENTATION] = kept.orientation
    if kept.taken:
        sub = exif.get_ifd(EXIF_IFD)
        sub[DATETIME_ORIGINAL] = kept.taken
        if kept.offset:
            sub[OFFSET_TIME_ORIGINAL] = kept.offset
    return exif.tobytes() if len(exif) or kept.taken else b""
