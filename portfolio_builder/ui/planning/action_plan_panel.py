"""The action plan table with Add and Delete, edited in place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QPushButton, QTableView, QVBoxLayout, QWidget

from ...core.planning_service import add_action, delete_action
from .. import page_dialogs
from ..portfolio_context import PLANNING, PortfolioContext
from ..column_fit import StretchWithMinimum
from .action_plan_model import DATE_COLUMNS, STATUS_COLUMN, ActionIdRole, ActionPlanModel, StatusDelegate

WIDTHS = (9, 26, 14, 14, 11, 11, 16, 18, 11)  # in average character widths


class ActionPlanPanel(QWidget):
    """Edit cells directly (F2 or double-click); Add action… and Delete act on rows."""

    def __init__(self, context: PortfolioContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.model = ActionPlanModel(context, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(STATUS_COLUMN, StatusDelegate(self.table))
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        metrics = self.table.fontMetrics()
        header_metrics = self.table.horizontalHeader().fontMetrics()
        for column, width in enumerate(WIDTHS):
            label = self.model.headerData(column, Qt.Orientation.Horizontal)
            text = metrics.horizontalAdvance("30 Sep 2026") if column in DATE_COLUMNS else 0
            self.table.setColumnWidth(column, max(width * metrics.averageCharWidth(), text + 8,
                                                  header_metrics.horizontalAdvance(label) + 16) + 12)
        StretchWithMinimum(self.table, 1, 24)
        self.add_button = QPushButton("&Add action…")
        self.add_button.clicked.connect(self.add)
        self.delete_button = QPushButton("&Delete action")
        self.delete_button.clicked.connect(self.delete_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        self.model.refresh()
        self.table.resizeRowsToContents()
        self.add_button.setEnabled(not self.context.read_only)
        self.delete_button.setEnabled(not self.context.read_only)

    def add(self) -> bool:
        text = page_dialogs.ask_text(self, "Add action", "What will be done:")
        if not text or not text.strip():
            return False
        portfolio, made = self.context.portfolio, {}

        def do():
            made["id"] = add_action(portfolio, text.strip())

        return self.context.push("Add action", do, lambda: delete_action(portfolio, made["id"]), PLANNING)

    def delete_current(self) -> bool:
        index = self.table.currentIndex()
        if not index.isValid():
            return False
        row = self.model.row_at(index.row())
        if not page_dialogs.confirm(self, "Delete action", f"Delete the action '{row.action[:80]}'? "
                                    "This cannot be undone.", "Delete"):
            return False
        return self.context.try_call(lambda: delete_action(self.context.portfolio, index.data(ActionIdRole)),
                                     PLANNING)[0]
