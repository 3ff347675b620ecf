"""What stops a final export and what is only worth a look, as two lists; a double-click goes to the fix."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from ..core.planning.readiness import Readiness
from ..core.scheme.model import Scheme
from .models.readiness_issue_model import ISSUE_ROLE, ReadinessIssueModel
from .navigation import go_to_issue


def _list(model: ReadinessIssueModel, name: str) -> QListView:
    view = QListView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setWordWrap(True)
    view.setUniformItemSizes(False)
    view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
    view.setToolTip("Double-click a line (or press Enter) to go where it is fixed.")
    return view


class ReadinessLists(QWidget):
    """The blocking issues, each in words, then the warnings apart; activating a line opens the page that fixes it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.blocking_model = ReadinessIssueModel(self)
        self.warning_model = ReadinessIssueModel(self)
        self.blocking = _list(self.blocking_model, "What stops a final export")
        self.warnings = _list(self.warning_model, "Worth a look")
        self.warnings_label = QLabel(
            "Worth a look (these do not stop a final export):", wordWrap=True
        )
        for view in (self.blocking, self.warnings):
            view.activated.connect(lambda index: go_to_issue(self, index.data(ISSUE_ROLE)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.blocking, 2)
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.warnings, 1)

    def set_readiness(self, readiness: Readiness, scheme: Scheme) -> None:
        """Show each issue of the readiness report in the list it belongs to."""
        self.blocking_model.set_issues([i for i in readiness.issues if i.blocks], scheme)
        self.warning_model.set_issues([i for i in readiness.issues if not i.blocks], scheme)
        self.blocking.setVisible(self.blocking_model.rowCount() > 0)
        for widget in (self.warnings_label, self.warnings):
            widget.setVisible(self.warning_model.rowCount() > 0)

    def messages(self, blocking: bool = True) -> list[str]:
        """The lines shown in one list, as displayed."""
        model = self.blocking_model if blocking else self.warning_model
        return [model.index(row).data() for row in range(model.rowCount())]
