"""The action plan as a Gantt-like chart with a line for today, so what is late or due shows at a glance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..contrast import readable_on

STATUS_COLOURS = {
    "done": QColor("#5CB85C"),
    "in-progress": QColor("#2F6DB5"),
    "planned": QColor("#A9B4C2"),
}
TODAY = QColor("#D9534F")
STATUS_WORDS = {"done": "done", "in-progress": "in progress", "planned": "planned"}
MARKS = {
    "done": "\u2713",
    "in-progress": "\u25b6",
    "planned": "\u25cb",
    "overdue": "!",
}  # not colour alone


def bar_mark(bar: TimelineBar, today: date) -> str:
    """The symbol before an action's label: ! when overdue, else its status's (✓ done, ▶ in progress, ○ to do)."""
    return MARKS["overdue"] if bar.late(today) else MARKS.get(bar.status, MARKS["planned"])


@dataclass(frozen=True)
class TimelineBar:
    """One action with dates, as the chart needs it."""

    label: str
    starts_on: date
    ends_on: date
    status: str

    def late(self, today: date) -> bool:
        """Not done and its end date has passed."""
        return self.status != "done" and self.ends_on < today

    def said(self, today: date) -> str:
        """The bar in words: 'Survey families: 1 Mar 2026 to 30 Apr 2026, in progress, overdue'."""
        return (
            f"{self.label}: {self.starts_on:%d %b %Y} to {self.ends_on:%d %b %Y}, "
            f"{STATUS_WORDS.get(self.status, self.status)}"
            + (", overdue" if self.late(today) else "")
        )


def bars_from_actions(actions) -> tuple[list[TimelineBar], int]:
    """Bars for actions with at least one date (a missing end or start takes the other); count of undated."""
    bars, undated = [], 0
    for a in actions:
        start, end = a.starts_on or a.ends_on, a.ends_on or a.starts_on
        if start is None:
            undated += 1
            continue
        bars.append(TimelineBar(a.action, start, max(start, end), a.status))
    return bars, undated


def _month_starts(first: date, last: date) -> list[date]:
    month, out = date(first.year, first.month, 1), []
    while month <= last:
        out.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return out


def month_label(month: date) -> str:
    """'Dec 2025': a two-digit year ('Dec 25') reads as the 25th of December."""
    return f"{month:%b} {month.year}"


class ActionTimeline(QWidget):
    """A row per action: label on the left, a bar from start to end coloured by status, a today line."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._bars: list[TimelineBar] = []
        self.month_labels: list[str] = []  # as last painted
        self._today = date.today()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Action plan timeline")

    def set_bars(self, bars: list[TimelineBar], today: date | None = None) -> None:
        self._bars, self._today = bars, today or date.today()
        late = sum(b.late(self._today) for b in bars)
        self.setAccessibleDescription(
            f"{len(bars)} dated action(s), {late} overdue; "
            + "; ".join(b.said(self._today) for b in bars)
        )
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return int(self.fontMetrics().height() * 1.7)

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        # room under the bars for the key on two lines, as it wraps when narrow (200 % scaling)
        return QSize(
            fm.averageCharWidth() * 90,
            self._row_height() * max(len(self._bars), 1) + fm.height() * 6,
        )

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 40, self.sizeHint().height())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm, palette = self.fontMetrics(), self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        if not self._bars:
            painter.setPen(
                readable_on(
                    palette.color(QPalette.ColorRole.PlaceholderText),
                    palette.color(QPalette.ColorRole.Window),
                )
            )
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                "No dated actions in the action plan yet.",
            )
            return
        first = min(min(b.starts_on for b in self._bars), self._today) - timedelta(days=7)
        last = max(max(b.ends_on for b in self._bars), self._today) + timedelta(days=7)
        days = max((last - first).days, 1)
        label_w = min(self.width() * 0.35, fm.averageCharWidth() * 40)
        left, right = label_w + fm.averageCharWidth(), self.width() - fm.averageCharWidth()
        top, row_h = fm.height() * 1.4, self._row_height()
        bottom = top + row_h * len(self._bars)

        def x_of(day: date) -> float:
            return left + (right - left) * (day - first).days / days

        grid = palette.color(QPalette.ColorRole.Mid)
        months = _month_starts(first, last)
        every = max(
            1, len(months) // max(1, int((right - left) // fm.horizontalAdvance(" Mmm 0000 ")))
        )
        self.month_labels = []
        for n, month in enumerate(months):
            x = x_of(month)
            if x < left:
                continue
            painter.setPen(QPen(grid, 1, Qt.PenStyle.DotLine))
            painter.drawLine(int(x), int(top - 2), int(x), int(bottom))
            label = month_label(month)
            month_w = fm.horizontalAdvance(label) + 4
            if n % every == 0 and x + month_w <= self.width():
                painter.setPen(text)
                painter.drawText(
                    QRectF(x + 2, 0, month_w, fm.height()), Qt.AlignmentFlag.AlignLeft, label
                )
                self.month_labels.append(label)
        for row, bar in enumerate(self._bars):
            y = top + row * row_h
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y, label_w, row_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                fm.elidedText(
                    f"{bar_mark(bar, self._today)} {bar.label}",
                    Qt.TextElideMode.ElideRight,
                    int(label_w),
                ),
            )
            colour = STATUS_COLOURS.get(bar.status, STATUS_COLOURS["planned"])
            late = bar.late(self._today)
            painter.setPen(QPen(TODAY, 2) if late else Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            x0, x1 = x_of(bar.starts_on), max(x_of(bar.ends_on), x_of(bar.starts_on) + 4)
            painter.drawRoundedRect(QRectF(x0, y + row_h * 0.2, x1 - x0, row_h * 0.6), 3, 3)
        x = x_of(self._today)
        painter.setPen(QPen(TODAY, 2))
        painter.drawLine(int(x), int(top - 4), int(x), int(bottom + 2))
        painter.setPen(
            readable_on(TODAY, palette.color(QPalette.ColorRole.Window))
        )  # the word: 4.5:1
        today_w = fm.horizontalAdvance("Today") + 4
        painter.drawText(
            QRectF(
                min(x - today_w / 2, self.width() - today_w), bottom + 2, today_w, fm.height() * 1.2
            ),
            Qt.AlignmentFlag.AlignCenter,
            "Today",
        )
        self._paint_key(painter, left, bottom + fm.height() * 1.6, text)
        painter.end()

    def _paint_key(self, painter: QPainter, x: float, y: float, text) -> None:
        """What the colours mean: a swatch and a word for each status, and the red outline of an overdue action."""
        fm = self.fontMetrics()
        side, start = fm.height() * 0.8, x
        for name, colour, outline in (
            (f"{MARKS['done']} Done", STATUS_COLOURS["done"], False),
            (f"{MARKS['in-progress']} In progress", STATUS_COLOURS["in-progress"], False),
            (f"{MARKS['planned']} Planned", STATUS_COLOURS["planned"], False),
            (f"{MARKS['overdue']} Overdue", STATUS_COLOURS["in-progress"], True),
        ):
            if x > start and x + side * 1.6 + 4 + fm.horizontalAdvance(name) + 4 > self.width():
                x, y = start, y + fm.height() * 1.4  # wrap rather than cut a word off
            painter.setPen(QPen(TODAY, 2) if outline else Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(x, y + fm.height() * 0.2, side * 1.6, side), 2, 2)
            x += side * 1.6 + 4
            painter.setPen(text)
            width = fm.horizontalAdvance(name) + 4
            painter.drawText(
                QRectF(x, y, width, fm.height() * 1.2), Qt.AlignmentFlag.AlignVCenter, name
            )
            x += width + fm.averageCharWidth() * 2
