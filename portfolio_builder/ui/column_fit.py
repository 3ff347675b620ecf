"""Keep a view's main text column filling the spare width without Qt's Stretch squeezing it unreadable at 125-150 %."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView


class StretchWithMinimum(QObject):
    """One column takes the width the others leave, but never less than `minimum_chars`; past that the view scrolls."""

    def __init__(self, view: QAbstractItemView, column: int, minimum_chars: int):
        super().__init__(view)
        self.view, self.column = view, column
        self.minimum = view.fontMetrics().averageCharWidth() * minimum_chars
        self.header: QHeaderView = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
        self.header.setStretchLastSection(False)
        self.header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.header.sectionResized.connect(self._other_resized)
        view.viewport().installEventFilter(self)
        self._fitting = False
        self.fit()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _other_resized(self, logical: int, _old: int, _new: int) -> None:
        if logical != self.column:
            self.fit()

    def fit(self) -> None:
        """Give the column the viewport's width less every other visible column, or its minimum."""
        if self._fitting:
            return
        self._fitting = True
        try:
            others = sum(self.header.sectionSize(c) for c in range(self.header.count())
                         if c != self.column and not self.header.isSectionHidden(c))
            self.header.resizeSection(self.column, max(self.minimum, self.view.viewport().width() - others))
        finally:
            self._fitting = False
