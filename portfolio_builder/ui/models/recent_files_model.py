"""Recently opened portfolios as a list model (file name, folder beneath; missing files greyed)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class RecentFilesModel(QAbstractListModel):
    """Rows are cached paths with whether they existed when the list was loaded."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[Path, bool]] = []

    def set_paths(self, paths: list[Path]) -> None:
        self.beginResetModel()
        self._rows = [(Path(p), Path(p).exists()) for p in paths]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        path, exists = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{path.stem}\n{path.parent}" + ("" if exists else "  (not found)")
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(path) if exists else f"{path} can no longer be found."
        if role == Qt.ItemDataRole.ForegroundRole and not exists:
            return QApplication.palette().color(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        if role == PATH_ROLE:
            return str(path)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        exists = self._rows[index.row()][1]
        return Qt.ItemFlag.ItemIsSelectable | (
            Qt.ItemFlag.ItemIsEnabled if exists else Qt.ItemFlag.NoItemFlags
        )
