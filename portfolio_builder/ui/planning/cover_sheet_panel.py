"""A Priority Action Cover Sheet: lead, start and impact summary, the dated diary, and the evidence attached."""

from __future__ import annotations

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.evidence.evidence_links import attach_to_cover_sheet, detach_from_cover_sheet
from ...core.evidence.evidence_service import get_evidence, query_evidence
from ...core.planning.planning_overview import cover_sheet_evidence, priority_rows
from ...core.planning.planning_service import (
    add_diary_entry,
    cover_sheet_for,
    delete_diary_entry,
    diary_entries,
    update_cover_sheet,
    update_diary_entry,
)
from ...core.scheme.model import Words
from .. import page_dialogs
from ..optional_date_edit import OptionalDateEdit
from ..portfolio_context import PLANNING, PortfolioContext
from ..scheme_words import in_sentence
from .cover_sheet_models import AttachedEvidenceModel, DiaryModel
from .diary_dialog import DiaryEntryDialog

NO_DATE = QDate(1900, 1, 1)


class CoverSheetPanel(QWidget):
    """Pick a priority; edit its cover sheet, diary and evidence. Every change is undoable."""

    def __init__(self, context: PortfolioContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.sheet = None
        self._words, self._leads = Words(), {}
        self.priority = QComboBox()
        self.priority.currentIndexChanged.connect(self.load_sheet)
        self.lead = QLineEdit()
        self.started = OptionalDateEdit(calendarPopup=True, displayFormat="dd MMM yyyy")
        self.started.setMinimumDate(NO_DATE)
        self.started.setSpecialValueText("Not started")
        self.impact = QPlainTextEdit(placeholderText="Impact on family engagement so far")
        self.impact.setTabChangesFocus(True)
        self.impact.setMaximumHeight(70)
        self._impact_timer = QTimer(self, singleShot=True, interval=500)
        self._impact_timer.timeout.connect(
            lambda: self._edit("impact_summary", self.impact.toPlainText())
        )
        self.lead.editingFinished.connect(lambda: self._edit("lead", self.lead.text().strip()))
        self.started.editingFinished.connect(self._started_changed)
        self.impact.textChanged.connect(self._impact_timer.start)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.priority_label, self.impact_label = (
            QLabel("&Priority:"),
            QLabel("&Impact summary:", wordWrap=True),
        )
        self.priority_label.setBuddy(self.priority)
        self.impact_label.setBuddy(self.impact)
        form.addRow(self.priority_label, self.priority)
        form.addRow("&Lead:", self.lead)
        form.addRow("&Started:", self.started)
        form.addRow(self.impact_label, self.impact)

        self.diary_model = DiaryModel(self)
        self.diary = QTableView(tabKeyNavigation=False)  # Tab moves on; arrows move in the table
        self.diary.setModel(self.diary_model)
        self.diary.verticalHeader().hide()
        self.diary.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.diary.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.diary.setWordWrap(True)
        self.diary.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.diary.setColumnWidth(0, self.diary.fontMetrics().horizontalAdvance("30 Sep 2026") + 24)
        self.diary.setColumnWidth(2, self.diary.fontMetrics().horizontalAdvance("M") * 10)
        self.diary.doubleClicked.connect(self.edit_entry)
        diary_buttons = self._buttons(
            (
                ("Add e&ntry…", self.add_entry),
                ("Edit entr&y…", self.edit_entry),
                ("&Delete entry", self.delete_entry),
            )
        )
        self.diary_box = diary_box = QGroupBox("Diary of actions taken")
        diary_layout = QVBoxLayout(diary_box)
        diary_layout.addWidget(self.diary, 1)
        diary_layout.addLayout(diary_buttons)

        self.evidence_model = AttachedEvidenceModel(self)
        self.evidence = QListView()
        self.evidence.setModel(self.evidence_model)
        self.evidence.setWordWrap(True)
        evidence_buttons = self._buttons(
            (("A&ttach evidence…", self.attach), ("Deta&ch", self.detach))
        )
        evidence_box = QGroupBox("Evidence")
        evidence_layout = QVBoxLayout(evidence_box)
        evidence_layout.addWidget(self.evidence, 1)
        evidence_layout.addLayout(evidence_buttons)

        lower = QHBoxLayout()
        lower.addWidget(diary_box, 3)
        lower.addWidget(evidence_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(lower, 1)

    def _buttons(self, specs) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, slot in specs:
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def set_words(self, words: Words) -> None:
        """Label the sheet in the scheme's words (Priority Action Cover Sheet, diary of activities, impact)."""
        self._words = words
        self.priority_label.setText(f"&{words.priority}:")
        self.impact_label.setText(f"&{words.impact}:")
        self.impact.setPlaceholderText(words.impact)
        self.diary_box.setTitle(words.diary)
        self.diary.setAccessibleName(words.diary)
        self.diary.setAccessibleDescription("One row per entry: date, what was done, who wrote it")
        self.evidence.setAccessibleName(f"Evidence attached to this {in_sentence(words.priority)}")

    def select_priority(self, number: int) -> None:
        """Show the cover sheet of the priority with this number (1 = first)."""
        if 0 < number <= self.priority.count():
            self.priority.setCurrentIndex(number - 1)

    # --- data ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Refill the priority chooser and reload the sheet shown."""
        current = self.priority.currentData()
        self.priority.blockSignals(True)
        self.priority.clear()
        self._leads = {}
        for row in priority_rows(self.context.portfolio):
            self.priority.addItem(f"{row.number}. {row.title}", row.id)
            self._leads[row.id] = row.lead_name
        self.priority.setCurrentIndex(max(0, self.priority.findData(current)))
        self.priority.blockSignals(False)
        self.load_sheet()

    def load_sheet(self, *_args) -> None:
        priority_id = self.priority.currentData()
        self.setEnabled(priority_id is not None)
        if priority_id is None:
            self.sheet = None
            self.diary_model.set_rows([])
            self.evidence_model.set_rows([])
            return
        self.sheet = cover_sheet_for(self.context.portfolio, priority_id)
        for widget in (self.lead, self.started, self.impact):
            widget.blockSignals(True)
        self.lead.setText(self.sheet.lead)
        lead = self._leads.get(priority_id, "")
        word = in_sentence(self._words.priority)
        self.lead.setPlaceholderText(
            f"{lead} (leads the {word})" if lead else f"Who leads this {word}"
        )
        self.started.setMaximumDate(QDate.currentDate())
        self.started.setDate(QDate(self.sheet.started_on) if self.sheet.started_on else NO_DATE)
        if self.impact.toPlainText() != self.sheet.impact_summary:
            self.impact.setPlainText(self.sheet.impact_summary)
        for widget in (self.lead, self.started, self.impact):
            widget.blockSignals(False)
        self.diary_model.set_rows(diary_entries(self.context.portfolio, self.sheet.id))
        self.diary.resizeRowsToContents()
        self.evidence_model.set_rows(cover_sheet_evidence(self.context.portfolio, self.sheet.id))

    # --- edits -----------------------------------------------------------------------------------
    def _edit(self, field: str, value) -> bool:
        if self.sheet is None or getattr(self.sheet, field) == value:
            return False
        portfolio, sheet_id = self.context.portfolio, self.sheet.id
        return self.context.push(
            f"Change cover sheet {field.replace('_', ' ')}",
            lambda: update_cover_sheet(portfolio, sheet_id, **{field: value}),
            PLANNING,
        )

    def _started_changed(self) -> None:
        chosen = self.started.date()
        self._edit("started_on", None if chosen == NO_DATE else chosen.toPython())

    def add_entry(self) -> bool:
        if self.sheet is None:
            return False
        values = DiaryEntryDialog.ask(self)
        if values is None:
            return False
        portfolio, sheet_id = self.context.portfolio, self.sheet.id
        return self.context.push(
            "Add diary entry",
            lambda: add_diary_entry(
                portfolio, sheet_id, values["entry_date"], values["text"], values["author"]
            ),
            PLANNING,
        )

    def _current_entry(self):
        index = self.diary.currentIndex()
        return self.diary_model.row_at(index.row()) if index.isValid() else None

    def edit_entry(self, *_args) -> bool:
        entry = self._current_entry()
        if entry is None:
            return False
        old = {"entry_date": entry.entry_date, "text": entry.text, "author": entry.author}
        values = DiaryEntryDialog.ask(self, old)
        if values is None or values == old:
            return False
        portfolio = self.context.portfolio
        return self.context.push(
            "Edit diary entry", lambda: update_diary_entry(portfolio, entry.id, **values), PLANNING
        )

    def delete_entry(self) -> bool:
        entry = self._current_entry()
        if entry is None or self.sheet is None:
            return False
        portfolio = self.context.portfolio
        return self.context.push(
            "Delete diary entry", lambda: delete_diary_entry(portfolio, entry.id), PLANNING
        )

    def attach(self) -> bool:
        if self.sheet is None:
            return False
        rows = [(r.id, r.title) for r in query_evidence(self.context.portfolio)]
        evidence_id = page_dialogs.choose_evidence(self, rows)
        if evidence_id is None:
            return False
        portfolio, sheet_id = self.context.portfolio, self.sheet.id
        title = get_evidence(portfolio, evidence_id).title
        return self.context.push(
            f"Attach '{title}' to the cover sheet",
            lambda: attach_to_cover_sheet(portfolio, evidence_id, sheet_id),
            PLANNING,
        )

    def detach(self) -> bool:
        index = self.evidence.currentIndex()
        if self.sheet is None or not index.isValid():
            return False
        evidence_id = index.data(AttachedEvidenceModel.IdRole)
        portfolio, sheet_id = self.context.portfolio, self.sheet.id
        return self.context.push(
            "Detach evidence from the cover sheet",
            lambda: detach_from_cover_sheet(portfolio, evidence_id, sheet_id),
            PLANNING,
        )
