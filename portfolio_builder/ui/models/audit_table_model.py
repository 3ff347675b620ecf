"""The self-audit table (descriptors with their current rating) and one descriptor's rating history, as Qt models."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...core.planning.audit_overview import AuditRow, Level
from ...core.scheme.model import Words
from .. import contrast
from ..scheme_words import header_lines

CodeRole = Qt.ItemDataRole.UserRole + 1


def text_colour_on(background: str) -> str:
    """Black or white, whichever contrasts more with the background by WCAG (never below 4.5:1)."""
    return contrast.text_colour_on(background)


def level_brushes(levels: list[Level]) -> dict[str, tuple[QBrush, QBrush]]:
    """Level key -> (background, readable text colour) for colouring a rating."""
    return {
        level.key: (QBrush(QColor(level.colour)), QBrush(QColor(text_colour_on(level.colour))))
        for level in levels
    }


class _CachedTable(QAbstractTableModel):
    """A read-only table over a cached list of rows."""

    columns: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self._labels: dict[str, str] = {}
        self._brushes: dict[str, tuple[QBrush, QBrush]] = {}

    def set_levels(self, levels: list[Level]) -> None:
        self._labels = {level.key: level.label for level in levels}
        self._brushes = level_brushes(levels)

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int):
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return header_lines(self.columns[section], 20)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.columns[section]
        return None

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _level_role(self, level_key: str | None, role):
        if level_key is None or level_key not in self._brushes:
            return None
        background, text = self._brushes[level_key]
        return background if role == Qt.ItemDataRole.BackgroundRole else text


class AuditTableModel(_CachedTable):
    """Every descriptor with its current rating; the rating cell is coloured as the scale says."""

    columns = ("Code", "Descriptor", "Rating", "Rated on", "Comment", "Gap")
    RATING_COLUMN = 2

    def set_words(self, words: Words) -> None:
        """Head the columns in the scheme's words."""
        self.columns = (
            "Code",
            words.descriptor,
            words.rating,
            "Rated on",
            words.comment,
            words.gap,
        )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row: AuditRow = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.code,
                row.text,
                self._labels.get(row.level_key, "Not rated") if row.level_key else "Not rated",
                row.rated_on.strftime("%d %b %Y") if row.rated_on else "",
                row.comment,
                row.gap,
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (1, 4, 5):
            return (None, row.text, None, None, row.comment, row.gap)[column] or None
        if (
            role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)
            and column == self.RATING_COLUMN
        ):
            return self._level_role(row.level_key, role)
        if role == CodeRole:
            return row.code
        return None

    def row_of_code(self, code: str) -> int | None:
        return next((n for n, row in enumerate(self._rows) if row.code == code), None)


class RatingHistoryModel(_CachedTable):
    """One descriptor's ratings, newest first."""

    columns = ("Date", "Rating", "Comment", "Gap", "Rated by")

    def set_words(self, words: Words) -> None:
        """Head the columns in the scheme's words."""
        self.columns = ("Date", words.rating, words.comment, words.gap, "Rated by")
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        rating = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (
                rating.rated_on.strftime("%d %b %Y"),
                self._labels.get(rating.level_key, rating.level_key),
                rating.comment,
                rating.gap,
                rating.rated_by,
            )[column]
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and column == 1:
            return self._level_role(rating.level_key, role)
        return None
