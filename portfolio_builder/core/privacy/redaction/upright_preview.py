"""A photo decoded small and turned upright, as staff see it and as regions are drawn on it (JPEG, PNG, HEIC).

Finding faces and the desktop's region editor both look at this picture, so a region drawn or
suggested on it is in the same upright frame that stored_box maps onto the stored pixels.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image, ImageOps

from ...errors import BadInput

ORIENTATION = 0x0112


def upright_preview(data: bytes, side: int) -> Image.Image:
    """The photo upright, in RGB, no larger than side x side (a JPEG is decoded at reduced scale).

    Raises BadInput when the photo cannot be read or is too large to open safely. Safe on any thread.
    """
    from .. import heic  # noqa: F401 - registers the HEIC opener

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as image:
                image.draft("RGB", (side, side))
                orientation = image.getexif().get(ORIENTATION, 1)
                image.thumbnail((side, side), Image.Resampling.BOX)
                small = image.convert("RGB") if image.mode != "RGB" else image.copy()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise BadInput(
                "The photo is too large to open safely; it may be a damaged or malicious file."
            ) from None
        except (OSError, SyntaxError, ValueError, EOFError, TypeError) as exc:
            raise BadInput(f"The photo could not be read ({exc}).") from None
    if orientation in range(2, 9):
        small.getexif()[ORIENTATION] = orientation
        small = ImageOps.exif_transpose(small)
    return small
