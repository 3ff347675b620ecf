"""Per theme, one chip per descriptor coloured by the evidence rule (or by its rating where the rule does not count
evidence per descriptor): gaps show at a glance, and double-clicking a chip goes to its fix."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...core.planning.readiness import DescriptorProgress, ThemeProgress
from ...core.scheme.evidence_rule import EvidenceRule
from ...core.scheme.model import Words
from ..models.audit_table_model import text_colour_on
from ..scheme_words import in_sentence

NONE, PART, FULL = QColor("#D9534F"), QColor("#F0AD4E"), QColor("#5CB85C")


UNRATED = QColor("#9AA3AD")


def chip_colour(d: DescriptorProgress, rule: EvidenceRule) -> QColor:
    """By the rule: green when evidenced, amber for some, red for none; where the rule does not count evidence
    per descriptor, the colour of its rating (grey when unrated)."""
    if not rule.per_descriptor:
        return QColor(d.rating_colour) if d.rating_colour else UNRATED
    return FULL if d.evidenced else PART if d.key_count else NONE


class EvidenceChipsChart(QWidget):
    """Rows of themes; each descriptor a rounded chip with its code, wrapping to the width."""

    chipActivated = Signal(str)  # a descriptor's code, on double-click

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._themes: list[ThemeProgress] = []
        self._rule, self._words = EvidenceRule(), Words()
        self._chips: list[tuple[QRectF, str]] = []
        sp = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sp.setHeightForWidth(True)
        self.setSizePolicy(sp)
        self.setAccessibleName("Key evidence per descriptor")

    def set_data(self, themes: list[ThemeProgress], rule: EvidenceRule, words: Words) -> None:
        self._themes, self._rule, self._words = themes, rule, words
        if rule.per_descriptor:
            parts = [f"{words.theme} {t.code}: {t.evidenced} of {len(t.descriptors)} "
                     f"{in_sentence(words.descriptors)} have their {in_sentence(words.key_evidence)}" for t in themes]
        else:
            parts = [f"{words.theme} {t.code}: {t.rated} of {len(t.descriptors)} rated" for t in themes]
        self.setAccessibleDescription("; ".join(parts))
        self.updateGeometry()
        self.update()

    def _metrics(self):
        fm = self.fontMetrics()
        chip_w = max(fm.horizontalAdvance("00a0") + fm.height(), fm.height() * 3)
        return fm, chip_w, int(fm.height() * 1.6), fm.height() // 2

    def _layout(self, width: int) -> list[tuple[list[str], float, list[tuple[QRectF, str, QColor]]]]:
        fm, chip_w, chip_h, gap = self._metrics()
        y, rows = 0.0, []
        for theme in self._themes:
            title_y = y
            title = f"{theme.code}  {theme.title}"
            counts = (f"({theme.evidenced}/{len(theme.descriptors)} evidenced, " if self._rule.per_descriptor
                      else "(") + f"{theme.rated}/{len(theme.descriptors)} rated)"
            # the counts go on a line of their own when the theme's title leaves no room (125-150 % scaling)
            one_line = f"{title}   {counts}"
            labels = [one_line] if fm.horizontalAdvance(one_line) <= width else [title, counts]
            y += fm.height() * len(labels) + gap // 2
            x, chips = 0.0, []
            for d in theme.descriptors:
                if x + chip_w > width and x > 0:
                    x, y = 0.0, y + chip_h + gap // 2
                chips.append((QRectF(x, y, chip_w, chip_h), d.code, chip_colour(d, self._rule)))
                x += chip_w + gap // 2
            if not theme.descriptors:
                chips.append((QRectF(0, y, width, chip_h), f"No {in_sentence(self._words.descriptors)} yet", QColor()))
            y += chip_h + gap
            rows.append((labels, title_y, chips))
        self._height = int(y)
        self._chips = [(rect, code) for _labels, _y, chips in rows for rect, code, colour in chips if colour.isValid()]
        return rows

    def code_at(self, point) -> str | None:
        """The code of the chip under a point (widget coordinates), or None."""
        return next((code for rect, code in self._chips if rect.contains(point)), None)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt's name
        code = self.code_at(event.position())
        if code is not None:
            self.chipActivated.emit(code)
        super().mouseDoubleClickEvent(event)

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
        for labels, y, chips in self._layout(self.width()):
            painter.setPen(text)
            for line, label in enumerate(labels):
                painter.drawText(QRectF(0, y + line * fm.height(), self.width(), fm.height()),
                                 Qt.AlignmentFlag.AlignLeft, fm.elidedText(label, Qt.TextElideMode.ElideRight, self.width()))
            for rect, code, colour in chips:
                if not colour.isValid():
                    painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
                    painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, code)
                    continue
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(rect, rect.height() / 3, rect.height() / 3)
                painter.setPen(QColor(text_colour_on(colour.name())))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, code)
        painter.end()
