"""Planning: the key priorities, the action plan, the Priority Action Cover Sheets, the case study and 3-year plan."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from .. import page_dialogs
from ..planning.action_plan_panel import ActionPlanPanel
from ..planning.cover_sheet_panel import CoverSheetPanel
from ..planning.plan_texts_panel import PlanTextsPanel
from ..planning.priorities_panel import PrioritiesPanel
from ..portfolio_context import EVIDENCE, FRAMEWORK, PLANNING, SETTING, PortfolioContext


class PlanningPage(QWidget):
    """Four tabs over the shared context; each panel reloads when its area changes."""

    def __init__(self, context: PortfolioContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.priorities = PrioritiesPanel(context)
        self.actions = ActionPlanPanel(context)
        self.cover_sheets = CoverSheetPanel(context)
        self.texts = PlanTextsPanel(context)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.priorities, "&Priorities")
        self.tabs.addTab(self.actions, "Action p&lan")
        self.tabs.addTab(self.cover_sheets, "&Cover sheets")
        self.tabs.addTab(self.texts, "Case study and &three-year plan")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        context.changed.connect(self._context_changed)
        context.error.connect(self._refused)
        self.refresh()

    def refresh(self) -> None:
        self.priorities.refresh()
        self.actions.refresh()
        self.cover_sheets.refresh()
        self.texts.refresh()

    def _context_changed(self, area: str) -> None:
        if area in (PLANNING, FRAMEWORK):
            self.priorities.refresh()
            self.actions.refresh()
            self.cover_sheets.refresh()
        elif area == EVIDENCE:
            self.cover_sheets.load_sheet()
        elif area == SETTING:
            self.texts.refresh()

    def hideEvent(self, event) -> None:
        self.texts.flush()
        super().hideEvent(event)

    def _refused(self, message: str) -> None:
        """Show refusals of this page's edits (context.error) while the page is on screen."""
        if self.isVisible():
            page_dialogs.show_refusal(self, message)
