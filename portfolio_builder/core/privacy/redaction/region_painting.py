"""Paint one region of a decoded photo in place: a solid block, or a blur that keeps none of the region's detail.

The blur cannot be undone because the region is first reduced to a grid of BLUR_CELLS cells
across its shorter side (a face becomes about four averages of colour), and only that grid,
smoothed with a Gaussian, is painted back. Strength is relative to the region: a large region
gets large cells. Work is done in horizontal bands, so even a region covering a whole 48 MP
photo never needs a second full-size copy of it.
"""

from __future__ import annotations

import math

from PIL import Image, ImageDraw, ImageFilter

from .regions import Region

BLUR_CELLS = 2  # cells across the region's shorter side: no eye, mouth or letter survives averaging
SMOOTH_SCALE = 16  # the cell grid is smoothed at 16 pixels per cell, then stretched over the region
SMOOTH_SIGMA = 0.6  # Gaussian radius in cells: blends neighbouring cells, no visible grid
BAND_ROWS = 512  # rows painted at a time, to bound memory on very large regions
BLOCK_GREY = 40  # a dark grey block reads as "removed" without looking like a hole in the photo


def block_colour(mode: str):
    """The block fill in the photo's own pixel mode."""
    return {"L": BLOCK_GREY, "RGB": (BLOCK_GREY,) * 3, "RGBA": (BLOCK_GREY,) * 3 + (255,)}[mode]


def paint_region(image: Image.Image, box: tuple[int, int, int, int], region: Region) -> None:
    """Block out or blur region over box (left, top, right, bottom, in stored pixels) of image, in place."""
    left, top, right, bottom = box
    if right <= left or bottom <= top:
        return
    if region.mode == "block":
        _paint_block(image, box, region.shape)
    else:
        _paint_blur(image, box, region.shape)


def _paint_block(image: Image.Image, box: tuple[int, int, int, int], shape: str) -> None:
    fill = block_colour(image.mode)
    if shape == "rectangle":
        image.paste(fill, box)
    else:
        ImageDraw.Draw(image).ellipse((box[0], box[1], box[2] - 1, box[3] - 1), fill=fill)


def _smoothed_grid(image: Image.Image, box: tuple[int, int, int, int]) -> Image.Image:
    """The region as a small, smoothed grid of cell averages (the only thing derived from its pixels)."""
    width, height = box[2] - box[0], box[3] - box[1]
    cell = math.ceil(min(width, height) / BLUR_CELLS)
    columns, rows = max(1, round(width / cell)), max(1, round(height / cell))
    grid = image.resize(
        (columns, rows), Image.Resampling.BOX, box=box
    )  # averages read from the photo, no copy
    grid = grid.resize((columns * SMOOTH_SCALE, rows * SMOOTH_SCALE), Image.Resampling.NEAREST)
    return grid.filter(ImageFilter.GaussianBlur(SMOOTH_SCALE * SMOOTH_SIGMA))


def _ellipse_band_mask(width: int, height: int, band_top: int, band_rows: int) -> Image.Image:
    """The rows band_top..band_top+band_rows of a width x height ellipse mask."""
    mask = Image.new("L", (width, band_rows), 0)
    ImageDraw.Draw(mask).ellipse((0, -band_top, width - 1, height - 1 - band_top), fill=255)
    return mask


def _paint_blur(image: Image.Image, box: tuple[int, int, int, int], shape: str) -> None:
    smooth = _smoothed_grid(image, box)
    width, height = box[2] - box[0], box[3] - box[1]
    scale_y = smooth.height / height
    for band_top in range(0, height, BAND_ROWS):
        rows = min(BAND_ROWS, height - band_top)
        source = (0, band_top * scale_y, smooth.width, (band_top + rows) * scale_y)
        band = smooth.resize((width, rows), Image.Resampling.BILINEAR, box=source)
        mask = _ellipse_band_mask(width, height, band_top, rows) if shape == "ellipse" else None
        image.paste(band, (box[0], box[1] + band_top), mask)
