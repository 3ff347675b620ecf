"""Photos leave the setting with pixels, orientation, capture date and colour profile only (an allow-list).

JPEG and PNG are rewritten segment by segment, keeping only what decoding needs plus the allowed
facts; the compressed image data is copied, not re-encoded. Nothing after the end of the image
survives (phones put a second picture or a motion clip there). HEIC becomes an upright JPEG.
"""

from __future__ import annotations

import io
import struct
import warnings
import zlib
from dataclasses import dataclass, field

from ..errors import BadInput
from .exif_allowlist import EXIF_HEADER, allowed_exif, clean_exif_block, load_exif, removed_words

JPEG_SOI, JPEG_EOI = b"\xff\xd8", b"\xff\xd9"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ICC_HEADER, ADOBE_HEADER, JFIF_HEADER = b"ICC_PROFILE\x00", b"Adobe", b"JFIF\x00"
# what decoding needs: tables, frame headers (SOF0-SOF15 except DHT/JPG/DAC), restart interval, line count
DECODING_MARKERS = {0xDB, 0xC4, 0xCC, 0xDD, 0xDC} | {
    m for m in range(0xC0, 0xD0) if m not in (0xC4, 0xC8, 0xCC)
}
# PNG chunks that are pixels, their colour, or animation frames; everything else (text, eXIf, time) goes
PNG_KEPT = {
    b"IHDR",
    b"PLTE",
    b"IDAT",
    b"IEND",
    b"tRNS",
    b"gAMA",
    b"cHRM",
    b"sRGB",
    b"iCCP",
    b"sBIT",
    b"pHYs",
    b"acTL",
    b"fcTL",
    b"fdAT",
    b"cICP",
    b"mDCV",
    b"cLLI",
}
TEXT_WORDS = "text tags (description, software, author, comments)"
PNG_WORDS = {
    b"tEXt": TEXT_WORDS,
    b"iTXt": TEXT_WORDS,
    b"zTXt": TEXT_WORDS,
    b"tIME": "modification time",
}


@dataclass
class CleanedPhoto:
    """The photo's bytes as they leave, and what was taken out, in words for the export preview."""

    data: bytes
    removed: list[str] = field(default_factory=list)


def clean_photo(data: bytes) -> bytes:
    """The photo with only pixels, orientation, capture date and colour profile; non-photos come back unchanged."""
    return clean_photo_report(data).data


def clean_photo_report(data: bytes) -> CleanedPhoto:
    """clean_photo, also saying what it removed; a photo whose structure cannot be walked is re-encoded bare."""
    removed: list[str] = []
    if data.startswith(JPEG_SOI):
        try:
            return CleanedPhoto(_clean_jpeg(data, removed), removed)
        except (ValueError, struct.error, IndexError):
            return CleanedPhoto(
                _reencode_without_metadata(data, "JPEG"), ["everything but the pixels (re-encoded)"]
            )
    if data.startswith(PNG_SIGNATURE):
        try:
            return CleanedPhoto(_clean_png(data, removed), removed)
        except (ValueError, struct.error, IndexError):
            return CleanedPhoto(
                _reencode_without_metadata(data, "PNG"), ["everything but the pixels (re-encoded)"]
            )
    return CleanedPhoto(data, [])


def heic_as_clean_jpeg(data: bytes, quality: int = 92) -> bytes:
    """A HEIC photo as an upright JPEG that every laptop (and the assessor's window) opens, keeping its capture
    date and colour profile and nothing else: HEIC cannot be cleaned in place."""
    from PIL import Image, ImageOps

    from . import heic  # noqa: F401 - registers the HEIF opener

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as image:
                exif = image.getexif()
                icc = image.info.get("icc_profile")
                upright = ImageOps.exif_transpose(image).convert("RGB")
        except Exception as exc:  # noqa: BLE001 - any decoder failure is reported, never passed through
            raise BadInput(f"A HEIC photo could not be converted for the bundle: {exc}.") from exc
    exif = load_exif(exif.tobytes()) or Image.Exif()
    exif[0x0112] = 1  # the pixels are upright now
    upright.info = {}  # nothing the decoder read (XMP, comments) rides along into the JPEG
    options = {"quality": quality, "exif": allowed_exif(exif) or b""}
    if icc:
        options["icc_profile"] = icc
    buffer = io.BytesIO()
    upright.save(buffer, "JPEG", **options)
    return buffer.getvalue()


def _segment_words(marker: int, body: bytes) -> str:
    if marker == 0xFE:
        return "comment"
    if marker == 0xE1:
        return (
            "XMP metadata"
            if b"ns.adobe.com/xap" in body[:64] or b"ns.adobe.com/xmp" in body[:64]
            else "application data"
        )
    if marker == 0xED:
        return "IPTC metadata (captions, places, names)"
    if marker == 0xE2 and body.startswith(b"MPF\x00"):
        return "multi-picture data"
    return "application data"


