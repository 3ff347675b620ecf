"""The parts of a photo to blur or block out, as fractions of the upright photo, and where they fall on its pixels."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

from ...errors import BadInput

SHAPES = ("rectangle", "ellipse")
MODES = ("blur", "block")
EDGE_SLACK = 1e-6  # a region drawn to the very edge may add up to 1.0000001 in floating point


@dataclass(frozen=True)
class Region:
    """One area of a photo to redact: x, y, w, h are fractions (0..1) of the photo as the viewer sees it upright."""

    x: float
    y: float
    w: float
    h: float
    mode: str = "blur"
    shape: str = "rectangle"

    def __post_init__(self) -> None:
        if self.shape not in SHAPES:
            raise BadInput(f"A region's shape must be rectangle or ellipse, not {self.shape!r}.")
        if self.mode not in MODES:
            raise BadInput(f"A region must blur or block, not {self.mode!r}.")
        values = (self.x, self.y, self.w, self.h)
        if not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
            for v in values
        ):
            raise BadInput("A region's position and size must be numbers between 0 and 1.")
        if min(values) < 0 or self.w <= 0 or self.h <= 0:
            raise BadInput(
                "A region's position must be 0 or more and its width and height more than 0."
            )
        if self.x + self.w > 1 + EDGE_SLACK or self.y + self.h > 1 + EDGE_SLACK:
            raise BadInput("A region must lie inside the photo (x + w and y + h at most 1).")

    @classmethod
    def parse(cls, text: str) -> Region:
        """A region from the command line's 'x,y,w,h[,blur|block][,rectangle|ellipse]'."""
        parts = [p.strip() for p in text.split(",")]
        if len(parts) < 4:
            raise BadInput(
                f"A region is x,y,w,h as fractions of the photo, optionally then blur or block: {text!r}."
            )
        try:
            x, y, w, h = (float(p) for p in parts[:4])
        except ValueError:
            raise BadInput(
                f"A region's x,y,w,h must be numbers between 0 and 1: {text!r}."
            ) from None
        words = parts[4:]
        mode = next((p for p in words if p in MODES), "blur")
        shape = next((p for p in words if p in SHAPES), "rectangle")
        unknown = [p for p in words if p not in MODES + SHAPES]
        if unknown:
            raise BadInput(
                f"A region ends with blur or block (optionally rectangle or ellipse), not {unknown[0]!r}."
            )
        return cls(x, y, w, h, mode, shape)

    def as_dict(self) -> dict:
        """The region as plain JSON-ready values (for storage with the item and `show --json`)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict) -> Region:
        """A region from as_dict's output; a missing or wrong field is BadInput, not a KeyError."""
        try:
            return cls(
                float(values["x"]),
                float(values["y"]),
                float(values["w"]),
                float(values["h"]),
                str(values.get("mode", "blur")),
                str(values.get("shape", "rectangle")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise BadInput(f"A stored region could not be read ({exc}).") from None


def _upright_to_stored(u: float, v: float, orientation: int) -> tuple[float, float]:
    """Where a point of the upright photo (fractions) lies on the stored pixels, for EXIF orientation 1-8."""
    return {
        2: (1 - u, v),  # mirrored left-right
        3: (1 - u, 1 - v),  # upside down
        4: (u, 1 - v),  # mirrored top-bottom
        5: (v, u),  # transposed
        6: (v, 1 - u),  # stored turned a quarter anticlockwise (phone held upright)
        7: (1 - v, 1 - u),  # transversed
        8: (1 - v, u),  # stored turned a quarter clockwise
    }.get(orientation, (u, v))


def stored_box(
    region: Region, orientation: int, width: int, height: int
) -> tuple[int, int, int, int]:
    """The region's (left, top, right, bottom) on the stored pixels of a width x height photo.

    Orientations 5-8 swap the axes, so a region drawn on the upright photo is turned with it;
    the box is rounded outwards so the whole drawn area is covered, and never empty.
    """
    corners = [
        _upright_to_stored(u, v, orientation)
        for u in (region.x, min(1.0, region.x + region.w))
        for v in (region.y, min(1.0, region.y + region.h))
    ]
    left = min(c[0] for c in corners) * width
    right = max(c[0] for c in corners) * width
    top = min(c[1] for c in corners) * height
    bottom = max(c[1] for c in corners) * height
    box_left, box_top = max(0, math.floor(left)), max(0, math.floor(top))
    box_right, box_bottom = min(width, math.ceil(right)), min(height, math.ceil(bottom))
    return (
        box_left,
        box_top,
        max(box_right, min(width, box_left + 1)),
        max(box_bottom, min(height, box_top + 1)),
    )
