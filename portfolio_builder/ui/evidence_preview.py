"""The evidence page's preview pane: a photo upright with the parts that will be blurred or blocked out drawn on it
(loaded on a worker), the item's facts, and the way into the region editor."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ..core.bundle.export_plan import redaction_words
from ..core.evidence.evidence_details import EvidenceDetails
from ..core.scheme.model import Scheme
from ..core.storage.portfolio_file import Portfolio
from ..core.vocabularies import BLURRED, CONSENT_LABELS, KIND_LABELS, can_be_blurred
from .redaction.region_overlay import paint_regions_on
from .redaction.upright_image import load_upright
from .scheme_words import in_sentence
from .workers import Worker, start_worker

PREVIEW_SIDE = 900  # the full preview is decoded no larger than this
NO_REGIONS_NOTE = (
    "Consent is for a blurred version, and nothing is marked to blur yet: this photo stays out of the "
    "bundle until you mark the faces or details to blur."
)


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


def facts_text(details: EvidenceDetails, scheme: Scheme | None = None) -> str:
    """The item's facts as plain lines in the scheme's words: type, size, original name, date, links."""
    item = details.item
    words = scheme.words if scheme is not None else None
    lines = [
        f"Type: {KIND_LABELS.get(item.kind, item.kind)}"
        + (f" ({item.mime_type})" if item.mime_type and len(item.mime_type) < 24 else "")
    ]
    if item.sha256:
        lines.append(f"Size: {_size_text(item.size)}")
    if item.original_name:
        lines.append(f"Original name: {item.original_name}")
    if item.url:
        lines.append(f"Address: {item.url}")
    lines.append(
        f"Date: {item.evidence_date.strftime('%d %B %Y') if item.evidence_date else 'not recorded'}"
    )
    lines.append(f"Added: {item.added_at:%d %B %Y}")
    component = scheme.component(item.component) if scheme is not None else None
    consent = f"Consent: {CONSENT_LABELS.get(item.consent, item.consent).lower()}"
    lines.append(f"{component.title}; {consent.lower()}" if component else consent)
    key = [t.code for t in details.tags if t.role == "key"]
    cross = [t.code for t in details.tags if t.role == "cross"]
    lines.append(
        f"{words.key_evidence if words else 'Key evidence'} for: {', '.join(key) or 'none'}"
    )
    if cross:
        lines.append(
            f"{words.cross_reference if words else 'Cross-reference'} for: {', '.join(cross)}"
        )
    if details.cover_sheets:
        lines.append(
            f"On {in_sentence(words.cover_sheets) if words else 'cover sheets'}: "
            f"{'; '.join(details.cover_sheets)}"
        )
    if item.has_location:
        lines.append("The photo records where it was taken; the location is removed on export.")
    return "\n".join(lines)


def redaction_note(details: EvidenceDetails) -> str:
    """What leaves of a photo: the parts marked to blur or block out, or why a blurred-consent photo stays out."""
    if details.regions:
        return f"When it leaves: {redaction_words(details.regions)} (the photo kept here is unchanged)."
    if details.item.consent == BLURRED:
        return NO_REGIONS_NOTE
    return ""


class EvidencePreview(QWidget):
    """Shows one item; a photo's full preview replaces its thumbnail when the worker brings it, with its regions."""

    def __init__(self, portfolio: Portfolio, parent: QWidget | None = None, context=None):
        super().__init__(parent)
        self.portfolio = portfolio
        self.scheme: Scheme | None = None  # the evidence page sets it
        self.context = (
            context  # the PortfolioContext that edits go through (None: the preview only shows)
        )
        self.image = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumHeight(120)
        self.image.setMaximumHeight(220)
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.facts = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.redaction = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.redact_button = QPushButton("&Blur or block out…")
        self.redact_button.setToolTip(
            "Mark faces or details to blur or block out in the copy that leaves"
        )
        self.redact_button.clicked.connect(self.open_editor)
        layout.addWidget(self.image)
        layout.addWidget(self.redaction)
        layout.addWidget(self.redact_button)
        layout.addWidget(self.facts)
        self._current: int | None = None
        self._pixmap: QPixmap | None = None
        self._regions: tuple = ()
        self._workers: list[Worker] = []
        self.redaction.hide()
        self.redact_button.hide()

    def clear(self, text: str = "Select an item to see it here.") -> None:
        self._current, self._pixmap, self._regions = None, None, ()
        self.image.clear()
        self.image.hide()
        self.redaction.hide()
        self.redact_button.hide()
        self.facts.setText(text)

    def show_item(self, details: EvidenceDetails, thumbnail: QPixmap | None) -> None:
        """Show an item's facts; for a photo, its thumbnail now and the sharper preview when loaded."""
        same = self._current == details.item.id
        regions_changed = details.regions != self._regions
        self._current, self._regions = details.item.id, details.regions
        self.facts.setText(facts_text(details, self.scheme))
        note = redaction_note(details)
        self.redaction.setText(note)
        self.redaction.setStyleSheet("color: #B3261E;" if note == NO_REGIONS_NOTE else "")
        self.redaction.setVisible(bool(note))
        blurrable = can_be_blurred(details.item.kind, details.item.mime_type or "") and bool(
            details.item.sha256
        )
        self.redact_button.setVisible(blurrable and self.context is not None)
        self.redact_button.setEnabled(self.context is not None and not self.context.read_only)
        if details.item.kind != "photo" or not details.item.sha256:
            self._pixmap = None
            self.image.hide()
            return
        self.image.show()
        if not same or self._pixmap is None:
            self._set_pixmap(self._with_regions(thumbnail))
            self._load_full(details.item.id)
        elif regions_changed:
            self._load_full(details.item.id)  # the picture again, with the regions as they are now

    def _with_regions(self, pixmap: QPixmap | None) -> QPixmap | None:
        """The (upright) thumbnail with the regions drawn on it, as it will leave."""
        if pixmap is None or pixmap.isNull() or not self._regions:
            return pixmap
        return QPixmap.fromImage(paint_regions_on(pixmap.toImage(), self._regions))

    def open_editor(self) -> None:
        """Open the region editor on the shown photo (draw, adjust, Find faces, undo)."""
        from .redaction.region_editor import RegionEditor

        if self.context is not None and self._current is not None:
            RegionEditor.open_for(self.context, self._current, self.window())

    def _set_pixmap(self, pixmap: QPixmap | None) -> None:
        self._pixmap = pixmap
        if pixmap is None or pixmap.isNull():
            self.image.setText("Loading preview…")
            return
        box = QSize(max(120, self.image.width()), self.image.maximumHeight())
        self.image.setPixmap(
            pixmap.scaled(
                box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )

    def _load_full(self, evidence_id: int) -> None:
        portfolio, regions = self.portfolio, self._regions
        worker = Worker(
            lambda _p, _c: (evidence_id, regions, _upright_with(portfolio, evidence_id, regions))
        )
        worker.signals.finished.connect(self._full_arrived)
        worker.signals.failed.connect(lambda message: self.image.setText(message))
        self._workers = [w for w in self._workers[-3:]] + [worker]
        start_worker(worker)

    def _full_arrived(self, result) -> None:
        evidence_id, regions, image = result
        if (
            evidence_id == self._current
            and regions == self._regions
            and image is not None
            and not image.isNull()
        ):
            self._set_pixmap(QPixmap.fromImage(image))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._pixmap is not None and not self._pixmap.isNull():
            self._set_pixmap(self._pixmap)


def _upright_with(portfolio: Portfolio, evidence_id: int, regions):
    """The photo upright (HEIC too), its regions drawn as they will leave: made on a worker."""
    picture = load_upright(portfolio, evidence_id, PREVIEW_SIDE)
    return paint_regions_on(picture, regions) if regions else picture
