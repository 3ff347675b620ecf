"""Qt models for a cover sheet: its dated diary entries and its attached evidence."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, Qt

from ...core.planning.planning_service import DiaryLine

DIARY_COLUMNS = ("Date", "What was done", "Written by")


class DiaryModel(QAbstractTableModel):
    """A cover sheet's diary entries, oldest first, cached on refresh."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[DiaryLine] = []

    def set_rows(self, rows: list[DiaryLine]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> DiaryLine:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(DIARY_COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(DIARY_COLUMNS)
        ):
            return DIARY_COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (entry.entry_date.strftime("%d %b %Y"), entry.text, entry.author)[index.column()]
        return None


class AttachedEvidenceModel(QAbstractListModel):
    """(id, title, kind) of the evidence attached to a cover sheet."""

    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[int, str, str]] = []

    def set_rows(self, rows: list[tuple[int, str, str]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        evidence_id, title, kind = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{title}  ({kind}, item {evidence_id})"
        if role == self.IdRole:
            return evidence_id
        return None
