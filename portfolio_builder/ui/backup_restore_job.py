"""File > Restore from a backup…: choose, confirm, close the portfolio, restore on a worker, reopen and say so."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog

from ..core.storage.backup_restore import RestoreResult, restore_backup
from . import messages
from .backup_restore_dialog import TITLE, RestoreBackupDialog
from .models.backup_table_model import describe_when
from .portfolio_lock import PortfolioLock
from .workers import Worker, start_worker

READ_ONLY = "This portfolio is open read-only, so a backup cannot be restored over it."


def restore_interactively(window) -> Worker | None:
    """Run the whole restore for a main window's open portfolio; returns the worker, or None if nothing started.

    The window's lock on the file is kept through the restore, so no other window can open it half-way.
    """
    context = window.context
    if context is None:
        return None
    if context.read_only:
        messages.show_error(window, READ_ONLY, TITLE)
        return None
    path = Path(context.portfolio.path)
    chosen = RestoreBackupDialog.choose(window, path)
    if chosen is None:
        return None
    when = describe_when(chosen.made_at)
    details = (
        f"The copy holds {chosen.evidence_items} evidence item(s) and ratings for "
        f"{chosen.descriptors_rated} of {chosen.descriptors} descriptors.\nBackup file: {chosen.path}"
    )
    if not messages.confirm(
        window,
        f"This replaces the portfolio with the copy from {when}. "
        "The current state is backed up first.",
        TITLE,
        details,
    ):
        return None
    lock, window.lock = (
        window.lock or PortfolioLock(path),
        None,
    )  # held while the file is closed and replaced
    scheduler = window.backups
    if not window.close_portfolio():  # an import is running and the user kept it
        window.lock = lock
        return None
    return _start_restore(window, path, chosen, lock, scheduler)


def restore_unopenable(window, path: Path, problem: str, lock: PortfolioLock) -> Worker | None:
    """Offer the backups of a portfolio that would not open (damaged or truncated) and has some; lock is held
    by the caller and released here whatever happens."""
    if not messages.confirm(
        window, f"{problem}\n\nThis portfolio has backups. Choose one to restore?", TITLE
    ):
        lock.release()
        return None
    chosen = RestoreBackupDialog.choose(window, path)
    if chosen is None or not messages.confirm(
        window,
        f"This replaces the damaged portfolio with the copy from {describe_when(chosen.made_at)}. "
        "The damaged file is kept as a backup first.",
        TITLE,
    ):
        lock.release()
        return None
    return _start_restore(window, path, chosen, lock, None)


def _start_restore(window, path: Path, chosen, lock: PortfolioLock, scheduler) -> Worker:
    """Restore on a worker with a busy dialog, then reopen the portfolio and say what happened."""
    when = describe_when(chosen.made_at)
    busy = QProgressDialog(f"Restoring the copy from {when}…", "", 0, 0, window)
    busy.setCancelButton(None)
    busy.setWindowTitle(TITLE)
    busy.setWindowModality(Qt.WindowModality.WindowModal)
    busy.setMinimumDuration(400)

    def job(_progress, _cancelled) -> RestoreResult:
        deadline = time.monotonic() + 600
        while (
            scheduler is not None and scheduler.worker is not None and time.monotonic() < deadline
        ):
            time.sleep(
                0.05
            )  # a backup still being written holds the file open: let it finish first
        return restore_backup(path, chosen.path)

    worker = Worker(job)

    def reopen() -> None:
        busy.reset()  # also stops its show timer, so it never appears after a quick restore
        busy.deleteLater()
        lock.release()
        window.open_portfolio(path)

    def finished(result: RestoreResult) -> None:
        reopen()
        text = (
            f"Restored the copy from {when} ({result.restored.evidence_items} evidence items). The state just "
            f"before restoring was backed up first ({result.before_restore.name})."
        )
        window.statusBar().showMessage(text, 60000)
        if window.backups is not None and window.backups.worker is not None:
            # The backup made on reopening would replace this message within a second: show it again after.
            window.backups.backed_up.connect(
                lambda _p: window.statusBar().showMessage(text, 60000),
                Qt.ConnectionType.SingleShotConnection,
            )

    def failed(message: str) -> None:
        reopen()
        window.statusBar().showMessage("Not restored: " + message.splitlines()[0], 15000)
        messages.show_error(window, message, TITLE)

    worker.signals.finished.connect(finished)
    worker.signals.failed.connect(failed)
    window.statusBar().showMessage(f"Restoring the copy from {when}…")
    return start_worker(worker)
