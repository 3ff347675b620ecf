"""Real photos of faces (and of no faces) that ship inside installed packages, for the redaction tests."""

from __future__ import annotations

import io
from functools import lru_cache

import numpy as np
import pytest
from PIL import Image


@lru_cache
def skimage_data():
    """scikit-image's sample data, imported when a test first needs a photo (0.7 s: not at collection)."""
    return pytest.importorskip(
        "skimage.data", reason="scikit-image ships the real face photos ([test] extra)"
    )


# (left, top, width, height) of each face in pixels, read off the photos by eye
FACE_BOXES = {
    "astronaut": (178, 62, 92, 110),  # skimage: Eileen Collins, frontal, 512 x 512
    "camera": (
        205,
        118,
        53,
        70,
    ),  # skimage: the cameraman, three-quarter view behind his camera, grey
    "grace_hopper": (
        176,
        120,
        181,
        215,
    ),  # matplotlib sample data: frontal, glasses and cap, 512 x 600
}


@lru_cache
def photo(name: str) -> Image.Image:
    """One of the real photos as an RGB image."""
    if name == "grace_hopper":
        cbook = pytest.importorskip(
            "matplotlib.cbook", reason="matplotlib ships grace_hopper.jpg ([test] extra)"
        )
        with Image.open(cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)) as image:
            return image.convert("RGB")
    return Image.fromarray(getattr(skimage_data(), name)()).convert("RGB")


def jpeg_bytes(image: Image.Image, quality: int = 90, **options) -> bytes:
    """The image as a JPEG file (options passed to Pillow's save: exif, icc_profile, comment...)."""
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, **options)
    return buffer.getvalue()


def lfw_faces() -> tuple[np.ndarray, np.ndarray]:
    """scikit-image's 100 Labeled Faces in the Wild crops and its 100 non-face crops (25 x 25, grey, 0..1)."""
    crops = skimage_data().lfw_subset()
    return crops[:100], crops[100:]


def mosaic(
    crops: np.ndarray, face: int = 64, tile: int = 128
) -> tuple[Image.Image, list[tuple[int, int, int, int]]]:
    """The crops enlarged to face pixels and laid on a 10-wide grid, each with its edges stretched around it.

    Returns the RGB image and the (left, top, width, height) of every crop in it.
    """
    pad = (tile - face) // 2
    rows = -(-len(crops) // 10)
    sheet = Image.new("L", (10 * tile, rows * tile))
    boxes = []
    for n, crop in enumerate(crops):
        small = Image.fromarray((crop * 255).astype(np.uint8)).resize(
            (face, face), Image.Resampling.BICUBIC
        )
        framed = np.pad(
            np.asarray(small), pad, mode="edge"
        )  # context around the tight crop, as a photo has
        left, top = (n % 10) * tile, (n // 10) * tile
        sheet.paste(Image.fromarray(framed), (left, top))
        boxes.append((left + pad, top + pad, face, face))
    return sheet.convert("RGB"), boxes


def region_pixels(region, width: int, height: int) -> tuple[int, int, int, int]:
    """A region's (left, top, right, bottom) in pixels of a width x height upright photo."""
    return (
        round(region.x * width),
        round(region.y * height),
        round((region.x + region.w) * width),
        round((region.y + region.h) * height),
    )


def covered_share(region, box, width: int, height: int) -> float:
    """How much of a face box (left, top, width, height) a suggested region covers, 0..1."""
    left, top, right, bottom = region_pixels(region, width, height)
    x, y, w, h = box
    overlap_w = max(0, min(right, x + w) - max(left, x))
    overlap_h = max(0, min(bottom, y + h) - max(top, y))
    return overlap_w * overlap_h / (w * h)
