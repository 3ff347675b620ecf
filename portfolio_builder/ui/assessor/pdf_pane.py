"""The assessor's in-app PDF reader, optional because QtPdf ships in the separate PySide6-Pdf wheel."""

from __future__ import annotations

import logging

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QToolButton, QVBoxLayout, QWidget

log = logging.getLogger(__name__)

try:  # PySide6-Essentials alone has no QtPdf: then the item view offers "Open in viewer" only
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
except ImportError:  # pragma: no cover - depends on the installed wheels
    QPdfDocument = QPdfView = None

available = QPdfView is not None
MAX_PDF_BYTES = (
    256 * 1024 * 1024
)  # read into memory to be shown; a bigger PDF is opened in the system viewer
ZOOM_STEP, ZOOM_MIN, ZOOM_MAX = 1.25, 0.25, 4.0
NOTICE_STYLE = "QLabel { background:#FFF4E5; color:#6B3B00; padding:12px; }"

_LOAD_ERRORS = {
    "InvalidFileFormat": "it is damaged or is not really a PDF",
    "IncorrectPassword": "it is protected with a password",
    "UnsupportedSecurityScheme": "it uses a kind of protection this viewer cannot open",
    "DataNotYetAvailable": "it could not be read completely",
}


class PdfPane(QWidget):
    """A read-only, scrollable, fit-to-width view of a PDF held in memory, or a notice saying why none is shown.

    There is deliberately no save, print or annotation control: the PDF is part of a bundle under assessment.
    """

    def __init__(self, parent=None):
        if not available:
            raise RuntimeError("QtPdf is not installed (the PySide6-Pdf package).")
        super().__init__(parent)
        self._buffer: QBuffer | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setAccessibleName("PDF document")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.notice)
        self.pages = QLabel()
        self.zoom_out = self._tool("−", "Zoom out", lambda: self._zoom_by(1 / ZOOM_STEP))
        self.zoom_in = self._tool("+", "Zoom in", lambda: self._zoom_by(ZOOM_STEP))
        self.fit_width = self._tool("Fit width", "Fit the page width to the pane", self._fit)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 0, 4, 0)
        bar.addWidget(self.pages)
        bar.addStretch(1)
        for button in (self.zoom_out, self.zoom_in, self.fit_width):
            bar.addWidget(button)
        self.toolbar = QWidget()
        self.toolbar.setLayout(bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.stack, 1)
        self.view.pageNavigator().currentPageChanged.connect(self._update_pages)
        self.view.zoomModeChanged.connect(lambda _mode: self._update_zoom_buttons())

    def _tool(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # --- what is shown --------------------------------------------------------------------------
    @property
    def showing_pdf(self) -> bool:
        """True only when a PDF loaded without error and its pages are on screen."""
        return self.stack.currentWidget() is self.view and self.page_count() > 0

    def page_count(self) -> int:
        return (
            self.document.pageCount() if self.document.status() == QPdfDocument.Status.Ready else 0
        )

    def show_pdf(self, data: bytes, name: str = "This PDF") -> bool:
        """Show the PDF in data (kept in a QBuffer, never written to disk); False, with a notice, if it will not load."""
        self.clear()
        self.view.setAccessibleName(f"PDF: {name}")
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready or self.document.pageCount() < 1:
            reason = _LOAD_ERRORS.get(self.document.error().name, "it could not be read")
            log.info("QPdfDocument could not load %s: %s", name, self.document.error())
            self.show_notice(
                f"{name} cannot be shown here: {reason}. “Open in viewer” opens a read-only copy "
                "in your usual PDF program."
            )
            return False
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.pageNavigator().jump(0, QPointF(0, 0))
        self.view.verticalScrollBar().setValue(0)
        self.stack.setCurrentWidget(self.view)
        self.toolbar.show()
        self._update_pages()
        return True

    def show_notice(self, text: str) -> None:
        """Say why no PDF is shown (damaged, too large, unreadable); the pages area is emptied."""
        self._unload()
        self.notice.setText(text)
        self.stack.setCurrentWidget(self.notice)
        self.toolbar.hide()
        self.pages.setText("")

    def clear(self) -> None:
        """Forget the current PDF and free its memory."""
        self._unload()
        self.notice.setText("")
        self.pages.setText("")

    def _unload(self) -> None:
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None

    # --- page and zoom ------------------------------------------------------------------------
    def _update_pages(self, *_args) -> None:
        count = self.page_count()
        if count:
            current = self.view.pageNavigator().currentPage() + 1
            self.pages.setText(f"Page {min(current, count)} of {count}" if count > 1 else "1 page")
        self._update_zoom_buttons()

    def _update_zoom_buttons(self) -> None:
        self.fit_width.setEnabled(self.view.zoomMode() != QPdfView.ZoomMode.FitToWidth)

    def effective_zoom(self) -> float:
        """The zoom factor now on screen, computed as QPdfView does for fit-to-width (it does not report it)."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.page_count() == 0:
            return self.view.zoomFactor()
        page = self.view.pageNavigator().currentPage()
        width_points = self.document.pagePointSize(max(page, 0)).width()
        margins = self.view.documentMargins()
        usable = self.view.viewport().width() - margins.left() - margins.right()
        screen = self.view.logicalDpiX() / 72.0
        return usable / (width_points * screen) if width_points > 0 and usable > 0 else 1.0

    def _zoom_by(self, step: float) -> None:
        factor = min(max(self.effective_zoom() * step, ZOOM_MIN), ZOOM_MAX)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)

    def _fit(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
