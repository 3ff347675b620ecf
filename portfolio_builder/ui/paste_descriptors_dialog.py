"""Paste a theme's descriptors from the award pack ('a. text', 'b) text', '2c text'): see the codes, then add all."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QListView,
    QPlainTextEdit,
    QWidget,
)

from ..core.errors import PortfolioError
from ..core.framework.descriptor_paste import preview_paste
from ..core.scheme.model import Words
from .announcer import StatusLabel
from .scheme_words import in_sentence


class PasteDescriptorsDialog(QDialog):
    """The list is read as it is typed or pasted; OK adds only when every line reads and no code is taken."""

    def __init__(
        self,
        parent: QWidget | None,
        portfolio,
        themes: list[tuple[str, str]],
        theme_code: str,
        words: Words,
    ):
        super().__init__(parent)
        self.portfolio, self.words = portfolio, words
        self.setWindowTitle(f"Paste {in_sentence(words.descriptors)}")
        self.theme = QComboBox()
        for code, title in themes:
            self.theme.addItem(f"{code}  {title}", code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(theme_code)))
        self.text = QPlainTextEdit(tabChangesFocus=True)
        self.text.setPlaceholderText(
            f"Paste the {in_sentence(words.descriptors)} from your {words.guidance}, one per "
            "line:\na. First ...\nb) Second ...\n2c Third ..."
        )
        self.preview_model = QStringListModel(self)
        self.preview = QListView()
        self.preview.setModel(self.preview_model)
        self.preview.setWordWrap(True)
        self.preview.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.status = StatusLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(f"&{words.theme}:", self.theme)
        form.addRow("&Pasted list:", self.text)
        form.addRow("What will be added:", self.preview)
        form.addRow(self.status)
        form.addRow(self.buttons)
        self._timer = QTimer(self, singleShot=True, interval=250, timeout=self.read)
        self.text.textChanged.connect(self._timer.start)
        self.theme.currentIndexChanged.connect(self.read)
        self.resize(self.fontMetrics().averageCharWidth() * 80, self.fontMetrics().height() * 30)
        self.read()

    def read(self) -> bool:
        """Preview the pasted list with its codes; OK only when it can all be added."""
        text, preview, message = self.text.toPlainText(), None, ""
        try:
            preview = (
                preview_paste(self.portfolio, self.theme.currentData(), text)
                if text.strip()
                else None
            )
        except PortfolioError as exc:
            message = exc.message
        self.preview_model.setStringList(
            [f"{item.code}  {item.text}" for item in preview.items] if preview else []
        )
        ok = preview is not None and preview.ok
        if preview is not None:
            message = (
                f"{len(preview.items)} to add."
                if ok
                else "Nothing will be added until these are put right: "
                + "; ".join(preview.problems)
                + "."
            )
        self.status.setText(message)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        return ok

    def values(self) -> tuple[str, str]:
        return self.theme.currentData(), self.text.toPlainText()

    @classmethod
    def ask(
        cls, parent, portfolio, themes: list[tuple[str, str]], theme_code: str, words: Words
    ) -> tuple[str, str] | None:
        """(theme code, pasted text) when the person presses OK, or None (tests replace this)."""
        dialog = cls(parent, portfolio, themes, theme_code, words)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
