"""Status messages read out: what a status bar or status label says after an action is announced to screen readers."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget


def announce(widget: QWidget, text: str) -> None:
    """Ask the screen reader (if one is running) to read text out, politely, as coming from widget."""
    if text and widget is not None:
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


def announce_status_bar(window: QMainWindow) -> None:
    """Every message the window's status bar shows is also announced (backups, refusals, saves, checks)."""
    bar = window.statusBar()
    bar.setAccessibleName("Status")
    bar.messageChanged.connect(lambda text: announce(bar, text))


class StatusLabel(QLabel):
    """A line that reports what an action did; each new text is announced, and is the label's accessible name."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        changed = text != self.text()
        super().setText(text)
        self.setAccessibleName(text or "Status")
        if changed:
            announce(self, text)
