"""Every native dialog the shell asks through, as plain functions that tests replace with monkeypatch."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

PORTFOLIO_FILTER = "Portfolios (*.portfolio)"
FRAMEWORK_FILTER = "Framework files (*.toml)"
BUNDLE_FILTER = "Portfolio bundles (*.zip)"


def show_error(parent: QWidget | None, message: str, title: str = "Portfolio Builder") -> None:
    """A refusal or failure, in the words the core gave."""
    QMessageBox.warning(parent, title, message)


def show_info(
    parent: QWidget | None, message: str, title: str = "Portfolio Builder", details: str = ""
) -> None:
    """An outcome worth reading (e.g. the result of Check portfolio)."""
    box = QMessageBox(
        QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.Ok, parent
    )
    if details:
        box.setDetailedText(details)
    box.exec()


def confirm(
    parent: QWidget | None, message: str, title: str = "Portfolio Builder", details: str = ""
) -> bool:
    """A yes/no question; True when the user said yes."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        message,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    if details:
        box.setDetailedText(details)
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_open_path(parent: QWidget | None, title: str, file_filter: str, folder: str = "") -> str:
    """A native Open dialog; '' when cancelled."""
    return QFileDialog.getOpenFileName(parent, title, folder, file_filter)[0]


def ask_save_path(parent: QWidget | None, title: str, file_filter: str, suggested: str = "") -> str:
    """A native Save dialog; '' when cancelled."""
    return QFileDialog.getSaveFileName(parent, title, suggested, file_filter)[0]
