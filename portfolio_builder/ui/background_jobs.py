"""Rolling backups (on open and every 30 minutes of editing) and Check portfolio, run off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ..core.storage.backups import make_backup
from ..core.storage.integrity import check_portfolio
from .workers import Worker, start_worker

BACKUP_INTERVAL_MS = 30 * 60 * 1000


class BackupScheduler(QObject):
    """Backs up the open portfolio on open, then every 30 minutes if it was edited since the last backup."""

    backed_up = Signal(str)  # backup file path
    failed = Signal(str)

    def __init__(
        self,
        portfolio_path: Path,
        parent: QObject | None = None,
        interval_ms: int = BACKUP_INTERVAL_MS,
    ):
        super().__init__(parent)
        self.portfolio_path = Path(portfolio_path)
        self.edited = False
        self.worker: Worker | None = None
        self.timer = QTimer(self, interval=interval_ms, timeout=self._tick)

    def start(self) -> None:
        """The backup made on open, and the 30-minute clock."""
        self.back_up("auto")
        self.timer.start()

    def note_edit(self, _area: str = "") -> None:
        self.edited = True

    def _tick(self) -> None:
        if self.edited:
            self.back_up("auto")

    def back_up(self, label: str = "manual") -> Worker | None:
        """Start a backup on a worker (skipped while one is running); returns the worker."""
        if self.worker is not None:
            return None
        self.edited = False
        path = self.portfolio_path
        worker = Worker(lambda _progress, _cancelled: str(make_backup(path, label)))
        worker.signals.finished.connect(self._done)
        worker.signals.failed.connect(self._failed)
        self.worker = worker
        return start_worker(worker)

    def _done(self, target: str) -> None:
        self.worker = None
        self.backed_up.emit(target)

    def _failed(self, message: str) -> None:
        self.worker = None
        self.edited = True  # try again at the next tick
        self.failed.emit(message)

    def stop(self) -> None:
        self.timer.stop()


def start_check(portfolio, on_result, on_failed) -> Worker:
    """Run check_portfolio on a worker; on_result gets the list of problems ([] = healthy)."""
    worker = Worker(lambda _progress, _cancelled: check_portfolio(portfolio))
    worker.signals.finished.connect(on_result)
    worker.signals.failed.connect(on_failed)
    return start_worker(worker)
