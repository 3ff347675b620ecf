"""The pages of the main window, in sidebar order; a page not written yet shows a labelled placeholder.

A page module is found by name (``portfolio_builder.ui.pages.<name>_page``) and must offer either
``create_page(context) -> QWidget`` or a class ``<Name>Page(context)``.
"""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

log = logging.getLogger(__name__)

PAGES = [
    ("dashboard", "Dashboard"),
    ("framework", "Framework"),
    ("evidence", "Evidence"),
    ("audit", "Audit"),
    ("planning", "Planning"),
    ("export", "Export"),
    ("setting", "Setting and team"),
]


class PlaceholderPage(QWidget):
    """Stands in for a page whose module has not landed yet, and says so."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"placeholder-{title.lower()}")
        label = QLabel(f"The {title} page is not available yet in this build.")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)


def _create(name: str, title: str, context) -> QWidget:
    module_name = f"{__name__}.{name}_page"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        log.info("Page %s not available yet", name)
        return PlaceholderPage(title)
    factory = getattr(module, "create_page", None) or getattr(module, f"{title}Page", None)
    if factory is None:
        log.warning("Page module %s has neither create_page nor %sPage", module_name, title)
        return PlaceholderPage(title)
    return factory(context)


def build_pages(context) -> list[tuple[str, QWidget]]:
    """(title, widget) for every page, each built on the shared PortfolioContext."""
    return [(title, _create(name, title, context)) for name, title in PAGES]
