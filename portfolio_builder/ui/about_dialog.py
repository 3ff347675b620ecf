"""Help › About: the version, the licence (MIT) and the third-party notices the installed program carries."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME, __version__

NOTICES_NAME = (
    "THIRD-PARTY-NOTICES.txt"  # written by installers/notices/generate_notices.py at freeze time
)
FROM_SOURCE = (
    "This copy runs from source, so it carries no notices file: the installers generate "
    f"{NOTICES_NAME} from exactly what they ship (installers/notices/generate_notices.py). "
    "Each Python package's own licence is in its folder of the environment it runs in."
)


def notices_path() -> Path | None:
    """The notices file of a frozen build (beside its bundled modules), or None when running from source."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    path = Path(frozen_root) / NOTICES_NAME if frozen_root else None
    return path if path is not None and path.is_file() else None


class AboutDialog(QDialog):
    """What the program is, its licence, and every bundled component's licence in a read-only text view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self.resize(760, 560)
        summary = QLabel(
            f"<b>{APP_NAME}</b> {__version__}<br>Evidence portfolios for family-partnership quality "
            "marks, built and kept offline.<br><br>Free software under the MIT License. It includes "
            "the components below, each under its own licence (Qt and PySide6 under the GNU LGPL "
            "version 3; the notices say how to replace them)."
        )
        summary.setWordWrap(True)
        self.notices = QPlainTextEdit(readOnly=True)
        self.notices.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.notices.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        path = notices_path()
        self.notices.setPlainText(
            path.read_text(encoding="utf-8", errors="replace") if path else FROM_SOURCE
        )
        self.notices.setAccessibleName("Licence and third-party notices")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(QLabel(f"Licence and third-party notices{f' ({path})' if path else ''}:"))
        layout.addWidget(self.notices, 1)
        layout.addWidget(buttons)
