"""The assessor's judgement panel: met / not yet met / not seen with comments, notes and the recommendation, saved as typed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.assessor.assessment_model import (
    DESCRIPTOR,
    JUDGEMENT_LABELS,
    JUDGEMENTS,
    RECOMMENDATION_LABELS,
    RECOMMENDATIONS,
    THEME,
)
from ...core.assessor.bundle_contents import DESCRIPTOR as DESCRIPTOR_NODE
from ...core.assessor.bundle_contents import EVIDENCE, ContentNode
from ...core.assessor.bundle_contents import THEME as THEME_NODE
from ...core.errors import PortfolioError
from ...core.scheme.model import Words
from ..scheme_words import in_sentence

# (field, tab label, full name): short tab labels so all four tabs show in a narrow pane at 150 % scaling
LONG_FIELDS = (
    ("visit_notes", "Notes", "Visit notes"),
    ("strengths", "Strengths", "Strengths"),
    ("areas_for_development", "To develop", "Areas for development"),
)


def judgement_target(node: ContentNode | None) -> tuple[str, str, str] | None:
    """(scope, code, title) a node is judged as: a descriptor, a theme, or the descriptor an item belongs to."""
    while node is not None and node.kind == EVIDENCE:
        node = node.parent
    if node is None:
        return None
    if node.kind == DESCRIPTOR_NODE:
        return DESCRIPTOR, node.code, node.title
    if node.kind == THEME_NODE:
        return THEME, node.code, node.title
    return None


class AssessmentPanel(QWidget):
    """Edits one AssessmentFile; each change is written at once. It never touches the bundle."""

    export_requested = Signal()
    message = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.file = None
        self.target: tuple[str, str, str] | None = None
        self._loading = False
        self.words = Words()

        self.judge_box = QGroupBox("Judgement")
        self.target_label = QLabel("Choose a descriptor or a theme to record a judgement.")
        self.target_label.setWordWrap(True)
        self.choices = QButtonGroup(self)
        row = QHBoxLayout()
        self.radios: dict[str, QRadioButton] = {}
        for n, key in enumerate(JUDGEMENTS):
            radio = QRadioButton(JUDGEMENT_LABELS[key])
            self.radios[key] = radio
            self.choices.addButton(radio, n)
            row.addWidget(radio)
        row.addStretch(1)
        self.comment = QPlainTextEdit(tabChangesFocus=True)
        self.comment.setPlaceholderText("Your comment on the evidence seen")
        self.comment.setAccessibleName("Your comment on the evidence seen")
        self.comment.setMaximumHeight(110)
        box = QVBoxLayout(self.judge_box)
        box.addWidget(self.target_label)
        box.addLayout(row)
        box.addWidget(self.comment)
        self.choices.idClicked.connect(self._judgement_chosen)
        self.comment.textChanged.connect(self._comment_typed)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Assessor's Report")
        self.fields: dict[str, QPlainTextEdit] = {}
        for name, label, full_name in LONG_FIELDS:
            edit = QPlainTextEdit(tabChangesFocus=True)
            edit.setPlaceholderText(full_name)
            edit.setAccessibleName(full_name)
            edit.textChanged.connect(lambda n=name, e=edit: self._save_field(n, e.toPlainText()))
            self.fields[name] = edit
            self.tabs.setTabToolTip(self.tabs.addTab(edit, label), full_name)
        self.tabs.addTab(self._report_tab(), "Recommendation")

        self.export_button = QPushButton("Export Assessor's Report…")
        self.export_button.clicked.connect(self.export_requested)
        self.assessor_name = QLineEdit()
        self.assessor_name.setPlaceholderText("as it should appear in the report")
        self.assessor_name.textChanged.connect(lambda text: self._save_field("assessor_name", text))
        self.name_label = QLabel("Your &name (assessor)")
        self.name_label.setBuddy(self.assessor_name)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_label)
        name_row.addWidget(self.assessor_name, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(name_row)
        layout.addWidget(self.judge_box)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.export_button)
        self.set_file(None)

    def _report_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        self.visit_date = self._date_edit("visit_date")
        self.report_date = self._date_edit("report_date")
        self.recommendation = QComboBox()
        for key in RECOMMENDATIONS:
            self.recommendation.addItem(RECOMMENDATION_LABELS[key], key)
        self.recommendation.currentIndexChanged.connect(
            lambda _i: self._save_field("recommendation", self.recommendation.currentData())
        )
        self.recommendation_comment = QPlainTextEdit(tabChangesFocus=True)
        self.recommendation_comment.textChanged.connect(
            lambda: self._save_field(
                "recommendation_comment", self.recommendation_comment.toPlainText()
            )
        )
        form.addRow("Date of visit", self.visit_date)
        form.addRow("Date of report", self.report_date)
        form.addRow("Recommendation", self.recommendation)
        form.addRow("Comment", self.recommendation_comment)
        return tab

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.dateChanged.connect(lambda d: self._save_field(name, d.toString("yyyy-MM-dd")))
        return edit

    # --- loading ------------------------------------------------------------------------------
    def set_words(self, words: Words) -> None:
        """Name what is judged as the bundle's scheme does (element, quality statement ...)."""
        self.words = words
        self.name_label.setText(f"Your &name ({in_sentence(words.reviewer)})")
        self.set_target(None)

    def _choose_text(self) -> str:
        w = self.words
        return f"Choose a {in_sentence(w.descriptor)} or a {in_sentence(w.theme)} to record a judgement."

    def set_file(self, assessment_file) -> None:
        """Show what the file holds (today's date filled in where no date was recorded)."""
        self.file = assessment_file
        self._loading = True
        try:
            enabled = assessment_file is not None
            self.tabs.setEnabled(enabled)
            self.assessor_name.setEnabled(enabled)
            self.export_button.setEnabled(enabled)
            get = assessment_file.field if enabled else (lambda _name: "")
            for name, edit in self.fields.items():
                edit.setPlainText(get(name))
            self.assessor_name.setText(get("assessor_name"))
            self.recommendation.setCurrentIndex(
                max(0, self.recommendation.findData(get("recommendation")))
            )
            self.recommendation_comment.setPlainText(get("recommendation_comment"))
            for edit, name in ((self.visit_date, "visit_date"), (self.report_date, "report_date")):
                stored = QDate.fromString(get(name), "yyyy-MM-dd")
                edit.setDate(stored if stored.isValid() else QDate(date.today()))
        finally:
            self._loading = False
        if enabled:
            for name in ("visit_date", "report_date"):
                if not assessment_file.field(name):
                    self._save_field(name, date.today().isoformat())
        self.set_target(None)

    def set_target(self, node: ContentNode | None) -> None:
        """Point the judgement box at the descriptor or theme of node (or disable it)."""
        self.target = judgement_target(node) if self.file is not None else None
        self._loading = True
        try:
            self.judge_box.setEnabled(self.target is not None)
            if self.target is None:
                self.target_label.setText(self._choose_text())
                self.comment.setPlainText("")
                self.choices.setExclusive(False)
                for radio in self.radios.values():
                    radio.setChecked(False)
                self.choices.setExclusive(True)
                return
            scope, code, title = self.target
            current = self.file.judgement(scope, code)
            word = self.words.theme if scope == THEME else self.words.descriptor
            self.target_label.setText(
                f"<b>{word.replace('&', '&amp;').replace('<', '&lt;')}</b>: "
                f"{title.replace('&', '&amp;').replace('<', '&lt;')}"
            )
            self.radios[current.judgement].setChecked(True)
            self.comment.setPlainText(current.comment)
        finally:
            self._loading = False

    # --- saving -------------------------------------------------------------------------------
    def _judgement_chosen(self, button_id: int) -> None:
        if self._loading or self.target is None:
            return
        scope, code, _title = self.target
        self._guard(lambda: self.file.set_judgement(scope, code, JUDGEMENTS[button_id]))

    def _comment_typed(self) -> None:
        if self._loading or self.target is None:
            return
        scope, code, _title = self.target
        self._guard(
            lambda: self.file.set_judgement(scope, code, comment=self.comment.toPlainText())
        )

    def _save_field(self, name: str, value: str) -> None:
        if self._loading or self.file is None:
            return
        self._guard(lambda: self.file.set_field(name, value))

    def _guard(self, write) -> None:
        try:
            write()
        except PortfolioError as exc:
            self.message.emit(exc.message)
        else:
            self.message.emit("Saved.")
