"""The core team typed into the new-portfolio wizard: an editable table of name and role."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

HEADERS = ("Name", "Role")


class TeamModel(QAbstractTableModel):
    """Rows of (name, role); rows can be added and removed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[list[str]] = []

    def members(self) -> list[tuple[str, str]]:
        """Members with a name (blank rows are ignored)."""
        return [(name.strip(), role.strip()) for name, role in self._rows if name.strip()]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._rows[index.row()][index.column()]
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        self._rows[index.row()][index.column()] = str(value)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def insertRows(self, row: int, count: int, parent=QModelIndex()) -> bool:
        if parent.isValid() or not 0 <= row <= len(self._rows):
            return False
        self.beginInsertRows(parent, row, row + count - 1)
        for _ in range(count):
            self._rows.insert(row, ["", ""])
        self.endInsertRows()
        return True

    def removeRows(self, row: int, count: int, parent=QModelIndex()) -> bool:
        if parent.isValid() or row < 0 or row + count > len(self._rows):
            return False
        self.beginRemoveRows(parent, row, row + count - 1)
        del self._rows[row : row + count]
        self.endRemoveRows()
        return True

    def add_member(self, name: str = "", role: str = "") -> int:
        """Append a row; returns its row number."""
        row = len(self._rows)
        self.insertRows(row, 1)
        self._rows[row] = [name, role]
        return row
