"""The action plan as an editable Qt table with the award's columns; each cell edit is an undoable command."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from ...core.planning_overview import ActionRow, action_rows, theme_ids
from ...core.planning_service import ACTION_STATUSES, update_action
from ..portfolio_context import PLANNING, PortfolioContext

COLUMNS = ("Key theme", "Action / activities", "Lead person(s)", "Resources", "From", "To", "Monitoring",
           "Success criteria", "Status")
FIELDS = ("theme_code", "action", "lead", "resources", "starts_on", "ends_on", "monitoring", "success_criteria",
          "status")
DATE_COLUMNS = (4, 5)
STATUS_COLUMN = 8
STATUS_LABELS = {"planned": "Planned", "in-progress": "In progress", "done": "Done"}
ActionIdRole = Qt.ItemDataRole.UserRole + 1


class ActionPlanModel(QAbstractTableModel):
    """Rows from action_rows, cached; setData pushes update_action through the context (undoable)."""

    def __init__(self, context: PortfolioContext, parent=None):
        super().__init__(parent)
        self.context = context
        self._rows: list[ActionRow] = []

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = action_rows(self.context.portfolio)
        self.endResetModel()

    def row_at(self, row: int) -> ActionRow:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        value = getattr(row, FIELDS[column])
        if role == Qt.ItemDataRole.DisplayRole:
            if column in DATE_COLUMNS:
                return value.strftime("%d %b %Y") if value else ""
            if column == STATUS_COLUMN:
                return STATUS_LABELS.get(value, value)
            if column == 0:
                return f"{value} ({row.descriptor_code})" if row.descriptor_code else value
            return value
        if role == Qt.ItemDataRole.EditRole:
            if column in DATE_COLUMNS:
                return QDate(value) if value else QDate.currentDate()
            return value
        if role == Qt.ItemDataRole.ToolTipRole and column in (1, 6, 7):
            return value or None
        if role == ActionIdRole:
            return row.id
        return None

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags if self.context.read_only else flags | Qt.ItemFlag.ItemIsEditable

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row, column = self._rows[index.row()], index.column()
        field = FIELDS[column]
        old = getattr(row, field)
        if column in DATE_COLUMNS:
            value = value.toPython() if isinstance(value, QDate) else value
        elif isinstance(value, str):
            value = value.strip()
        if value == old:
            return False
        portfolio = self.context.portfolio
        if column == 0:
            ids = theme_ids(portfolio)
            new_fields = {"theme_id": ids.get(value, -1) if value else None}
            old_fields = {"theme_id": ids.get(old) if old else None}
            if new_fields["theme_id"] == -1:
                self.context.error.emit(f"There is no theme '{value}'. Themes: {', '.join(sorted(ids))}.")
                return False
        else:
            new_fields, old_fields = {field: value}, {field: old}
        return self.context.push(f"Change {COLUMNS[column].lower()} of an action",
                                 lambda: update_action(portfolio, row.id, **new_fields),
                                 lambda: update_action(portfolio, row.id, **old_fields), PLANNING)


class StatusDelegate(QStyledItemDelegate):
    """Edits the status column with a drop-down of the allowed statuses."""

    def createEditor(self, parent, option, index):
        editor = QComboBox(parent)
        for key in ACTION_STATUSES:
            editor.addItem(STATUS_LABELS[key], key)
        return editor

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
