"""The dialog for one dated diary entry of a Priority Action Cover Sheet."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)


class DiaryEntryDialog(QDialog):
    """Date (not in the future), what was done, and who wrote it; `ask` returns a dict or None."""

    def __init__(self, initial: dict | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        initial = initial or {}
        self.setWindowTitle("Edit diary entry" if initial else "Add diary entry")
        self.date = QDateEdit(
            QDate(initial.get("entry_date") or date.today()),
            calendarPopup=True,
            displayFormat="dd MMM yyyy",
        )
        self.date.setMaximumDate(QDate.currentDate())
        self.text = QPlainTextEdit(initial.get("text", ""))
        self.text.setTabChangesFocus(True)
        self.author = QLineEdit(initial.get("author", ""))
        form = QFormLayout(self)
        form.addRow("&Date:", self.date)
        form.addRow("&What was done:", self.text)
        form.addRow("W&ritten by:", self.author)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(460, 280)

    def values(self) -> dict:
        return {
            "entry_date": self.date.date().toPython(),
            "text": self.text.toPlainText(),
            "author": self.author.text().strip(),
        }

    @classmethod
    def ask(cls, parent: QWidget | None, initial: dict | None = None) -> dict | None:
        dialog = cls(initial, parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
