"""The assessor's window: a verified bundle browsed read-only beside the judgement panel; no editing controls."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QSplitter, QTreeView

from ...core.assessor.assessment_file import AssessmentFile
from ...core.assessor.bundle_contents import build_contents
from ...core.assessor.report import export_assessor_report
from ...core.errors import PortfolioError
from ..announcer import announce_status_bar
from ..app_settings import remember_splitter, restore_window, save_window
from .assessment_panel import AssessmentPanel
from .contents_model import ContentsModel, NodeRole
from .item_view import ItemView
from .open_bundle_job import OpenBundleJob

log = logging.getLogger(__name__)


class AssessorWindow(QMainWindow):
    """One bundle at a time; the bundle is only read, the assessment lives in its own file."""

    # First size: fits a 1366x768 screen with a title bar and a panel, so the report button shows unmaximised.
    DEFAULT_WIDTH, DEFAULT_HEIGHT = 1280, 680

    bundle_opened = Signal(object)  # the BundleSession
    open_failed = Signal(str)
    report_exported = Signal(object)  # the report's Path

    def __init__(self, assessments_folder: Path | None = None, parent=None):
        super().__init__(parent)
        self.assessments_folder = assessments_folder
        self.session = None
        self.assessment = None
        self.job: OpenBundleJob | None = None
        self.setWindowTitle("Portfolio Builder — Assessor")
        self.setAcceptDrops(True)
        self.banner = QLabel("Open a bundle (File › Open bundle…, or drop the .zip here).")
        self.banner.setWordWrap(True)
        self.banner.setMargin(6)
        self.tree = QTreeView()
        self.tree.setAccessibleName("Bundle contents")
        self.tree.setAccessibleDescription(
            "Themes, descriptors, the setting's documents and every item; choose one "
            "to see it and judge it"
        )
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.item_view = ItemView()
        self.panel = AssessmentPanel()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.item_view)
        splitter.addWidget(self.panel)
        splitter.setSizes([300, 540, 490])
        splitter.setChildrenCollapsible(False)
        remember_splitter(splitter, "assessor")
        self.setMenuWidget(None)
        self._build_menu()
        central = QSplitter(Qt.Orientation.Vertical)
        central.addWidget(self.banner)
        central.addWidget(splitter)
        central.setStretchFactor(1, 1)
        central.setChildrenCollapsible(False)
        self.setCentralWidget(central)
        self.panel.export_requested.connect(self.export_report)
        announce_status_bar(self)
        self.panel.message.connect(lambda text: self.statusBar().showMessage(text, 3000))
        self.item_view.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        restore_window(self, "assessor", self.DEFAULT_WIDTH, self.DEFAULT_HEIGHT)

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu("&File")
        self.open_action = QAction(
            "&Open bundle…",
            self,
            shortcut=QKeySequence.StandardKey.Open,
            triggered=self.choose_bundle,
        )
        self.export_action = QAction(
            "&Export Assessor's Report…",
            self,
            triggered=self.export_report,
            enabled=False,
            shortcut=QKeySequence("Ctrl+E"),
        )
        self.close_action = QAction(
            "&Close bundle", self, triggered=self.close_bundle, enabled=False
        )
        quit_action = QAction(
            "Close &window", self, shortcut=QKeySequence.StandardKey.Close, triggered=self.close
        )
        for action in (self.open_action, self.export_action, self.close_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(quit_action)

    # --- replaceable in tests -----------------------------------------------------------------
    @classmethod
    def ask_bundle_path(cls, parent) -> str:
        path, _ = QFileDialog.getOpenFileName(parent, "Open bundle", "", "Portfolio bundle (*.zip)")
        return path

    @classmethod
    def ask_report_path(cls, parent, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            parent, "Export Assessor's Report", suggested, "Word document (*.docx);;PDF (*.pdf)"
        )
        return path

    @classmethod
    def show_error(cls, parent, title: str, message: str) -> None:
        QMessageBox.critical(parent, title, message)

    # --- opening ------------------------------------------------------------------------------
    def choose_bundle(self) -> None:
        path = self.ask_bundle_path(self)
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> OpenBundleJob:
        """Verify then show the bundle; a progress dialog is up at once."""
        self.statusBar().showMessage(f"Checking {Path(path).name}…")
        self.job = OpenBundleJob(Path(path), self)
        self.job.opened.connect(self._opened)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(lambda: self.statusBar().showMessage("Opening cancelled.", 4000))
        return self.job.start()

    def _failed(self, message: str) -> None:
        self.statusBar().showMessage("The bundle was not opened.", 6000)
        self.open_failed.emit(message)
        self.show_error(self, "Cannot open this bundle", message)

    def _opened(self, session) -> None:
        try:
            shape = session.snapshot
            assessment = AssessmentFile.open(
                session.uuid,
                self.assessments_folder,
                setting=shape.setting.name,
                scheme=shape.scheme.name,
                bundle_name=session.path.name,
            )
        except PortfolioError as exc:
            session.close()
            self._failed(exc.message)
            return
        self.close_bundle()
        self.session, self.assessment = session, assessment
        root = build_contents(session.snapshot, session.damaged, session.documents(), session.valid)
        model = ContentsModel(root, self.tree)
        self.tree.setModel(model)
        self.tree.expandToDepth(0)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.item_view.set_session(session)
        self.panel.set_words(session.snapshot.scheme.words)
        self.panel.set_file(assessment)
        self._show_banner()
        reviewer = session.snapshot.scheme.words.reviewer
        self.setWindowTitle(
            f"{session.path.name} — {session.snapshot.scheme.name} — read-only — "
            f"Portfolio Builder ({reviewer})"
        )
        self.export_action.setEnabled(True)
        self.close_action.setEnabled(True)
        self.tree.selectionModel().setCurrentIndex(
            model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.statusBar().showMessage(
            "Your judgements are saved as you type, in your own assessment file on this "
            "computer (never in the bundle).",
            8000,
        )
        self.bundle_opened.emit(session)

    def _show_banner(self) -> None:
        s = self.session
        name = s.snapshot.setting.name or s.path.name
        if s.valid:
            self.banner.setText(
                f"✔ {name}: the bundle is valid — every file is present and unchanged. Read-only."
            )
            self.banner.setStyleSheet("background:#E3F1DF; color:#24561C;")
        else:
            self.banner.setText(
                f"⚠ {name}: the bundle has {len(s.problems)} problem(s); damaged items are marked. "
                "See “Bundle check” for the list. Read-only."
            )
            self.banner.setStyleSheet("background:#F8E1DE; color:#8A1F14;")
        if s.snapshot.draft:
            self.banner.setText(
                self.banner.text() + "  DRAFT: a portfolio in progress for an interim review, "
                "not the final submission."
            )
        self.banner.setTextFormat(Qt.TextFormat.PlainText)

    def _current_changed(self, current, _previous) -> None:
        node = current.data(NodeRole) if current.isValid() else None
        self.item_view.show_node(node)
        self.panel.set_target(node)

    # --- report and closing -------------------------------------------------------------------
    def export_report(self) -> Path | None:
        """Ask where, then write the Assessor's Report as .docx or .pdf."""
        if self.session is None or self.assessment is None:
            return None
        stem = self.session.snapshot.setting.name or "setting"
        suggested = str(self.session.path.with_name(f"Assessor's Report - {stem}.docx"))
        chosen = self.ask_report_path(self, suggested)
        if not chosen:
            return None
        out = Path(chosen)
        if out.suffix.lower() not in (".docx", ".pdf"):
            out = out.with_suffix(".docx")
        try:
            written = export_assessor_report(
                self.session.snapshot,
                self.assessment.read(),
                out,
                damaged_paths=self.session.damaged,
                protect=(self.session.path,),
            )
        except PortfolioError as exc:
            self.show_error(self, "Report not saved", exc.message)
            return None
        self.statusBar().showMessage(f"Saved the Assessor's Report to {written}", 8000)
        self.report_exported.emit(written)
        return written

    def close_bundle(self) -> None:
        """Forget the open bundle: its private copies are deleted; the assessment is already saved."""
        self.panel.set_file(None)
        self.item_view.set_session(None)
        self.tree.setModel(None)
        if self.assessment is not None:
            self.assessment.close()
        if self.session is not None:
            self.session.close()
        self.session = self.assessment = None
        self.export_action.setEnabled(False)
        self.close_action.setEnabled(False)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        save_window(self, "assessor")
        self.close_bundle()
        super().closeEvent(event)

    # --- drag and drop ------------------------------------------------------------------------
    @staticmethod
    def _dropped_zip(event) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        local = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        return local[0] if len(local) == 1 and local[0].suffix.lower() == ".zip" else None

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if self._dropped_zip(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802
        path = self._dropped_zip(event)
        if path:
            event.acceptProposedAction()
            self.open_path(path)


def open_bundle_window(path=None, assessments_folder: Path | None = None) -> AssessorWindow:
    """Show an assessor window and start opening path (verified first, with progress); returns the window."""
    window = AssessorWindow(assessments_folder)
    window.show()
    if path:
        window.open_path(Path(path))
    return window
