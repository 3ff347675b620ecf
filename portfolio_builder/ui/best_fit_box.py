"""A theme's overall best-fit judgement (FPA): level, date and comment, with its dated history, each undoable."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.framework.best_fit import judge_theme, judgement_history
from ..core.framework.framework_reads import Judgement
from ..core.scheme.model import Scheme
from .column_fit import StretchWithMinimum
from .models.audit_table_model import level_brushes
from .portfolio_context import RATINGS, PortfolioContext
from .scheme_words import in_sentence


def swatch(colour: str) -> QIcon:
    """A small square of a level's colour, for pick lists."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class JudgementHistoryModel(QAbstractTableModel):
    """A theme's best-fit judgements, newest first, each coloured as its level."""

    COLUMNS = ("Date", "Judgement", "Comment", "By")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Judgement] = []
        self._labels: dict[str, str] = {}
        self._brushes = {}

    def set_rows(self, rows: list[Judgement], scheme: Scheme) -> None:
        """Show judgements (given oldest first) newest first, labelled and coloured by the scheme's scale."""
        self.beginResetModel()
        self._rows = list(reversed(rows))
        self._labels = {lv.key: lv.label for lv in scheme.scale.levels}
        self._brushes = level_brushes(scheme.scale.levels)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return self.COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (
                row.judged_on.strftime("%d %b %Y"),
                self._labels.get(row.level_key, row.level_key),
                row.comment,
                row.judged_by,
            )[column]
        if (
            role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)
            and column == 1
            and row.level_key in self._brushes
        ):
            background, text = self._brushes[row.level_key]
            return background if role == Qt.ItemDataRole.BackgroundRole else text
        return None


class BestFitBox(QGroupBox):
    """Record a theme's best fit on the scheme's scale (one undoable edit) and see every earlier judgement."""

    def __init__(self, context: PortfolioContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.theme_code: str | None = None
        self.scheme: Scheme | None = None
        self.level = QComboBox(sizeAdjustPolicy=QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.date = QDateEdit(calendarPopup=True, displayFormat="dd MMM yyyy")
        self.comment = QLineEdit(placeholderText="Why this is the best fit")
        self.by = QLineEdit(placeholderText="Who judged it")
        self.record_button = QPushButton()
        self.record_button.clicked.connect(self.record)
        self.history_model = JudgementHistoryModel(self)
        self.history = QTableView(tabKeyNavigation=False)  # Tab moves on; arrows move in the table
        self.history.setModel(self.history_model)
        self.history.verticalHeader().hide()
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        metrics = self.history.fontMetrics()
        self.history.setColumnWidth(0, metrics.horizontalAdvance("30 Sep 2026") + 20)
        self.history.setColumnWidth(1, metrics.horizontalAdvance("Developing") + 20)
        self.history.setColumnWidth(3, metrics.averageCharWidth() * 12)
        StretchWithMinimum(self.history, 2, 16)
        self.history.setMinimumHeight(metrics.height() * 5)
        self.empty = QLabel(wordWrap=True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(
            "Level:", self.level
        )  # Alt+L, Alt+E, Alt+V are the rating form's and the menus'
        form.addRow("Da&te:", self.date)
        form.addRow("Co&mment:", self.comment)
        form.addRow("Judged &by:", self.by)
        form.addRow("", self.record_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.empty)
        layout.addWidget(self.history)

    def set_scheme(self, scheme: Scheme) -> None:
        """The scheme's label for the judgement and its scale's levels."""
        self.scheme = scheme
        chosen = self.level.currentData()
        self.level.clear()
        for level in scheme.scale.levels:
            self.level.addItem(swatch(level.colour), level.label, level.key)
        self.level.setCurrentIndex(max(0, self.level.findData(chosen)))
        self.level.setMinimumWidth(self.level.sizeHint().width())

    def show_theme(self, code: str | None, title: str = "") -> None:
        """Show the judgements of the theme with this code (None: nothing chosen)."""
        self.theme_code = code
        scheme = self.scheme
        if scheme is None or scheme.best_fit is None:
            return
        words = scheme.words
        self.setTitle(
            f"{scheme.best_fit.label}: {words.theme} {code}" if code else scheme.best_fit.label
        )
        self.record_button.setText(f"Record the {scheme.best_fit.label.lower()}")
        self.history.setAccessibleName(f"{scheme.best_fit.label}: history")
        self.date.setMaximumDate(QDate.currentDate())
        self.date.setDate(QDate.currentDate())
        rows = judgement_history(self.context.portfolio, code) if code else []
        self.history_model.set_rows(rows, scheme)
        if rows:
            self.level.setCurrentIndex(max(0, self.level.findData(rows[-1].level_key)))
        self.empty.setText(
            ""
            if rows
            else f"No {scheme.best_fit.label.lower()} recorded for this "
            f"{in_sentence(words.theme)} yet: judge it once at the audit and again as it "
            "changes; each is kept with its date."
        )
        self.empty.setVisible(not rows)
        self.setEnabled(code is not None and not self.context.read_only)

    def record(self) -> bool:
        """Record a dated judgement (undoable); a future date is refused with the core's message."""
        code = self.theme_code
        if code is None or self.scheme is None:
            return False
        portfolio = self.context.portfolio
        level, judged_on = self.level.currentData(), self.date.date().toPython()
        comment, by = self.comment.text(), self.by.text()
        ok = self.context.push(
            f"Judge {in_sentence(self.scheme.words.theme)} {code} {self.level.currentText()}",
            lambda: judge_theme(portfolio, code, level, judged_on, comment, by),
            RATINGS,
        )
        if ok:
            self.comment.clear()
        return ok
