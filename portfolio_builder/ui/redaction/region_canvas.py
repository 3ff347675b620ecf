"""The upright photo with its regions, where staff draw a region by dragging, move it, resize it by its handles,
and remove it (Delete); Find faces' suggestions are shown dashed and edited the same way until accepted.

The canvas never writes: every finished change of the stored regions is announced with `edited`
(the whole new list and what was done, in words), and the editor commits it through the undo stack.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...core.privacy.redaction import Region
from .region_gestures import RegionGestures
from .region_overlay import HANDLE, fitted, handle_points, paint_region, region_path, region_rect

STORED, SUGGESTED = "stored", "suggested"


class RegionCanvas(RegionGestures, QWidget):
    """Shows the picture and the regions; mouse and keys edit them (see the module docstring)."""

    edited = Signal(
        object, str
    )  # the new tuple of stored regions, and what was done ("Draw a region", ...)
    suggestions_changed = Signal(object)  # the suggestions left (a tuple of Region)
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 220)
        self.picture: QImage | None = None
        self.message = "Loading the photo…"
        self.regions: tuple[Region, ...] = ()
        self.suggestions: tuple[Region, ...] = ()
        self.selection: tuple[str, int] | None = None
        self.new_shape, self.new_mode = "rectangle", "blur"
        self.read_only = False
        self._drag: dict | None = None  # what the held mouse button is doing: draw, move or resize
        self.setAccessibleName("Photo: parts to blur or block out")
        self._describe()

    # --- content -------------------------------------------------------------------------------
    def set_picture(self, picture: QImage | None, message: str = "") -> None:
        """The upright photo to draw on (None with a message while loading or when it cannot be shown)."""
        self.picture, self.message = picture, message
        self.update()

    def set_regions(self, regions) -> None:
        """The stored regions (after loading, a commit, an undo); the selection stays when it still exists."""
        self.regions = tuple(regions)
        self._keep_selection()
        self._describe()
        self.update()

    def set_suggestions(self, suggestions) -> None:
        """Find faces' suggestions, shown dashed until accepted or discarded."""
        self.suggestions = tuple(suggestions)
        self._keep_selection()
        self._describe()
        self.update()

    def select(self, kind: str | None, index: int = 0) -> None:
        """Select a stored region or a suggestion by position (kind None: nothing)."""
        self.selection = None if kind is None else (kind, index)
        self._keep_selection()
        self.selection_changed.emit()
        self._describe()
        self.update()

    def _describe(self) -> None:
        """What a screen reader says about the photo: the regions, the one selected, and the keys."""

        def said(region: Region) -> str:
            return (
                f"{'blur' if region.mode == 'blur' else 'block out'} {region.shape} at {round(region.x * 100)}% "
                f"across, {round(region.y * 100)}% down, {round(region.w * 100)}% by {round(region.h * 100)}%"
            )

        parts = [f"{len(self.regions)} region(s)"] + [
            f"region {n}: {said(r)}" for n, r in enumerate(self.regions, 1)
        ]
        if self.suggestions:
            parts.append(f"{len(self.suggestions)} suggestion(s) from Find faces")
        if self.selection is not None:
            kind, index = self.selection
            parts.append(f"selected: {'region' if kind == STORED else 'suggestion'} {index + 1}")
        parts.append(
            "Insert adds a region, Page Down and Page Up choose one, arrows move it, Ctrl+arrows resize "
            "it, Delete removes it"
        )
        self.setAccessibleDescription("; ".join(parts) + ".")

    def add_centred(self) -> None:
        """Add a region in the middle of the photo (the keyboard's way to draw one), selected to move and resize."""
        if self.picture is None or self.read_only:
            return
        self.add_region(Region(0.35, 0.35, 0.3, 0.3, self.new_mode, self.new_shape))

    def add_region(self, region: Region) -> None:
        """Add a drawn region to the stored ones, selected (an undoable change)."""
        self._change(STORED, len(self.regions), region, "Draw a region")

    def select_next(self, step: int = 1) -> None:
        """Choose the next (or previous) region or suggestion, from the keyboard."""
        every = [(STORED, n) for n in range(len(self.regions))] + [
            (SUGGESTED, n) for n in range(len(self.suggestions))
        ]
        if every:
            at = every.index(self.selection) if self.selection in every else (-1 if step > 0 else 0)
            self.select(*every[(at + step) % len(every)])

    def selected_region(self) -> Region | None:
        """The selected region or suggestion, if any."""
        if self.selection is None:
            return None
        kind, index = self.selection
        return (self.regions if kind == STORED else self.suggestions)[index]

    def _keep_selection(self) -> None:
        if self.selection is not None:
            kind, index = self.selection
            if index >= len(self.regions if kind == STORED else self.suggestions):
                self.selection = None
                self.selection_changed.emit()

    # --- geometry ------------------------------------------------------------------------------
    def picture_rect(self) -> QRectF:
        """Where the picture is drawn in the widget (fitted, centred); the whole widget while there is none."""
        box = QRectF(self.rect()).adjusted(HANDLE, HANDLE, -HANDLE, -HANDLE)
        if self.picture is None or self.picture.isNull():
            return box
        return fitted(QSizeF(self.picture.size()), box)

    def to_fraction(self, point: QPointF) -> QPointF:
        """A widget point as fractions of the upright photo (may lie outside 0..1)."""
        rect = self.picture_rect()
        return QPointF(
            (point.x() - rect.x()) / rect.width(), (point.y() - rect.y()) / rect.height()
        )

    def to_widget(self, u: float, v: float) -> QPointF:
        """A point given in fractions of the photo, in widget pixels (tests and keyboard use it)."""
        rect = self.picture_rect()
        return QPointF(rect.x() + u * rect.width(), rect.y() + v * rect.height())

    def _hit(self, point: QPointF) -> tuple[str, int] | None:
        """The topmost suggestion or region under a widget point."""
        rect = self.picture_rect()
        for kind, regions in ((SUGGESTED, self.suggestions), (STORED, self.regions)):
            for index in range(len(regions) - 1, -1, -1):
                box = region_rect(regions[index], rect)
                if regions[index].shape == "rectangle":
                    box = box.adjusted(-2, -2, 2, 2)  # a thin rectangle's edge is easy to catch
                if region_path(box, regions[index].shape).contains(point):
                    return kind, index
        return None

    def _handle_at(self, point: QPointF) -> str | None:
        region = self.selected_region()
        if region is None:
            return None
        for name, spot in handle_points(region_rect(region, self.picture_rect())).items():
            if abs(spot.x() - point.x()) <= HANDLE and abs(spot.y() - point.y()) <= HANDLE:
                return name
        return None

    # --- painting ------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#3a3a3a"))
        rect = self.picture_rect()
        if self.picture is None or self.picture.isNull():
            painter.setPen(QColor("white"))
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message
            )
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(rect, self.picture)
        for kind, regions in ((STORED, self.regions), (SUGGESTED, self.suggestions)):
            for index, region in enumerate(regions):
                paint_region(
                    painter,
                    self.picture,
                    rect,
                    self._shown(kind, index, region),
                    suggested=kind == SUGGESTED,
                    selected=self.selection == (kind, index),
                )
        if self._drag and self._drag["action"] == "draw" and self._drag.get("box"):
            preview = Region(*self._drag["box"], mode=self.new_mode, shape=self.new_shape)
            paint_region(painter, self.picture, rect, preview, selected=True)
        if self.hasFocus():  # a visible focus: the keys (Insert, arrows, Delete) act here now
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        painter.end()

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.update()
        super().focusOutEvent(event)

    def _shown(self, kind: str, index: int, region: Region) -> Region:
        """A region as drawn now: the live shape while it is being moved or resized."""
        drag = self._drag
        if (
            drag
            and drag["action"] in ("move", "resize")
            and drag["target"] == (kind, index)
            and drag.get("live")
        ):
            return drag["live"]
        return region

    # --- changes -------------------------------------------------------------------------------
    def remove_selected(self) -> None:
        """Remove the selected region (an undoable change) or suggestion."""
        if self.selection is None or self.read_only:
            return
        kind, index = self.selection
        self.selection = None
        self.selection_changed.emit()
        self._change(kind, index, None, "Remove a region")

    def change_selected(self, text: str, **fields) -> None:
        """Give the selected region another mode or shape (choose per region)."""
        region = self.selected_region()
        if (
            region is not None
            and not self.read_only
            and any(getattr(region, k) != v for k, v in fields.items())
        ):
            self._change(*self.selection, replace(region, **fields), text)

    def _change(self, kind: str, index: int, region: Region | None, text: str) -> None:
        """Put region at index (None: remove it); stored changes are announced, suggestions kept here."""
        regions = list(self.regions if kind == STORED else self.suggestions)
        if region is None:
            del regions[index]
        elif index == len(regions):
            regions.append(region)
        else:
            regions[index] = region
        if kind == SUGGESTED:
            self.set_suggestions(regions)
            self.suggestions_changed.emit(self.suggestions)
            return
        self.regions = tuple(regions)
        if region is not None:
            self.selection = (STORED, index)
            self.selection_changed.emit()
        self._describe()
        self.update()
        self.edited.emit(self.regions, text)