def _note(removed: list[str], word: str) -> None:
    if word not in removed:
        removed.append(word)


def _scan_end(data: bytes, pos: int) -> int:
    """Where the entropy-coded data starting at pos ends: the offset of the next real marker."""
    while True:
        found = data.find(b"\xff", pos)
        if found < 0 or found + 1 >= len(data):
            raise ValueError("JPEG image data runs past the end")
        following = data[found + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            pos = found + 1  # stuffed byte, restart marker or fill: still image data
            continue
        return found


def _clean_jpeg(data: bytes, removed: list[str]) -> bytes:
    out = io.BytesIO()
    out.write(JPEG_SOI)
    pos, scans = 2, 0
    while True:
        if pos + 2 > len(data) or data[pos] != 0xFF:
            raise ValueError("JPEG segment expected")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == 0xD9:
            if not scans:
                raise ValueError("JPEG has no image data")
            out.write(JPEG_EOI)
            if len(data) > pos + 2 and data[pos + 2 :].strip(b"\x00"):
                _note(
                    removed,
                    "data after the end of the picture (a second picture or a motion photo)",
                )
            return out.getvalue()
        length = struct.unpack(">H", data[pos + 2 : pos + 4])[0]
        end = pos + 2 + length
        if length < 2 or end > len(data):
            raise ValueError("JPEG segment runs past the end")
        body = data[pos + 4 : end]
        if marker == 0xDA:  # a scan: its header, then image data up to the next marker
            scan_end = _scan_end(data, end)
            out.write(data[pos:scan_end])
            scans += 1
            pos = scan_end
            continue
        if (
            marker in DECODING_MARKERS
            or (marker == 0xE2 and body.startswith(ICC_HEADER))
            or (marker == 0xEE and body.startswith(ADOBE_HEADER))
        ):
            out.write(data[pos:end])
        elif marker == 0xE0 and body.startswith(JFIF_HEADER) and len(body) >= 14:
            jfif = (
                body[:12] + b"\x00\x00"
            )  # version, units, density; its own small preview picture dropped
            out.write(b"\xff\xe0" + struct.pack(">H", len(jfif) + 2) + jfif)
        elif marker == 0xE1 and body.startswith(EXIF_HEADER):
            kept = clean_exif_block(body, removed)
            if kept is not None and len(kept) + 2 <= 0xFFFF:
                out.write(b"\xff\xe1" + struct.pack(">H", len(kept) + 2) + kept)
        else:
            _note(removed, _segment_words(marker, body))
        pos = end


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return (
        struct.pack(">I", len(body))
        + kind
        + body
        + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    )


def _clean_png(data: bytes, removed: list[str]) -> bytes:
    out = io.BytesIO()
    out.write(PNG_SIGNATURE)
    pos = len(PNG_SIGNATURE)
    while True:
        if pos + 12 > len(data):
            raise ValueError("PNG ends before its IEND chunk")
        length = struct.unpack(">I", data[pos : pos + 4])[0]
        kind = data[pos + 4 : pos + 8]
        end = pos + 12 + length
        if end > len(data):
            raise ValueError("PNG chunk runs past the end")
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"eXIf":
            kept = clean_exif_block(body, removed)
            if kept is not None:
                out.write(_png_chunk(kind, kept))
        elif kind in PNG_KEPT:
            out.write(data[pos:end])
        else:
            _note(removed, PNG_WORDS.get(kind, "application data"))
        pos = end
        if kind == b"IEND":
            if data[pos:].strip(b"\x00"):
                _note(removed, "data after the end of the picture")
            return out.getvalue()


def _reencode_without_metadata(data: bytes, fmt: str) -> bytes:
    """Last resort for a photo whose structure we cannot walk: decode, turn upright, save bare."""
    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(data)) as image:
            upright = ImageOps.exif_transpose(image)
            upright.info = {}
            buffer = io.BytesIO()
            if fmt == "JPEG":
                upright.convert("RGB").save(buffer, "JPEG", quality=92)
            else:
                upright.save(buffer, "PNG")
            return buffer.getvalue()
    except Exception as exc:  # noqa: BLE001
        raise BadInput(f"A photo could not be read to remove its location data: {exc}.") from exc


def photo_removals(data: bytes) -> list[str]:
    """What cleaning would remove from a photo, for the export preview (the photo itself is not kept)."""
    return clean_photo_report(data).removed


__all__ = [
    "CleanedPhoto",
    "clean_photo",
    "clean_photo_report",
    "heic_as_clean_jpeg",
    "photo_removals",
    "removed_words",
]
