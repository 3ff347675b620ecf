"""Photos leave without their GPS position or camera serial number, pixels untouched."""

import base64
import io
import re
import zipfile

import pytest
from PIL import Image

from portfolio_builder.core.privacy.photo_privacy import clean_photo
from tests.core.portfolio_factory import SERIAL, photo_with_gps


def _exif(data):
    image = Image.open(io.BytesIO(data))
    return image.getexif()


def test_bundle_photo_has_no_gps_or_serial(shared_ready_bundle):
    """The bundle's photo has an empty GPS IFD, no BodySerialNumber, no maker; its date is kept."""
    result, _ = shared_ready_bundle
    with zipfile.ZipFile(result.path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".jpg"))
        data = archive.read(name)
    exif = _exif(data)
    assert not exif.get_ifd(0x8825)
    assert 0xA431 not in exif.get_ifd(0x8769) and 0x010F not in exif
    assert exif.get_ifd(0x8769).get(0x9003) == "2025:10:01 10:00:00"
    assert SERIAL.encode() not in data


def test_no_file_or_embedded_picture_in_the_bundle_names_the_camera(shared_ready_bundle):
    """Thumbnails inside the contents index and the PDF are cleaned too, even if a stored one kept its EXIF."""
    result, _ = shared_ready_bundle  # the factory stores the full photo, EXIF and all, as thumbnail
    with zipfile.ZipFile(result.path) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            assert SERIAL.encode() not in data, name
            for match in re.finditer(rb"base64,([A-Za-z0-9+/=]+)", data):
                assert SERIAL.encode() not in base64.b64decode(match.group(1)), name


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_clean_photo_is_lossless_and_keeps_orientation(fmt):
    """Cleaning keeps the decoded pixels identical and the orientation tag, for JPEG and PNG."""
    original = photo_with_gps()
    if fmt == "PNG":
        source = Image.open(io.BytesIO(original))
        buffer = io.BytesIO()
        source.save(buffer, "PNG", exif=source.getexif())
        original = buffer.getvalue()
    cleaned = clean_photo(original)
    assert _exif(original).get_ifd(0x8825)  # the test photo really had a position
    assert not _exif(cleaned).get_ifd(0x8825) and 0xA431 not in _exif(cleaned).get_ifd(0x8769)
    assert _exif(cleaned).get(0x0112) == 1
    assert Image.open(io.BytesIO(cleaned)).tobytes() == Image.open(io.BytesIO(original)).tobytes()


def test_clean_photo_leaves_other_files_alone():
    """Bytes that are not JPEG or PNG come back unchanged."""
    assert clean_photo(b"%PDF-1.4 hello") == b"%PDF-1.4 hello"
