"""What the window shows when no portfolio is open: recent portfolios, New…, Open… and Open bundle…."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from .. import __version__
from .app_settings import recent_portfolios
from .models.recent_files_model import PATH_ROLE, RecentFilesModel


class StartScreen(QWidget):
    """Buttons for the four ways in, and the recent list (Enter or double-click opens)."""

    newRequested = Signal()
    openRequested = Signal()
    openPathRequested = Signal(str)
    openBundleRequested = (
        Signal()
    )  # the assessor's way in, handled by whoever owns the assessor window

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        title = QLabel("Portfolio Builder")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            "Build your evidence portfolio for a family-partnership quality mark. "
            "Everything stays on this computer."
        )
        intro.setWordWrap(True)
        self.new_button = QPushButton("&New portfolio…")
        self.open_button = QPushButton("&Open portfolio…")
        self.bundle_button = QPushButton("Open a &bundle to assess…")
        self.new_button.clicked.connect(self.newRequested)
        self.open_button.clicked.connect(self.openRequested)
        self.bundle_button.clicked.connect(self.openBundleRequested)
        self.new_button.setDefault(True)

        self.model = RecentFilesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.recent = QListView()
        self.recent.setAccessibleName("Recent portfolios")
        self.recent.setModel(self.proxy)
        self.recent.setSpacing(4)
        self.recent.activated.connect(self._open_index)
        recent_label = QLabel("&Recent portfolios")
        recent_label.setBuddy(self.recent)
        self.empty_note = QLabel("No recent portfolios yet: create one, or open a .portfolio file.")
        self.empty_note.setWordWrap(True)

        buttons = QVBoxLayout()
        for button in (self.new_button, self.open_button, self.bundle_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        recent_box = QVBoxLayout()
        recent_box.addWidget(recent_label)
        recent_box.addWidget(self.recent, 1)
        recent_box.addWidget(self.empty_note)
        columns = QHBoxLayout()
        columns.addLayout(buttons)
        columns.addSpacing(self.fontMetrics().averageCharWidth() * 4)
        columns.addLayout(recent_box, 1)
        layout = QVBoxLayout(self)
        margin = self.fontMetrics().height() * 2
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(self.fontMetrics().height())
        layout.addLayout(columns, 1)
        version = QLabel(f"Version {__version__}")
        version.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(version)
        self.refresh()

    def refresh(self) -> None:
        """Reload the recent list from the settings."""
        self.model.set_paths(recent_portfolios())
        has_recent = self.model.rowCount() > 0
        self.empty_note.setVisible(not has_recent)
        if has_recent:
            self.recent.setCurrentIndex(self.proxy.index(0, 0))

    def _open_index(self, index) -> None:
        path = index.data(PATH_ROLE)
        if path:
            self.openPathRequested.emit(path)
