"""Long work off the GUI thread: a QRunnable reporting progress through signals, cancellable."""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..core.errors import Cancelled, PortfolioError

log = logging.getLogger(__name__)

_running: set[Worker] = (
    set()
)  # started and not yet returned: kept alive, and asked about when a window closes
_running_lock = threading.Lock()


class WorkerSignals(QObject):
    """Signals a worker emits; they are delivered on the GUI thread."""

    progress = Signal(
        "qlonglong", "qlonglong", str
    )  # done, total (bytes past 2 GB: 64-bit), current item
    finished = Signal(object)  # the job's result
    failed = Signal(str)  # a message fit for the user
    cancelled = Signal()


class Worker(QRunnable):
    """Runs job(progress, is_cancelled) on the thread pool; never touches widgets.

    task names work the user started and would lose by closing ("An import of evidence"); the window asks
    before stopping such a worker. Background chores (thumbnails, backups) leave it empty and are waited for.
    """

    def __init__(
        self,
        job: Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any],
        task: str = "",
        unit: str = "",
        independent: bool = False,
    ):
        super().__init__()
        self.job = job
        self.task = task
        self.unit = (
            unit  # what progress counts ("files"), for "12 of 50 files"; empty when it counts bytes
        )
        self.independent = independent  # uses no portfolio (the assessor's bundle): a portfolio's close need not wait
        self.stopped_note: Callable[[Worker], str] | None = (
            None  # what to tell the next open if it was stopped
        )
        self.signals = WorkerSignals()
        self.last_progress: tuple[int, int, str] = (0, 0, "")
        self.result: Any = None
        self.outcome = ""  # "finished", "failed" or "cancelled" once run() has returned
        self._cancel = threading.Event()
        self._ended = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        """Ask the job to stop at its next check."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def running(self) -> bool:
        with _running_lock:
            return self in _running

    def wait(self, timeout: float | None = None) -> bool:
        """Block until run() has returned (True) or timeout seconds passed (False)."""
        return self._ended.wait(timeout)

    def _progress(self, done: int, total: int, name: str = "") -> None:
        self.last_progress = (int(done), int(total), str(name))
        self._emit(self.signals.progress, int(done), int(total), str(name))

    def _emit(self, signal, *args) -> None:
        try:
            signal.emit(*args)
        except (
            RuntimeError
        ):  # the application is going away and took the signals with it: nobody to tell
            log.info("A background job ended after its window closed")

    def run(self) -> None:
        try:
            self._run()
        finally:
            with _running_lock:
                _running.discard(self)
            self._ended.set()

    def _run(self) -> None:
        try:
            result = self.job(self._progress, self.is_cancelled)
        except Cancelled:
            self.outcome = "cancelled"
            self._emit(self.signals.cancelled)
        except PortfolioError as exc:
            self.outcome = "failed"
            self._emit(self.signals.failed, exc.message)
        except Exception as exc:  # noqa: BLE001 - reported to the user, logged in full
            log.error("Background job failed:\n%s", traceback.format_exc())
            self.outcome = "failed"
            self._emit(
                self.signals.failed, f"Something went wrong: {exc}. The details are in the log."
            )
        else:
            self.result = result
            self.outcome = "cancelled" if self._cancel.is_set() else "finished"
            if self._cancel.is_set():
                self._emit(self.signals.cancelled)
            self._emit(self.signals.finished, result)


def start_worker(worker: Worker, pool: QThreadPool | None = None) -> Worker:
    """Start a worker on the (global) thread pool and return it, so callers can keep a reference."""
    with _running_lock:
        _running.add(worker)
    (pool or QThreadPool.globalInstance()).start(worker)
    return worker


def running_workers() -> list[Worker]:
    """Every worker started and not yet returned, in no particular order."""
    with _running_lock:
        return list(_running)
