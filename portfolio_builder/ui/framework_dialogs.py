"""Small forms for typing in a theme or a descriptor from the award pack; `ask` is what tests replace."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ..core.scheme.model import Words
from .mnemonics import with_free_mnemonic
from .scheme_words import in_sentence


@dataclass
class DescriptorForm:
    """What the user typed for a descriptor."""

    theme_code: str
    code: str
    text: str
    examples: list[str]


@dataclass
class ThemeForm:
    """What the user typed for a theme."""

    code: str
    title: str
    description: str


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class DescriptorDialog(QDialog):
    """Add or edit a descriptor: its theme (when adding), code, text and examples of evidence."""

    words = Words()  # the open portfolio's scheme words; the framework page sets them

    def __init__(
        self,
        parent: QWidget | None,
        themes: list[tuple[str, str]],
        initial: DescriptorForm,
        adding: bool,
    ):
        super().__init__(parent)
        w = self.words
        self.setWindowTitle(
            f"Add {in_sentence(w.descriptor)}"
            if adding
            else f"Edit {in_sentence(w.descriptor)} {initial.code}"
        )
        self.theme = QComboBox()
        for code, title in themes:
            self.theme.addItem(f"{code}  {title}", code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(initial.theme_code)))
        self.theme.setEnabled(adding)
        self.code = QLineEdit(initial.code)
        self.text = QPlainTextEdit(initial.text, tabChangesFocus=True)
        self.examples = QPlainTextEdit("\n".join(initial.examples), tabChangesFocus=True)
        self.examples.setPlaceholderText("One example of evidence per line")
        form = QFormLayout(self)
        taken: set[str] = set()  # the scheme's words share no Alt key with Code or each other
        for label, field in (
            (w.theme, self.theme),
            ("Code", self.code),
            (w.descriptor, self.text),
            (w.examples, self.examples),
        ):
            form.addRow(with_free_mnemonic(f"{label}:", taken), field)
        form.addRow(_buttons(self))
        self.resize(self.fontMetrics().averageCharWidth() * 70, self.sizeHint().height())

    def form(self) -> DescriptorForm:
        return DescriptorForm(
            self.theme.currentData(),
            self.code.text().strip(),
            self.text.toPlainText().strip(),
            [e.strip() for e in self.examples.toPlainText().splitlines() if e.strip()],
        )

    @classmethod
    def ask(
        cls, parent, themes: list[tuple[str, str]], initial: DescriptorForm, adding: bool
    ) -> DescriptorForm | None:
        """Show the form; the typed values, or None when cancelled."""
        dialog = cls(parent, themes, initial, adding)
        return dialog.form() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ThemeDialog(QDialog):
    """Add or edit a theme: code (when adding), title and description."""

    words = Words()  # the open portfolio's scheme words; the framework page sets them

    def __init__(self, parent: QWidget | None, initial: ThemeForm, adding: bool):
        super().__init__(parent)
        theme = in_sentence(self.words.theme)
        self.setWindowTitle(f"Add {theme}" if adding else f"Edit {theme} {initial.code}")
        self.code = QLineEdit(initial.code)
        self.code.setEnabled(adding)
        self.title = QLineEdit(initial.title)
        self.description = QPlainTextEdit(initial.description, tabChangesFocus=True)
        form = QFormLayout(self)
        form.addRow("&Code:", self.code)
        form.addRow("&Title:", self.title)
        form.addRow("&Description:", self.description)
        form.addRow(_buttons(self))
        self.resize(self.fontMetrics().averageCharWidth() * 60, self.sizeHint().height())

    def form(self) -> ThemeForm:
        return ThemeForm(
            self.code.text().strip(),
            self.title.text().strip(),
            self.description.toPlainText().strip(),
        )

    @classmethod
    def ask(cls, parent, initial: ThemeForm, adding: bool) -> ThemeForm | None:
        """Show the form; the typed values, or None when cancelled."""
        dialog = cls(parent, initial, adding)
        return dialog.form() if dialog.exec() == QDialog.DialogCode.Accepted else None
