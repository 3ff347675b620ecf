"""Keep a view's main text column filling the spare width without Qt's Stretch squeezing it unreadable at 125-150 %."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView


class StretchWithMinimum(QObject):
    """One column takes the width the others leave, but never less than `minimum_chars`; past that the view scrolls.

    give_way: {column: narrowest width in px} of columns that narrow (down to that) before the main column
    gets less than `preferred_chars`, e.g. a long Component column giving way to the titles; they widen again
    as room comes back.
    """

    def __init__(
        self,
        view: QAbstractItemView,
        column: int,
        minimum_chars: int,
        preferred_chars: int = 0,
        give_way: dict[int, int] | None = None,
    ):
        super().__init__(view)
        self.view, self.column = view, column
        chars = view.fontMetrics().averageCharWidth()
        self.minimum = chars * minimum_chars
        self.preferred = chars * max(preferred_chars, minimum_chars)
        self.give_way = dict(give_way or {})
        self.natural: dict[
            int, int
        ] = {}  # the width a give-way column was last given by the page or the user
        self.header: QHeaderView = (
            view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
        )
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

    def _other_resized(self, logical: int, _old: int, new: int) -> None:
        if logical in self.give_way and not self._fitting:
            self.natural[logical] = new
        if logical != self.column:
            self.fit()

    def fit(self) -> None:
        """Give the column the viewport's width less every other visible column, or its minimum."""
        if self._fitting:
            return
        self._fitting = True
        try:
            shown = [
                c
                for c in range(self.header.count())
                if c != self.column and not self.header.isSectionHidden(c)
            ]
            yielding = {
                c: self.natural.setdefault(c, self.header.sectionSize(c))
                for c in shown
                if c in self.give_way
            }
            width = self.view.viewport().width()
            others = sum(self.header.sectionSize(c) for c in shown if c not in yielding) + sum(
                yielding.values()
            )
            short = max(0, self.preferred - (width - others))
            for c, natural in yielding.items():
                cut = max(0, min(short, natural - self.give_way[c]))
                short -= cut
                others -= cut
                self.header.resizeSection(c, natural - cut)
            self.header.resizeSection(self.column, max(self.minimum, width - others))
        finally:
            self._fitting = False
