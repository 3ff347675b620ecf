"""The good-practice case study and the three-year outline plan, saved as typed (debounced)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ...core.portfolio_setup import setting_profile, update_profile
from ..portfolio_context import SETTING, PortfolioContext

SAVE_DELAY_MS = 500


class PlanTextsPanel(QWidget):
    """Two text editors; each saves ~0.5 s after typing stops (and when the page hides)."""

    def __init__(self, context: PortfolioContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.editors: dict[str, QPlainTextEdit] = {}
        self.timers: dict[str, QTimer] = {}
        self.saved_label = QLabel()
        row = QHBoxLayout()
        for field, title, hint in (
                ("case_study", "Good-practice case study",
                 "The journey as a whole: where you started, what changed, the impact on families."),
                ("three_year_plan", "Three-year outline plan", "Year 1, Year 2, Year 3: what comes next.")):
            editor = QPlainTextEdit(placeholderText=hint)
            editor.setTabChangesFocus(True)
            timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
            timer.timeout.connect(lambda f=field: self.save(f))
            editor.textChanged.connect(timer.start)
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(editor)
            row.addWidget(box)
            self.editors[field], self.timers[field] = editor, timer
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.saved_label)

    def refresh(self) -> None:
        profile = setting_profile(self.context.portfolio)
        for field, editor in self.editors.items():
            value = getattr(profile, field)
            if editor.toPlainText() != value and not self.timers[field].isActive():
                editor.blockSignals(True)
                editor.setPlainText(value)
                editor.blockSignals(False)
            editor.setReadOnly(self.context.read_only)

    def save(self, field: str) -> bool:
        self.timers[field].stop()
        text = self.editors[field].toPlainText()
        ok, _ = self.context.try_call(lambda: update_profile(self.context.portfolio, **{field: text}), SETTING)
        self.saved_label.setText("Saved." if ok else "Not saved: see the message.")
        return ok

    def flush(self) -> None:
        """Save anything typed but not yet saved."""
        for field, timer in self.timers.items():
            if timer.isActive():
                self.save(field)
