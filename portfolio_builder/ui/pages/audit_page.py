"""The self-audit: rate each descriptor on the framework's scale, see its history, and send gaps to the action plan."""

from __future__ import annotations

from PySide6.QtCore import QDate, QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.planning.audit_overview import audit_rows, levels
from ...core.planning.audit_service import rate_descriptor, rating_history
from ...core.planning.planning_service import add_action
from ...core.planning.readiness import ReadinessIssue
from ...core.scheme.model import Scheme
from .. import page_dialogs
from ..app_settings import remember_splitter
from ..best_fit_box import BestFitBox, swatch
from ..column_fit import StretchWithMinimum
from ..models.audit_table_model import AuditTableModel, CodeRole, RatingHistoryModel
from ..portfolio_context import FRAMEWORK, PLANNING, RATINGS, PortfolioContext
from ..scheme_words import in_sentence


def level_text(scheme: Scheme, key: str) -> str:
    """A level as the pick list shows it: its label, its description and the older scaling's band ('0 – 2')."""
    level = scheme.scale.level(key)
    extra = [x for x in (level.description, scheme.scale.older_band(key)) if x]
    return f"{level.label} ({'; '.join(extra)})" if extra else level.label


def scale_note(scheme: Scheme) -> str:
    """What the pick list's extras mean: the older scaling, and a scale that is our suggestion."""
    scale, words = scheme.scale, scheme.words
    notes = []
    if scale.older:
        notes.append(
            f"The ranges beside each level are the {scale.older.name[0].lower()}{scale.older.name[1:]}."
        )
    if scale.ours:
        notes.append(
            f"This scale is our suggestion, not your {words.guidance_possessive}: replace it if yours has "
            "one."
        )
    return " ".join(notes)


