"""Per theme, one chip per descriptor coloured by its key evidence (0, 1 or 2): gaps show at a glance."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...core.readiness import ThemeProgress

NONE, PART, FULL = QColor("#D9534F"), QColor("#F0AD4E"), QColor("#5CB85C")


def chip_colour(key_count: int, needed: int) -> QColor:
    """Green when the descriptor has all its key evidence, amber for some, red for none."""
    return FULL if key_count >= needed else PART if key_count else NONE


class EvidenceChipsChart(QWidget):
    """Rows of themes; each descriptor a rounded chip with its code, wrapping to the width."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._themes: list[ThemeProgress] = []
        self._needed = 2
        sp = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sp.setHeightForWidth(True)
        self.setSizePolicy(sp)
        self.setAccessibleName("Key evidence per descriptor")

    def set_data(self, themes: list[ThemeProgress], needed: int) -> None:
        self._themes, self._needed = themes, max(needed, 1)
        parts = [f"Theme {t.code}: {t.evidenced(self._needed)} of {len(t.descriptors)} descriptors have "
                 f"their key evidence" for t in themes]
        self.setAccessibleDescription("; ".join(parts))
        self.updateGeometry()
        self.update()

    def _metrics(self):
        fm = self.fontMetrics()
        chip_w = max(fm.horizontalAdvance("00a0") + fm.height(), fm.height() * 3)
        return fm, chip_w, int(fm.height() * 1.6), fm.height() // 2

    def _layout(self, width: int) -> list[tuple[str, float, list[tuple[QRectF, str, QColor]]]]:
        fm, chip_w, chip_h, gap = self._metrics()
        y, rows = 0.0, []
        for theme in self._themes:
            title_y = y
            y += fm.height() + gap // 2
            x, chips = 0.0, []
            for d in theme.descriptors:
                if x + chip_w > width and x > 0:
                    x, y = 0.0, y + chip_h + gap // 2
                chips.append((QRectF(x, y, chip_w, chip_h), d.code, chip_colour(d.key_count, self._needed)))
                x += chip_w + gap // 2
            if not theme.descriptors:
                chips.append((QRectF(0, y, width, chip_h), "No descriptors yet", QColor()))
            y += chip_h + gap
            label = (f"{theme.code}  {theme.title}   ({theme.evidenced(self._needed)}/{len(theme.descriptors)}"
                     f" evidenced, {theme.rated}/{len(theme.descriptors)} rated)")
            rows.append((label, title_y, chips))
        self._height = int(y)
        return rows

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        self._layout(width)
        return self._height

    def sizeHint(self) -> QSize:
        width = self._metrics()[1] * 8
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._metrics()[1] * 4, self.heightForWidth(self.width() or 400))

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        text = self.palette().color(QPalette.ColorRole.WindowText)
        for label, y, chips in self._layout(self.width()):
            painter.setPen(text)
            painter.drawText(QRectF(0, y, self.width(), fm.height()), Qt.AlignmentFlag.AlignLeft,
                             fm.elidedText(label, Qt.TextElideMode.ElideRight, self.width()))
            for rect, code, colour in chips:
                if not colour.isValid():
                    painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
                    painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, code)
                    continue
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(rect, rect.height() / 3, rect.height() / 3)
                painter.setPen(QColor("white") if colour != PART else QColor("#3A2A00"))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, code)
        painter.end()
