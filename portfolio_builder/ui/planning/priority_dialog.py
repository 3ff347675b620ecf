"""The dialog that adds or edits a priority: title, description, lead and the descriptors it spans."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ...core.scheme.model import Words
from ..scheme_words import in_sentence


class PriorityDialog(QDialog):
    """Asks for a priority's fields; `ask` returns them as a dict, or None when cancelled."""

    words = Words()  # the open portfolio's scheme words; the planning page sets them

    def __init__(
        self,
        staff: list[tuple[int, str]],
        initial: dict | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        initial = initial or {}
        word = in_sentence(self.words.priority)
        self.setWindowTitle(f"Edit {word}" if initial else f"Add {word}")
        self.title = QLineEdit(initial.get("title", ""))
        self.description = QPlainTextEdit(initial.get("description", ""))
        self.description.setTabChangesFocus(True)
        self.lead = QComboBox()
        self.lead.addItem("(no lead yet)", 0)
        for staff_id, name in staff:
            self.lead.addItem(name, staff_id)
        self.lead.setCurrentIndex(max(0, self.lead.findData(initial.get("lead_staff_id") or 0)))
        self.codes = QLineEdit(" ".join(initial.get("codes", ())), placeholderText="e.g. 1c 1d")
        form = QFormLayout(self)
        form.addRow("&Title:", self.title)
        form.addRow("&Description:", self.description)
        form.addRow("&Lead:", self.lead)
        form.addRow(f"{self.words.descriptors} (&codes):", self.codes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(480, 300)

    def values(self) -> dict:
        return {
            "title": self.title.text(),
            "description": self.description.toPlainText(),
            "lead_staff_id": self.lead.currentData() or 0,
            "codes": [c for c in self.codes.text().replace(",", " ").split() if c],
        }

    @classmethod
    def ask(
        cls, parent: QWidget | None, staff: list[tuple[int, str]], initial: dict | None = None
    ) -> dict | None:
        dialog = cls(staff, initial, parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
