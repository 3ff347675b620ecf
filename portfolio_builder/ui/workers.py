"""Long work off the GUI thread: a QRunnable reporting progress through signals, cancellable."""

from __future__ import annotations

import logging
import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..core.errors import Cancelled, PortfolioError

log = logging.getLogger(__name__)


class WorkerSignals(QObject):
    """Signals a worker emits; they are delivered on the GUI thread."""

    progress = Signal("qlonglong", "qlonglong", str)  # done, total (bytes past 2 GB: 64-bit), current item
    finished = Signal(object)  # the job's result
    failed = Signal(str)  # a message fit for the user
    cancelled = Signal()


class Worker(QRunnable):
    """Runs job(progress, is_cancelled) on the thread pool; never touches widgets."""

    def __init__(self, job: Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]):
        super().__init__()
        self.job = job
        self.signals = WorkerSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        """Ask the job to stop at its next check."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int, name: str = "") -> None:
        self.signals.progress.emit(int(done), int(total), str(name))

    def run(self) -> None:
        try:
            result = self.job(self._progress, self.is_cancelled)
        except Cancelled:
            self.signals.cancelled.emit()
        except PortfolioError as exc:
            self.signals.failed.emit(exc.message)
        except Exception as exc:  # noqa: BLE001 - reported to the user, logged in full
            log.error("Background job failed:\n%s", traceback.format_exc())
            self.signals.failed.emit(f"Something went wrong: {exc}. The details are in the log.")
        else:
            if self._cancel.is_set():
                self.signals.cancelled.emit()
            self.signals.finished.emit(result)


def start_worker(worker: Worker, pool: QThreadPool | None = None) -> Worker:
    """Start a worker on the (global) thread pool and return it, so callers can keep a reference."""
    (pool or QThreadPool.globalInstance()).start(worker)
    return worker
