"""The evidence page's preview pane: a photo scaled from its stored bytes (loaded on a worker) and the item's facts."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from ..core.evidence_details import EvidenceDetails, stored_bytes
from ..core.portfolio_file import Portfolio
from ..core.scheme.model import Scheme
from .models.evidence_table_model import CONSENT_LABELS, KIND_LABELS
from .scheme_words import in_sentence
from .workers import Worker, start_worker

PREVIEW_BOX = QSize(900, 700)


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


def decode_scaled(data: bytes, box: QSize = PREVIEW_BOX):
    """A QImage of the photo, decoded at reduced size and turned upright (safe off the GUI thread)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and (size.width() > box.width() or size.height() > box.height()):
        reader.setScaledSize(size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


def facts_text(details: EvidenceDetails, scheme: Scheme | None = None) -> str:
    """The item's facts as plain lines in the scheme's words: type, size, original name, date, links."""
    item = details.item
    words = scheme.words if scheme is not None else None
    lines = [f"Type: {KIND_LABELS.get(item.kind, item.kind)}"
             + (f" ({item.mime_type})" if item.mime_type and len(item.mime_type) < 24 else "")]
    if item.sha256:
        lines.append(f"Size: {_size_text(item.size)}")
    if item.original_name:
        lines.append(f"Original name: {item.original_name}")
    if item.url:
        lines.append(f"Address: {item.url}")
    lines.append(f"Date: {item.evidence_date.strftime('%d %B %Y') if item.evidence_date else 'not recorded'}")
    lines.append(f"Added: {item.added_at:%d %B %Y}")
    component = scheme.component(item.component) if scheme is not None else None
    consent = f"Consent: {CONSENT_LABELS.get(item.consent, item.consent).lower()}"
    lines.append(f"{component.title}; {consent.lower()}" if component else consent)
    key = [t.code for t in details.tags if t.role == "key"]
    cross = [t.code for t in details.tags if t.role == "cross"]
    lines.append(f"{words.key_evidence if words else 'Key evidence'} for: {', '.join(key) or 'none'}")
    if cross:
        lines.append(f"{words.cross_reference if words else 'Cross-reference'} for: {', '.join(cross)}")
    if details.cover_sheets:
        lines.append(f"On {in_sentence(words.cover_sheets) if words else 'cover sheets'}: "
                     f"{'; '.join(details.cover_sheets)}")
    if item.has_location:
        lines.append("The photo records where it was taken; the location is removed on export.")
    return "\n".join(lines)


class EvidencePreview(QWidget):
    """Shows one item; a photo's full preview replaces its thumbnail when the worker brings it."""

    def __init__(self, portfolio: Portfolio, parent: QWidget | None = None):
        super().__init__(parent)
        self.portfolio = portfolio
        self.scheme: Scheme | None = None  # the evidence page sets it
        self.image = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumHeight(120)
        self.image.setMaximumHeight(220)
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.facts = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.image)
        layout.addWidget(self.facts)
        self._current: int | None = None
        self._pixmap: QPixmap | None = None
        self._workers: list[Worker] = []

    def clear(self, text: str = "Select an item to see it here.") -> None:
        self._current, self._pixmap = None, None
        self.image.clear()
        self.image.hide()
        self.facts.setText(text)

    def show_item(self, details: EvidenceDetails, thumbnail: QPixmap | None) -> None:
        """Show an item's facts; for a photo, its thumbnail now and the sharper preview when loaded."""
        same = self._current == details.item.id
        self._current = details.item.id
        self.facts.setText(facts_text(details, self.scheme))
        if details.item.kind != "photo" or not details.item.sha256:
            self._pixmap = None
            self.image.hide()
            return
        self.image.show()
        if not same or self._pixmap is None:
            self._set_pixmap(thumbnail)
            self._load_full(details.item.id)

    def _set_pixmap(self, pixmap: QPixmap | None) -> None:
        self._pixmap = pixmap
        if pixmap is None or pixmap.isNull():
            self.image.setText("Loading preview…")
            return
        box = QSize(max(120, self.image.width()), self.image.maximumHeight())
        self.image.setPixmap(pixmap.scaled(box, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))

    def _load_full(self, evidence_id: int) -> None:
        portfolio = self.portfolio
        worker = Worker(lambda _p, _c: (evidence_id, decode_scaled(stored_bytes(portfolio, evidence_id))))
        worker.signals.finished.connect(self._full_arrived)
        worker.signals.failed.connect(lambda message: self.image.setText(message))
        self._workers = [w for w in self._workers[-3:]] + [worker]
        start_worker(worker)

    def _full_arrived(self, result) -> None:
        evidence_id, image = result
        if evidence_id == self._current and image is not None and not image.isNull():
            self._set_pixmap(QPixmap.fromImage(image))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._pixmap is not None and not self._pixmap.isNull():
            self._set_pixmap(self._pixmap)
