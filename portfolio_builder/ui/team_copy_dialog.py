"""File > Send a team copy…: whom it is for, which themes' evidence it carries, and where to save it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from . import messages


class TeamCopyDialog(QDialog):
    """Asks for the person, the themes (none ticked: all) and the file; values() gives them back."""

    def __init__(
        self,
        portfolio_path: Path,
        staff: list[str],
        themes: list[tuple[str, str]],
        theme_word: str = "Theme",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("Send a team copy")
        self.portfolio_path = Path(portfolio_path)
        intro = QLabel(
            "A team copy is this portfolio for one member of the team, to work on with their own laptop. "
            "What they add or change comes back as a contribution pack, which you merge with "
            "File > Merge a contribution."
        )
        intro.setWordWrap(True)
        self.person = QComboBox()
        self.person.setEditable(True)
        self.person.addItems(staff)
        self.person.setCurrentText("")
        self.person.setAccessibleName("Whom the copy is for")
        self.person.lineEdit().setPlaceholderText("Name of the team member")
        self.person.editTextChanged.connect(self._suggest_path)
        self.theme_model = QStandardItemModel(self)
        for code, title in themes:
            item = QStandardItem(f"{code}  {title}")
            item.setData(code, Qt.ItemDataRole.UserRole)
            item.setCheckable(True)
            item.setEditable(False)
            self.theme_model.appendRow(item)
        self.theme_view = QListView()
        self.theme_view.setModel(self.theme_model)
        self.theme_view.setAccessibleName(f"Only the evidence of these {theme_word.lower()}s")
        self.theme_view.setMaximumHeight(150)
        self.path = QLineEdit()
        self.path.setAccessibleName("Save the team copy as")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._choose_path)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form = QFormLayout()
        form.addRow("For:", self.person)
        form.addRow(
            f"Only the evidence of\n(none ticked: all {theme_word.lower()}s):", self.theme_view
        )
        form.addRow("Save as:", where)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send = self.buttons.addButton(
            "Save the team copy", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.person.editTextChanged.connect(self._update)
        self.path.textChanged.connect(self._update)
        self._update()
        self.resize(560, self.sizeHint().height())

    def _suggest_path(self, name: str) -> None:
        slug = "-".join(name.lower().split())
        if slug and (not self.path.text() or self.path.property("suggested")):
            self.path.setText(
                str(
                    self.portfolio_path.with_name(
                        f"{self.portfolio_path.stem}-for-{slug}.portfolio"
                    )
                )
            )
            self.path.setProperty("suggested", True)

    def _choose_path(self) -> None:
        chosen = messages.ask_save_path(
            self, "Save the team copy as", messages.PORTFOLIO_FILTER, self.path.text()
        )
        if chosen:
            self.path.setText(chosen if chosen.endswith(".portfolio") else chosen + ".portfolio")
            self.path.setProperty("suggested", False)

    def _update(self) -> None:
        self.send.setEnabled(bool(self.person.currentText().strip() and self.path.text().strip()))

    def values(self) -> tuple[str, list[str], Path]:
        """(person, theme codes ticked, file)."""
        themes = [
            self.theme_model.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.theme_model.rowCount())
            if self.theme_model.item(row).checkState() == Qt.CheckState.Checked
        ]
        return self.person.currentText().strip(), themes, Path(self.path.text().strip())
