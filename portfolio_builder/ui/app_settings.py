"""Where the app remembers things between runs: window state and recent portfolios (QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

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
