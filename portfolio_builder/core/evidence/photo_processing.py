"""Check a photo decodes, make its small preview and read its date and GPS flag (runs in worker processes)."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PIL import Image, ImageOps

from ..errors import BadInput
from ..privacy.heic import HEIC_SUPPORTED  # noqa: F401 - registers the HEIC opener with Pillow

THUMBNAIL_SIZE = 256
THUMBNAIL_QUALITY = 80
EXIF_IFD, GPS_IFD = 0x8769, 0x8825
DATETIME_ORIGINAL, OFFSET_TIME_ORIGINAL, DATETIME = 0x9003, 0x9011, 0x0132


@dataclass(frozen=True)
class PhotoFacts:
    """What an import needs to know about a photo."""

    width: int
    height: int
    thumbnail_jpeg: bytes
    thumbnail_width: int
    thumbnail_height: int
    taken_at: (
        datetime | None
    )  # aware; camera time read as local time unless the photo gives its offset
    has_location: bool


def _parse_offset(text) -> timezone | None:
    try:
        sign = -1 if str(text).strip()[0] == "-" else 1
        hours, minutes = str(text).strip().lstrip("+-").split(":")[:2]
        return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))
    except (ValueError, IndexError, TypeError):
        return None


def _taken_at(exif: Image.Exif) -> datetime | None:
    """The EXIF DateTimeOriginal (or DateTime) as an aware datetime, or None when absent or nonsense."""
    sub = exif.get_ifd(EXIF_IFD)
    raw = sub.get(DATETIME_ORIGINAL) or exif.get(DATETIME)
    if not raw:
        return None
    try:
        naive = datetime.strptime(str(raw).strip().rstrip("\x00")[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    if not 1990 <= naive.year <= 2100:
        return None
    offset = _parse_offset(sub.get(OFFSET_TIME_ORIGINAL)) if sub.get(OFFSET_TIME_ORIGINAL) else None
    return naive.replace(tzinfo=offset) if offset else naive.astimezone()


def _has_location(exif: Image.Exif) -> bool:
    """Whether the photo carries a GPS position (which can reveal where a family lives)."""
    try:
        gps = exif.get_ifd(GPS_IFD)
    except (KeyError, ValueError, TypeError):
        return GPS_IFD in exif
    return bool(gps) or GPS_IFD in exif


def _too_large(name: str) -> BadInput:
    return BadInput(
        f"{name}: image too large to open safely (more than {Image.MAX_IMAGE_PIXELS:,} pixels); "
        "it may be a damaged or malicious file."
    )


def examine_photo(path: str | Path, size: int = THUMBNAIL_SIZE) -> PhotoFacts:
    """Decode a photo (draft mode for JPEG) into a small oriented JPEG preview, with its EXIF date and GPS flag.

    A file that does not decode raises BadInput; so does one over Pillow's pixel limit (a
    decompression bomb), because the limit's warning is turned into an error here.
    """
    path = Path(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(path) as image:
                width, height = image.size
                exif = image.getexif()
                image.draft(
                    "RGB", (size, size)
                )  # JPEG decodes at 1/2, 1/4 or 1/8 scale: much faster
                image.load()
                small = image.copy()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_large(path.name) from None
        except (OSError, SyntaxError, ValueError, EOFError, TypeError) as exc:
            raise BadInput(
                f"{path.name} is damaged: it does not open as a picture ({exc})."
            ) from None
    small.thumbnail((size, size), Image.Resampling.LANCZOS, reducing_gap=2.0)
    orientation = exif.get(0x0112)
    if orientation and orientation != 1:
        small.getexif()[0x0112] = orientation  # exif_transpose reads it from the small image
        small = ImageOps.exif_transpose(small)
    if small.mode not in ("RGB", "L"):
        rgba = small.convert("RGBA")
        small = Image.new("RGB", rgba.size, (255, 255, 255))
        small.paste(rgba, mask=rgba.getchannel("A"))  # transparent parts on white, not black
    small.info = {}  # the preview carries pixels only: no comment or XMP copied from the photo
    buffer = io.BytesIO()
    small.save(buffer, "JPEG", quality=THUMBNAIL_QUALITY, optimize=False)
    return PhotoFacts(
        width,
        height,
        buffer.getvalue(),
        small.width,
        small.height,
        _taken_at(exif),
        _has_location(exif),
    )
