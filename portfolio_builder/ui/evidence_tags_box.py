"""The evidence form's descriptor tags: what the selection is tagged to, a descriptor to choose, the tag buttons."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.evidence.evidence_details import SharedDetails
from ..core.scheme.model import Scheme
from .mnemonics import MENU_KEYS, with_free_mnemonic
from .scheme_words import in_sentence

PAGE_KEYS = (
    MENU_KEYS + "iolumtdasnrgp"
)  # the Evidence page's other Alt keys (add, filters, this form)


class EvidenceTagsBox(QGroupBox):
    """The tag list, the descriptor pick list and Tag as key evidence, As cross-reference and Remove tag."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Descriptors", parent)
        self.tag_model = QStringListModel(self)
        self.tag_list = QListView()
        self.tag_list.setModel(self.tag_model)
        self.tag_list.setMaximumHeight(64)
        self.code_choice = QComboBox()
        self.code_choice.setMinimumContentsLength(12)
        self.code_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.key_button = QPushButton("Tag as &key evidence")
        self.cross_button = QPushButton("As cross-&reference")
        self.untag_button = QPushButton("Remove ta&g")
        buttons = QGridLayout()  # two rows, so the pane stays narrow enough at 150 % scaling
        buttons.addWidget(
            self.key_button, 0, 0, 1, 2
        )  # the scheme's word for key evidence can be long
        buttons.addWidget(self.cross_button, 1, 0)
        buttons.addWidget(self.untag_button, 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tag_list)
        layout.addWidget(self.code_choice)
        layout.addLayout(buttons)

    def set_words(self, scheme: Scheme) -> None:
        """Name the box, the list and the key-evidence button in the scheme's words."""
        words = scheme.words
        self.setTitle(words.descriptors)
        self.tag_list.setAccessibleName(f"{words.descriptors} this item is tagged to")
        self.code_choice.setAccessibleName(f"{words.descriptor} to tag")
        self.key_button.setText(
            with_free_mnemonic(f"Tag as {in_sentence(words.key_evidence)}", set(PAGE_KEYS), 7)
        )
        self.key_button.setToolTip(f"{words.key_evidence}: {scheme.evidence_rule.describe()}")

    def set_choices(self, choices) -> None:
        """The descriptors to choose from (code and text), keeping the one chosen."""
        current = self.code_choice.currentData()
        self.code_choice.clear()
        for choice in choices:
            text = choice.text if len(choice.text) <= 70 else choice.text[:67] + "…"
            self.code_choice.addItem(f"{choice.code}  {text}", choice.code)
            self.code_choice.setItemData(
                self.code_choice.count() - 1, choice.text, Qt.ItemDataRole.ToolTipRole
            )
        if current is not None:
            self.code_choice.setCurrentIndex(max(0, self.code_choice.findData(current)))

    def chosen_code(self) -> str:
        return self.code_choice.currentData() or ""

    def show_tags(self, scheme: Scheme | None, tags) -> None:
        """One item's tags, one line each."""
        self.tag_model.setStringList([tag_line(tag, scheme) for tag in tags])

    def show_shared_tags(self, scheme: Scheme | None, shared: SharedDetails) -> None:
        """Several items' tags, each with how many of them have it."""
        key_word = in_sentence(scheme.words.key_evidence) if scheme else "key evidence"
        self.tag_model.setStringList(
            [
                f"{code}  {key_word if role == 'key' else 'cross-reference'}: "
                f"{count} of {shared.count} items"
                for code, role, count in shared.tags
            ]
        )


def tag_line(tag, scheme: Scheme | None) -> str:
    """'1a  key evidence 1 of 2', '1b  cross-reference' (slots only where the rule counts them)."""
    if tag.role != "key":
        return f"{tag.code}  cross-reference"
    if scheme is None:
        return f"{tag.code}  key evidence {tag.slot}"
    words, rule = scheme.words, scheme.evidence_rule
    if not rule.per_descriptor:
        return f"{tag.code}  {in_sentence(words.key_evidence)}"
    of = f" of {rule.max_key}" if rule.max_key is not None else ""
    return f"{tag.code}  {in_sentence(words.key_evidence)} {tag.slot}{of}"
