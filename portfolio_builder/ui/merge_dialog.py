"""File > Merge a contribution…: what a pack brings, what is already here, and a choice for each conflict."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.team.merge_plan import CONFLICT_WORDS, MergePlan
from .models.merge_plan_model import MergePlanModel, local_when

MINE, THEIRS = "mine", "theirs"


class ConflictChoice(QGroupBox):
    """One conflict: what it is, what the portfolio holds, what the copy holds, and Keep mine / Take theirs."""

    def __init__(self, planned, contributor: str, parent: QWidget | None = None):
        super().__init__(planned.change.get("summary", ""), parent)
        self.planned = planned
        reason = QLabel(CONFLICT_WORDS.get(planned.conflict, planned.reason).capitalize() + ".")
        reason.setWordWrap(True)
        self.mine = QRadioButton(f"Keep mine: {planned.mine}")
        self.theirs = QRadioButton(f"Take {contributor}'s: {planned.theirs}")
        for button in (self.mine, self.theirs):
            button.setToolTip(button.text())
        self.group = QButtonGroup(self)
        self.group.addButton(self.mine)
        self.group.addButton(self.theirs)
        layout = QVBoxLayout(self)
        layout.addWidget(reason)
        layout.addWidget(self.mine)
        layout.addWidget(self.theirs)

    def choice(self) -> str:
        return MINE if self.mine.isChecked() else THEIRS if self.theirs.isChecked() else ""


class MergeDialog(QDialog):
    """Shows the plan of a merge; Merge is enabled once every conflict has a choice; decisions() gives them."""

    def __init__(self, plan: MergePlan, parent: QWidget | None = None):
        super().__init__(parent)
        self.plan = plan
        contributor = plan.head.get("contributor", "the team member")
        self.setWindowTitle(f"Merge {contributor}'s contribution")
        counts = {
            v: len(plan.having(v))
            for v in ("new", "already-there", "conflict", "refused", "declined-before")
        }
        headline = QLabel(
            f"<b>{contributor}</b> sent {len(plan.changes)} change(s), packed {local_when(plan.head.get('made_at'))}"
            f": {counts['new']} come in, {counts['already-there']} are already here"
            + (f", <b>{counts['conflict']} need your decision</b>" if counts["conflict"] else "")
            + (f", {counts['refused']} cannot come in" if counts["refused"] else "")
            + ".<br>A backup is made "
            "first, then everything goes in at once. Changes you decline stay in the merge log."
        )
        headline.setWordWrap(True)
        self.model = MergePlanModel(plan, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Changes in the contribution")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        self.choices = [ConflictChoice(c, contributor) for c in plan.conflicts]
        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addWidget(self.table, 1)
        if self.choices:
            box = QWidget()
            inner = QVBoxLayout(box)
            for choice in self.choices:
                inner.addWidget(choice)
                choice.group.buttonToggled.connect(self._update)
            inner.addStretch(1)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(box)
            all_row = QHBoxLayout()
            all_row.addWidget(QLabel("Conflicts:"))
            for text, value in (("Keep mine for all", MINE), ("Take theirs for all", THEIRS)):
                button = QPushButton(text)
                button.clicked.connect(lambda _=False, v=value: self.choose_all(v))
                all_row.addWidget(button)
            all_row.addStretch(1)
            layout.addLayout(all_row)
            layout.addWidget(scroll, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton("Merge", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update()
        self.resize(820, 600 if self.choices else 440)

    def choose_all(self, value: str) -> None:
        for choice in self.choices:
            (choice.mine if value == MINE else choice.theirs).setChecked(True)

    def _update(self, *_args) -> None:
        undecided = sum(1 for c in self.choices if not c.choice())
        self.merge_button.setEnabled(not undecided and bool(self.plan.changes))
        self.merge_button.setToolTip(
            f"{undecided} conflict(s) still need a choice." if undecided else ""
        )

    def decisions(self) -> dict[str, str]:
        return {c.planned.id: c.choice() for c in self.choices if c.choice()}
