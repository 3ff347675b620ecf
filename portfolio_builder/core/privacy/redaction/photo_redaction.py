"""Apply a photo's regions to its pixels and re-encode it with nothing but the allow-listed metadata.

One decoded photo is held at a time: a JPEG is decoded once, painted in place and saved with its
own quantisation tables and chroma subsampling (so the untouched parts change only by one more
round of JPEG rounding); the EXIF orientation is kept and each region is mapped onto the stored
pixels, so a photo taken sideways is never turned (turning would need a second full-size copy).
PNG stays PNG; HEIC becomes JPEG, which every laptop and the assessor's window open.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image, JpegImagePlugin

from ...errors import BadInput
from .kept_metadata import KeptMetadata, exif_block, read_kept_metadata
from .region_painting import paint_region
from .regions import Region, stored_box

HEIC_QUALITY = 92  # as heic_as_clean_jpeg: HEIC has no JPEG tables to keep
JPEG_FORMATS = (
    "JPEG",
    "MPO",
)  # MPO: a JPEG with extra frames (some cameras); only the first is kept
PAINTABLE_MODES = ("L", "RGB", "RGBA")


@dataclass(frozen=True)
class RedactedPhoto:
    """The redacted photo's bytes and what they are (a HEIC comes out as a JPEG)."""

    data: bytes
    media_type: str  # "image/jpeg" or "image/png"

    @property
    def suffix(self) -> str:
        """The file name ending that matches the bytes."""
        return ".png" if self.media_type == "image/png" else ".jpg"


def _open(data: bytes) -> Image.Image:
    """The photo opened (not yet decoded), refusing anything that is not a JPEG, PNG or HEIC."""
    from .. import heic  # noqa: F401 - registers the HEIC opener

    try:
        image = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise BadInput(
            "The photo is too large to open safely; it may be a damaged or malicious file."
        ) from None
    except (OSError, SyntaxError, ValueError, EOFError, TypeError) as exc:
        raise BadInput(f"The photo could not be read for blurring ({exc}).") from None
    if image.format not in JPEG_FORMATS + ("PNG", "HEIF"):
        image.close()
        raise BadInput(
            f"Only JPEG, PNG and HEIC photos can be blurred, not {image.format or 'this file'}."
        )
    return image


def _paintable(image: Image.Image) -> Image.Image:
    """The image in a mode the painter and the encoder both accept (converted only when it must be)."""
    has_alpha = "A" in image.getbands() or "transparency" in image.info
    if image.mode in PAINTABLE_MODES and "transparency" not in image.info:
        return image
    converted = image.convert("RGBA" if has_alpha else "RGB")
    image.close()
    return converted


def _without_alpha(image: Image.Image) -> Image.Image:
    """An RGB image with transparent parts on white, for JPEG output."""
    if image.mode != "RGBA":
        return image
    flat = Image.new("RGB", image.size, (255, 255, 255))
    flat.paste(image, mask=image.getchannel("A"))
    return flat


def _encode(image: Image.Image, source_format: str | None, kept: KeptMetadata) -> RedactedPhoto:
    """The painted pixels saved afresh: only the orientation, capture date and ICC profile are written."""
    buffer = io.BytesIO()
    common = {"exif": exif_block(kept)}
    if kept.icc_profile:
        common["icc_profile"] = kept.icc_profile
    image.info = {}  # nothing read from the original (comment, XMP, text) can ride along into the output
    if source_format == "PNG":
        image.save(buffer, "PNG", **common)
        return RedactedPhoto(buffer.getvalue(), "image/png")
    if source_format in JPEG_FORMATS and hasattr(image, "quantization") and image.quantization:
        tables = {"qtables": image.quantization, "subsampling": JpegImagePlugin.get_sampling(image)}
    else:
        tables = {"quality": HEIC_QUALITY}
    _without_alpha(image).save(buffer, "JPEG", comment=b"", **tables, **common)
    return RedactedPhoto(buffer.getvalue(), "image/jpeg")


def redact_photo(data: bytes, regions: Sequence[Region]) -> RedactedPhoto:
    """The photo with each region blurred or blocked out where it was drawn on the upright photo.

    The output carries no metadata except the orientation, capture date and colour profile, even
    when regions is empty. A file that is not a readable JPEG, PNG or HEIC raises BadInput.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image = _open(data)
        source_format = image.format
        try:
            kept = read_kept_metadata(image)
            image.load()
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            image.close()
            raise BadInput(f"The photo is damaged and could not be blurred ({exc}).") from None
    if image.mode == "CMYK" and kept.icc_profile:
        kept = KeptMetadata(
            kept.orientation, kept.taken, kept.offset, None
        )  # a CMYK profile no longer fits
    image = _paintable(image)
    for region in regions:
        paint_region(image, stored_box(region, kept.orientation, image.width, image.height), region)
    try:
        return _encode(image, source_format, kept)
    finally:
        image.close()
