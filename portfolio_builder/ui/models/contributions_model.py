"""Who contributed what and when (merged contribution packs), as a list for the dashboard."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from ...core.team.merge_log import Contribution
from .merge_plan_model import local_when


class ContributionsModel(QAbstractListModel):
    """One line per merged pack, newest first: 'Tue 1 Dec 09:20 — Ben Jones: 3 new evidence, 1 rating(s)'."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list[Contribution] = []

    def set_contributions(self, items: list[Contribution]) -> None:
        self.beginResetModel()
        self.items = list(reversed(items))
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.items)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            declined = (
                f"; {item.declined} declined (kept in the merge log)" if item.declined else ""
            )
            return f"{local_when(item.merged_at)}  {item.contributor}: {item.words()}{declined}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Pack {item.pack_id}"
        return None