class AuditPage(QWidget):
    """Descriptor table on the left; the rating form, gap and history of the selected descriptor on the right."""

    def __init__(self, context: PortfolioContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.model = AuditTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.history_model = RatingHistoryModel(self)
        self.scheme: Scheme = context.scheme
        self._build()
        self.context.changed.connect(self._context_changed)
        self.context.error.connect(self._refused)
        self.refresh()

    def _build(self) -> None:
        self.search = QLineEdit(
            placeholderText="Filter descriptors (Ctrl+F)", clearButtonEnabled=True
        )
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.summary = QLabel()
        self.table = QTableView(tabKeyNavigation=False)  # Tab moves on; arrows move in the table
        self.table.setModel(self.proxy)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        metrics = self.table.fontMetrics()
        for column, sample in ((0, "Code"), (2, "Developing"), (3, "30 Sep 2026")):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 28)
        self.table.setColumnWidth(4, metrics.averageCharWidth() * 26)
        self.table.setColumnWidth(5, metrics.averageCharWidth() * 16)
        StretchWithMinimum(self.table, 1, 26)
        self.table.selectionModel().currentRowChanged.connect(self._descriptor_changed)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.summary)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table)

        self.descriptor_label = QLabel(wordWrap=True)
        self.descriptor_label.setTextFormat(Qt.TextFormat.PlainText)
        self.level = QComboBox(sizeAdjustPolicy=QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.date = QDateEdit(calendarPopup=True, displayFormat="dd MMM yyyy")
        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)
        self.comment.setMaximumHeight(90)
        self.rate_button = QPushButton("&Record rating")
        self.rate_button.clicked.connect(self.record_rating)
        form = QFormLayout()
        form.setRowWrapPolicy(
            QFormLayout.RowWrapPolicy.WrapLongRows
        )  # narrow pane (150 %): field under its label
        self.scale_label = QLabel(wordWrap=True)
        self.scale_label.setStyleSheet("color: #5C4400;")
        form.addRow("&Level:", self.level)
        form.addRow("", self.scale_label)
        form.addRow("&Date reached:", self.date)
        form.addRow("&Comment:", self.comment)
        form.addRow("", self.rate_button)
        self.rate_box = QGroupBox("New rating")
        self.rate_box.setLayout(form)

        self.gap = QLineEdit(
            placeholderText="What is missing, e.g. 'Policy not yet shared with families'"
        )
        self.gap_button = QPushButton("Add to &action plan")
        self.gap_button.clicked.connect(self.add_gap_to_plan)
        gap_layout = QHBoxLayout()
        gap_layout.addWidget(self.gap, 1)
        gap_layout.addWidget(self.gap_button)
        self.gap_box = QGroupBox("Gap")
        self.gap_box.setLayout(gap_layout)
        self.best_fit = BestFitBox(self.context)

        self.history = QTableView(tabKeyNavigation=False)  # Tab moves on; arrows move in the table
        self.history.setModel(self.history_model)
        self.history.verticalHeader().hide()
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setWordWrap(True)
        self.history.setColumnWidth(0, metrics.horizontalAdvance("30 Sep 2026") + 20)
        self.history.setColumnWidth(1, metrics.horizontalAdvance("Developing") + 20)
        self.history.setColumnWidth(3, metrics.averageCharWidth() * 16)
        self.history.setColumnWidth(4, metrics.averageCharWidth() * 14)
        StretchWithMinimum(self.history, 2, 20)
        self.history.setMinimumHeight(metrics.height() * 8)
        self.history_box = QGroupBox("History")
        history_layout = QVBoxLayout(self.history_box)
        history_layout.addWidget(self.history)

        right = QWidget()
        self.right = right
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.descriptor_label)
        right_layout.addWidget(self.rate_box)
        right_layout.addWidget(self.gap_box)
        right_layout.addWidget(self.history_box, 1)
        right_layout.addWidget(self.best_fit)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(
            Qt.FocusPolicy.NoFocus
        )  # its fields take focus, and it scrolls to them
        scroll.setWidget(
            right
        )  # at 150 % the form and history need more height than the window has
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.setSizes([760, 520])
        remember_splitter(self.splitter, "audit")
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        find = QAction("Find", self, shortcut=QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        self.addAction(find)

    # --- data ------------------------------------------------------------------------------------
    def _set_words(self) -> None:
        """Labels, levels and notes in the scheme's words; the best-fit box only where the scheme has one."""
        scheme = self.scheme = self.context.scheme
        w = scheme.words
        for model in (self.model, self.history_model):
            model.set_words(w)
        self.search.setPlaceholderText(f"Filter {in_sentence(w.descriptors)} (Ctrl+F)")
        self.search.setAccessibleName(f"Filter {in_sentence(w.descriptors)}")
        self.table.setAccessibleName(f"{w.descriptors}: {w.rating}")
        self.table.setAccessibleDescription(
            f"One row per {in_sentence(w.descriptor)}: its code, text and latest "
            f"{in_sentence(w.rating)}; choose one to rate it below."
        )
        self.gap.setAccessibleName(w.gap)
        self.history.setAccessibleName(f"{w.rating}: history")
        self.comment.setPlaceholderText(w.comment)
        self.rate_box.setTitle(f"{w.rating}: record a new one")
        self.gap_box.setTitle(w.gap)
        self.gap_button.setText(f"Add to {in_sentence(w.action_plan)}")
        self.history_box.setTitle(f"{w.rating}: history")
        self.scale_label.setText(scale_note(scheme))
        self.scale_label.setVisible(bool(self.scale_label.text()))
        self.best_fit.setVisible(scheme.best_fit is not None)
        self.best_fit.set_scheme(scheme)

    def refresh(self) -> None:
        """Reload the scale and every descriptor's current rating, keeping the selected descriptor."""
        code = self.current_code()
        self._set_words()
        scale = levels(self.context.portfolio)
        self.model.set_levels(scale)
        self.history_model.set_levels(scale)
        chosen = self.level.currentData()
        self.level.clear()
        for level in scale:
            self.level.addItem(swatch(level.colour), level_text(self.scheme, level.key), level.key)
        self.level.setCurrentIndex(max(0, self.level.findData(chosen)))
        self.level.setMinimumWidth(
            self.level.sizeHint().width()
        )  # never clipped; the form wraps the row instead
        rows = audit_rows(self.context.portfolio)
        self.model.set_rows(rows)
        rated = sum(1 for r in rows if r.level_key)
        self.summary.setText(f"{rated} of {len(rows)} rated")
        self.select_code(code or (rows[0].code if rows else None))
        self._descriptor_changed()

    def _context_changed(self, area: str) -> None:
        if area in (RATINGS, FRAMEWORK):
            self.refresh()

    def show_issue(self, issue: ReadinessIssue) -> None:
        """Go to a descriptor still to rate, or to the best-fit judgement of a theme."""
        if self.search.text():
            self.search.clear()
        if self.model.row_of_code(issue.subject) is not None:
            self.select_code(issue.subject)
            self.level.setFocus()
            return
        rows = (self.model.row_at(n) for n in range(self.model.rowCount()))
        first = next((r.code for r in rows if r.theme_code == issue.subject), None)
        if first is not None:
            self.select_code(first)
        if self.best_fit.isVisibleTo(self):
            self.best_fit.show_theme(issue.subject)
            self.best_fit.level.setFocus()

    def current_code(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(CodeRole) if index.isValid() else None

    def select_code(self, code: str | None) -> None:
        row = self.model.row_of_code(code) if code else None
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _descriptor_changed(self, *_args) -> None:
        code = self.current_code()
        self.right.setEnabled(code is not None and not self.context.read_only)
        self.date.setMaximumDate(QDate.currentDate())
        self.best_fit.setEnabled(not self.context.read_only)
        if code is None:
            self.descriptor_label.setText(
                f"Choose a {in_sentence(self.scheme.words.descriptor)} to rate it."
            )
            self.history_model.set_rows([])
            self.best_fit.show_theme(None)
            return
        row = self.model.row_at(self.model.row_of_code(code))
        self.descriptor_label.setText(f"{row.code}  {row.text}")
        if self.best_fit.isVisibleTo(self):
            self.best_fit.show_theme(row.theme_code)
        history = rating_history(self.context.portfolio, code)
        self.history_model.set_rows(list(reversed(history)))
        if history:
            self.level.setCurrentIndex(max(0, self.level.findData(history[-1].level_key)))
        self.date.setDate(QDate.currentDate())
        self.comment.clear()
        self.gap.setText(row.gap)

    # --- edits -----------------------------------------------------------------------------------
    def record_rating(self) -> bool:
        """Add a dated rating (undoable); a future date or unknown level is refused with the core's message."""
        code = self.current_code()
        if code is None:
            return False
        portfolio = self.context.portfolio
        level, rated_on = self.level.currentData(), self.date.date().toPython()
        comment, gap = self.comment.toPlainText(), self.gap.text()
        return self.context.push(
            f"Rate {code} {self.level.currentText()}",
            lambda: rate_descriptor(portfolio, code, level, rated_on, comment, gap=gap),
            RATINGS,
        )

    def add_gap_to_plan(self) -> bool:
        """Create an action-plan row for the selected descriptor's gap (undoable)."""
        code, text = self.current_code(), self.gap.text().strip()
        if code is None:
            return False
        if not text:
            page_dialogs.show_refusal(self, "Describe the gap first: it becomes the action's text.")
            return False
        portfolio = self.context.portfolio
        plan = self.scheme.words.action_plan
        ok = self.context.push(
            f"Add gap in {code} to the {plan.lower()}",
            lambda: add_action(portfolio, text, descriptor_code=code),
            PLANNING,
        )
        if ok:
            page_dialogs.show_information(
                self,
                f"Added to the {plan.lower()}",
                f"The gap in {code} is now a row of the {plan.lower()} (Planning page).",
            )
        return ok

    def _refused(self, message: str) -> None:
        """Show refusals of this page's edits (context.error) while the page is on screen."""
        if self.isVisible():
            page_dialogs.show_refusal(self, message)
