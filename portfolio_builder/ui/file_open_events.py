"""macOS hands a double-clicked portfolio or bundle to the running app as a QFileOpenEvent, not in argv: open it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from ..core.bundle.bundle_reader import looks_like_bundle


class FileOpenRouter(QObject):
    """An application event filter: bundles open in an assessor window, portfolios in the main window."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.windows = []  # windows opened here, kept alive

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FileOpen and event.file():
            self.open(event.file())
            return True
        return False

    def open(self, path: str) -> None:
        """Show path in the right window, bringing it to the front."""
        if looks_like_bundle(Path(path)):
            from .assessor.assessor_window import open_bundle_window

            window = open_bundle_window(Path(path))
            self.windows.append(window)
        else:
            window = self._main_window()
            window.open_portfolio(path)
            window.show()
        window.raise_()
        window.activateWindow()

    def _main_window(self):
        from .main_window import MainWindow

        existing = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and not w.isHidden()
        ]
        if existing:
            return existing[0]
        window = MainWindow()
        self.windows.append(window)
        return window


def install_file_open_router(app: QApplication) -> FileOpenRouter:
    """Route the system's open-this-file requests for the whole application."""
    router = FileOpenRouter(app)
    app.installEventFilter(router)
    return router
