"""The 'Restore from a backup' chooser: every backup with what it holds, newest first; Restore or Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.storage.backup_catalog import BackupInfo, describe_backups
from ..core.storage.backups import backup_folder
from .models.backup_table_model import INFO_ROLE, SORT_ROLE, BackupTableModel, describe_when

TITLE = "Restore from a backup"


class RestoreBackupDialog(QDialog):
    """Lists the backups of one portfolio; Restore is enabled only on a copy that can be restored."""

    def __init__(self, portfolio_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.portfolio_path = Path(portfolio_path)
        intro = QLabel(
            "Choose the copy to put back. Restoring replaces the whole portfolio with that copy. "
            "The portfolio as it is now is backed up first, so you can undo a restore by "
            "restoring that backup (listed as “Before a restore”)."
        )
        intro.setWordWrap(True)
        self.model = BackupTableModel(self)
        self.model.set_backups(describe_backups(self.portfolio_path))
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(tabKeyNavigation=False)  # Tab moves on; arrows move in the table
        self.table.setAccessibleName("Backups")
        self.table.setAccessibleDescription(
            "One row per backup copy, newest first: when, why, and what it holds"
        )
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.accept() if self.chosen() else None)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            "&Restore", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.buttons)
        self.table.selectionModel().selectionChanged.connect(self._update)
        if self.proxy.rowCount():
            self.table.selectRow(0)
        self._update()
        self.resize(900, 440)

    def chosen(self) -> BackupInfo | None:
        """The selected backup, when it can be restored."""
        rows = self.table.selectionModel().selectedRows()
        info = rows[0].data(INFO_ROLE) if rows else None
        return info if info is not None and info.usable else None

    def select_backup(self, path: Path) -> bool:
        """Select the row of one backup file (for keyboard-free use and tests); False when it is not listed."""
        for row in range(self.proxy.rowCount()):
            info = self.proxy.index(row, 0).data(INFO_ROLE)
            if info.path == Path(path):
                self.table.selectRow(row)
                return True
        return False

    def _update(self, *_args) -> None:
        rows = self.table.selectionModel().selectedRows()
        info: BackupInfo | None = rows[0].data(INFO_ROLE) if rows else None
        self.restore_button.setEnabled(info is not None and info.usable)
        if not self.proxy.rowCount():
            self.detail.setText(
                f"There are no backups of this portfolio yet. They are kept in "
                f"{backup_folder(self.portfolio_path)}."
            )
        elif info is None:
            self.detail.setText("Select the copy to restore.")
        elif not info.usable:
            self.detail.setText(
                f"The copy from {describe_when(info.made_at)} cannot be restored: it is "
                f"{info.problem}. Choose another."
            )
        else:
            self.detail.setText(
                f"The copy from {describe_when(info.made_at)}: {info.path.name}, "
                f"in {info.path.parent}."
            )

    @classmethod
    def choose(cls, parent: QWidget | None, portfolio_path: Path) -> BackupInfo | None:
        """Show the dialog; the backup the user chose to restore, or None. Tests may replace this."""
        dialog = cls(portfolio_path, parent)
        try:
            return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
