"""The read-only page for the chosen item: escaped HTML, photos and PDFs shown in place, other files and links opened outside."""

from __future__ import annotations

import logging
from html import escape

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.assessor.bundle_contents import DOCUMENT, EVIDENCE, ContentNode, evidence_action
from ...core.assessor.bundle_pages import page_for
from ...core.assessor.bundle_session import payload_key
from ...core.documents.link_safety import safe_web_url
from ...core.errors import PortfolioError
from ...core.privacy.active_content import REFUSAL as ACTIVE_REFUSAL
from ...core.privacy.active_content import is_active_name
from . import pdf_pane

log = logging.getLogger(__name__)
PHOTO_MAX_SIDE = 900


class FitImageLabel(QLabel):
    """A label that shows its image scaled to fit, keeping the aspect ratio, as the pane is resized."""

    def __init__(self):
        super().__init__()
        self.image = QImage()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    def set_image(self, image: QImage) -> None:
        self.image = image
        self._fit()

    def clear(self) -> None:
        self.image = QImage()
        super().clear()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self.image.isNull() or self.width() < 2 or self.height() < 2:
            return
        scaled = self.image.scaled(
            self.size(),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.setPixmap(QPixmap.fromImage(scaled))


class ItemView(QWidget):
    """Shows one ContentNode of an open BundleSession; never offers to change anything."""

    message = Signal(str)  # a status line for the window

    def __init__(self, parent=None):
        super().__init__(parent)
        self.session = None
        self.node: ContentNode | None = None
        self.page = QTextBrowser()
        self.page.setAccessibleName("About the item chosen")
        self.page.setOpenLinks(False)
        self.page.setOpenExternalLinks(False)
        self.page.setReadOnly(True)
        self.photo = FitImageLabel()
        self.photo_area = QScrollArea()
        self.photo_area.setAccessibleName("Photo")
        self.photo_area.setWidgetResizable(True)
        self.photo_area.setWidget(self.photo)
        self.photo_area.hide()
        self.pdf = (
            pdf_pane.PdfPane() if pdf_pane.available else None
        )  # None: PDFs open in the system viewer
        if self.pdf is not None:
            self.pdf.hide()
        self.open_button = QPushButton("Open in viewer")
        self.open_button.setToolTip("Opens a read-only private copy in your usual program")
        self.link_button = QPushButton("Open link in browser…")
        self.open_button.clicked.connect(self.open_in_viewer)
        self.link_button.clicked.connect(self.open_link)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.link_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.photo_area, 3)
        if self.pdf is not None:
            layout.addWidget(self.pdf, 5)
        layout.addWidget(self.page, 2)
        self.show_node(None)

    # --- replaceable in tests -----------------------------------------------------------------
    @staticmethod
    def open_local_file(path) -> bool:
        """Hand a local read-only copy to the system viewer."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    @staticmethod
    def open_web_link(url: str) -> bool:
        return QDesktopServices.openUrl(QUrl(url))

    @classmethod
    def confirm_link(cls, parent, url: str) -> bool:
        """Ask before leaving the app for a web address taken from the bundle."""
        answer = QMessageBox.question(
            parent,
            "Open a web link?",
            f"This opens a web page in your browser:\n\n{url}\n\nThe address comes from "
            "the setting's bundle. Open it?",
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Open

    # --- showing ------------------------------------------------------------------------------
    def set_session(self, session) -> None:
        self.session = session
        self.show_node(None)

    def show_node(self, node: ContentNode | None) -> None:
        """Show the page for node; a photo or PDF is read through the bundle reader, never extracted."""
        self.node = node
        self.photo.clear()
        self.photo_area.hide()
        if self.pdf is not None:
            self.pdf.clear()
            self.pdf.hide()
        action = self._action()
        active = node is not None and is_active_name(
            node.path
        )  # never handed to a browser or shell
        self.open_button.setVisible(action == "file" and not active)
        self.link_button.setVisible(action == "link")
        if node is None or self.session is None:
            self.page.setHtml("<p><i>Open a bundle, then choose an item on the left.</i></p>")
            return
        report = self.session
        html = page_for(node, report.snapshot, (report.valid, report.problems, report.damaged))
        if active:
            html += (
                f"<p><b>{escape(ACTIVE_REFUSAL.format(name=node.path.rsplit('/', 1)[-1]))}</b></p>"
            )
        self.page.setHtml(html)
        if action == "photo":
            self._show_photo(node.path)
        elif action == "file" and self.pdf is not None and self._is_pdf(node):
            self._show_pdf(node)

    def _action(self) -> str:
        node = self.node
        if node is None or self.session is None:
            return "none"
        if node.kind == DOCUMENT:
            return "file"
        if node.kind == EVIDENCE:
            return evidence_action(node.data)
        return "none"

    def _show_photo(self, path: str) -> None:
        try:
            data = self.session.read_bytes(path)
        except PortfolioError as exc:
            self._photo_message(f"This photo cannot be shown: {exc.message}")
            return
        except OSError as exc:
            self._photo_message(
                f"This photo cannot be read from the bundle: {exc.strerror or exc}."
            )
            return
        image = QImage.fromData(data)
        if image.isNull():
            self._photo_message(
                "This file is not a picture that can be shown (damaged or an unknown format)."
            )
            return
        if max(image.width(), image.height()) > PHOTO_MAX_SIDE:
            image = image.scaled(
                PHOTO_MAX_SIDE,
                PHOTO_MAX_SIDE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        self.photo_area.show()
        self.photo.set_image(image)
        title = getattr(self.node, "title", "") or path.rsplit("/", 1)[-1]
        self.photo.setAccessibleName(f"Photo: {title}")  # the item's title as its alt text

    def _photo_message(self, text: str) -> None:
        self.photo.setText(text)
        self.photo_area.show()

    @staticmethod
    def _is_pdf(node: ContentNode) -> bool:
        """PDF evidence (by the content-detected mime type) or a PDF document of the bundle (portfolio.pdf)."""
        if node.kind == EVIDENCE:
            return node.mime_type.lower() == "application/pdf"
        return node.kind == DOCUMENT and node.path.lower().endswith(".pdf")

    def _show_pdf(self, node: ContentNode) -> None:
        """Show a PDF in the app from memory; a damaged, oversized or unreadable one gets a notice instead."""
        path = node.path
        self.pdf.show()
        if node.damaged or self.session.is_damaged(path):
            self.pdf.show_notice(
                "This PDF failed the bundle check: it was changed or damaged after the bundle was "
                "made, so it is not shown here as if it were fine. “Open in viewer” opens a "
                "read-only copy if you still want to look at it."
            )
            return
        entries = getattr(getattr(self.session, "reader", None), "entries", None) or {}
        entry = entries.get("data/" + payload_key(path))
        if entry is not None and entry.size > pdf_pane.MAX_PDF_BYTES:
            self.pdf.show_notice(
                f"This PDF is {entry.size / 1024**2:.0f} MB, too large to show here. "
                "“Open in viewer” opens a read-only copy in your usual PDF program."
            )
            return
        try:
            data = self.session.read_bytes(path, pdf_pane.MAX_PDF_BYTES)
        except PortfolioError as exc:
            self.pdf.show_notice(f"This PDF cannot be shown: {exc.message}")
            return
        except OSError as exc:
            self.pdf.show_notice(f"This PDF cannot be read from the bundle: {exc.strerror or exc}.")
            return
        self.pdf.show_pdf(data, "This PDF")

    # --- actions ------------------------------------------------------------------------------
    def open_in_viewer(self) -> None:
        """Extract a read-only private copy of the file and open it in the system viewer."""
        if self._action() != "file" or is_active_name(self.node.path):
            return
        try:
            copy = self.session.viewer_copy(self.node.path)
        except PortfolioError as exc:
            self.message.emit(exc.message)
            QMessageBox.warning(self, "Cannot open", exc.message)
            return
        except OSError as exc:
            self.message.emit(f"Cannot open the file: {exc.strerror or exc}.")
            return
        if not self.open_local_file(copy):
            self.message.emit("No program on this computer opens this kind of file.")
        else:
            self.message.emit(f"Opened a read-only copy of {copy.name}.")

    def open_link(self) -> None:
        """Open the item's web address in a browser, only after the assessor confirms."""
        url = safe_web_url(self.node.url) if self.node else None
        if not url:
            self.message.emit("This item has no web address that can be opened safely.")
            return
        if self.confirm_link(self, url):
            self.open_web_link(url)
            self.message.emit("Opened the link in your browser.")
