"""A 'Drop files here' panel laid over a page while files are dragged over it, so the drop target is obvious."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class DropHint(QLabel):
    """Shown over a chosen part of its parent during a drag that would be accepted; hidden otherwise."""

    def __init__(self, text: str, parent: QWidget):
        super().__init__(text, parent)
        self.setObjectName("dropHint")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet(
            "#dropHint { background: rgba(227, 238, 250, 225); color: #1F4E79; "
            "border: 3px dashed #2E75B6; border-radius: 8px; font-size: 16pt; }"
        )
        self.setAttribute(
            Qt.WidgetAttribute.WA_TransparentForMouseEvents
        )  # the drop still reaches the page
        self.hide()

    def cover(self, area: QWidget | None) -> None:
        """Show over area (a child of the parent), or hide with None."""
        if area is None:
            self.hide()
            return
        if not self.isVisible():
            self.setGeometry(area.geometry())
            self.raise_()
            self.show()
