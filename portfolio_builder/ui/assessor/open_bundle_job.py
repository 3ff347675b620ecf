"""Opening a bundle off the GUI thread: verify with a progress dialog shown from the first second, cancellable."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog

from ...core.assessor.bundle_session import BundleSession
from ..workers import Worker, start_worker


class OpenBundleJob(QObject):
    """Runs BundleSession.open on the worker pool; emits opened(session), failed(message) or cancelled()."""

    opened = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, path: Path, parent_widget=None):
        super().__init__(parent_widget)
        self.path = Path(path)
        self.first_progress_at: float | None = None
        self.dialog = QProgressDialog(
            f"Checking {self.path.name}…", "Cancel", 0, 1000, parent_widget
        )
        self.dialog.setWindowTitle("Opening bundle")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setValue(0)
        self.worker = Worker(
            lambda progress, is_cancelled: BundleSession.open(self.path, progress, is_cancelled),
            independent=True,
        )
        self.worker.signals.progress.connect(self._progress)
        self.worker.signals.finished.connect(self._finished)
        self.worker.signals.failed.connect(self._failed)
        self.worker.signals.cancelled.connect(self._cancelled)
        self.dialog.canceled.connect(self.worker.cancel)
        self._done = False

    def start(self) -> OpenBundleJob:
        self.dialog.show()
        start_worker(self.worker)
        return self

    def _progress(self, done: int, total: int, name: str) -> None:
        if total > 0:
            self.dialog.setValue(min(1000, int(1000 * done / total)))
        label = f"Checking {self.path.name}…"
        self.dialog.setLabelText(f"{label}\n{name}" if name else label)

    def _end(self) -> bool:
        if self._done:
            return False
        self._done = True
        self.dialog.close()
        self.dialog.deleteLater()
        return True

    def _finished(self, session) -> None:
        if self.worker.is_cancelled():
            if session is not None:
                session.close()
            return
        if self._end():
            self.opened.emit(session)

    def _failed(self, message: str) -> None:
        if self._end():
            self.failed.emit(message)

    def _cancelled(self) -> None:
        if self._end():
            self.cancelled.emit()
