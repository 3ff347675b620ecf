"""Blurred or blocked regions of real photos are unrecognisable, land where drawn, and nothing else changes."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFilter, ImageOps

from portfolio_builder.core.privacy.redaction import Region, find_faces, redact_photo
from portfolio_builder.core.privacy.redaction.region_painting import BLOCK_GREY

from .face_photos import FACE_BOXES, jpeg_bytes, lfw_faces, mosaic, photo, region_pixels


def grey(image: Image.Image) -> np.ndarray:
    """The image's luminance as floats."""
    return np.asarray(image.convert("L"), dtype=float)


def detail(pixels: np.ndarray) -> float:
    """High-frequency content: mean absolute difference between neighbouring pixels, both ways."""
    return float(np.abs(np.diff(pixels, axis=0)).mean() + np.abs(np.diff(pixels, axis=1)).mean())


def shrunk(pixels: np.ndarray, size: int) -> np.ndarray:
    """The pixels averaged down to size x size, as a unit vector around its mean (for comparing patterns)."""
    small = np.asarray(
        Image.fromarray(pixels.astype(np.uint8)).resize((size, size), Image.Resampling.BOX), float
    )
    vector = small.ravel() - small.mean()
    return vector / (np.linalg.norm(vector) + 1e-9)


def decoded(data: bytes) -> Image.Image:
    """Bytes decoded to an image (not turned upright)."""
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        return image


def outside(shape: tuple[int, int], box: tuple[int, int, int, int], band: int = 16) -> np.ndarray:
    """A mask of the pixels more than band pixels away from box (left, top, right, bottom)."""
    mask = np.ones(shape, dtype=bool)
    left, top, right, bottom = box
    mask[max(0, top - band) : bottom + band, max(0, left - band) : right + band] = False
    return mask


@pytest.mark.parametrize("name", sorted(FACE_BOXES))
def test_a_blurred_face_loses_its_detail_and_the_rest_is_unchanged(name):
    """Blurring the suggested region leaves the face with under a tenth of its detail; the rest stays as it was."""
    data = jpeg_bytes(photo(name), quality=92)
    regions = find_faces(data)
    out = redact_photo(data, regions)
    assert out.media_type == "image/jpeg"
    before, after = grey(decoded(data)), grey(decoded(out.data))
    x, y, w, h = FACE_BOXES[name]
    assert detail(after[y : y + h, x : x + w]) < 0.1 * detail(before[y : y + h, x : x + w])
    mask = outside(before.shape, region_pixels(regions[0], before.shape[1], before.shape[0]))
    difference = np.abs(after - before)[mask]
    assert (
        difference.mean() < 0.5 and np.percentile(difference, 99) <= 3
    )  # one more round of JPEG rounding


def test_blurred_faces_cannot_be_matched_back_to_their_originals():
    """Among 100 real faces, a blurred face shrunk and compared with every original picks out its own about as
    rarely as chance, where the same comparison finds every face behind an ordinary Gaussian blur."""
    faces, _ = lfw_faces()
    originals, blurred, softened = [], [], []
    for crop in faces:
        sheet, [(x, y, w, h)] = mosaic(crop[None], face=100, tile=200)
        data = jpeg_bytes(sheet.crop((0, 0, 200, 200)), quality=92)
        original = grey(decoded(data))
        region = Region(x / 200, y / 200, w / 200, h / 200)
        originals.append(original[y : y + h, x : x + w])
        blurred.append(grey(decoded(redact_photo(data, [region]).data))[y : y + h, x : x + w])
        plain = decoded(data).crop((x, y, x + w, y + h)).filter(ImageFilter.GaussianBlur(8))
        softened.append(grey(plain))
    for size in (4, 8, 16):
        gallery = np.array([shrunk(p, size) for p in originals])
        ours = np.argmax(np.array([shrunk(p, size) for p in blurred]) @ gallery.T, axis=1)
        theirs = np.argmax(np.array([shrunk(p, size) for p in softened]) @ gallery.T, axis=1)
        assert np.sum(ours == np.arange(100)) <= 15, size  # chance is 1 in 100
        assert np.sum(theirs == np.arange(100)) >= 95, (
            size
        )  # the comparison does find a weakly blurred face


def test_a_block_is_a_solid_fill_and_an_ellipse_leaves_its_corners():
    """Block fills the drawn area with one grey; an ellipse region leaves the corners of its box untouched."""
    data = jpeg_bytes(photo("astronaut"), quality=95)
    out = grey(decoded(redact_photo(data, [Region(0.25, 0.25, 0.5, 0.5, "block", "ellipse")]).data))
    before = grey(decoded(data))
    centre = out[200:312, 200:312]
    assert np.abs(centre - BLOCK_GREY).max() <= 3
    corner = (slice(130, 140), slice(130, 140))  # inside the box, outside the ellipse
    assert np.abs(out[corner] - before[corner]).mean() < 2


