"""A theme's own sheet fields (FPA's portfolio summary sheet): lead, dates of evidence gathering, summative comment."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.framework import framework_service as fs
from ..core.framework.framework_reads import ThemeSheet, theme_sheet
from ..core.planning.planning_overview import staff_names
from ..core.scheme.model import Scheme
from ..core.scheme.scheme_rules import walk_parts
from .optional_date_edit import OptionalDateEdit
from .portfolio_context import FRAMEWORK, PortfolioContext

NOT_SET = QDate(1900, 1, 1)
SHEET_CHECKS = {"theme_lead", "theme_dates", "theme_summary"}


def scheme_has_theme_sheet(scheme: Scheme) -> bool:
    """Whether the scheme prints a theme's lead, dates and summative comment, or needs them before a final export."""
    printed = any(
        "evidence_summary_sheet" in part.sheets for part in walk_parts(scheme.document_parts())
    )
    return printed or bool(SHEET_CHECKS & set(scheme.final.requires))


class ThemeSheetForm(QGroupBox):
    """Edits one theme's sheet fields; each change is one undoable edit, the comment ~0.6 s after typing stops."""

    FIELDS = ("lead", "started", "ended", "summary")

    def __init__(self, context: PortfolioContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.theme_id: int | None = None
        self.row: ThemeSheet | None = None
        self.lead = QComboBox()
        self.started, self.ended = self._date_edit(), self._date_edit()
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        layout = QVBoxLayout(
            self
        )  # each label above its field, across the whole width (the words are long)
        self.labels = [QLabel(wordWrap=True) for _ in range(4)]
        for label, widget in zip(self.labels, (self.lead, self.started, self.ended, self.summary)):
            label.setBuddy(widget)
            layout.addWidget(label)
            layout.addWidget(widget)
        self._timer = QTimer(self, singleShot=True, interval=600, timeout=self._save_summary)
        self.lead.activated.connect(
            lambda _i: self._save("lead_staff_id", self.lead.currentData() or None)
        )
        self.started.editingFinished.connect(
            lambda: self._save("gathering_started", self._day(self.started))
        )
        self.ended.editingFinished.connect(
            lambda: self._save("gathering_ended", self._day(self.ended))
        )
        self.summary.textChanged.connect(self._timer.start)

    def _date_edit(self) -> QDateEdit:
        edit = OptionalDateEdit(calendarPopup=True, displayFormat="dd MMM yyyy")
        edit.setMinimumDate(NOT_SET)
        edit.setSpecialValueText("Not set")
        return edit

    @staticmethod
    def _day(edit: QDateEdit) -> date | None:
        return None if edit.date() == NOT_SET else edit.date().toPython()

    def set_words(self, scheme: Scheme) -> None:
        """Label the fields as the scheme's sheet does."""
        w = scheme.words
        self.setTitle(w.summary_sheet)
        for label, text in zip(
            self.labels, (w.theme_lead, w.gathering_started, w.gathering_ended, w.summative_comment)
        ):
            label.setText(text + ":")

    def show_theme(self, theme_id: int | None) -> None:
        """Show a theme's fields (saving any comment still being typed for the theme shown before)."""
        self.flush()
        self.theme_id = theme_id
        self.row = theme_sheet(self.context.portfolio, theme_id) if theme_id is not None else None
        row, editable = self.row, not self.context.read_only
        widgets = (self.lead, self.started, self.ended, self.summary)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.lead.clear()
            self.lead.addItem("(no one named yet)", 0)
            for staff_id, name in staff_names(self.context.portfolio):
                self.lead.addItem(name, staff_id)
            self.lead.setCurrentIndex(max(0, self.lead.findData(row.lead_staff_id if row else 0)))
            for edit, value in (
                (self.started, row.gathering_started if row else None),
                (self.ended, row.gathering_ended if row else None),
            ):
                edit.setMaximumDate(QDate.currentDate().addYears(3))
                edit.setDate(QDate(value) if value else NOT_SET)
            if self.summary.toPlainText().strip() != (row.summative_comment if row else ""):
                self.summary.setPlainText(row.summative_comment if row else "")
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        for widget in widgets:
            widget.setEnabled(row is not None and editable)

    def focus_field(self, name: str) -> None:
        """Put the cursor in one field: lead, started, ended or summary."""
        widget = {
            "lead": self.lead,
            "started": self.started,
            "ended": self.ended,
            "summary": self.summary,
        }[name]
        widget.setFocus()

    def _save(self, field: str, value) -> bool:
        row = self.row
        if row is None or self.context.read_only or getattr(row, field) == value:
            return False
        portfolio, theme_id = self.context.portfolio, row.id
        label = dict(
            zip(
                ("lead_staff_id", "gathering_started", "gathering_ended", "summative_comment"),
                ("lead", "start date", "end date", "summative comment"),
            )
        )[field]
        ok = self.context.push(
            f"Change the {label} of {row.code}",
            lambda: fs.update_theme(portfolio, theme_id, **{field: value}),
            FRAMEWORK,
        )
        self.show_theme(theme_id)  # saved or refused: show what the file holds
        return ok

    def _save_summary(self) -> None:
        self._timer.stop()
        self._save("summative_comment", self.summary.toPlainText().strip())

    def flush(self) -> None:
        """Save a comment typed but not yet saved."""
        if self._timer.isActive():
            self._save_summary()
