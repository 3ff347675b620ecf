"""Planning: the scheme's priorities and cover sheets (where it has them), its action plan, and its free texts."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ...core.planning.planning_overview import priority_rows
from ...core.planning.readiness import ReadinessIssue
from .. import page_dialogs
from ..planning.action_plan_panel import ActionPlanPanel
from ..planning.cover_sheet_panel import CoverSheetPanel
from ..planning.plan_texts_panel import PlanTextsPanel, tab_title
from ..planning.priorities_panel import PrioritiesPanel
from ..planning.priority_dialog import PriorityDialog
from ..portfolio_context import EVIDENCE, FRAMEWORK, PLANNING, SETTING, PortfolioContext


class PlanningPage(QWidget):
    """Tabs over the shared context, named in the scheme's words; each panel reloads when its area changes.

    The priorities and cover-sheet tabs show only where the scheme uses them, or where a portfolio made by an
    earlier version still holds priorities (shown with a note, never deleted).
    """

    def __init__(self, context: PortfolioContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.priorities = PrioritiesPanel(
            context, self
        )  # parented here while the scheme has no tab for it
        self.actions = ActionPlanPanel(context, self)
        self.cover_sheets = CoverSheetPanel(context, self)
        self.texts = PlanTextsPanel(context, self)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Planning")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        context.changed.connect(self._context_changed)
        context.error.connect(self._refused)
        self.refresh()

    def _arrange_tabs(self) -> None:
        """Which tabs show, in the scheme's words, keeping the one that was open."""
        scheme = self.context.scheme
        words, wanted = scheme.words, scheme.priorities
        held = bool(priority_rows(self.context.portfolio)) if not wanted.used else True
        # no Alt key on the tabs (Ctrl+Tab and Ctrl+Page Down move between them): the panels' buttons use them
        tabs = [
            (self.priorities, f"{words.priorities}", wanted.used or held),
            (self.actions, f"{words.action_plan}", True),
            (
                self.cover_sheets,
                f"{words.cover_sheets}",
                (wanted.used and wanted.cover_sheets) or (not wanted.used and held),
            ),
            (self.texts, f"{tab_title(scheme)}", True),
        ]
        current = self.tabs.currentWidget()
        self.tabs.blockSignals(True)
        self.tabs.clear()
        for widget, label, shown in tabs:
            if shown:
                self.tabs.addTab(widget, label)
            else:
                widget.hide()
        if current is not None and self.tabs.indexOf(current) >= 0:
            self.tabs.setCurrentWidget(current)
        self.tabs.blockSignals(False)
        PriorityDialog.words = words
        self.cover_sheets.set_words(words)

    def refresh(self) -> None:
        self._arrange_tabs()
        self.priorities.refresh()
        self.actions.refresh()
        self.cover_sheets.refresh()
        self.texts.refresh()

    def _context_changed(self, area: str) -> None:
        if area in (PLANNING, FRAMEWORK):
            self._arrange_tabs()
            self.priorities.refresh()
            self.actions.refresh()
            self.cover_sheets.refresh()
        elif area == EVIDENCE:
            self.cover_sheets.load_sheet()
        elif area == SETTING:
            self.texts.refresh()

    def show_issue(self, issue: ReadinessIssue) -> None:
        """Open the tab that fixes a readiness line: a priority, its cover sheet's diary, or a text."""
        self.refresh()
        number = int(issue.subject) if issue.subject.isdigit() else 0
        if issue.kind == "text-empty":
            self.tabs.setCurrentWidget(self.texts)
            self.texts.focus_text(issue.subject)
        elif issue.kind == "cover-sheet-diary" and self.tabs.indexOf(self.cover_sheets) >= 0:
            self.tabs.setCurrentWidget(self.cover_sheets)
            self.cover_sheets.select_priority(number)
            self.cover_sheets.diary.setFocus()
        elif self.tabs.indexOf(self.priorities) >= 0:
            self.tabs.setCurrentWidget(self.priorities)
            self.priorities.select_number(number)
            self.priorities.list.setFocus()

    def hideEvent(self, event) -> None:
        self.texts.flush()
        super().hideEvent(event)

    def _refused(self, message: str) -> None:
        """Show refusals of this page's edits (context.error) while the page is on screen."""
        if self.isVisible():
            page_dialogs.show_refusal(self, message)
