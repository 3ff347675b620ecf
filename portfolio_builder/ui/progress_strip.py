"""An inline progress bar with a Cancel button for a Worker, so the rest of the page stays usable."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from .workers import Worker


class ProgressStrip(QWidget):
    """Shows a running worker's progress; Cancel asks it to stop. Hidden when idle."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMinimumWidth(200)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self._cancel)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar, 2)
        layout.addWidget(self.cancel_button)
        self._worker: Worker | None = None
        self.hide()

    def follow(self, worker: Worker, text: str) -> None:
        """Track a worker until it finishes, fails or is cancelled."""
        self._worker = worker
        self.label.setText(text)
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        worker.signals.progress.connect(self._progress)
        for signal in (worker.signals.finished, worker.signals.failed, worker.signals.cancelled):
            signal.connect(self._done)
        self.show()

    def _progress(self, done: int, total: int, name: str) -> None:
        scale = max(1, total // 1_000_000)  # QProgressBar takes ints: keep byte counts in range
        self.bar.setRange(0, max(1, total // scale))
        self.bar.setValue(min(done, total) // scale)
        if name:
            self.bar.setFormat(f"%p%  {name[:60]}")

    def _cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
        self.cancel_button.setEnabled(False)
        self.label.setText("Cancelling…")
        self.cancel_requested.emit()

    def _done(self, *_args) -> None:
        self._worker = None
        self.bar.setFormat("%p%")
        self.hide()

    @property
    def busy(self) -> bool:
        return self._worker is not None
