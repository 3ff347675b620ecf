"""The readiness issues as a list model: one row per thing still to do, named in the scheme's words."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from ...core.planning.readiness import ReadinessIssue
from ...core.scheme.model import Scheme, Words

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
SUBJECT_ROLE = Qt.ItemDataRole.UserRole + 2
ISSUE_ROLE = Qt.ItemDataRole.UserRole + 3
PAGE_COLOURS = {
    "setting": "#555555",
    "framework": "#6A4C93",
    "audit": "#2F6DB5",
    "evidence": "#B26A00",
    "planning": "#2E7D32",
    "theme-sheet": "#6A4C93",
}
CONSENT_COLOUR = "#B3261E"


def kind_label(kind: str, scheme: Scheme | None) -> str:
    """A short name for a kind of issue, in the scheme's words ('Priorities', 'Key priorities', ...)."""
    w = scheme.words if scheme is not None else Words()
    best_fit = (
        scheme.best_fit.label if scheme is not None and scheme.best_fit is not None else "Best fit"
    )
    labels = {
        "setting-context": "Setting",
        "setting-contact": "Setting",
        "award-level": "Setting",
        "placeholder": w.themes,
        "empty-theme": w.themes,
        "our-wording": "Our wording",
        "evidence-short": w.key_evidence,
        "unrated": w.audit,
        "best-fit": best_fit,
        "theme-lead": w.summary_sheet,
        "theme-dates": w.summary_sheet,
        "theme-summary": w.summary_sheet,
        "priorities-count": w.priorities,
        "priority-span": w.priorities,
        "priorities-range": w.priorities,
        "priority-leads": w.priorities,
        "cover-sheet-diary": w.cover_sheets,
        "text-empty": "Texts",
        "consent-missing": "Consent",
        "blur-missing": "Consent",
    }
    return labels.get(kind, kind.replace("-", " ").capitalize())


class ReadinessIssueModel(QAbstractListModel):
    """Cached issues from core.readiness; data() reads only the cache. Warnings (not blocking) are in italics."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._issues: list[ReadinessIssue] = []
        self._scheme: Scheme | None = None

    def set_issues(self, issues: list[ReadinessIssue], scheme: Scheme | None = None) -> None:
        """Replace the issues shown (named in the scheme's words when one is given)."""
        self.beginResetModel()
        self._issues = list(issues)
        self._scheme = scheme or self._scheme
        self.endResetModel()

    def issue_at(self, row: int) -> ReadinessIssue:
        """The issue shown on a row."""
        return self._issues[row]

    def groups(self) -> list[tuple[str, str]]:
        """(label, kinds joined by '|') for each label in use, in first-seen order (for a filter list)."""
        groups: dict[str, list[str]] = {}
        for issue in self._issues:
            kinds = groups.setdefault(kind_label(issue.kind, self._scheme), [])
            if issue.kind not in kinds:
                kinds.append(issue.kind)
        return [(label, "|".join(kinds)) for label, kinds in groups.items()]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._issues)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._issues):
            return None
        issue = self._issues[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{kind_label(issue.kind, self._scheme)}: {issue.message}"
        if role == Qt.ItemDataRole.AccessibleTextRole:  # italics and the square's colour, in words
            what = "stops a final export" if issue.blocks else "worth a look"
            return f"{kind_label(issue.kind, self._scheme)}: {issue.message} ({what})"
        if role == Qt.ItemDataRole.ToolTipRole:
            what = (
                "Stops a final export."
                if issue.blocks
                else "Worth a look; does not stop a final export."
            )
            return f"{issue.message}\n{what} Double-click to go where it is fixed."
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(
                CONSENT_COLOUR
                if issue.kind in ("consent-missing", "blur-missing")
                else PAGE_COLOURS.get(issue.page, "#555555")
            )
        if role == Qt.ItemDataRole.FontRole and not issue.blocks:
            font = QFont()
            font.setItalic(True)
            return font
        if role == KIND_ROLE:
            return issue.kind
        if role == SUBJECT_ROLE:
            return issue.subject
        if role == ISSUE_ROLE:
            return issue
        return None
