"""The action plan table (the scheme's columns) with Add and Delete, edited in place, and its timescales."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.planning.planning_service import add_action, delete_action
from ...core.scheme.model import Scheme
from .. import page_dialogs
from ..column_fit import StretchWithMinimum
from ..portfolio_context import PLANNING, PortfolioContext
from .action_plan_model import DATE_FIELDS, ActionIdRole, ActionPlanModel, StatusDelegate

WIDTHS = {
    "theme": 9,
    "descriptor": 8,
    "priority": 9,
    "action": 26,
    "lead": 14,
    "resources": 14,
    "from": 11,
    "to": 11,
    "deadline": 11,
    "monitoring": 16,
    "success": 18,
    "status": 11,
}  # average character widths


def timescales(scheme: Scheme) -> str:
    """The scheme's own deadlines in words ('Most actions from an audit: within 28 days; ...'), or ''."""
    rules = [
        f"{d.when}: within {d.days} days"
        if d.days
        else f"{d.when}: within {d.working_days} working days"
        for d in scheme.deadlines
    ]
    return f"Timescales: {'; '.join(rules)}." if rules else ""


class ActionPlanPanel(QWidget):
    """Edit cells directly (F2 or double-click); Add action… and Delete act on rows."""

    def __init__(self, context: PortfolioContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.model = ActionPlanModel(context, self)
        self.table = QTableView(tabKeyNavigation=False)  # Tab moves on; arrows move in the table
        self.table.setAccessibleName("Action plan")
        self.table.setAccessibleDescription("One row per action; F2 or typing edits the cell shown")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.status_delegate = StatusDelegate(self.table)
        self.plain_delegate = QStyledItemDelegate(self.table)
        self.timescales = QLabel(wordWrap=True)
        self.add_button = QPushButton("&Add action…")
        self.add_button.clicked.connect(self.add)
        self.delete_button = QPushButton("&Delete action")
        self.delete_button.clicked.connect(self.delete_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.timescales)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._fitter: StretchWithMinimum | None = None
        self._columns: tuple = ()

    def _fit_columns(self) -> None:
        """Widths per the scheme's columns; the action column takes the spare width (set once per column set)."""
        fields = tuple(c.field for c in self.model.columns)
        if fields == self._columns:
            return
        self._columns = fields
        metrics = self.table.fontMetrics()
        header_metrics = self.table.horizontalHeader().fontMetrics()
        for column, field in enumerate(fields):
            label = self.model.headerData(column, Qt.Orientation.Horizontal) or ""
            text = metrics.horizontalAdvance("30 Sep 2026") if field in DATE_FIELDS else 0
            heading = max(
                header_metrics.horizontalAdvance(line) for line in label.splitlines() or [""]
            )
            self.table.setColumnWidth(
                column,
                max(WIDTHS.get(field, 12) * metrics.averageCharWidth(), text + 8, heading + 16)
                + 12,
            )
            self.table.setItemDelegateForColumn(
                column, self.status_delegate if field == "status" else self.plain_delegate
            )
        action = self.model.column_of("action")
        if action is not None and self._fitter is None:
            self._fitter = StretchWithMinimum(self.table, action, 24)
        elif self._fitter is not None:
            self._fitter.fit()

    def refresh(self) -> None:
        self.model.refresh()
        scheme = self.model.scheme
        self.timescales.setText(timescales(scheme))
        self.timescales.setVisible(bool(self.timescales.text()))
        self._fit_columns()
        self.table.resizeRowsToContents()
        self.add_button.setEnabled(not self.context.read_only)
        self.delete_button.setEnabled(not self.context.read_only)

    def add(self) -> bool:
        text = page_dialogs.ask_text(self, "Add action", "What will be done:")
        if not text or not text.strip():
            return False
        portfolio = self.context.portfolio
        return self.context.push(
            "Add action", lambda: add_action(portfolio, text.strip()), PLANNING
        )

    def delete_current(self) -> bool:
        index = self.table.currentIndex()
        if not index.isValid():
            return False
        row = self.model.row_at(index.row())
        if not page_dialogs.confirm(
            self,
            "Delete action",
            f"Delete the action '{row.action[:80]}'? You can undo this.",
            "Delete",
        ):
            return False
        portfolio, action_id = self.context.portfolio, index.data(ActionIdRole)
        return self.context.push(
            "Delete action", lambda: delete_action(portfolio, action_id), PLANNING
        )
