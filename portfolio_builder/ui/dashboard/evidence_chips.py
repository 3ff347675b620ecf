"""Per theme, one chip per descriptor coloured by the evidence rule (or by its rating where the rule does not count
evidence per descriptor): gaps show at a glance, and double-clicking a chip goes to its fix."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...core.planning.readiness import DescriptorProgress, ThemeProgress
from ...core.scheme.evidence_rule import EvidenceRule
from ...core.scheme.model import Words
from ..contrast import readable_on
from ..models.audit_table_model import text_colour_on
from ..scheme_words import in_sentence

NONE, PART, FULL = QColor("#D9534F"), QColor("#F0AD4E"), QColor("#5CB85C")


UNRATED = QColor("#9AA3AD")
MARKS = {
    FULL.name(): "\u2713",
    PART.name(): "\u25d0",
    NONE.name(): "\u2717",
}  # never colour alone: a symbol too


def short_labels(labels) -> dict[str, str]:
    """Each rating label's shortest beginning no other label shares ('Emergent' → 'Eme', 'Good' → 'G')."""
    labels = sorted(set(labels))
    out = {}
    for label in labels:
        for n in range(1, len(label) + 1):
            if not any(o != label and o.lower().startswith(label[:n].lower()) for o in labels):
                out[label] = label[:n]
                break
        else:
            out[label] = label
    return out


def chip_mark(d: DescriptorProgress, rule: EvidenceRule, shorts: dict[str, str]) -> str:
    """The symbol or word beside a chip's code that says what its colour says: ✓ ◐ ✗, or the rating's letters."""
    if rule.per_descriptor:
        return MARKS[chip_colour(d, rule).name()]
    return shorts.get(d.rating_label, "\u2013") if d.rating_label else "\u2013"


