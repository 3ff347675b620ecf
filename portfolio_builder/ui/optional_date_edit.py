"""A date field that may be left unset ("No date"), which Tab still leaves: Qt keeps Tab inside a QDateEdit that
shows its special value text, a trap for anyone using the keyboard."""

from __future__ import annotations

from PySide6.QtWidgets import QDateEdit, QWidget


class OptionalDateEdit(QDateEdit):
    """QDateEdit whose minimum date means 'not set' (its special value text); Tab and Shift+Tab always move on."""

    def focusNextPrevChild(self, next_: bool) -> bool:  # noqa: N802 - Qt's name
        if self.specialValueText() and self.date() == self.minimumDate():
            return QWidget.focusNextPrevChild(self, next_)
        return super().focusNextPrevChild(next_)
