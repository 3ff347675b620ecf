"""Remove a photo's GPS position and camera identity before it leaves the setting, without re-encoding it."""

from __future__ import annotations

import io
import struct
import warnings
import zlib

from .errors import BadInput

GPS_IFD = 0x8825
EXIF_IFD = 0x8769
IDENTIFYING_TAGS_IFD0 = (0x010F, 0x0110, 0x013B, 0x8298, 0xC62F, 0x9C9D)  # make, model, artist, copyright, serials
IDENTIFYING_TAGS_EXIF = (0x927C, 0xA430, 0xA431, 0xA432, 0xA433, 0xA434, 0xA435, 0x9286)
# maker note, owner, body serial, lens spec, lens make, lens model, lens serial, user comment
JPEG_SOI = b"\xff\xd8"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
EXIF_HEADER = b"Exif\x00\x00"
DROPPED_APP_PREFIXES = (b"http://ns.adobe.com/xap/", b"http://ns.adobe.com/xmp/")  # XMP may repeat GPS
DROPPED_PNG_CHUNKS = {b"tEXt", b"iTXt", b"zTXt"}  # may carry XMP with a position


def clean_photo(data: bytes) -> bytes:
    """The photo without GPS, serial numbers or camera maker data; pixels, orientation and dates kept.

    JPEG and PNG are rewritten segment by segment (the image data is copied, not re-encoded);
    anything else is returned unchanged.
    """
    if data.startswith(JPEG_SOI):
        try:
            return _clean_jpeg(data)
        except (ValueError, struct.error, IndexError):
            return _reencode_without_metadata(data, "JPEG")
    if data.startswith(PNG_SIGNATURE):
        try:
            return _clean_png(data)
        except (ValueError, struct.error, IndexError):
            return _reencode_without_metadata(data, "PNG")
    return data


def heic_as_clean_jpeg(data: bytes, quality: int = 92) -> bytes:
    """A HEIC photo as an upright JPEG that every laptop (and the assessor's window) opens, with its date and
    colour profile kept and no GPS, camera identity or XMP: HEIC cannot be cleaned in place."""
    from PIL import Image, ImageOps

    from . import photo_processing  # noqa: F401 - registers the HEIF opener

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as image:
                exif = image.getexif()
                icc = image.info.get("icc_profile")
                upright = ImageOps.exif_transpose(image).convert("RGB")
        except Exception as exc:  # noqa: BLE001 - any decoder failure is reported, never passed through
            raise BadInput(f"A HEIC photo could not be converted for the bundle: {exc}.") from exc
    exif[0x0112] = 1  # the pixels are upright now
    cleaned = clean_exif(exif.tobytes())
    buffer = io.BytesIO()
    options = {"quality": quality, "exif": cleaned or b""}
    if icc:
        options["icc_profile"] = icc
    upright.save(buffer, "JPEG", **options)
    return buffer.getvalue()


def clean_exif(payload: bytes) -> bytes | None:
    """A TIFF-format EXIF block without GPS or identifying tags (None if it cannot be read)."""
    from PIL import Image

    exif = Image.Exif()
    try:
        exif.load(payload)
    except Exception:  # noqa: BLE001 - unreadable EXIF is dropped whole, which is the safe choice
        return None
    exif.pop(GPS_IFD, None)
    for tag in IDENTIFYING_TAGS_IFD0:
        exif.pop(tag, None)
    if EXIF_IFD in exif:
        sub = exif.get_ifd(EXIF_IFD)
        for tag in IDENTIFYING_TAGS_EXIF:
            sub.pop(tag, None)
    try:
        return exif.tobytes()
    except Exception:  # noqa: BLE001
        return None


def _clean_jpeg(data: bytes) -> bytes:
    out = io.BytesIO()
    out.write(JPEG_SOI)
    pos = 2
    while pos < len(data):
        if data[pos] != 0xFF:
            raise ValueError("JPEG segment expected")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            out.write(data[pos:pos + 2])
            pos += 2
            continue
        if marker == 0xD9:
            out.write(data[pos:])
            break
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        if length < 2 or pos + 2 + length > len(data):
            raise ValueError("JPEG segment runs past the end")
        body = data[pos + 4:pos + 2 + length]
        if marker == 0xDA:  # start of scan: the rest is image data, copied as it is
            out.write(data[pos:])
            break
        if marker == 0xE1 and body.startswith(EXIF_HEADER):
            cleaned = clean_exif(body[len(EXIF_HEADER):])
            if cleaned is not None:
                if not cleaned.startswith(EXIF_HEADER):
                    cleaned = EXIF_HEADER + cleaned
                if len(cleaned) + 2 <= 0xFFFF:
                    out.write(b"\xff\xe1" + struct.pack(">H", len(cleaned) + 2) + cleaned)
        elif marker == 0xE1 and body.startswith(DROPPED_APP_PREFIXES):
            pass
        elif marker == 0xED:  # Photoshop/IPTC block: may hold a location
            pass
        else:
            out.write(data[pos:pos + 2 + length])
        pos += 2 + length
    else:
        raise ValueError("JPEG has no image data")
    return out.getvalue()


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def _clean_png(data: bytes) -> bytes:
    out = io.BytesIO()
    out.write(PNG_SIGNATURE)
    pos = len(PNG_SIGNATURE)
    while pos < len(data):
        length = struct.unpack(">I", data[pos:pos + 4])[0]
        kind = data[pos + 4:pos + 8]
        end = pos + 12 + length
        if end > len(data):
            raise ValueError("PNG chunk runs past the end")
        body = data[pos + 8:pos + 8 + length]
        if kind == b"eXIf":
            cleaned = clean_exif(body)
            if cleaned is not None:
                out.write(_png_chunk(kind, cleaned[len(EXIF_HEADER):] if cleaned.startswith(EXIF_HEADER)
                                     else cleaned))
        elif kind not in DROPPED_PNG_CHUNKS:
            out.write(data[pos:end])
        pos = end
        if kind == b"IEND":
            break
    return out.getvalue()


def _reencode_without_metadata(data: bytes, fmt: str) -> bytes:
    """Last resort for a photo whose structure we cannot walk: decode, turn upright, save bare."""
    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(data)) as image:
            upright = ImageOps.exif_transpose(image)
            buffer = io.BytesIO()
            if fmt == "JPEG":
                upright.convert("RGB").save(buffer, "JPEG", quality=92)
            else:
                upright.save(buffer, "PNG")
            return buffer.getvalue()
    except Exception as exc:  # noqa: BLE001
        raise BadInput(f"A photo could not be read to remove its location data: {exc}.") from exc
