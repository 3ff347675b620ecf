"""Native dialogs the pages open, as module-level functions so tests can replace them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

EVIDENCE_FILTER = (
    "Evidence files (*.pdf *.docx *.doc *.xlsx *.pptx *.odt *.rtf *.txt *.csv *.md *.jpg *.jpeg "
    "*.png *.heic *.mp3 *.m4a *.wav *.mp4 *.mov);;All files (*)"
)


def show_refusal(parent: QWidget | None, message: str) -> None:
    """Tell the user why an edit was refused (nothing was changed)."""
    QMessageBox.warning(parent, "Not changed", message)


def show_information(parent: QWidget | None, title: str, message: str) -> None:
    """A plain notice, e.g. an import summary."""
    QMessageBox.information(parent, title, message)


def confirm(parent: QWidget | None, title: str, message: str, action: str = "OK") -> bool:
    """Ask before something that cannot be undone; True when the user agrees."""
    box = QMessageBox(
        QMessageBox.Icon.Question, title, message, QMessageBox.StandardButton.Cancel, parent
    )
    ok = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is ok


def choose_evidence_files(parent: QWidget | None) -> list[str]:
    """Files to import, from the native open dialog (empty when cancelled)."""
    files, _ = QFileDialog.getOpenFileNames(
        parent, "Add evidence files", str(Path.home()), EVIDENCE_FILTER
    )
    return files


def choose_evidence_folder(parent: QWidget | None) -> str:
    """A folder whose files are all imported ('' when cancelled)."""
    return QFileDialog.getExistingDirectory(parent, "Add a folder of evidence", str(Path.home()))


def ask_link(parent: QWidget | None) -> tuple[str, str] | None:
    """A web or video address and an optional title, or None when cancelled."""
    url, ok = QInputDialog.getText(
        parent,
        "Add link",
        "Web or video address (http:// or https://):",
        QLineEdit.EchoMode.Normal,
        "https://",
    )
    if not ok or not url.strip():
        return None
    title, ok = QInputDialog.getText(parent, "Add link", "Title (leave empty to use the address):")
    if not ok:
        return None
    return url.strip(), title.strip()


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """One line of text, or None when cancelled."""
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value if ok else None


def choose_bundle_path(parent: QWidget | None, suggested: str) -> str:
    """Where to save the bundle ('' when cancelled)."""
    path, _ = QFileDialog.getSaveFileName(parent, "Export bundle", suggested, "Bundle (*.zip)")
    return path


def show_in_folder(path: Path) -> bool:
    """Open the folder holding path in the system file manager (a local file URL: no network)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))


def choose_evidence(parent: QWidget | None, rows: list[tuple[int, str]]) -> int | None:
    """Pick one evidence item by title from (id, title) pairs; None when cancelled."""
    labels = [f"{title}  (item {evidence_id})" for evidence_id, title in rows]
    if not labels:
        show_information(
            parent, "No evidence", "There is no evidence in the portfolio to attach yet."
        )
        return None
    chosen, ok = QInputDialog.getItem(parent, "Attach evidence", "Evidence item:", labels, 0, False)
    return rows[labels.index(chosen)][0] if ok and chosen in labels else None