def chip_fact(d: DescriptorProgress, rule: EvidenceRule, words: Words) -> str:
    """A chip's facts in words, for screen readers and the text list: '1b: some key evidence (1), rated Developing'."""
    rated = f"rated {d.rating_label}" if d.rating_label else "not rated"
    if not rule.per_descriptor:
        return f"{d.code}: {rated}"
    key = in_sentence(words.key_evidence)
    have = (
        f"all its {key}"
        if d.evidenced
        else f"some {key} ({d.key_count})"
        if d.key_count
        else f"no {key}"
    )
    return f"{d.code}: {have}, {rated}"


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
        self.setFocusPolicy(
            Qt.FocusPolicy.StrongFocus
        )  # arrows choose a chip, Enter goes to its fix
        self._current = 0
        self._shorts: dict[str, str] = {}

    def set_data(self, themes: list[ThemeProgress], rule: EvidenceRule, words: Words) -> None:
        self._themes, self._rule, self._words = themes, rule, words
        self._shorts = short_labels(
            d.rating_label for t in themes for d in t.descriptors if d.rating_label
        )
        self.setAccessibleDescription(" ".join(self.fact_lines()))
        self.updateGeometry()
        self.update()

    def fact_lines(self) -> list[str]:
        """The chart as sentences: per theme its counts, then each descriptor's state in words."""
        words, rule, lines = self._words, self._rule, []
        for t in self._themes:
            count = (
                f"{t.evidenced} of {len(t.descriptors)} {in_sentence(words.descriptors)} have their "
                f"{in_sentence(words.key_evidence)}"
                if rule.per_descriptor
                else f"{t.rated} of {len(t.descriptors)} rated"
            )
            facts = "; ".join(chip_fact(d, rule, words) for d in t.descriptors)
            lines.append(
                f"{words.theme} {t.code} {t.title}: {count}." + (f" {facts}." if facts else "")
            )
        return lines

    def key_text(self) -> str:
        """What the chips' colours and marks mean, as a line under the chart."""
        if self._rule.per_descriptor:
            key = in_sentence(self._words.key_evidence)
            return f"\u2713 all its {key}   \u25d0 some   \u2717 none   (Tab here, arrows and Enter go to a fix)"
        shorts = "   ".join(f"{short} {label}" for label, short in self._shorts.items())
        return f"{shorts}   \u2013 not rated   (Tab here, arrows and Enter go to a fix)".strip()

    def _descriptors(self) -> list[DescriptorProgress]:
        return [d for t in self._themes for d in t.descriptors]

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Arrows, Home and End choose a chip (its facts become the name read out); Enter or Space goes to its fix."""
        chips = self._descriptors()
        moves = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}
        if not chips:
            return super().keyPressEvent(event)
        if event.key() in moves:
            self._current = max(0, min(len(chips) - 1, self._current + moves[event.key()]))
        elif event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self._current = 0 if event.key() == Qt.Key.Key_Home else len(chips) - 1
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.chipActivated.emit(chips[min(self._current, len(chips) - 1)].code)
            return
        else:
            return super().keyPressEvent(event)
        self._name_current()
        self.update()

    def _name_current(self) -> None:
        chips = self._descriptors()
        if chips:
            self._current = min(self._current, len(chips) - 1)
            self.setAccessibleName(
                f"{chip_fact(chips[self._current], self._rule, self._words)} "
                f"({self._current + 1} of {len(chips)})"
            )

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._name_current()
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.update()
        super().focusOutEvent(event)

    def _metrics(self):
        fm = self.fontMetrics()
        chip_w = max(fm.horizontalAdvance("00a0 Eme") + fm.height(), fm.height() * 3)
        return fm, chip_w, int(fm.height() * 1.6), fm.height() // 2

    def _layout(
        self, width: int
    ) -> list[tuple[list[str], float, list[tuple[QRectF, str, QColor]]]]:
        fm, chip_w, chip_h, gap = self._metrics()
        y, rows = 0.0, []
        for theme in self._themes:
            title_y = y
            title = f"{theme.code}  {theme.title}"
            counts = (
                f"({theme.evidenced}/{len(theme.descriptors)} evidenced, "
                if self._rule.per_descriptor
                else "("
            ) + f"{theme.rated}/{len(theme.descriptors)} rated)"
            # the counts go on a line of their own when the theme's title leaves no room (125-150 % scaling)
            one_line = f"{title}   {counts}"
            labels = [one_line] if fm.horizontalAdvance(one_line) <= width else [title, counts]
            y += fm.height() * len(labels) + gap // 2
            x, chips = 0.0, []
            for d in theme.descriptors:
                if x + chip_w > width and x > 0:
                    x, y = 0.0, y + chip_h + gap // 2
                chips.append(
                    (
                        QRectF(x, y, chip_w, chip_h),
                        f"{d.code} {chip_mark(d, self._rule, self._shorts)}",
                        chip_colour(d, self._rule),
                    )
                )
                x += chip_w + gap // 2
            if not theme.descriptors:
                chips.append(
                    (
                        QRectF(0, y, width, chip_h),
                        f"No {in_sentence(self._words.descriptors)} yet",
                        QColor(),
                    )
                )
            y += chip_h + gap
            rows.append((labels, title_y, chips))
        self._height = int(y)
        self._chips = [
            (rect, code.split(" ")[0])
            for _labels, _y, chips in rows
            for rect, code, colour in chips
            if colour.isValid()
        ]
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
        current = (
            self._chips[self._current][0]
            if self.hasFocus() and self._current < len(self._chips)
            else None
        )
        for labels, y, chips in self._layout(self.width()):
            painter.setPen(text)
            for line, label in enumerate(labels):
                painter.drawText(
                    QRectF(0, y + line * fm.height(), self.width(), fm.height()),
                    Qt.AlignmentFlag.AlignLeft,
                    fm.elidedText(label, Qt.TextElideMode.ElideRight, self.width()),
                )
            for rect, code, colour in chips:
                if not colour.isValid():
                    painter.setPen(
                        readable_on(
                            self.palette().color(QPalette.ColorRole.PlaceholderText),
                            self.palette().color(QPalette.ColorRole.Window),
                        )
                    )
                    painter.drawText(
                        rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, code
                    )
                    continue
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(rect, rect.height() / 3, rect.height() / 3)
                painter.setPen(QColor(text_colour_on(colour.name())))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, code)
                if (
                    current is not None and rect == current
                ):  # the chip the keyboard is on: a clear ring
                    painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 3))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawRoundedRect(
                        rect.adjusted(-2, -2, 2, 2), rect.height() / 3, rect.height() / 3
                    )
        painter.end()
