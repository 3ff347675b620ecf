"""Long texts of the setting's profile (context, address, case study, plan) that save ~0.5 s after typing stops."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QPlainTextEdit

from ..core.framework.portfolio_setup import setting_profile, update_profile
from .portfolio_context import SETTING, PortfolioContext

SAVE_DELAY_MS = 500


class ProfileTextEditors(QObject):
    """One plain-text editor per profile field; each saves on a debounce timer, and at once on flush()."""

    saved = Signal(bool)  # whether the last save went through (a refusal is shown by the context)

    def __init__(
        self,
        context: PortfolioContext,
        fields: list[tuple[str, str]],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.context = context
        self.editors: dict[str, QPlainTextEdit] = {}
        self.timers: dict[str, QTimer] = {}
        for field, hint in fields:
            editor = QPlainTextEdit(placeholderText=hint)
            editor.setTabChangesFocus(True)
            timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
            timer.timeout.connect(lambda f=field: self.save(f))
            editor.textChanged.connect(timer.start)
            self.editors[field], self.timers[field] = editor, timer

    def refresh(self) -> None:
        """Show the saved texts, leaving alone an editor whose typing is not saved yet."""
        profile = setting_profile(self.context.portfolio)
        for field, editor in self.editors.items():
            value = getattr(profile, field)
            if editor.toPlainText() != value and not self.timers[field].isActive():
                editor.blockSignals(True)
                editor.setPlainText(value)
                editor.blockSignals(False)
            editor.setReadOnly(self.context.read_only)

    def save(self, field: str) -> bool:
        """Save one field now."""
        self.timers[field].stop()
        text = self.editors[field].toPlainText()
        ok, _ = self.context.try_call(
            lambda: update_profile(self.context.portfolio, **{field: text}), SETTING
        )
        self.saved.emit(ok)
        return ok

    def flush(self) -> None:
        """Save anything typed but not yet saved."""
        for field, timer in self.timers.items():
            if timer.isActive():
                self.save(field)
