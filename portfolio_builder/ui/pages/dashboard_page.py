"""The Dashboard: where the portfolio stands at a glance, redrawn on open and whenever something changes."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.planning.planning_service import list_actions
from ...core.planning.rating_progress import rating_progress
from ...core.planning.readiness import check_readiness
from ...core.team.merge_log import contributions_of
from ..dashboard.action_timeline import ActionTimeline, bars_from_actions
from ..dashboard.dashboard_text import dashboard_html, dashboard_sections
from ..dashboard.evidence_chips import EvidenceChipsChart
from ..dashboard.rating_chart import RatingChart
from ..dashboard.summary_tiles import SummaryTiles
from ..models.contributions_model import ContributionsModel
from ..models.readiness_issue_model import ISSUE_ROLE, KIND_ROLE, ReadinessIssueModel
from ..navigation import descriptor_issue, go_to_issue
from ..portfolio_context import PortfolioContext
from ..scheme_words import in_sentence


def _group(title: str, *widgets: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return box


class DashboardPage(QWidget):
    """Tiles, evidence chips per theme, baseline-versus-now ratings, the action timeline and what is left to do."""

    def __init__(self, context: PortfolioContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.headline.setFont(font)
        self.tiles = SummaryTiles()
        self.chips = EvidenceChipsChart()
        self.ratings = RatingChart()
        self.timeline = ActionTimeline()
        self.timeline_note = QLabel()
        self.chips_key = QLabel(wordWrap=True)  # what the chips' colours and marks mean, in words
        self.as_text_button = QPushButton("Show the charts as &text", checkable=True)
        self.as_text_button.setToolTip("The same facts as the charts and chips, as headed lists")
        self.as_text = QTextBrowser()
        self.as_text.setAccessibleName("The dashboard as text")
        self.as_text.setVisible(False)
        self.as_text_button.toggled.connect(self._show_as_text)
        self.issues = ReadinessIssueModel(self)
        self.issue_proxy = QSortFilterProxyModel(self)
        self.issue_proxy.setSourceModel(self.issues)
        self.issue_proxy.setFilterRole(KIND_ROLE)
        self.issue_kind = QComboBox()
        self.issue_kind.setAccessibleName("Show problems of kind")
        self.issue_kind.currentIndexChanged.connect(self._filter_issues)
        self.issue_view = QListView()
        self.issue_view.setModel(self.issue_proxy)
        self.issue_view.setAccessibleName("Still to do")
        self.issue_view.setToolTip("Double-click a line (or press Enter) to go where it is fixed.")
        self.issue_view.setWordWrap(True)
        self.issue_view.setUniformItemSizes(False)
        self.issue_view.activated.connect(self.go_to_row)
        self.chips.chipActivated.connect(self.go_to_descriptor)
        self.contributions = ContributionsModel(self)
        self.contributions_view = QListView()
        self.contributions_view.setModel(self.contributions)
        self.contributions_view.setAccessibleName("Team contributions merged")
        self.contributions_view.setMaximumHeight(120)

        content = QWidget()
        grid = QGridLayout(content)
        grid.addWidget(self.headline, 0, 0, 1, 2)
        grid.addWidget(self.tiles, 1, 0, 1, 2)
        self.issues_box = _group("Still to do", self.issue_kind, self.issue_view)
        self.chips_box = _group("Key evidence per descriptor", self.chips, self.chips_key)
        self.ratings_box = _group(
            "Ratings: baseline audit and now (average per theme)", self.ratings
        )
        self.timeline_box = _group("Action plan", self.timeline, self.timeline_note)
        grid.addWidget(self.chips_box, 2, 0)
        grid.addWidget(self.ratings_box, 2, 1)
        grid.addWidget(self.timeline_box, 3, 0)
        grid.addWidget(self.issues_box, 3, 1)
        self.team_box = _group(
            "Team contributions: who added what, and when", self.contributions_view
        )
        grid.addWidget(self.team_box, 4, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(3, 1)
        grid.addWidget(self.as_text_button, 4, 0, 1, 2)
        grid.addWidget(self.as_text, 5, 0, 1, 2)
        scroll = QScrollArea()
        scroll.setAccessibleName("Dashboard")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        self._refresh_timer = QTimer(self, singleShot=True, interval=0, timeout=self.refresh)
        context.changed.connect(lambda _area: self._refresh_timer.start())
        self.refresh()

    def refresh(self) -> None:
        """Re-read readiness, ratings and the action plan (a few queries) and redraw."""
        portfolio = self.context.portfolio
        scheme = self.context.scheme
        words = scheme.words
        readiness = check_readiness(portfolio)
        self.readiness = readiness
        left = len(readiness.problems)
        worth = len(readiness.warnings)
        extra = f" ({worth} more worth a look)" if worth else ""
        self.headline.setText(
            (
                f"Ready for the final export to the {in_sentence(words.reviewer)}."
                if readiness.ready
                else f"{left} {'thing' if left == 1 else 'things'} still to do before the portfolio is "
                "ready."
            )
            + extra
        )
        self.tiles.set_readiness(readiness, scheme)
        self.chips.set_data(readiness.themes, readiness.rule, words)
        self.chips_box.setTitle(
            f"{words.key_evidence} per {in_sentence(words.descriptor)} "
            f"({readiness.rule.describe()})"
            if readiness.rule.per_descriptor
            else f"{words.rating} per {in_sentence(words.descriptor)}"
        )
        self.ratings_box.setTitle(
            f"{words.rating}: baseline and now (average per {in_sentence(words.theme)})"
        )
        self.timeline_box.setTitle(words.action_plan)
        self.ratings.set_data(rating_progress(portfolio), words.theme)
        bars, undated = bars_from_actions(list_actions(portfolio))
        self.timeline.set_bars(bars)
        self.timeline_note.setText(
            (
                "1 action has no dates yet and is not shown."
                if undated == 1
                else f"{undated} actions have no dates yet and are not shown."
            )
            if undated
            else ""
        )
        self.timeline_note.setVisible(bool(undated))
        self.issues.set_issues(
            sorted(readiness.issues, key=lambda issue: not issue.blocks), scheme
        )  # blocking first
        self._fill_kinds()
        self.issues_box.setTitle(f"Still to do ({len(readiness.issues)})")
        self.contributions.set_contributions(contributions_of(portfolio))
        self.team_box.setVisible(self.contributions.rowCount() > 0)
        self.chips_key.setText(self.chips.key_text())
        if self.as_text.isVisible():
            self._show_as_text(True)

    def text_sections(self) -> list[tuple[str, list[str]]]:
        """The charts' and chips' facts as headed lines (what "Show the charts as text" lists)."""
        return dashboard_sections(
            self.headline.text(),
            self.tiles,
            self.chips,
            self.ratings,
            self.timeline,
            self.chips_box.title(),
        )

    def _show_as_text(self, shown: bool) -> None:
        if shown:
            self.as_text.setHtml(dashboard_html(self.text_sections()))
            self.as_text.setMinimumHeight(self.fontMetrics().height() * 16)
        self.as_text.setVisible(shown)
        self.as_text_button.setText(
            "Hide the charts as &text" if shown else "Show the charts as &text"
        )

    def _fill_kinds(self) -> None:
        """The filter offers the kinds of issue present, in the scheme's words, keeping the choice made."""
        chosen = self.issue_kind.currentData()
        self.issue_kind.blockSignals(True)
        self.issue_kind.clear()
        self.issue_kind.addItem("All problems", "")
        for label, kinds in self.issues.groups():
            self.issue_kind.addItem(label, kinds)
        self.issue_kind.setCurrentIndex(max(0, self.issue_kind.findData(chosen)))
        self.issue_kind.blockSignals(False)
        self._filter_issues()

    def _filter_issues(self) -> None:
        kinds = self.issue_kind.currentData() or ""
        self.issue_proxy.setFilterRegularExpression(f"^({kinds})$" if kinds else "")

    def go_to_row(self, index) -> bool:
        """Double-click (or Enter) on a line: go to the page and field that fixes it."""
        return go_to_issue(self, index.data(ISSUE_ROLE)) if index.isValid() else False

    def go_to_descriptor(self, code: str) -> bool:
        """Double-click on a chip: go to what its descriptor lacks first (evidence, rating, wording)."""
        return go_to_issue(self, descriptor_issue(self.readiness.issues, code))
