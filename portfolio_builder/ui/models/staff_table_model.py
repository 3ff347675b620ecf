"""The setting's staff as a table (name, role, email, lead, core team); edits go back through a callback."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from ...core.framework.framework_reads import StaffMember

COLUMNS = (
    ("name", "Name"),
    ("role", "Role"),
    ("email", "Email"),
    ("is_lead", "Lead"),
    ("in_core_team", "Core team"),
)
CHECK_FIELDS = {"is_lead", "in_core_team"}
StaffEdit = Callable[[int, str, object], bool]  # (staff id, field, new value) -> saved?


class StaffTableModel(QAbstractTableModel):
    """Rows are StaffMember values read by refresh(); data() never touches the portfolio file."""

    def __init__(self, edit: StaffEdit, parent=None):
        super().__init__(parent)
        self._edit = edit
        self._rows: list[StaffMember] = []
        self.read_only = False

    def set_rows(self, rows: list[StaffMember]) -> None:
        """Replace every row (after any change to the staff list)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def staff_at(self, row: int) -> StaffMember | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, staff_id: int) -> int:
        """The row showing a member of staff, or -1."""
        return next((n for n, s in enumerate(self._rows) if s.id == staff_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section][1]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        field = COLUMNS[index.column()][0]
        value = getattr(self._rows[index.row()], field)
        if field in CHECK_FIELDS:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return (
                    "Leads the award in the setting (one person)"
                    if field == "is_lead"
                    else "In the core team"
                )
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value or ""
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only:
            return flags
        if COLUMNS[index.column()][0] in CHECK_FIELDS:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or self.read_only or not (0 <= index.row() < len(self._rows)):
            return False
        field = COLUMNS[index.column()][0]
        if field in CHECK_FIELDS:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        else:
            value = str(value).strip()
        staff = self._rows[index.row()]
        if getattr(staff, field) == value:
            return False
        return self._edit(
            staff.id, field, value
        )  # the page refreshes the rows when the edit is saved
