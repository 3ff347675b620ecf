"""Photo thumbnails for the evidence library, loaded in batches on a worker so painting never waits on disk."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap

from ..core.evidence.evidence_details import thumbnails_for
from ..core.storage.portfolio_file import Portfolio
from .workers import Worker, start_worker

MAX_CACHED = 2000


class ThumbnailCache(QObject):
    """pixmap(id) answers at once from memory and queues a load when missing; `loaded` names the ids that arrived."""

    loaded = Signal(list)

    def __init__(self, portfolio: Portfolio, parent: QObject | None = None):
        super().__init__(parent)
        self.portfolio = portfolio
        self._pixmaps: OrderedDict[int, QPixmap | None] = OrderedDict()
        self._icons: dict[int, QIcon] = {}
        self._queued: set[int] = set()
        self._in_flight: set[int] = set()
        self._workers: list[Worker] = []
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._load_queued)

    def pixmap(self, evidence_id: int) -> QPixmap | None:
        """The thumbnail if loaded (None while loading or when the item has none)."""
        if evidence_id in self._pixmaps:
            self._pixmaps.move_to_end(evidence_id)
            return self._pixmaps[evidence_id]
        if evidence_id not in self._in_flight and evidence_id not in self._queued:
            self._queued.add(evidence_id)
            self._timer.start()
        return None

    def icon(self, evidence_id: int) -> QIcon | None:
        """The thumbnail as an icon, which views scale to their icon size (list small, grid large)."""
        pixmap = self.pixmap(evidence_id)
        if pixmap is None:
            return None
        if evidence_id not in self._icons:
            self._icons[evidence_id] = QIcon(pixmap)
        return self._icons[evidence_id]

    def forget(self, evidence_ids=None) -> None:
        """Drop cached thumbnails (all of them by default), e.g. after items were deleted."""
        if evidence_ids is None:
            self._pixmaps.clear()
            self._icons.clear()
        else:
            for evidence_id in evidence_ids:
                self._pixmaps.pop(evidence_id, None)
                self._icons.pop(evidence_id, None)

    def _load_queued(self) -> None:
        ids = sorted(self._queued)
        self._queued.clear()
        self._in_flight.update(ids)
        portfolio = self.portfolio

        def job(_progress, _cancelled):
            images = {}
            for evidence_id, jpeg in thumbnails_for(portfolio, ids).items():
                image = QImage.fromData(jpeg)
                if not image.isNull():
                    images[evidence_id] = image
            return ids, images

        worker = Worker(job)
        worker.signals.finished.connect(self._arrived)
        worker.signals.failed.connect(lambda _m, ids=ids: self._in_flight.difference_update(ids))
        self._workers.append(worker)
        start_worker(worker)

    def _arrived(self, result) -> None:
        ids, images = result
        self._workers = [w for w in self._workers if w.signals is not self.sender()]
        self._in_flight.difference_update(ids)
        for evidence_id in ids:
            image = images.get(evidence_id)
            self._pixmaps[evidence_id] = QPixmap.fromImage(image) if image is not None else None
        while len(self._pixmaps) > MAX_CACHED:
            self._icons.pop(self._pixmaps.popitem(last=False)[0], None)
        self.loaded.emit(ids)
