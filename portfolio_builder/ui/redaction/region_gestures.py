"""How mouse drags and keys edit the photo's regions: draw, move, resize, nudge, choose and remove one."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QCursor, QKeySequence

from ...core.privacy.redaction import Region

MIN_SIDE = 6.0  # screen pixels: a smaller drag is a click, not a region
NUDGE, BIG_NUDGE = 0.005, 0.05  # arrow keys move the selected region by this share of the photo
CURSORS = {
    "tl": Qt.CursorShape.SizeFDiagCursor,
    "br": Qt.CursorShape.SizeFDiagCursor,
    "tr": Qt.CursorShape.SizeBDiagCursor,
    "bl": Qt.CursorShape.SizeBDiagCursor,
    "t": Qt.CursorShape.SizeVerCursor,
    "b": Qt.CursorShape.SizeVerCursor,
    "l": Qt.CursorShape.SizeHorCursor,
    "r": Qt.CursorShape.SizeHorCursor,
}


def _clamped_box(
    left: float, top: float, right: float, bottom: float
) -> tuple[float, float, float, float]:
    """A box in fractions, put in order and kept inside the photo."""
    left, right = sorted((min(1.0, max(0.0, left)), min(1.0, max(0.0, right))))
    top, bottom = sorted((min(1.0, max(0.0, top)), min(1.0, max(0.0, bottom))))
    return left, top, right, bottom


class RegionGestures:
    """Mixed into RegionCanvas (a QWidget): its mouse and key events, each ending in one change of a region."""

    picture: object
    read_only: bool
    selection: tuple[str, int] | None
    new_shape: str
    new_mode: str
    _drag: dict | None

    # --- mouse ---------------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.picture is None or self.read_only:
            return super().mousePressEvent(event)
        point = event.position()
        handle = self._handle_at(point)
        if handle is not None:
            self._drag = {
                "action": "resize",
                "handle": handle,
                "target": self.selection,
                "start": self.selected_region(),
            }
            return
        hit = self._hit(point)
        if hit is not None:
            self.select(*hit)
            self._drag = {
                "action": "move",
                "target": hit,
                "start": self.selected_region(),
                "from": self.to_fraction(point),
            }
            return
        self.select(None)
        start = self.to_fraction(point)
        if 0 <= start.x() <= 1 and 0 <= start.y() <= 1:
            self._drag = {"action": "draw", "from": start, "origin": point}

    def mouseMoveEvent(self, event) -> None:
        point = event.position()
        drag = self._drag
        if drag is None:
            handle = self._handle_at(point)
            self.setCursor(
                QCursor(
                    CURSORS[handle]
                    if handle
                    else Qt.CursorShape.SizeAllCursor
                    if self._hit(point)
                    else Qt.CursorShape.CrossCursor
                )
            )
            return
        here = self.to_fraction(point)
        if drag["action"] == "draw":
            drag["box"] = self._box_of(
                *_clamped_box(drag["from"].x(), drag["from"].y(), here.x(), here.y())
            )
            drag["far_enough"] = (point - drag["origin"]).manhattanLength() >= MIN_SIDE
        elif drag["action"] == "move":
            drag["live"] = self._moved(
                drag["start"], here.x() - drag["from"].x(), here.y() - drag["from"].y()
            )
        else:
            drag["live"] = self._resized(drag["start"], drag["handle"], here)
        self.update()

    def mouseReleaseEvent(self, event) -> None:
        drag, self._drag = self._drag, None
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mouseReleaseEvent(event)
        if drag["action"] == "draw":
            box = drag.get("box")
            rect = self.picture_rect()
            if (
                box
                and drag.get("far_enough")
                and box[2] * rect.width() >= MIN_SIDE
                and box[3] * rect.height() >= MIN_SIDE
            ):
                self.add_region(Region(*box, mode=self.new_mode, shape=self.new_shape))
        elif drag.get("live") is not None and drag["live"] != drag["start"]:
            self._change(
                *drag["target"],
                drag["live"],
                "Move a region" if drag["action"] == "move" else "Resize a region",
            )
        self.update()

    @staticmethod
    def _box_of(
        left: float, top: float, right: float, bottom: float
    ) -> tuple[float, float, float, float]:
        return left, top, right - left, bottom - top

    @staticmethod
    def _moved(region: Region, dx: float, dy: float) -> Region:
        x = min(max(0.0, region.x + dx), 1.0 - region.w)
        y = min(max(0.0, region.y + dy), 1.0 - region.h)
        return replace(region, x=max(0.0, x), y=max(0.0, y))

    def _resized(self, region: Region, handle: str, here: QPointF) -> Region:
        left, top, right, bottom = region.x, region.y, region.x + region.w, region.y + region.h
        left = here.x() if "l" in handle else left
        right = here.x() if "r" in handle else right
        top = here.y() if "t" in handle else top
        bottom = here.y() if "b" in handle else bottom
        left, top, right, bottom = _clamped_box(left, top, right, bottom)
        rect = self.picture_rect()
        least_w, least_h = MIN_SIDE / rect.width(), MIN_SIDE / rect.height()
        if right - left < least_w or bottom - top < least_h:
            return region  # never resized to nothing
        return replace(region, x=left, y=top, w=right - left, h=bottom - top)

    # --- keys ----------------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        region = self.selected_region()
        if region is not None and (
            event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace
        ):
            self.remove_selected()
            return
        if event.key() in (Qt.Key.Key_Insert, Qt.Key.Key_Plus):
            self.add_centred()
            return
        if event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self.select_next(1 if event.key() == Qt.Key.Key_PageDown else -1)
            return
        steps = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if (
            region is not None
            and event.key() in steps
            and not self.read_only
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            dx, dy = steps[event.key()]
            self._change(
                *self.selection,
                self._resized(
                    region,
                    "br",
                    QPointF(
                        region.x + region.w + dx * BIG_NUDGE / 2,
                        region.y + region.h + dy * BIG_NUDGE / 2,
                    ),
                ),
                "Resize a region",
            )
            return
        if region is not None and event.key() in steps and not self.read_only:
            size = BIG_NUDGE if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else NUDGE
            dx, dy = steps[event.key()]
            self._change(
                *self.selection, self._moved(region, dx * size, dy * size), "Move a region"
            )
            return
        if event.key() == Qt.Key.Key_Escape and self.selection is not None:
            self.select(None)
            return
        super().keyPressEvent(event)
