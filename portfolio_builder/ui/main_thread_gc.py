"""Python's cyclic garbage collector runs on the GUI thread only, from a timer, never on a worker.

CPython collects in whichever thread crosses an allocation threshold, and an import, an export or
opening a bundle allocates a great deal on a worker thread. A collection there can delete Qt objects
caught in reference cycles from the wrong thread, and the app crashes (seen here: a segmentation fault
while a worker verified a bundle and the collector ran on it). As calibre and pyqtgraph do, automatic
collection is switched off while the app runs, and a timer on the GUI thread collects each generation
whenever its count passes the threshold automatic collection would have used (the oldest, a full
collection, at most every ten seconds).
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer

CHECK_EVERY_MS = 500
# CPython skips a full collection until the objects waiting for one are a quarter of the long-lived
# ones, a count Python code cannot read; a full collection at most this often stands in for that rule.
FULL_AT_MOST_EVERY_S = 10.0


class MainThreadCollector(QObject):
    """Collects garbage on the thread it lives on (the GUI thread) while started."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = CHECK_EVERY_MS):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.collect_if_due)
        self.last_full = time.monotonic()

    def start(self) -> MainThreadCollector:
        gc.disable()
        self.timer.start()
        return self

    def stop(self) -> None:
        """Back to Python's automatic collection (the app is closing, or a test is over)."""
        self.timer.stop()
        gc.enable()

    def collect_if_due(self) -> None:
        """Collect the generations automatic collection would have collected by now."""
        young, middle, old = gc.get_count()
        if young > self.thresholds[0]:
            gc.collect(0)
            if middle > self.thresholds[1]:
                gc.collect(1)
                now = time.monotonic()
                if old > self.thresholds[2] and now - self.last_full >= FULL_AT_MOST_EVERY_S:
                    gc.collect(2)
                    self.last_full = now


def collect_on_gui_thread(app: QObject) -> MainThreadCollector:
    """Switch automatic collection off and collect on app's thread from now on (kept alive by app)."""
    return MainThreadCollector(app).start()
