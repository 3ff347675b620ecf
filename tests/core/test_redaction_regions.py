"""Regions are checked when made, and a photo that cannot be redacted is refused with one clear line."""

from __future__ import annotations

import io
import struct
import zlib

import pytest

from portfolio_builder.core.errors import BadInput
from portfolio_builder.core.privacy.redaction import Region, redact_photo, stored_box

from .face_photos import jpeg_bytes, photo


@pytest.mark.parametrize(
    "values",
    [
        (-0.1, 0, 0.5, 0.5),
        (0, 0, 0, 0.5),
        (0.6, 0, 0.5, 0.5),
        (0, 0.9, 0.5, 0.2),
        (float("nan"), 0, 0.5, 0.5),
        (True, 0, 0.5, 0.5),
        ("0.1", 0, 0.5, 0.5),
    ],
)
def test_a_region_outside_the_photo_is_refused(values):
    """A region that is empty, negative, not a number or sticks out of the photo is refused with a message."""
    with pytest.raises(BadInput) as refused:
        Region(*values)
    assert "\n" not in refused.value.message


def test_a_region_reaching_the_edges_is_accepted():
    """A region covering the whole photo (rounding included) is accepted."""
    assert Region(0.1, 0.2, 0.9000000001, 0.8).w > 0.9


def test_mode_and_shape_are_checked():
    """Only blur/block and rectangle/ellipse are accepted."""
    with pytest.raises(BadInput, match="blur or block"):
        Region(0, 0, 1, 1, mode="smudge")
    with pytest.raises(BadInput, match="rectangle or ellipse"):
        Region(0, 0, 1, 1, shape="star")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.1,0.2,0.3,0.4", Region(0.1, 0.2, 0.3, 0.4, "blur", "rectangle")),
        ("0.1, 0.2, 0.3, 0.4, block", Region(0.1, 0.2, 0.3, 0.4, "block", "rectangle")),
        ("0,0,1,1,ellipse,blur", Region(0, 0, 1, 1, "blur", "ellipse")),
    ],
)
def test_the_command_line_form_is_read(text, expected):
    """The command line's x,y,w,h[,blur|block] (with an optional shape) gives the region meant."""
    assert Region.parse(text) == expected


@pytest.mark.parametrize(
    "text", ["0.1,0.2,0.3", "a,b,c,d", "0.1,0.2,0.3,0.4,smudge", "0.5,0.5,0.6,0.1"]
)
def test_a_malformed_command_line_region_is_refused(text):
    """A region with too few numbers, words for numbers, an unknown word or out of the photo is refused."""
    with pytest.raises(BadInput):
        Region.parse(text)


def test_a_damaged_stored_region_is_refused_not_a_crash():
    """A stored region missing a field reads as a clear refusal, not a KeyError."""
    with pytest.raises(BadInput, match="could not be read"):
        Region.from_dict({"x": 0.1, "y": 0.1, "w": 0.2})


def test_the_stored_box_covers_the_drawn_area_rounded_outwards():
    """A region's pixel box on an odd-sized photo is rounded outwards and never empty."""
    assert stored_box(Region(0.1, 0.1, 0.2, 0.2), 1, 101, 51) == (10, 5, 31, 16)
    assert stored_box(Region(0.999, 0.999, 0.001, 0.001), 1, 100, 100) == (99, 99, 100, 100)
    assert stored_box(Region(0.0, 0.0, 0.5, 0.25), 6, 400, 300) == (
        0,
        150,
        100,
        300,
    )  # turned with the photo


def _png_header_only(width: int, height: int) -> bytes:
    body = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = (
        struct.pack(">I", len(body))
        + b"IHDR"
        + body
        + struct.pack(">I", zlib.crc32(b"IHDR" + body))
    )
    end = struct.pack(">I", 0) + b"IEND" + struct.pack(">I", zlib.crc32(b"IEND"))
    return b"\x89PNG\r\n\x1a\n" + chunk + end


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"this is not a photo", "could not be read"),
        (jpeg_bytes(photo("astronaut"))[:5000], "damaged"),
        (_png_header_only(15000, 15000), "too large"),
        (_png_header_only(10000, 9000), "too large"),
    ],
)
def test_a_photo_that_cannot_be_redacted_is_refused_in_one_line(data, words):
    """Not a photo, a truncated JPEG, or a decompression bomb: one line saying so, never a traceback."""
    with pytest.raises(BadInput) as refused:
        redact_photo(data, [Region(0, 0, 0.5, 0.5)])
    assert words in refused.value.message and "\n" not in refused.value.message


def test_only_jpeg_png_and_heic_are_redacted():
    """A GIF is refused by name rather than silently converted."""
    buffer = io.BytesIO()
    photo("astronaut").convert("P").save(buffer, "GIF")
    with pytest.raises(BadInput, match="Only JPEG, PNG and HEIC.*not GIF"):
        redact_photo(buffer.getvalue(), [])
