"""How a region will look when the photo leaves, drawn over the upright picture: a coarse blur or a dark block.

The look follows core's painting (a grid of BLUR_CELLS cells across the region's shorter side,
smoothed; a block in the same grey), so what staff see is what the assessor gets.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen

from ...core.privacy.redaction import Region
from ...core.privacy.redaction.region_painting import BLOCK_GREY, BLUR_CELLS

SUGGESTED = QColor("#F28C28")  # orange: found by Find faces, not yet accepted
SELECTED = QColor("#2F6DB5")
HANDLE = 8.0  # side of a resize handle, in screen pixels


def region_rect(region: Region, picture_rect: QRectF) -> QRectF:
    """Where a region (fractions of the upright photo) lies on the picture as it is drawn."""
    return QRectF(
        picture_rect.x() + region.x * picture_rect.width(),
        picture_rect.y() + region.y * picture_rect.height(),
        region.w * picture_rect.width(),
        region.h * picture_rect.height(),
    )


def region_path(rect: QRectF, shape: str) -> QPainterPath:
    """The outline of a region: its rectangle, or the ellipse inside it."""
    path = QPainterPath()
    if shape == "ellipse":
        path.addEllipse(rect)
    else:
        path.addRect(rect)
    return path


def fitted(picture_size: QSizeF, box: QRectF) -> QRectF:
    """The picture scaled to fit the box, centred, keeping its proportions."""
    size = picture_size.scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
    return QRectF(
        box.x() + (box.width() - size.width()) / 2,
        box.y() + (box.height() - size.height()) / 2,
        size.width(),
        size.height(),
    )


def _blurred(picture: QImage, region: Region) -> QImage:
    """The region of the picture reduced to its coarse grid of averages (what survives core's blur)."""
    width, height = picture.width(), picture.height()
    source = QRect(
        int(region.x * width),
        int(region.y * height),
        max(1, round(region.w * width)),
        max(1, round(region.h * height)),
    )
    cell = max(1.0, min(source.width(), source.height()) / BLUR_CELLS)
    columns, rows = max(1, round(source.width() / cell)), max(1, round(source.height() / cell))
    return picture.copy(source).scaled(
        columns,
        rows,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def paint_region(
    painter: QPainter,
    picture: QImage | None,
    picture_rect: QRectF,
    region: Region,
    suggested: bool = False,
    selected: bool = False,
) -> None:
    """Draw one region over the picture: its look (blur or block), an outline, and handles when selected."""
    rect = region_rect(region, picture_rect)
    path = region_path(rect, region.shape)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setClipPath(path)
    if region.mode == "block":
        painter.fillRect(rect, QColor(BLOCK_GREY, BLOCK_GREY, BLOCK_GREY))
    elif picture is not None and not picture.isNull():
        painter.drawImage(rect, _blurred(picture, region))
    else:
        painter.fillRect(rect, QBrush(QColor(255, 255, 255, 150), Qt.BrushStyle.Dense4Pattern))
    painter.setClipping(False)
    colour = SELECTED if selected else (SUGGESTED if suggested else QColor("white"))
    if not suggested:
        painter.setPen(QPen(QColor(0, 0, 0, 160), 3))
        painter.drawPath(path)
    pen = QPen(
        colour,
        2 if not selected else 2.5,
        Qt.PenStyle.DashLine if suggested else Qt.PenStyle.SolidLine,
    )
    painter.setPen(pen)
    painter.drawPath(path)
    if selected:
        painter.setPen(QPen(QColor("black"), 1))
        painter.setBrush(QColor("white"))
        for point in handle_points(rect).values():
            painter.drawRect(
                QRectF(point - QPointF(HANDLE / 2, HANDLE / 2), QSizeF(HANDLE, HANDLE))
            )
    painter.restore()


def handle_points(rect: QRectF) -> dict[str, QPointF]:
    """The resize handles of a region's box by name: corners (tl, tr, bl, br) and edge middles (t, b, l, r)."""
    centre = rect.center()
    return {
        "tl": rect.topLeft(),
        "tr": rect.topRight(),
        "bl": rect.bottomLeft(),
        "br": rect.bottomRight(),
        "t": QPointF(centre.x(), rect.top()),
        "b": QPointF(centre.x(), rect.bottom()),
        "l": QPointF(rect.left(), centre.y()),
        "r": QPointF(rect.right(), centre.y()),
    }


def paint_regions_on(picture: QImage, regions) -> QImage:
    """A copy of the picture with every region drawn as it will leave (for the evidence preview)."""
    shown = picture.convertToFormat(QImage.Format.Format_RGB32)
    painter = QPainter(shown)
    try:
        for region in regions:
            paint_region(painter, picture, QRectF(0, 0, picture.width(), picture.height()), region)
    finally:
        painter.end()
    return shown
