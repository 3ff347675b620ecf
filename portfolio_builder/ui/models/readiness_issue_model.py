"""The readiness problems as a list model: one row per thing still to do before the portfolio is ready."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from ...core.readiness import ReadinessIssue

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
SUBJECT_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_LABELS = {"evidence-short": "Evidence", "unrated": "Audit", "priorities-short": "Priorities",
               "consent-missing": "Consent", "empty-theme": "Framework"}
KIND_COLOURS = {"evidence-short": "#B26A00", "unrated": "#2F6DB5", "priorities-short": "#6A4C93",
                "consent-missing": "#B3261E", "empty-theme": "#555555"}


class ReadinessIssueModel(QAbstractListModel):
    """Cached issues from core.readiness; data() reads only the cache."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._issues: list[ReadinessIssue] = []

    def set_issues(self, issues: list[ReadinessIssue]) -> None:
        self.beginResetModel()
        self._issues = list(issues)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._issues)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._issues):
            return None
        issue = self._issues[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{KIND_LABELS.get(issue.kind, issue.kind)}: {issue.message}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return issue.message
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(KIND_COLOURS.get(issue.kind, "#555555"))
        if role == KIND_ROLE:
            return issue.kind
        if role == SUBJECT_ROLE:
            return issue.subject
        return None
