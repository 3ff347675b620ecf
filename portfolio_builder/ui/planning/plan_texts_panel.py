"""The good-practice case study and the three-year outline plan, saved as typed (debounced)."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..portfolio_context import PortfolioContext
from ..profile_text_editors import ProfileTextEditors

TEXTS = (("case_study", "Good-practice case study",
          "The journey as a whole: where you started, what changed, the impact on families."),
         ("three_year_plan", "Three-year outline plan", "Year 1, Year 2, Year 3: what comes next."))


class PlanTextsPanel(QWidget):
    """Two text editors; each saves ~0.5 s after typing stops (and when the page hides)."""

    def __init__(self, context: PortfolioContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.texts = ProfileTextEditors(context, [(field, hint) for field, _title, hint in TEXTS], self)
        self.editors, self.timers = self.texts.editors, self.texts.timers
        self.saved_label = QLabel()
        self.texts.saved.connect(lambda ok: self.saved_label.setText("Saved." if ok else "Not saved: see the message."))
        row = QHBoxLayout()
        for field, title, _hint in TEXTS:
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(self.editors[field])
            row.addWidget(box)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.saved_label)

    def refresh(self) -> None:
        self.texts.refresh()

    def save(self, field: str) -> bool:
        return self.texts.save(field)

    def flush(self) -> None:
        """Save anything typed but not yet saved."""
        self.texts.flush()
