"""The open portfolio's workspace: a sidebar of pages beside a stack, under a banner when it is read-only."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QStringListModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .pages import build_pages
from .portfolio_context import PortfolioContext


class PortfolioView(QWidget):
    """Sidebar and the pages, all sharing one PortfolioContext (the window's View menu gives Ctrl+1 … Ctrl+7)."""

    def __init__(self, context: PortfolioContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setStyleSheet(
            "#readOnlyBanner { background: #FFF3CD; color: #5C4400; padding: 6px; }"
        )
        portfolio = context.portfolio
        self.banner.setText(
            "Read-only: "
            + (portfolio.read_only_reason or "this portfolio is open read-only.")
            + " Changes cannot be made."
        )
        self.banner.setVisible(portfolio.read_only)

        self.pages = build_pages(context)
        self.stack = QStackedWidget()
        for _title, page in self.pages:
            self.stack.addWidget(page)
        self.sidebar = QListView()
        self.sidebar.setAccessibleName("Pages")
        self.sidebar.setModel(QStringListModel([title for title, _ in self.pages], self))
        self.sidebar.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        font = self.sidebar.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.sidebar.setFont(font)
        self.sidebar.setSpacing(3)
        width = max(self.sidebar.fontMetrics().horizontalAdvance(t) for t, _ in self.pages)
        self.sidebar.setFixedWidth(width + self.sidebar.fontMetrics().averageCharWidth() * 6)
        self.sidebar.selectionModel().currentChanged.connect(
            lambda current, _prev: self.stack.setCurrentIndex(current.row())
        )

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.sidebar)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)
        self.show_page(0)

    def show_page(self, number: int) -> None:
        """Switch to a page by position."""
        if 0 <= number < len(self.pages):
            index = self.sidebar.model().index(number, 0)
            self.sidebar.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.stack.setCurrentIndex(number)

    def page(self, title: str) -> QWidget | None:
        """A page by its sidebar title."""
        return next((widget for name, widget in self.pages if name == title), None)

    def current_page(self) -> int:
        return self.stack.currentIndex()
