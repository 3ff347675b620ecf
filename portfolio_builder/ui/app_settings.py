"""Where the app remembers things between runs: window and splitter state, recent portfolios (QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt

ORGANISATION = "PortfolioBuilder"
APPLICATION = "Portfolio Builder"
MAX_RECENT = 8


def app_settings() -> QSettings:
    """The app's settings store (organisation "PortfolioBuilder")."""
    return QSettings(ORGANISATION, APPLICATION)


def recent_portfolios() -> list[Path]:
    """Recently opened portfolio files, newest first (missing files included; the UI greys them)."""
    value = app_settings().value("recent/portfolios", [])
    if isinstance(value, str):
        value = [value]
    return [Path(v) for v in (value or []) if v]


def remember_portfolio(path: Path) -> None:
    """Put a portfolio at the top of the recent list."""
    path = Path(path).resolve()
    paths = [path] + [p for p in recent_portfolios() if p != path]
    app_settings().setValue("recent/portfolios", [str(p) for p in paths[:MAX_RECENT]])


def forget_portfolio(path: Path) -> None:
    """Remove a portfolio from the recent list."""
    path = Path(path).resolve()
    app_settings().setValue("recent/portfolios", [str(p) for p in recent_portfolios() if p != path])


def remember_splitter(splitter, key: str) -> None:
    """Put a splitter back where the user left it last run, and save it each time they drag it."""
    state = app_settings().value(f"splitters/{key}")
    if state is not None:
        splitter.restoreState(state)
    splitter.splitterMoved.connect(
        lambda *_: app_settings().setValue(f"splitters/{key}", splitter.saveState())
    )


def restore_window(window, key: str, width: int, height: int) -> None:
    """Put a main window back as it was left; the first time, width x height, or maximised if the screen is smaller."""
    settings = app_settings()
    geometry = settings.value(f"{key}/geometry")
    if geometry is None or not window.restoreGeometry(geometry):
        screen = window.screen().availableGeometry()
        if screen.width() >= width and screen.height() >= height:
            window.resize(width, height)
        else:  # e.g. 1366x768 at 125 % is 1093x614: the window must not hang off the screen
            window.resize(screen.size())
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    state = settings.value(f"{key}/state")
    if state is not None:
        window.restoreState(state)


def save_window(window, key: str) -> None:
    """Remember a main window's geometry and its toolbars' and docks' state."""
    settings = app_settings()
    settings.setValue(f"{key}/geometry", window.saveGeometry())
    settings.setValue(f"{key}/state", window.saveState())