@pytest.mark.parametrize("orientation", range(1, 9))
def test_a_region_lands_where_it_was_drawn_on_the_upright_photo(orientation):
    """Whatever the EXIF orientation, a region drawn on the upright photo covers that spot when the result is shown."""
    upright = photo("grace_hopper")
    inverse = {
        2: Image.Transpose.FLIP_LEFT_RIGHT,
        3: Image.Transpose.ROTATE_180,
        4: Image.Transpose.FLIP_TOP_BOTTOM,
        5: Image.Transpose.TRANSPOSE,
        6: Image.Transpose.ROTATE_90,
        7: Image.Transpose.TRANSVERSE,
        8: Image.Transpose.ROTATE_270,
    }
    stored = upright.transpose(inverse[orientation]) if orientation > 1 else upright
    exif = Image.Exif()
    exif[0x0112] = orientation
    data = jpeg_bytes(stored, quality=95, exif=exif.tobytes())
    region = Region(
        0.1, 0.6, 0.3, 0.2, "block"
    )  # lower left of the upright photo: away from the face
    shown = grey(ImageOps.exif_transpose(decoded(redact_photo(data, [region]).data)))
    assert shown.shape == (upright.height, upright.width)
    left, top, right, bottom = region_pixels(region, upright.width, upright.height)
    assert (
        np.abs(shown[top + 8 : bottom - 8, left + 8 : right - 8] - BLOCK_GREY).max() <= 4
    )  # JPEG ringing at the edge
    before = grey(upright)
    mask = outside(before.shape, (left, top, right, bottom))
    assert np.abs(shown - before)[mask].mean() < 2  # nothing else moved


def test_a_sideways_photo_has_its_face_blurred_not_the_wrong_corner():
    """A phone photo stored sideways (orientation 6) has its face blurred when shown upright; pixels kept as stored."""
    upright = photo("astronaut")
    exif = Image.Exif()
    exif[0x0112] = 6
    data = jpeg_bytes(upright.transpose(Image.Transpose.ROTATE_90), quality=92, exif=exif.tobytes())
    out = redact_photo(data, find_faces(data))
    stored = decoded(out.data)
    assert stored.size == (
        upright.height,
        upright.width,
    )  # not turned: one decoded photo, orientation tag kept
    assert stored.getexif()[0x0112] == 6
    shown = grey(ImageOps.exif_transpose(stored))
    x, y, w, h = FACE_BOXES["astronaut"]
    assert detail(shown[y : y + h, x : x + w]) < 0.1 * detail(grey(upright)[y : y + h, x : x + w])
    assert detail(shown[300:400, 300:400]) > 5  # the helmet in the lower right still has its detail


def test_a_png_stays_png_with_its_transparency():
    """A PNG (with an alpha channel) comes back as a PNG of the same size and mode, its region blurred."""
    image = photo("astronaut").convert("RGBA")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    out = redact_photo(buffer.getvalue(), [Region(160 / 512, 24 / 512, 130 / 512, 172 / 512)])
    assert out.media_type == "image/png" and out.suffix == ".png"
    result = decoded(out.data)
    assert (result.format, result.mode, result.size) == ("PNG", "RGBA", (512, 512))
    x, y, w, h = FACE_BOXES["astronaut"]
    assert detail(grey(result)[y : y + h, x : x + w]) < 0.1 * detail(
        grey(image)[y : y + h, x : x + w]
    )
    assert np.array_equal(
        np.asarray(result)[300:], np.asarray(image)[300:]
    )  # lossless outside the region


def test_a_heic_photo_comes_out_as_a_blurred_jpeg():
    """A HEIC photo (the astronaut, made once with pillow_heif's encoder) comes back as a JPEG, face blurred."""
    data = (Path(__file__).parent / "data" / "astronaut.heic").read_bytes()
    regions = find_faces(data)
    assert len(regions) == 1
    out = redact_photo(data, regions)
    assert out.media_type == "image/jpeg" and out.suffix == ".jpg"
    result = decoded(out.data)
    assert (result.format, result.size) == ("JPEG", (512, 512))
    x, y, w, h = FACE_BOXES["astronaut"]
    assert detail(grey(result)[y : y + h, x : x + w]) < 0.1 * detail(
        grey(photo("astronaut"))[y : y + h, x : x + w]
    )
