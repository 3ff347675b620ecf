"""The application window: the start screen or one open portfolio, with menus, undo, backups and status."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QWidget

from .. import APP_NAME
from ..core.bundle.bundle_reader import looks_like_bundle
from ..core.errors import PortfolioError
from ..core.framework.portfolio_setup import setting_profile
from ..core.storage.portfolio_file import Portfolio
from . import closing_work, messages
from .announcer import announce_status_bar
from .app_settings import recent_portfolios, remember_portfolio, restore_window, save_window
from .background_jobs import BackupScheduler, start_check
from .main_menus import build_menus
from .portfolio_context import SETTING, PortfolioContext
from .portfolio_lock import PortfolioLock
from .portfolio_view import PortfolioView
from .start_screen import StartScreen
from .team_menu import merge_if_pack, update_team_actions

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Shows the start screen until a portfolio is opened, then that portfolio's pages."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.context: PortfolioContext | None = None
        self.view: PortfolioView | None = None
        self.lock: PortfolioLock | None = None
        self.backups: BackupScheduler | None = None
        self._jobs = []
        self.undo_group = QUndoGroup(self)
        self.start_screen = StartScreen()
        self.start_screen.newRequested.connect(self.new_portfolio)
        self.start_screen.openRequested.connect(self.ask_and_open)
        self.start_screen.openPathRequested.connect(self.open_portfolio)
        self.start_screen.openBundleRequested.connect(lambda: self.open_bundle())
        self.setAcceptDrops(True)  # a .portfolio or bundle .zip dropped on the window opens it
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_screen)
        self.setCentralWidget(self.stack)
        self.saved_label = QLabel()
        self.statusBar().addPermanentWidget(self.saved_label)
        announce_status_bar(self)
        build_menus(self)
        self._update_state()
        self._restore_window()

    # menus -------------------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = menu.addAction(text)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def show_page(self, number: int) -> None:
        """View › a page (Ctrl+1 … Ctrl+7): switch the open portfolio to it."""
        if self.view is not None:
            self.view.show_page(number)

    # opening and closing -------------------------------------------------------------------
    def ask_and_open(self) -> None:
        folder = str(recent_portfolios()[0].parent) if recent_portfolios() else ""
        path = messages.ask_open_path(self, "Open a portfolio", messages.PORTFOLIO_FILTER, folder)
        if path:
            self.open_portfolio(path)

    def open_portfolio(self, path: str | Path) -> bool:
        """Open a portfolio file here (closing any open one); refusals are shown, and False returned."""
        path = Path(path).resolve()
        if self.context is not None and Path(self.context.portfolio.path).resolve() == path:
            return True
        if not self.close_portfolio():
            return False
        lock = PortfolioLock(path)
        try:
            lock.acquire()
        except PortfolioError as exc:
            messages.show_error(self, exc.message, "Open portfolio")
            return False
        try:
            portfolio = Portfolio.open(path)
        except PortfolioError as exc:
            self._offer_backups(path, exc.message, lock)
            return False
        self.lock = lock
        self._show_portfolio(portfolio)
        remember_portfolio(path)
        self._tell_what_was_stopped(path)
        return True

    def _tell_what_was_stopped(self, path: Path) -> None:
        """Work stopped when this portfolio was last closed (an import half done): say so, once."""
        note = closing_work.take_stopped_note(path)
        if note:
            QTimer.singleShot(
                0, lambda: messages.show_info(self, note, "Last time this portfolio was open")
            )

    def _show_portfolio(self, portfolio: Portfolio) -> None:
        self.context = PortfolioContext(portfolio, self)
        self.context.changed.connect(self._on_changed)
        self.context.error.connect(self._on_refused)
        self.undo_group.addStack(self.context.undo_stack)
        self.undo_group.setActiveStack(self.context.undo_stack)
        self.view = PortfolioView(self.context)
        self.stack.addWidget(self.view)
        self.stack.setCurrentWidget(self.view)
        self.view.show_page(
            0
        )  # always the dashboard: what needs doing, whichever page was used last
        if not portfolio.read_only:
            self.backups = BackupScheduler(portfolio.path, self)
            self.context.changed.connect(self.backups.note_edit)
            self.backups.backed_up.connect(
                lambda p: self.statusBar().showMessage(f"Backup saved: {Path(p).name}", 8000)
            )
            self.backups.failed.connect(
                lambda m: self.statusBar().showMessage(f"Backup failed: {m}", 15000)
            )
            self.backups.start()
        self.saved_label.setText("Read-only" if portfolio.read_only else "All changes saved")
        self._update_state()

    def close_portfolio(self) -> bool:
        """Close the open portfolio (everything is already saved) and show the start screen.

        Work still running on it (an import, an export) is asked about first: False, and nothing closed,
        when the user keeps working; otherwise it is stopped cleanly and the next open says what was stopped.
        """
        if self.context is None:
            return True
        jobs = closing_work.user_jobs()
        if jobs and not closing_work.ask_to_stop(self, jobs, "the portfolio"):
            return False
        if jobs:
            self.statusBar().showMessage("Stopping " + closing_work.describe(jobs[0]).lower() + "…")
        closing_work.stop_and_wait(jobs)
        closing_work.note_stopped(Path(self.context.portfolio.path), jobs)
        if self.backups is not None:
            self.backups.stop()
            self.backups = None
        if self.view is not None:
            self.stack.removeWidget(self.view)
            self.view.deleteLater()
            self.view = None
        self.undo_group.removeStack(self.context.undo_stack)
        self.context.close()
        self.context.deleteLater()
        self.context = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        self.start_screen.refresh()
        self.stack.setCurrentWidget(self.start_screen)
        self.saved_label.setText("")
        self.statusBar().clearMessage()
        self._update_state()
        return True

    def new_portfolio(self) -> None:
        from .new_portfolio_wizard import NewPortfolioWizard

        path = NewPortfolioWizard.create(self)
        if path:
            self.open_portfolio(path)

    def open_bundle(self, path: str | Path | None = None) -> None:
        """The assessor's way in: a separate window that only reads the bundle. With no path, the bundle is asked
        for first; cancelling leaves the start screen as it was (no empty assessor window)."""
        from .assessor.assessor_window import open_bundle_window

        if path is None:
            path = messages.ask_open_path(self, "Open a bundle to assess", messages.BUNDLE_FILTER)
            if not path:
                return
        self._assessor = open_bundle_window(path)

    def open_path(self, path: str | Path) -> bool:
        """Open whatever was given (a dropped file, a file the system asks us to open): bundle or portfolio."""
        if looks_like_bundle(Path(path)):
            if not merge_if_pack(
                self, Path(path)
            ):  # a contribution pack given to the lead's portfolio
                self.open_bundle(path)
            return True
        return self.open_portfolio(path)

    @staticmethod
    def _dropped_file(event) -> Path | None:
        """The one .portfolio or .zip file being dragged in, if that is what it is."""
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        local = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        if len(local) == 1 and local[0].suffix.lower() in (".portfolio", ".zip"):
            return local[0]
        return None

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        path = self._dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.open_path(path)

    # feedback -------------------------------------------------------------------------------
    def _on_changed(self, area: str) -> None:
        self.saved_label.setText("All changes saved")
        if area == SETTING:
            self._update_state()

    def _on_refused(self, message: str) -> None:
        self.statusBar().showMessage("Not changed: " + message.splitlines()[0], 10000)
        messages.show_error(self, message, "Not changed")

    def _update_state(self) -> None:
        open_ = self.context is not None
        for action in self.portfolio_actions:
            action.setEnabled(open_)
        owner = update_team_actions(self)
        if open_:
            writable = not self.context.read_only
            for action in (self.backup_action, self.restore_action, self.import_framework_action):
                action.setEnabled(writable)
            try:
                name = setting_profile(self.context.portfolio).name
            except PortfolioError:
                name = ""
            file_name = Path(self.context.portfolio.path).name
            suffix = (" [read-only]" if self.context.read_only else "") + (
                f" [team copy for {owner}]" if owner else ""
            )
            self.setWindowTitle(
                f"{name} — {file_name}{suffix} — {APP_NAME}"
                if name
                else f"{file_name} — {APP_NAME}"
            )
        else:
            self.setWindowTitle(APP_NAME)

    # commands -------------------------------------------------------------------------------
    def check_portfolio(self) -> None:
        """Run the integrity check on a worker and show what it found."""
        if self.context is None:
            return
        self.statusBar().showMessage("Checking the portfolio…")
        self.check_action.setEnabled(False)

        def done(problems):
            self.check_action.setEnabled(True)
            self.statusBar().clearMessage()
            if problems:
                messages.show_info(
                    self,
                    f"Check portfolio found {len(problems)} problem(s). Open one of the "
                    "backups if the portfolio is damaged.",
                    "Check portfolio",
                    "\n".join(problems),
                )
            else:
                messages.show_info(
                    self,
                    "No problems found: the portfolio file and every stored file are intact.",
                    "Check portfolio",
                )

        def failed(message):
            self.check_action.setEnabled(True)
            messages.show_error(self, message, "Check portfolio")

        self._jobs.append(start_check(self.context.portfolio, done, failed))

    def back_up_now(self) -> None:
        if self.backups is not None:
            self.backups.back_up("manual")
            self.statusBar().showMessage("Backing up…")

    def _offer_backups(self, path: Path, problem: str, lock: PortfolioLock) -> None:
        """A portfolio that will not open: offer its backups if it has any, else just say why."""
        from ..core.storage.backups import list_backups
        from .backup_restore_job import restore_unopenable

        if not list_backups(path):
            lock.release()
            messages.show_error(self, problem, "Open portfolio")
            return
        worker = restore_unopenable(self, path, problem, lock)
        if worker is not None:
            self._jobs.append(worker)

    def restore_from_backup(self) -> None:
        """File > Restore from a backup…: choose a copy, back up the current state, put the copy back, reopen."""
        from .backup_restore_job import restore_interactively

        worker = restore_interactively(self)
        if worker is not None:
            self._jobs.append(worker)

    def export_bundle(self) -> None:
        if self.context is not None:
            from .bundle_export_job import export_bundle_interactively

            worker = export_bundle_interactively(self, self.context.portfolio)
            if worker is not None:
                self._jobs.append(worker)

    def show_about(self) -> None:
        """Help > About: version, licence and the third-party notices (ui/about_dialog.py)."""
        from .about_dialog import AboutDialog

        AboutDialog(self).exec()

    # window state ---------------------------------------------------------------------------
    def _restore_window(self) -> None:
        restore_window(self, "window", 1280, 800)

    def closeEvent(self, event) -> None:
        if not self.close_portfolio():  # work is running and the user chose to keep working
            event.ignore()
            return
        closing_work.stop_and_wait(
            []
        )  # a restore or backup still writing finishes before the app goes
        save_window(self, "window")
        super().closeEvent(event)
