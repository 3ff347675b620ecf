"""Per theme, the average rating at baseline against now as paired bars, so progress since the audit shows."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...core.planning.rating_progress import RatingProgress
from ..contrast import readable_on

BASELINE, NOW = QColor("#A9B4C2"), QColor("#2F6DB5")


class RatingChart(QWidget):
    """Horizontal paired bars per theme on the scale's range, with the scale's levels as gridlines."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._data: RatingProgress | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Ratings at baseline and now")

    def set_data(self, data: RatingProgress, theme_word: str = "Theme") -> None:
        """The averages to draw; theme_word is the scheme's word for a theme (for screen readers)."""
        self._data = data
        self.setAccessibleDescription(
            "; ".join(
                f"{theme_word} {t.code}: baseline {t.baseline:.0f}, now {t.now:.0f}"
                if t.now is not None
                else f"{theme_word} {t.code}: not rated"
                for t in data.themes
            )
        )
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return int(self.fontMetrics().height() * 2.2)

    def sizeHint(self) -> QSize:
        rows = len(self._data.themes) if self._data else 1
        fm = self.fontMetrics()
        return QSize(fm.averageCharWidth() * 50, self._row_height() * rows + fm.height() * 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 30, self.sizeHint().height())

    def paintEvent(self, _event) -> None:
        if not self._data:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm, palette = self.fontMetrics(), self.palette()
        background = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        faint = readable_on(palette.color(QPalette.ColorRole.PlaceholderText), background)
        label_w = fm.horizontalAdvance("0000")
        left, right = label_w, self.width() - fm.averageCharWidth() * 2
        top, row_h = fm.height() * 1.5, self._row_height()
        span = max(right - left, 10)
        bottom = top + row_h * len(self._data.themes)
        scale_max = self._data.scale_max or 1

        def x_of(score: float) -> float:
            return left + span * score / scale_max

        for score, label, colour in self._data.scale_labels:  # gridlines at each level
            x = x_of(score)
            painter.setPen(QPen(QColor(colour), 1, Qt.PenStyle.DashLine))
            painter.drawLine(int(x), int(top - 2), int(x), int(bottom))
            painter.setPen(
                readable_on(colour, background)
            )  # a light level colour is darkened to 4.5:1
            w = fm.horizontalAdvance(label)
            painter.drawText(
                QRectF(min(x - w / 2, self.width() - w), 0, w, fm.height()),
                Qt.AlignmentFlag.AlignCenter,
                label,
            )
        bar_h = (row_h - fm.height() * 0.6) / 2
        for row, theme in enumerate(self._data.themes):
            y = top + row * row_h
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y, label_w - 4, row_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                theme.code,
            )
            if theme.now is None:
                painter.setPen(faint)
                painter.drawText(
                    QRectF(left + 4, y, span, row_h), Qt.AlignmentFlag.AlignVCenter, "not rated yet"
                )
                continue
            for offset, value, colour in ((0, theme.baseline, BASELINE), (bar_h, theme.now, NOW)):
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(
                    QRectF(
                        left, y + fm.height() * 0.3 + offset, x_of(value or 0) - left, bar_h - 2
                    ),
                    2,
                    2,
                )
        legend_y = bottom + fm.height() * 0.5
        x = left
        for colour, name in ((BASELINE, "Baseline audit"), (NOW, "Now")):
            painter.setBrush(colour)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRect(
                QRectF(x, legend_y + fm.height() * 0.2, fm.height() * 0.8, fm.height() * 0.8)
            )
            painter.setPen(text)
            x += fm.height()
            painter.drawText(
                QRectF(x, legend_y, fm.horizontalAdvance(name) + 4, fm.height() * 1.2),
                Qt.AlignmentFlag.AlignVCenter,
                name,
            )
            x += fm.horizontalAdvance(name) + fm.height()
        painter.end()
