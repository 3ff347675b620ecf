"""The free texts the scheme asks for (case study, outline plan, analysis ...), saved as typed (debounced)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGroupBox, QLabel, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from ...core.planning.portfolio_texts import read_texts, write_text
from ...core.scheme.model import Scheme
from ..portfolio_context import PLANNING, PortfolioContext

SAVE_DELAY_MS = 500
OLD_NOTE = (
    "Kept from an earlier version of this portfolio. {scheme} does not ask for it and it is not printed; "
    "copy what you need into the texts above."
)


def tab_title(scheme: Scheme) -> str:
    """The Planning tab's name: the scheme's one text, or 'Texts'."""
    return scheme.texts[0].title if len(scheme.texts) == 1 else "Texts"


class PlanTextsPanel(QWidget):
    """One editor per text of the scheme (and per older text still stored); each saves ~0.5 s after typing stops."""

    def __init__(self, context: PortfolioContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.editors: dict[str, QPlainTextEdit] = {}
        self.timers: dict[str, QTimer] = {}
        self.boxes: dict[str, QGroupBox] = {}
        self._keys: tuple = ()
        self.saved_label = QLabel()
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        scroll = QScrollArea(widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame)
        scroll.setAccessibleName("Texts")
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.saved_label)

    def _build(self, scheme: Scheme, stored: dict[str, str]) -> None:
        """One box per text: the scheme's in its order, then any older one not in the scheme (with a note)."""
        parts = [
            (t.key, t.title + (" (required for the final portfolio)" if t.required else ""), t.note)
            for t in scheme.texts
        ]
        parts += [
            (key, key.replace("-", " ").capitalize(), OLD_NOTE.format(scheme=scheme.name))
            for key in sorted(stored)
            if scheme.text(key) is None and stored[key].strip()
        ]
        keys = tuple(key for key, _title, _note in parts)
        if keys == self._keys:
            return
        self.flush()
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.editors, self.timers, self.boxes, self._keys = {}, {}, {}, keys
        for key, title, note in parts:
            box = QGroupBox(title)
            box_layout = QVBoxLayout(box)
            if note:
                label = QLabel(note, wordWrap=True)
                label.setStyleSheet(
                    "color: #5C4400;" if scheme.text(key) is None else "color: #595959;"
                )
                box_layout.addWidget(label)
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            editor.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
            timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
            timer.timeout.connect(lambda k=key: self.save(k))
            editor.textChanged.connect(timer.start)
            box_layout.addWidget(editor)
            self.body_layout.addWidget(box, 1)
            self.editors[key], self.timers[key], self.boxes[key] = editor, timer, box
        if not parts:
            self.body_layout.addWidget(QLabel(f"{scheme.name} asks for no free texts."))
        self.body_layout.addStretch(0)

    def refresh(self) -> None:
        """Show the saved texts, leaving alone an editor whose typing is not saved yet."""
        stored = read_texts(self.context.portfolio)
        self._build(self.context.scheme, stored)
        for key, editor in self.editors.items():
            value = stored.get(key, "")
            if editor.toPlainText() != value and not self.timers[key].isActive():
                editor.blockSignals(True)
                editor.setPlainText(value)
                editor.blockSignals(False)
            editor.setReadOnly(self.context.read_only)

    def save(self, key: str) -> bool:
        """Save one text now."""
        self.timers[key].stop()
        text = self.editors[key].toPlainText()
        ok, _ = self.context.try_call(
            lambda: write_text(self.context.portfolio, key, text), PLANNING
        )
        self.saved_label.setText("Saved." if ok else "Not saved: see the message.")
        return ok

    def flush(self) -> None:
        """Save anything typed but not yet saved."""
        for key, timer in list(self.timers.items()):
            if timer.isActive():
                self.save(key)

    def focus_text(self, key: str) -> None:
        """Put the cursor in one text (for a readiness line about it)."""
        if key in self.editors:
            self.editors[key].setFocus()
