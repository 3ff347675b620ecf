"""The Framework page: themes and descriptors as a tree with evidence badges, edited undoably, taking evidence drops."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...core.framework.descriptor_detail import descriptor_detail, framework_outline
from ...core.planning.readiness import THEME_SHEET, ReadinessIssue
from ...core.scheme.model import Scheme
from ..app_settings import remember_splitter
from ..column_fit import StretchWithMinimum
from ..descriptor_detail_view import DescriptorDetailView
from ..framework_dialogs import DescriptorDialog, ThemeDialog
from ..framework_files import export_framework_file, import_framework_file
from ..models.framework_tree_model import FrameworkTreeModel
from ..portfolio_context import EVIDENCE, FRAMEWORK, RATINGS, SETTING, PortfolioContext
from ..scheme_words import in_sentence
from ..theme_sheet_form import ThemeSheetForm, scheme_has_theme_sheet
from .framework_edits import FrameworkEdits

SHEET_FIELDS = {"theme-lead": "lead", "theme-summary": "summary"}


class FrameworkPage(FrameworkEdits, QWidget):
    """The setting's copy of the framework: browse, type in descriptors, import or export a framework file."""

    def __init__(self, context: PortfolioContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.model = FrameworkTreeModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(0)
        self.scheme: Scheme = context.scheme
        self._themes = []
        self._build()
        self.model.evidenceDropped.connect(self.tag_dropped_evidence)
        self._refresh_timer = QTimer(self, singleShot=True, interval=0, timeout=self.refresh)
        context.changed.connect(self._on_changed)
        self.refresh()

    # layout -----------------------------------------------------------------
    def _build(self) -> None:
        self.filter = QLineEdit(
            placeholderText="Filter descriptors by code or words (Ctrl+F)", clearButtonEnabled=True
        )
        self.filter.setAccessibleName("Filter descriptors")
        self.filter.textChanged.connect(self._filter_changed)
        self.tree = QTreeView()
        self.tree.setAccessibleName("Framework")
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        header = self.tree.header()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        StretchWithMinimum(self.tree, 0, 28)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        self.detail = DescriptorDetailView()
        self.sheet_form = ThemeSheetForm(self.context)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, 1)
        right_layout.addWidget(self.sheet_form)
        right_scroll = QScrollArea(widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame)
        right_scroll.setAccessibleName("Details")
        right_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right_scroll.setWidget(right)

        self.toolbar = QToolBar("Framework")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_theme_action = self._action(
            "Add theme…", self.add_theme, "Ctrl+Shift+T"
        )  # toolbar buttons take
        self.edit_theme_action = self._action(
            "Edit theme…", self.edit_theme, "Shift+F2"
        )  # no Tab: keys instead
        self.add_action = self._action("Add descriptor…", self.add_descriptor, "Ctrl+Shift+N")
        self.paste_action = self._action(
            "Paste descriptors…", self.paste_descriptors, "Ctrl+Shift+V"
        )
        self.edit_action = self._action("Edit descriptor…", self.edit_descriptor, "F2")
        self.delete_action = self._action(
            "Delete descriptor", self.delete_descriptor, QKeySequence.StandardKey.Delete
        )
        self.up_action = self._action("Move up", lambda: self.move_descriptor(-1), "Alt+Up")
        self.down_action = self._action("Move down", lambda: self.move_descriptor(+1), "Alt+Down")
        # Import/Export framework live in the File menu only: on the toolbar they fell off the end at 150 %.
        self.import_action = self._action("Import framework…", self.import_framework, toolbar=False)
        self.export_action = self._action("Export framework…", self.export_framework, toolbar=False)
        find = self._action(
            "Find",
            lambda: (self.filter.setFocus(), self.filter.selectAll()),
            QKeySequence.StandardKey.Find,
            toolbar=False,
        )
        find.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.tree)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right_scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        remember_splitter(self.splitter, "framework")
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter)

    def _action(self, text: str, slot, shortcut=None, toolbar: bool = True) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        if toolbar:
            self.toolbar.addAction(action)
        self.addAction(action)
        return action

    # reading ------------------------------------------------------------------
    def _on_changed(self, area: str) -> None:
        if area in (FRAMEWORK, EVIDENCE, RATINGS, SETTING):
            self._refresh_timer.start()

    def _set_words(self) -> None:
        """Name the actions and the filter in the scheme's words (theme or element, descriptor or statement)."""
        w = self.scheme.words
        theme, descriptor = in_sentence(w.theme), in_sentence(w.descriptor)
        for action, text in (
            (self.add_theme_action, f"Add {theme}…"),
            (self.edit_theme_action, f"Edit {theme}…"),
            (self.add_action, f"Add {descriptor}…"),
            (self.edit_action, f"Edit {descriptor}…"),
            (self.paste_action, f"Paste {in_sentence(w.descriptors)}…"),
            (self.delete_action, f"Delete {descriptor}"),
        ):
            action.setText(text)
        self.filter.setPlaceholderText(
            f"Filter {in_sentence(w.descriptors)} by code or words (Ctrl+F)"
        )
        self.filter.setAccessibleName(f"Filter {in_sentence(w.descriptors)}")
        self.tree.setColumnHidden(1, not self.scheme.evidence_rule.per_descriptor)
        self.sheet_form.set_words(self.scheme)
        DescriptorDialog.words = ThemeDialog.words = w

    def refresh(self) -> None:
        """Re-read the outline (one query) and keep the selection where it was."""
        kind, ident = self._current_key()
        self._themes, self.scheme = framework_outline(self.context.portfolio)
        self.model.set_outline(self._themes, self.scheme.evidence_rule, self.scheme.words)
        self._set_words()
        self.tree.expandAll()
        source = (
            self.model.index_of_descriptor(ident)
            if kind == "descriptor"
            else self.model.index_of_theme(ident)
            if kind == "theme"
            else QModelIndex()
        )
        if not source.isValid() and kind is None and self._themes:
            first = self._themes[0]
            source = (
                self.model.index_of_descriptor(first.descriptors[0].id)
                if first.descriptors
                else self.model.index_of_theme(first.id)
            )
        if source.isValid():
            self.tree.setCurrentIndex(self.proxy.mapFromSource(source))
        self._show_current()
        self._update_actions()

    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self.tree.expandAll()

    def _current_source(self) -> QModelIndex:
        return self.proxy.mapToSource(self.tree.currentIndex())

    def _current_key(self) -> tuple[str | None, int | None]:
        index = self._current_source()
        if (d := self.model.descriptor_at(index)) is not None:
            return "descriptor", d.id
        if (t := self.model.theme_at(index)) is not None:
            return "theme", t.id
        return None, None

    def select_descriptor(self, code: str) -> bool:
        """Make a descriptor current (by code)."""
        for theme in self._themes:
            for d in theme.descriptors:
                if d.code == code:
                    self._make_current(self.model.index_of_descriptor(d.id))
                    return True
        return False

    def select_theme(self, code: str) -> bool:
        """Make a theme current (by code)."""
        theme = next((t for t in self._themes if t.code == code), None)
        if theme is not None:
            self._make_current(self.model.index_of_theme(theme.id))
        return theme is not None

    def _make_current(self, source: QModelIndex) -> None:
        if self.filter.text() and not self.proxy.mapFromSource(source).isValid():
            self.filter.clear()  # the filter hides it: show everything again
        index = self.proxy.mapFromSource(source)
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    def show_issue(self, issue: ReadinessIssue) -> None:
        """Go to what a readiness line is about: a descriptor, or a theme (its name or its sheet's field)."""
        self.refresh()
        if not self.select_descriptor(issue.subject) and self.select_theme(issue.subject):
            if issue.page == THEME_SHEET and self.sheet_form.isVisible():
                field = SHEET_FIELDS.get(issue.kind)
                if field is None and issue.kind == "theme-dates":
                    field = (
                        "ended"
                        if self.sheet_form.started.date() != self.sheet_form.started.minimumDate()
                        else "started"
                    )
                self.sheet_form.focus_field(field or "lead")
                return
        self.tree.setFocus()

    def _show_current(self) -> None:
        index = self._current_source()
        theme = self.model.theme_at(index)
        if (d := self.model.descriptor_at(index)) is not None:
            detail = descriptor_detail(self.context.portfolio, d.id)
            self.detail.show_descriptor(
                detail, self.scheme
            ) if detail else self.detail.show_nothing(self.scheme.words)
        elif theme is not None:
            self.detail.show_theme(theme, self.scheme)
        else:
            self.detail.show_nothing(self.scheme.words)
        self.sheet_form.setVisible(theme is not None and scheme_has_theme_sheet(self.scheme))
        self.sheet_form.show_theme(theme.id if theme is not None else None)
        self._update_actions()

    def _update_actions(self) -> None:
        writable = not self.context.read_only
        index = self._current_source()
        on_descriptor = self.model.descriptor_at(index) is not None
        for action in (self.add_theme_action, self.import_action):
            action.setEnabled(writable)
        self.add_action.setEnabled(writable and bool(self._themes))
        self.paste_action.setEnabled(writable and bool(self._themes))
        self.edit_theme_action.setEnabled(writable and self.model.theme_of(index) is not None)
        for action in (self.edit_action, self.delete_action, self.up_action, self.down_action):
            action.setEnabled(writable and on_descriptor)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.sheet_form.flush()
        super().hideEvent(event)

    # framework files (ui/framework_files.py) ---------------------------------------
    def import_framework(self) -> None:
        """Add the themes and descriptors of a framework file whose codes are new, after confirmation."""
        import_framework_file(self)

    def export_framework(self) -> None:
        """Save the portfolio's framework (as edited) as a framework file another setting can import."""
        export_framework_file(self)
