"""The changes of a contribution pack as a table (what, what the merge does with it, who, when) for the merge dialog."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from ...core.team.merge_plan import MergePlan

COLUMNS = ("Change", "Merge", "By", "When")
VERDICT_WORDS = {
    "new": "Comes in",
    "already-there": "Already here",
    "conflict": "Conflict: you decide",
    "refused": "Cannot come in",
    "declined-before": "Declined before",
}
CHANGE_ROLE = Qt.ItemDataRole.UserRole + 1


def local_when(text: str) -> str:
    """A stored moment (UTC, as files keep it) as the person's clock shows it: 'Today 14:05'; a date as it is."""
    from datetime import datetime

    from .backup_table_model import describe_when

    text = str(text or "")
    if len(text) <= 10:
        return text
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text[:16]
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return describe_when(moment.astimezone().replace(tzinfo=None))


class MergePlanModel(QAbstractTableModel):
    """One row per change of the pack, conflicts first."""

    def __init__(self, plan: MergePlan | None = None, parent=None):
        super().__init__(parent)
        self.rows = []
        if plan is not None:
            self.set_plan(plan)

    def set_plan(self, plan: MergePlan) -> None:
        self.beginResetModel()
        order = {"conflict": 0, "new": 1, "refused": 2, "declined-before": 3, "already-there": 4}
        self.rows = sorted(plan.changes, key=lambda c: order.get(c.verdict, 9))
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt's name
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        planned = self.rows[index.row()]
        change = planned.change
        if role == CHANGE_ROLE:
            return planned
        if role == Qt.ItemDataRole.ToolTipRole:
            return planned.reason or change.get("summary", "")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            change.get("summary", ""),
            VERDICT_WORDS.get(planned.verdict, planned.verdict),
            change.get("by", ""),
            local_when(change.get("at", "")),
        )[index.column()]
