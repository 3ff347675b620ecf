"""The evidence library: add files, folders and links, find items, preview them, edit and tag them."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.evidence.evidence_details import descriptor_choices, theme_choices
from ...core.evidence.evidence_service import delete_evidence_many, query_evidence
from ...core.planning.readiness import ReadinessIssue
from .. import page_dialogs
from ..announcer import StatusLabel
from ..app_settings import remember_splitter
from ..column_fit import StretchWithMinimum
from ..drop_hint import DropHint
from ..evidence_editor import EvidenceEditor
from ..evidence_filter_bar import EvidenceFilterBar
from ..evidence_import_controller import EvidenceImportController, summary_text
from ..evidence_preview import EvidencePreview
from ..evidence_views import evidence_grid, evidence_table
from ..models.evidence_table_model import (
    COMPONENT_COLUMN,
    EvidenceFilterProxy,
    EvidenceTableModel,
    IdRole,
)
from ..portfolio_context import EVIDENCE, FRAMEWORK, PortfolioContext
from ..progress_strip import ProgressStrip
from ..scheme_words import in_sentence
from ..thumbnail_cache import ThumbnailCache

GRID_ICON = QSize(128, 96)


class EvidencePage(QWidget):
    """List or grid of every item behind one filter proxy; details, preview and tags beside it."""

    def __init__(self, context: PortfolioContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setAcceptDrops(not context.read_only)
        self.thumbnails = ThumbnailCache(context.portfolio, self)
        self.model = EvidenceTableModel(self.thumbnails, self)
        self.proxy = EvidenceFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.importer = EvidenceImportController(context, self)
        self._build()
        self._connect()
        self._apply_scheme()
        self.refresh()

    # --- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.add_files_button = QPushButton("Add f&iles…")  # Alt+F is the File menu
        self.add_folder_button = QPushButton("Add f&older…")
        self.add_link_button = QPushButton("Add &link…")
        self.search = QLineEdit(
            placeholderText="Search titles and codes (Ctrl+F)", clearButtonEnabled=True
        )
        self.filters = EvidenceFilterBar()
        top = QHBoxLayout()
        for widget in (self.add_files_button, self.add_folder_button, self.add_link_button):
            top.addWidget(widget)
        top.addSpacing(12)
        top.addWidget(self.search, 1)

        self.table = evidence_table(self.proxy)
        self._fit_columns()
        component_heading = (
            self.table.horizontalHeader().fontMetrics().horizontalAdvance("Component") + 24
        )
        self.title_fit = StretchWithMinimum(
            self.table,
            0,
            26,
            preferred_chars=60,  # titles before components
            give_way={COMPONENT_COLUMN: component_heading},
        )
        self.grid = evidence_grid(GRID_ICON)  # gets the model only while shown
        self.views = QStackedWidget()
        self.views.addWidget(self.table)
        self.views.addWidget(self.grid)

        self.preview = EvidencePreview(self.context.portfolio, context=self.context)
        self.editor = EvidenceEditor(self.context)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.preview)
        side_layout.addWidget(self.editor)
        side_layout.addStretch(1)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(side)
        scroll.setFocusPolicy(
            Qt.FocusPolicy.NoFocus
        )  # its fields take focus, and it scrolls to them
        side_pane = (
            QWidget()
        )  # the tag buttons stay under the scrolled preview and details, never below the fold
        side_pane.setMinimumWidth(340)
        pane_layout = QVBoxLayout(side_pane)
        pane_layout.setContentsMargins(0, 0, 0, 0)
        pane_layout.addWidget(scroll, 1)
        pane_layout.addWidget(self.editor.tags_box)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.views)
        self.splitter.addWidget(side_pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([900, 340])
        remember_splitter(self.splitter, "evidence")

        self.drop_hint = DropHint("Drop files or folders here to add them as evidence", self)
        self.progress = ProgressStrip()
        self.status = StatusLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)

        find = QAction("Find", self, shortcut=QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        self.delete_action = QAction(
            "Delete evidence…", self, shortcut=QKeySequence.StandardKey.Delete
        )
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.views.addAction(self.delete_action)
        self.addAction(find)
        # the add buttons as shortcuts too (listed by F1); dragging files in is never the only way
        for text, keys, button in (
            ("Add evidence files…", "Ctrl+I", self.add_files_button),
            ("Add an evidence folder…", "Ctrl+Shift+I", self.add_folder_button),
            ("Add a web link…", "Ctrl+K", self.add_link_button),
        ):
            action = QAction(text, self, shortcut=QKeySequence(keys))
            action.triggered.connect(button.click)
            button.setToolTip(f"{text} ({keys}; or drop files on the list)")
            self.addAction(action)

    def _connect(self) -> None:
        self.add_files_button.clicked.connect(self.add_files)
        self.add_folder_button.clicked.connect(self.add_folder)
        self.add_link_button.clicked.connect(self.add_link)
        self.search.textChanged.connect(lambda text: self._filter(text=text))
        self.filters.changed.connect(lambda changes: self._filter(**changes))
        self.filters.list_button.toggled.connect(self._show_list)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.context.changed.connect(self._context_changed)
        self.context.error.connect(self._refused)
        self.importer.started.connect(
            lambda worker: self.progress.follow(worker, "Importing evidence…")
        )
        self.importer.finished.connect(self._import_finished)
        self.importer.failed.connect(lambda message: page_dialogs.show_refusal(self, message))

    def _show_list(self, as_list: bool) -> None:
        """Switch between the table and the thumbnail grid; both show the same proxy and selection."""
        if as_list:
            self.views.setCurrentWidget(self.table)
            self.grid.setModel(None)
        else:
            self.grid.setModel(self.proxy)
            self.grid.setSelectionModel(self.table.selectionModel())
            self.views.setCurrentWidget(self.grid)
            current = self.table.currentIndex()
            if current.isValid():
                self.grid.scrollTo(current)

    # --- data ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload every row (one query), keeping the selection."""
        selected = self.selected_ids()
        self.model.set_rows(query_evidence(self.context.portfolio))
        self.select_ids(selected)
        self._update_count()
        self._selection_changed()

    def _fit_columns(self) -> None:
        """Each column wide enough for a typical value and for the longest line of its (scheme's) heading."""
        metrics, header = self.table.fontMetrics(), self.table.horizontalHeader().fontMetrics()
        for column, sample in enumerate(
            (
                "",
                "Document",
                "30 Sep 2026",
                "Not needed",
                "1a, 1b, 1c",
                "1a, 1b",
                "Activity-specific",
            )
        ):
            if sample:
                label = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
                heading = max(header.horizontalAdvance(line) for line in label.splitlines() or [""])
                self.table.setColumnWidth(
                    column, max(metrics.horizontalAdvance(sample), heading) + 18
                )
        if hasattr(self, "title_fit"):
            self.title_fit.fit()

    def _apply_scheme(self):
        scheme = self.context.scheme
        self.model.set_scheme(scheme)
        self.editor.set_scheme(scheme)
        self.preview.scheme = scheme
        self.table.setColumnHidden(COMPONENT_COLUMN, not scheme.components)
        self.filters.component_filter.setVisible(bool(scheme.components))
        self._fit_columns()
        return scheme

    def _refresh_framework(self) -> None:
        """The scheme's words, components and themes in the filters, the table and the editor."""
        scheme = self._apply_scheme()
        words = scheme.words
        self.search.setPlaceholderText(
            f"Search titles and {in_sentence(words.descriptor)} codes (Ctrl+F)"
        )
        self.search.setAccessibleName(f"Search titles and {in_sentence(words.descriptor)} codes")
        choices = descriptor_choices(self.context.portfolio)
        self.proxy.theme_of = {c.code: c.theme_code for c in choices}
        self.filters.set_choices(scheme, theme_choices(self.context.portfolio))
        self.editor.reload_choices()

    def show_issue(self, issue: ReadinessIssue) -> None:
        """Go to an item without consent (its consent field), or ready the tag list for a descriptor short of
        key evidence, with every item shown so one can be chosen."""
        if not self.filters.has_choices:
            self._refresh_framework()
        self.filters.show_all()
        self.search.clear()
        if issue.kind in ("consent-missing", "blur-missing") and issue.subject.isdigit():
            self.select_ids([int(issue.subject)])
            self.table.scrollTo(self.table.currentIndex())
            self.editor.consent.setFocus()
            return
        index = self.editor.tags_box.code_choice.findData(issue.subject)
        if index >= 0:
            self.editor.tags_box.code_choice.setCurrentIndex(index)
            word = in_sentence(self.context.scheme.words.key_evidence)
            self.status.setText(
                f"Choose the items to present for {issue.subject}, then press "
                f"'Tag as {word}' (or drag them onto it on the Framework page)."
            )
        self.table.setFocus()

    def showEvent(self, event) -> None:
        if not self.filters.has_choices:
            self._refresh_framework()
            self.proxy.refilter()
        super().showEvent(event)

    def _context_changed(self, area: str) -> None:
        if area == FRAMEWORK:
            self._refresh_framework()
        if area in (EVIDENCE, FRAMEWORK):
            self.refresh()

    def _filter(self, **changes) -> None:
        if not self.filters.has_choices:
            self._refresh_framework()
        self.proxy.set_filters(**changes)
        self._update_count()

    def _update_count(self) -> None:
        self.filters.set_count(self.proxy.rowCount(), self.model.rowCount())

    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return [index.data(IdRole) for index in rows]

    def select_ids(self, ids: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for evidence_id in ids:
            row = self.model.row_of(evidence_id)
            if row is not None:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if index.isValid():
                    selection.select(index, flags)
                    selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)

    def _selection_changed(self, *_args) -> None:
        ids = self.selected_ids()
        details = self.editor.show_items(ids)
        self.delete_action.setEnabled(bool(ids) and not self.context.read_only)
        if details is None:
            self.preview.clear(
                "Select an item to see it here." if not ids else f"{len(ids)} items selected."
            )
        else:
            self.preview.show_item(details, self.thumbnails.pixmap(details.item.id))

    # --- actions ---------------------------------------------------------------------------------
    def add_files(self) -> None:
        files = page_dialogs.choose_evidence_files(self)
        if files:
            self.importer.import_sources(files)

    def add_folder(self) -> None:
        folder = page_dialogs.choose_evidence_folder(self)
        if folder:
            self.importer.import_sources([folder])

    def add_link(self) -> None:
        answer = page_dialogs.ask_link(self)
        if answer is not None:
            report = self.importer.add_link(*answer)
            if report is not None and report.added:
                self.select_ids(report.added)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or self.context.read_only:
            return
        what = "this item" if len(ids) == 1 else f"these {len(ids)} items"
        tags = (
            f"its {in_sentence(self.context.scheme.words.descriptor)} tags"
            if len(ids) == 1
            else f"their {in_sentence(self.context.scheme.words.descriptor)} tags"
        )
        if not page_dialogs.confirm(
            self,
            "Delete evidence",
            f"Delete {what} and {tags}? You can undo this (Edit > Undo).",
            "Delete",
        ):
            return
        portfolio, label = (
            self.context.portfolio,
            f"Delete {len(ids)} items" if len(ids) > 1 else "Delete item",
        )
        self.context.push(
            label, lambda: delete_evidence_many(portfolio, ids, keep_unused_files=True), EVIDENCE
        )
        self.thumbnails.forget(ids)

    def _import_finished(self, report) -> None:
        text = summary_text(report)
        self.status.setText(text.splitlines()[0] if not report.skipped else "")
        if report.skipped or report.cancelled:
            page_dialogs.show_information(self, "Import finished", text)
        if report.added:
            self.select_ids(report.added[:1])

    def _refused(self, message: str) -> None:
        """Show refusals of this page's edits (context.error) while the page is on screen."""
        if self.isVisible():
            page_dialogs.show_refusal(self, message)

    # --- drag and drop of files from the desktop ---------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if urls and all(url.isLocalFile() for url in urls) and not self.importer.busy:
            event.acceptProposedAction()
            self.drop_hint.cover(self.splitter)

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dragLeaveEvent(self, event) -> None:
        self.drop_hint.cover(None)
        super().dragLeaveEvent(event)

    def dropEvent(self, event) -> None:
        self.drop_hint.cover(None)
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.importer.import_sources(paths)
