"""A portfolio's backups as a table (when, why, what they hold, size, state), so staff can pick one to restore."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from ...core.storage.backup_catalog import BackupInfo

INFO_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("When", "Made", "Evidence items", "Rated", "Newest entry", "Size", "State")
NUMERIC = {2, 3, 5}


def describe_when(moment: datetime, today: date | None = None) -> str:
    """'Today 14:05', 'Yesterday 09:30' or 'Tue 12 May 2026, 14:05': what a person recognises at a glance."""
    today = today or date.today()
    clock = moment.strftime("%H:%M")
    if moment.date() == today:
        return f"Today {clock}"
    if moment.date() == today - timedelta(days=1):
        return f"Yesterday {clock}"
    return f"{moment:%a} {moment.day} {moment:%b %Y}, {clock}"


def describe_label(label: str) -> str:
    """Why a backup was made, from the label make_backup put in its name."""
    if label == "auto":
        return "Automatically"
    if label == "manual":
        return "Back up now"
    if label == "before-restore":
        return "Before a restore"
    if label == "damaged":
        return "Before a restore (damaged)"
    if label == "before-merge":
        return "Before a merge"
    if label.startswith("before-format"):
        return "Before an upgrade"
    return "Other copy"


def describe_size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(size, 1) / 1024:.0f} KB" if size else "0 KB"
    if size < 1024**3:
        return f"{size / 1024**2:.1f} MB"
    return f"{size / 1024**3:.2f} GB"


def describe_state(info: BackupInfo) -> str:
    """A few words for the State column; the whole reason is in the tooltip and under the table."""
    if info.usable:
        return "Ready to restore"
    for words, state in (
        ("damaged", "Damaged"),
        ("newer version", "Needs a newer version"),
        ("empty", "Empty"),
        ("cannot be read", "Cannot be read"),
    ):
        if words in info.problem:
            return state
    return "Not a portfolio"


class BackupTableModel(QAbstractTableModel):
    """Rows are BackupInfo summaries read once by set_backups(); data() never opens a file."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[BackupInfo] = []

    def set_backups(self, backups: list[BackupInfo]) -> None:
        self.beginResetModel()
        self._rows = list(backups)
        self.endResetModel()

    def backup_at(self, row: int) -> BackupInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == 4:
            return "The newest evidence item added or rating given in that copy"
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(info, column)
        if role == SORT_ROLE:
            return self._sort_key(info, column)
        if role == INFO_ROLE:
            return info
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path) if info.usable else f"{info.path}\nThis copy {info.problem}."
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not info.usable:
            return QApplication.palette().color(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        return None

    @staticmethod
    def _text(info: BackupInfo, column: int) -> str:
        if column == 0:
            return describe_when(info.made_at)
        if column == 1:
            return describe_label(info.label)
        if column == 5:
            return describe_size(info.size)
        if column == 6:
            return describe_state(info)
        if not info.usable:
            return "–"
        if column == 2:
            return str(info.evidence_items)
        if column == 3:
            return f"{info.descriptors_rated} of {info.descriptors}"
        return describe_when(info.newest_entry) if info.newest_entry else "Nothing yet"

    @staticmethod
    def _sort_key(info: BackupInfo, column: int):
        return (
            info.made_at.timestamp(),
            describe_label(info.label),
            info.evidence_items,
            info.descriptors_rated,
            info.newest_entry.timestamp() if info.newest_entry else 0.0,
            info.size,
            describe_state(info),
        )[column]

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
