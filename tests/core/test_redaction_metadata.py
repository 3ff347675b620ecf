"""A redacted photo leaves with its pixels, orientation, capture date and colour profile, and nothing else."""

from __future__ import annotations

import io
import json
import shutil
import struct
import subprocess
from functools import lru_cache
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from portfolio_builder.core.privacy.redaction import Region, redact_photo

from .face_photos import jpeg_bytes, photo

SECRETS = (
    b"Canon",
    b"EOS-SECRET",
    b"SERIAL-4711",
    b"Jane Smith",
    b"Flat 3, 12 Acacia Road",
    b"TRAILING-SECRET",
    b"iptc-caption-secret",
    b"xmp-secret",
)
TAKEN = "2025:06:14 10:30:00"
REGION = Region(0.3, 0.05, 0.25, 0.35)


def identifying_exif(orientation: int = 1) -> Image.Exif:
    """EXIF a phone or camera writes: maker, model, owner, serial, GPS, a comment, the date and orientation."""
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x013B] = "Canon", "EOS-SECRET", "Jane Smith"
    exif[0x0112] = orientation
    exif[0x0132] = TAKEN
    sub = exif.get_ifd(0x8769)
    sub[0x9003], sub[0x9011] = TAKEN, "+01:00"
    sub[0xA431] = "SERIAL-4711"
    sub[0x9286] = b"ASCII\x00\x00\x00Flat 3, 12 Acacia Road"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (51.0, 30.0, 0.0), "W", (0.0, 7.0, 0.0)
    return exif


@lru_cache
def srgb_profile() -> bytes:
    """A real ICC colour profile (sRGB, built by Pillow's LittleCMS; cached: its header holds the time it was made)."""
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def app13(text: bytes) -> bytes:
    """A Photoshop/IPTC APP13 segment carrying a caption."""
    body = b"Photoshop 3.0\x00" + text
    return b"\xff\xed" + struct.pack(">H", len(body) + 2) + body


def loaded_jpeg(orientation: int = 1) -> bytes:
    """A real photo as a JPEG carrying every kind of metadata that must not leave, plus bytes after its end."""
    data = jpeg_bytes(
        photo("astronaut"),
        quality=92,
        exif=identifying_exif(orientation).tobytes(),
        icc_profile=srgb_profile(),
        comment=b"Jane Smith at Flat 3, 12 Acacia Road",
        xmp=b"<x:xmpmeta>xmp-secret</x:xmpmeta>",
    )
    return data[:2] + app13(b"iptc-caption-secret") + data[2:] + b"TRAILING-SECRET"


def jpeg_segments(data: bytes) -> tuple[list[tuple[int, bytes]], bytes]:
    """The JPEG's marker segments before the image data, and whatever follows its end marker."""
    segments, pos = [], 2
    while data[pos + 1] != 0xDA:
        marker, length = data[pos + 1], struct.unpack(">H", data[pos + 2 : pos + 4])[0]
        segments.append((marker, data[pos + 4 : pos + 2 + length]))
        pos += 2 + length
    return segments, data[data.rindex(b"\xff\xd9") + 2 :]


def assert_only_allowed_exif(image: Image.Image, orientation: int) -> None:
    """The EXIF holds the orientation (when not upright) and the capture date, nothing more."""
    exif = image.getexif()
    assert set(exif) <= {0x0112, 0x8769}
    assert exif.get(0x0112, 1) == orientation
    assert dict(exif.get_ifd(0x8769)) == {0x9003: TAKEN, 0x9011: "+01:00"}
    assert exif.get_ifd(0x8825) == {}


