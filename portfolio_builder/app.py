"""Start the desktop app: logging to a file, one excepthook with a readable dialog, and the main window."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

from . import APP_NAME, __version__
from .core.errors import PortfolioError

log = logging.getLogger("portfolio_builder")
ORGANISATION = "PortfolioBuilder"


def log_file() -> Path:
    """Where the app writes its log (platformdirs' user log folder)."""
    return Path(platformdirs.user_log_dir(APP_NAME, ORGANISATION)) / "portfolio-builder.log"


def setup_logging() -> Path:
    """Log to a rotating file (and nowhere online); returns the file's path."""
    path = log_file()
    root = logging.getLogger()
    if any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return path
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def crash_message(exc: BaseException, log_path: Path) -> str:
    """What the user reads: a PortfolioError's own message, otherwise a pointer to the log."""
    if isinstance(exc, PortfolioError):
        return exc.message
    return (
        f"Something went wrong. Your work so far is saved. The details are in the log:\n{log_path}"
    )


def show_crash_dialog(message: str) -> None:
    """The error dialog the excepthook shows (tests replace this)."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is not None:
        QMessageBox.critical(QApplication.activeWindow(), APP_NAME, message)


def install_excepthook(log_path: Path) -> None:
    """One hook for every uncaught error: log it in full, then show a dialog."""

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if isinstance(exc, PortfolioError):
            log.warning("Refused: %s", exc.message)
        else:
            log.error("Uncaught error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        try:
            show_crash_dialog(crash_message(exc, log_path))
        except Exception:  # noqa: BLE001 - a failing dialog must not hide the original error
            log.exception("Could not show the error dialog")

    sys.excepthook = hook


def make_application():
    """The QApplication, named so QSettings and the log know who we are."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    running = QApplication.instance()  # typed QCoreApplication: the widgets' calls below need more
    app = running if isinstance(running, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    from .ui.contrast import readable_palette

    app.setPalette(
        readable_palette(app.palette())
    )  # text at 4.5:1 at least, whatever the platform gives
    from .core.resources import resource_path

    icon = resource_path("icons", "app.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def build_main_window(path: str | None = None, reopen_last: bool = True):
    """The main window with path open; else the last opened portfolio; else the start screen."""
    make_application()
    from .ui.app_settings import recent_portfolios
    from .ui.main_window import MainWindow

    window = MainWindow()
    if path:
        window.open_portfolio(path)
    elif reopen_last:
        last = next((p for p in recent_portfolios() if p.exists()), None)
        if last is not None and not window.open_portfolio(last):
            pass  # the refusal was shown; the start screen stays
    return window


def build_window_for(path: str | None):
    """The window a path asks for: the assessor's read-only window for a bundle, else the main window."""
    from .core.bundle.bundle_reader import looks_like_bundle

    if path and looks_like_bundle(Path(path)):
        make_application()
        from .ui.assessor.assessor_window import open_bundle_window

        return open_bundle_window(Path(path))
    return build_main_window(path)


def run_gui(path: str | None) -> int:
    """Run the app until its window closes; the exit code."""
    log_path = setup_logging()
    install_excepthook(log_path)
    log.info("%s %s starting", APP_NAME, __version__)
    app = make_application()
    from .ui.file_open_events import install_file_open_router
    from .ui.main_thread_gc import collect_on_gui_thread

    install_file_open_router(app)
    collect_on_gui_thread(app)  # never on a worker thread, where it can delete Qt objects
    window = build_window_for(path)
    window.show()
    return app.exec()
