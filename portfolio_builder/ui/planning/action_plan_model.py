"""The action plan as an editable Qt table with the scheme's own columns; each cell edit is an undoable command."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from ...core.planning.planning_overview import ActionRow, action_rows, priority_rows, theme_ids
from ...core.planning.planning_service import update_action
from ...core.scheme.model import ActionColumn, Scheme
from ...core.vocabularies import ACTION_STATUSES, STATUS_LABELS
from ..portfolio_context import PLANNING, PortfolioContext
from ..scheme_words import header_lines, in_sentence

# scheme column field -> ActionRow attribute
ATTRIBUTES = {
    "theme": "theme_code",
    "descriptor": "descriptor_code",
    "priority": "priority_number",
    "action": "action",
    "lead": "lead",
    "resources": "resources",
    "from": "starts_on",
    "to": "ends_on",
    "monitoring": "monitoring",
    "success": "success_criteria",
    "status": "status",
    "deadline": "due_on",
}
# ActionRow attribute -> the field update_action takes (theme and priority are set by id)
STORED = {
    "action": "action",
    "lead": "lead",
    "resources": "resources",
    "starts_on": "starts_on",
    "ends_on": "ends_on",
    "monitoring": "monitoring",
    "success_criteria": "success_criteria",
    "status": "status",
}
DATE_FIELDS = ("from", "to", "deadline")
READ_ONLY = (
    "descriptor",
    "deadline",
)  # the descriptor a gap came from; the due date follows from the scheme
ActionIdRole = Qt.ItemDataRole.UserRole + 1


class ActionPlanModel(QAbstractTableModel):
    """Rows from action_rows, cached; setData pushes update_action through the context (undoable)."""

    def __init__(self, context: PortfolioContext, parent=None):
        super().__init__(parent)
        self.context = context
        self._rows: list[ActionRow] = []
        self.scheme: Scheme | None = None
        self.columns: list[ActionColumn] = []

    def refresh(self) -> None:
        self.beginResetModel()
        self.scheme = self.context.scheme
        self.columns = list(self.scheme.action_plan.columns)
        self._rows = action_rows(self.context.portfolio)
        self.endResetModel()

    def column_of(self, field: str) -> int | None:
        """The position of a scheme field ('status', 'from' ...) in this plan, or None when it has none."""
        return next((n for n, c in enumerate(self.columns) if c.field == field), None)

    def field_at(self, column: int) -> str:
        """The scheme field ('theme', 'deadline' ...) a column shows."""
        return self.columns[column].field

    def row_at(self, row: int) -> ActionRow:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return header_lines(self.columns[section].label, 18)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.columns[section].label
        return None

    def _display(self, row: ActionRow, field: str, value):
        if field in DATE_FIELDS:
            return value.strftime("%d %b %Y") if value else ""
        if field == "status":
            return STATUS_LABELS.get(value, value)
        if field == "theme" and row.descriptor_code and self.column_of("descriptor") is None:
            return f"{value} ({row.descriptor_code})"
        if field == "priority":
            return f"{self.scheme.words.priority} {value}" if value else ""
        return value

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if (
            not index.isValid()
            or not 0 <= index.row() < len(self._rows)
            or not 0 <= index.column() < len(self.columns)
        ):
            return None
        row, field = self._rows[index.row()], self.field_at(index.column())
        value = getattr(row, ATTRIBUTES[field])
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, field, value)
        if role == Qt.ItemDataRole.EditRole:
            if field in DATE_FIELDS:
                return QDate(value) if value else QDate.currentDate()
            return value if value is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if field == "deadline":
                return (
                    "Due by the scheme's timescales, from the date agreed."
                    if value
                    else "No due date: set the date agreed."
                )
            if field in ("action", "monitoring", "success"):
                return value or None
        if role == ActionIdRole:
            return row.id
        return None

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.context.read_only or self.field_at(index.column()) in READ_ONLY:
            return flags
        return flags | Qt.ItemFlag.ItemIsEditable

    def _by_reference(self, field: str, value) -> dict | None:
        """Theme by code or priority by number, as update_action's ids; None (and a message) when unknown."""
        portfolio, words = self.context.portfolio, self.scheme.words
        if field == "theme":
            ids = theme_ids(portfolio)
            known = {code.lower(): tid for code, tid in ids.items()}
            if value and str(value).lower() not in known:
                self.context.error.emit(
                    f"There is no {in_sentence(words.theme)} '{value}'. "
                    f"{words.themes}: {', '.join(sorted(ids))}."
                )
                return None
            return {"theme_id": known.get(str(value).lower()) if value else None}
        numbers = {r.number: r.id for r in priority_rows(portfolio)}
        text = str(value or "").strip().split()[-1] if str(value or "").strip() else ""
        if text and (not text.isdigit() or int(text) not in numbers):
            self.context.error.emit(
                f"There is no {in_sentence(words.priority)} '{value}'. "
                f"{words.priorities}: {', '.join(map(str, numbers)) or 'none yet'}."
            )
            return None
        return {"priority_id": numbers[int(text)] if text else None}

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row, field = self._rows[index.row()], self.field_at(index.column())
        attribute = ATTRIBUTES[field]
        old = getattr(row, attribute)
        if field in DATE_FIELDS:
            value = value.toPython() if isinstance(value, QDate) else value
        elif isinstance(value, str):
            value = value.strip()
        if value == old or (value == "" and old is None):
            return False
        if field in ("theme", "priority"):
            new_fields = self._by_reference(field, value)
            if new_fields is None:
                return False
        else:
            new_fields = {STORED[attribute]: value}
        portfolio = self.context.portfolio
        return self.context.push(
            f"Change {self.columns[index.column()].label.lower()} of an action",
            lambda: update_action(portfolio, row.id, **new_fields),
            PLANNING,
        )


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