@pytest.mark.parametrize("orientation", [1, 6])
def test_a_redacted_jpeg_keeps_only_pixels_orientation_date_and_colour_profile(orientation):
    """Camera maker, serial, owner, GPS, comment, XMP, IPTC and trailing bytes are gone; date and profile kept."""
    original = loaded_jpeg(orientation)
    assert all(secret in original for secret in SECRETS)  # the test photo really carries them
    out = redact_photo(original, [REGION]).data
    for secret in SECRETS:
        assert secret not in out
    segments, trailer = jpeg_segments(out)
    assert trailer == b""
    allowed = {0xE0: b"JFIF\x00", 0xE1: b"Exif\x00\x00", 0xE2: b"ICC_PROFILE\x00"}
    for marker, body in segments:
        assert marker in allowed or marker in (0xDB, 0xC4, 0xC0, 0xC1, 0xC2, 0xDD), hex(marker)
        assert body.startswith(allowed.get(marker, b""))
    with Image.open(io.BytesIO(out)) as image:
        assert_only_allowed_exif(image, orientation)
        assert image.info.get("icc_profile") == srgb_profile()
        assert not {"comment", "xmp", "photoshop", "exif_xmp"} & set(image.info)


def test_a_photo_with_no_regions_is_still_cleaned():
    """Applying an empty list of regions still re-encodes the photo without its identifying metadata."""
    out = redact_photo(loaded_jpeg(), []).data
    for secret in SECRETS:
        assert secret not in out


def test_a_redacted_png_drops_text_chunks_and_gps():
    """A PNG's text chunks and the GPS in its eXIf chunk are gone; its date and colour profile stay."""
    from PIL import PngImagePlugin

    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Jane Smith")
    text.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>xmp-secret Flat 3, 12 Acacia Road</x:xmpmeta>")
    buffer = io.BytesIO()
    photo("astronaut").save(
        buffer, "PNG", pnginfo=text, exif=identifying_exif().tobytes(), icc_profile=srgb_profile()
    )
    assert b"Jane Smith" in buffer.getvalue() and b"xmp-secret" in buffer.getvalue()
    out = redact_photo(buffer.getvalue(), [REGION]).data
    for secret in SECRETS:
        assert secret not in out
    chunks, pos = [], 8
    while pos < len(out):
        length = struct.unpack(">I", out[pos : pos + 4])[0]
        chunks.append(out[pos + 4 : pos + 8])
        pos += 12 + length
    assert set(chunks) <= {b"IHDR", b"iCCP", b"eXIf", b"IDAT", b"IEND"}
    with Image.open(io.BytesIO(out)) as image:
        assert_only_allowed_exif(image, 1)
        assert image.info.get("icc_profile") == srgb_profile()


def test_a_redacted_heic_drops_its_camera_and_gps():
    """A HEIC's maker, serial and GPS do not follow it into the JPEG it becomes; its date does."""
    # made once with pillow_heif's encoder (the app only decodes HEIC) from the astronaut photo and identifying_exif()
    heic = (Path(__file__).parent / "data" / "astronaut-identifying.heic").read_bytes()
    assert b"SERIAL-4711" in heic
    out = redact_photo(heic, [REGION]).data
    for secret in SECRETS:
        assert secret not in out
    with Image.open(io.BytesIO(out)) as image:
        assert image.format == "JPEG"
        assert_only_allowed_exif(image, 1)


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool is not installed")
def test_exiftool_finds_nothing_but_the_allowed_tags(tmp_path):
    """exiftool, reading every tag it knows, finds only file structure, orientation, date and colour profile."""
    path = tmp_path / "redacted.jpg"
    path.write_bytes(redact_photo(loaded_jpeg(6), [REGION]).data)
    report = json.loads(
        subprocess.run(
            ["exiftool", "-j", "-G1", "-a", "-u", str(path)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )[0]
    groups = {key.split(":")[0] for key in report if ":" in key and not key.startswith("ICC")}
    assert groups <= {"ExifTool", "System", "File", "JFIF", "IFD0", "ExifIFD", "Composite"}, groups
    assert "File:Comment" not in report
    exif_tags = {key for key in report if key.split(":")[0] in ("IFD0", "ExifIFD")}
    assert exif_tags <= {
        "IFD0:Orientation",
        "ExifIFD:DateTimeOriginal",
        "ExifIFD:OffsetTimeOriginal",
    }, exif_tags
    assert report["ExifIFD:DateTimeOriginal"] == TAKEN
