"""A photo item's picture, decoded upright at a reduced size on a worker, as a QImage (JPEG, PNG and HEIC alike)."""

from __future__ import annotations

from PySide6.QtGui import QImage

from ...core.evidence.evidence_details import stored_bytes
from ...core.privacy.redaction import upright_preview
from ...core.storage.portfolio_file import Portfolio

EDITOR_SIDE = (
    1600  # the editor's picture: the size faces are looked for at, enough to place a region by eye
)


def as_qimage(image) -> QImage:
    """A Pillow RGB image as a QImage that owns its pixels (safe to hand from a worker to the GUI thread)."""
    data = image.tobytes("raw", "RGB")
    return QImage(
        data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888
    ).copy()


def load_upright(portfolio: Portfolio, evidence_id: int, side: int = EDITOR_SIDE) -> QImage:
    """The item's photo upright (EXIF orientation applied, as regions are drawn), no larger than side.

    Reads and decodes the photo: call it on a worker. BadInput when it cannot be read.
    """
    return as_qimage(upright_preview(stored_bytes(portfolio, evidence_id), side))
