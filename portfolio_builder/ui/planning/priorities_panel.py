"""Choose and order the key priorities (where the scheme has them), each with a lead and the descriptors it spans."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from ...core.planning.planning_overview import PriorityRow, priority_rows, staff_names
from ...core.planning.planning_service import (
    add_priority,
    delete_priority,
    move_priority,
    update_priority,
)
from ...core.scheme.model import Scheme, Words
from ..portfolio_context import PLANNING, PortfolioContext
from ..scheme_words import in_sentence
from .priority_dialog import PriorityDialog

PriorityRole = Qt.ItemDataRole.UserRole + 1


class PrioritiesModel(QAbstractListModel):
    """The priorities in order, each shown as 'n. title' with its lead and descriptors beneath."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[PriorityRow] = []
        self._words = Words()

    def set_rows(self, rows: list[PriorityRow], words: Words | None = None) -> None:
        """Replace the priorities shown (their descriptors named in the scheme's words)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._words = words or self._words
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                f"{row.number}. {row.title}\n    Lead: {row.lead_name or 'not named'}   ·   "
                f"{self._words.descriptors}: {', '.join(row.codes) or 'none yet'}"
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.description or row.title
        if role == PriorityRole:
            return row
        return None


class PrioritiesPanel(QWidget):
    """The ordered list with Add, Edit, Remove and Move buttons, and 'n of N chosen'."""

    def __init__(self, context: PortfolioContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.model = PrioritiesModel(self)
        self.count_label = QLabel(wordWrap=True)
        self.note = QLabel(wordWrap=True)
        self.note.setStyleSheet("background: #FFF3CD; color: #5C4400; padding: 6px;")
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setSpacing(3)
        self.list.doubleClicked.connect(self.edit_current)
        self.buttons = {}
        row = QHBoxLayout()
        for key, text, slot in (
            ("add", "&Add priority…", self.add),
            ("edit", "Ed&it…", self.edit_current),
            ("remove", "&Remove", self.remove_current),
            ("up", "Move &up", lambda: self.move(-1)),
            ("down", "Move do&wn", lambda: self.move(1)),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.count_label)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)

    def refresh(self) -> None:
        current = self.current()
        scheme = self.context.scheme
        words, wanted = scheme.words, scheme.priorities
        rows = priority_rows(self.context.portfolio)
        self.model.set_rows(rows, words)
        self.count_label.setText(self.count_text(scheme, len(rows)))
        self.note.setText(legacy_note(scheme, len(rows)))
        self.note.setVisible(bool(self.note.text()))
        if current is not None:
            number = next((n for n, r in enumerate(rows) if r.id == current.id), None)
            if number is not None:
                self.list.setCurrentIndex(self.model.index(number))
        self.buttons["add"].setText(f"&Add {in_sentence(words.priority)}…")
        self.list.setAccessibleName(words.priorities)
        self.list.setAccessibleDescription(self.count_label.text())
        self.buttons["add"].setVisible(wanted.used)
        for key in ("add", "edit", "remove", "up", "down"):
            self.buttons[key].setEnabled(not self.context.read_only)

    @staticmethod
    def count_text(scheme: Scheme, chosen: int) -> str:
        """'2 of 5 chosen', with what the scheme asks of them (a range of statements, a different lead each)."""
        words, wanted = scheme.words, scheme.priorities
        if not wanted.used:
            return ""
        asks = [
            x
            for x, on in (
                (
                    f"together spanning a range of {in_sentence(words.descriptors)}",
                    wanted.span_range,
                ),
                ("ideally each led by a different member of staff", wanted.different_leads),
            )
            if on
        ]
        return f"{chosen} of {wanted.count} chosen" + (f" ({'; '.join(asks)})" if asks else "")

    def select_number(self, number: int) -> None:
        """Make the priority with this number (1 = first) current."""
        if 0 < number <= self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(number - 1))

    def current(self) -> PriorityRow | None:
        index = self.list.currentIndex()
        return index.data(PriorityRole) if index.isValid() else None

    def add(self) -> bool:
        values = PriorityDialog.ask(self, staff_names(self.context.portfolio))
        if values is None:
            return False
        portfolio = self.context.portfolio
        word = in_sentence(self.context.scheme.words.priority)
        return self.context.push(
            f"Add {word} '{values['title']}'",
            lambda: add_priority(
                portfolio,
                values["title"],
                values["description"],
                values["lead_staff_id"] or None,
                values["codes"],
            ),
            PLANNING,
        )

    def edit_current(self) -> bool:
        row = self.current()
        if row is None:
            return False
        initial = {
            "title": row.title,
            "description": row.description,
            "lead_staff_id": row.lead_staff_id or 0,
            "codes": row.codes,
        }
        values = PriorityDialog.ask(self, staff_names(self.context.portfolio), initial)
        if values is None:
            return False
        portfolio = self.context.portfolio
        return self.context.push(
            f"Edit priority '{row.title}'",
            lambda: update_priority(
                portfolio,
                row.id,
                values["title"],
                values["description"],
                values["lead_staff_id"],
                list(values["codes"]),
            ),
            PLANNING,
        )

    def remove_current(self) -> bool:
        """Remove a priority with its cover sheet and diary, after asking; one Undo brings them all back."""
        from .. import page_dialogs

        row = self.current()
        if row is None or not page_dialogs.confirm(
            self,
            "Remove priority",
            f"Remove priority {row.number}, '{row.title}', with its cover sheet "
            "and diary? Its evidence items are kept. You can undo this.",
            "Remove",
        ):
            return False
        portfolio = self.context.portfolio
        return self.context.push(
            f"Remove priority '{row.title}'", lambda: delete_priority(portfolio, row.id), PLANNING
        )

    def move(self, step: int) -> bool:
        row = self.current()
        if row is None:
            return False
        portfolio, old = self.context.portfolio, row.number - 1
        new = max(0, min(old + step, self.model.rowCount() - 1))
        if new == old:
            return False
        return self.context.push(
            f"Move priority '{row.title}'", lambda: move_priority(portfolio, row.id, new), PLANNING
        )


def legacy_note(scheme: Scheme, held: int) -> str:
    """On a scheme without priorities, what to make of priorities an earlier version of the app asked for."""
    if scheme.priorities.used or not held:
        return ""
    words = scheme.words
    return (
        f"This portfolio holds {held} priorit{'y' if held == 1 else 'ies'} made with an earlier version of "
        f"Portfolio Builder. {scheme.name} does not use priorities: they are kept here but not printed in the "
        f"portfolio. Plan the work in the {in_sentence(words.action_plan)} instead."
    )
