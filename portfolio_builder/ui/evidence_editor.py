"""Edit the selected evidence items' fields and descriptor tags; every change is one undoable command.

With one item selected the form edits it; with several, date, source, component, consent and tags
are set for all of them at once: one core transaction, one entry in the undo history.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import PortfolioError
from ..core.evidence.evidence_details import (
    EvidenceDetails,
    SharedDetails,
    descriptor_choices,
    evidence_details,
    shared_details,
)
from ..core.evidence.evidence_links import tag_evidence_many, untag_evidence, untag_evidence_many
from ..core.evidence.evidence_service import update_evidence, update_evidence_many
from ..core.scheme.model import Scheme
from ..core.vocabularies import BLURRED, CONSENT_LABELS, CONSENT_STATES, MISSING, can_be_blurred
from .evidence_tags_box import EvidenceTagsBox
from .optional_date_edit import OptionalDateEdit
from .portfolio_context import EVIDENCE, PortfolioContext

NO_DATE = QDate(1900, 1, 1)
SEVERAL = "Several values"  # what a field shows when the selected items differ in it


class EvidenceEditor(QWidget):
    """The form for one item (title, description, date, source, component, consent) and its tags."""

    def __init__(self, context: PortfolioContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.ids: list[int] = []
        self.details: EvidenceDetails | None = None
        self.shared: SharedDetails | None = None  # several items selected: what they have in common
        self.title = QLineEdit()
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(90)
        self.date = OptionalDateEdit(calendarPopup=True, displayFormat="dd MMM yyyy")
        self.date.setMinimumDate(NO_DATE)
        self.date.setSpecialValueText("No date")
        self.source = QLineEdit(placeholderText="Where it comes from, e.g. Family Forum")
        self.component = QComboBox()
        self.component_label = QLabel("Com&ponent:")
        self.component_label.setBuddy(self.component)
        self.scheme: Scheme | None = None
        self.consent = QComboBox()
        for key in CONSENT_STATES:
            self.consent.addItem(CONSENT_LABELS[key], key)
        form = QFormLayout()
        form.addRow("&Title:", self.title)
        form.addRow("&Description:", self.description)
        form.addRow("D&ate:", self.date)
        form.addRow("&Source:", self.source)
        form.addRow(self.component_label, self.component)
        form.addRow("Co&nsent:", self.consent)
        self.form_box = QGroupBox("Details")
        self.form_box.setLayout(form)

        self.tags_box = EvidenceTagsBox()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form_box)
        layout.addWidget(self.tags_box)

        self._description_timer = QTimer(self, singleShot=True, interval=600)
        self._description_timer.timeout.connect(self._commit_description)
        self.title.editingFinished.connect(lambda: self._edit("title", self.title.text(), "title"))
        self.source.editingFinished.connect(
            lambda: self._edit("source", self.source.text(), "source")
        )
        self.description.textChanged.connect(self._description_typed)
        self.date.editingFinished.connect(self._commit_date)
        self.component.activated.connect(
            lambda: self._edit("component", self.component.currentData(), "component")
        )
        self.consent.activated.connect(
            lambda: self._edit("consent", self.consent.currentData(), "consent")
        )
        self.tags_box.key_button.clicked.connect(
            lambda: self.tag_selected(self.chosen_code(), cross=False)
        )
        self.tags_box.cross_button.clicked.connect(
            lambda: self.tag_selected(self.chosen_code(), cross=True)
        )
        self.tags_box.untag_button.clicked.connect(self.untag_current)
        self.reload_choices()
        self.show_items([])

    # --- loading -------------------------------------------------------------------------------
    def set_scheme(self, scheme: Scheme) -> None:
        """The scheme's components (the row is hidden when it has none) and its words for tagging."""
        self.scheme = scheme
        self.component.clear()
        for component in scheme.components:
            self.component.addItem(component.title, component.key)
            self.component.setItemData(
                self.component.count() - 1, component.note, Qt.ItemDataRole.ToolTipRole
            )
        for widget in (self.component, self.component_label):
            widget.setVisible(bool(scheme.components))
        self.tags_box.set_words(scheme)
        self._fill_form()

    def reload_choices(self) -> None:
        """Refill the descriptor pick list (after the framework changed)."""
        self.tags_box.set_choices(descriptor_choices(self.context.portfolio))

    def chosen_code(self) -> str:
        return self.tags_box.chosen_code()

    def show_items(self, ids: list[int]) -> EvidenceDetails | None:
        """Show the selection: the form edits one item, or what several share (set for all at once); tagging
        applies to every selected item."""
        self._commit_description()
        self.ids = list(ids)
        single = len(self.ids) == 1
        self.details = evidence_details(self.context.portfolio, self.ids[0]) if single else None
        try:
            self.shared = (
                shared_details(self.context.portfolio, self.ids) if len(self.ids) > 1 else None
            )
        except PortfolioError:  # an item went between the selection and now: the page reloads
            self.shared = None
        editable = not self.context.read_only
        self.form_box.setEnabled(bool(self.details or self.shared) and editable)
        for widget in (self.title, self.description):
            widget.setEnabled(single)
        self.form_box.setTitle(
            "Details" if self.shared is None else f"Details of {len(self.ids)} items"
        )
        self.tags_box.setEnabled(bool(self.ids) and editable)
        self.tags_box.untag_button.setEnabled(bool(self.ids))
        word = self.scheme.words.descriptors if self.scheme else "Descriptors"
        self.tags_box.setTitle(word if len(self.ids) <= 1 else f"{word} ({len(self.ids)} items)")
        self._fill_form()
        return self.details

    def _fill_form(self) -> None:
        item = self.details.item if self.details else None
        widgets = (
            self.title,
            self.description,
            self.date,
            self.source,
            self.component,
            self.consent,
        )
        for widget in widgets:
            widget.blockSignals(True)
        try:
            for combo in (
                self.component,
                self.consent,
            ):  # the 'Several values' entry of a previous selection
                if combo.count() and combo.itemData(0) is None:
                    combo.removeItem(0)
            self.date.setSpecialValueText("No date")
            self.source.setPlaceholderText("Where it comes from, e.g. Family Forum")
            self.title.setPlaceholderText("")
            self.description.setPlaceholderText("")
            if self.shared is not None:
                self._fill_shared(self.shared)
                return
            self.title.setText(item.title if item else "")
            self.title.setCursorPosition(0)  # a long title shows its start, not its end
            if item is None or self.description.toPlainText() != item.description:
                self.description.setPlainText(item.description if item else "")
            self.date.setMaximumDate(QDate.currentDate())
            self.date.setDate(QDate(item.evidence_date) if item and item.evidence_date else NO_DATE)
            self.source.setText(item.source if item else "")
            self.source.setCursorPosition(0)
            self.component.setCurrentIndex(
                max(0, self.component.findData(item.component if item else ""))
            )
            self.consent.setCurrentIndex(
                max(0, self.consent.findData(item.consent if item else MISSING))
            )
            self._offer_blurred(item)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        tags = self.details.tags if self.details else []
        self.tags_box.show_tags(self.scheme, tags)

    def _fill_shared(self, shared: SharedDetails) -> None:
        """Several items: each field shows their common value, or 'Several values' where they differ."""
        self.title.setText("")
        self.title.setPlaceholderText("Each item keeps its own title")
        self.description.setPlainText("")
        self.description.setPlaceholderText("Each item keeps its own description")
        self.date.setMaximumDate(QDate.currentDate())
        mixed = shared.mixed
        self.date.setSpecialValueText(SEVERAL if "evidence_date" in mixed else "No date")
        self.date.setDate(QDate(shared.evidence_date) if shared.evidence_date else NO_DATE)
        self.source.setText("" if "source" in mixed else shared.source)
        self.source.setPlaceholderText(
            f"{SEVERAL}: type one to set it for all" if "source" in mixed else ""
        )
        for combo, field in ((self.component, "component"), (self.consent, "consent")):
            if field in mixed:
                combo.insertItem(0, SEVERAL, None)
                combo.setCurrentIndex(0)
            else:
                combo.setCurrentIndex(max(0, combo.findData(getattr(shared, field))))
        entry = self.consent.model().item(self.consent.findData(BLURRED))
        entry.setEnabled(shared.all_photos)
        entry.setToolTip(
            "" if shared.all_photos else "Only photos can be blurred: choose only photos for this."
        )
        self.tags_box.show_shared_tags(self.scheme, shared)

    def _offer_blurred(self, item) -> None:
        """Consent for a blurred version is offered for photos only (the only items whose pixels can be blurred)."""
        entry = self.consent.model().item(self.consent.findData(BLURRED))
        photo = item is not None and can_be_blurred(item.kind, item.mime_type or "")
        entry.setEnabled(photo or (item is not None and item.consent == BLURRED))
        entry.setToolTip(
            "Only a copy with the parts you mark blurred or blocked out leaves the setting "
            "(Blur or block out… above)."
            if photo
            else "Only photos can be blurred."
        )

    # --- edits ---------------------------------------------------------------------------------
    def _edit(self, field: str, value, label: str) -> bool:
        """One undoable field change of the selected item, or of every selected item (no-op when unchanged)."""
        if self.shared is not None:
            return self._edit_all(field, value, label)
        if self.details is None:
            return False
        old = getattr(self.details.item, field)
        if value == old or (
            isinstance(value, str) and isinstance(old, str) and value.strip() == old.strip()
        ):
            return False
        portfolio, evidence_id = self.context.portfolio, self.details.item.id
        ok = self.context.push(
            f"Change {label} of '{self.details.item.title}'",
            lambda: update_evidence(portfolio, evidence_id, **{field: value}),
            EVIDENCE,
        )
        if not ok:
            self._fill_form()
        return ok

    def _edit_all(self, field: str, value, label: str) -> bool:
        """Give every selected item this value in one step (one core transaction, one undo entry)."""
        shared, ids = self.shared, list(self.ids)
        if field in shared.mixed:
            if value in (None, "") or (isinstance(value, str) and not value.strip()):
                return False  # left as 'Several values': each item keeps its own
        elif value == getattr(shared, field) or (
            isinstance(value, str) and value.strip() == getattr(shared, field)
        ):
            return False
        portfolio = self.context.portfolio
        ok = self.context.push(
            f"Set {label} of {len(ids)} items",
            lambda: update_evidence_many(portfolio, ids, **{field: value}),
            EVIDENCE,
        )
        if not ok:
            self._fill_form()
        return ok

    def _description_typed(self) -> None:
        self._description_timer.start()

    def _commit_description(self) -> None:
        if self._description_timer.isActive():
            self._description_timer.stop()
        if self.details is not None:
            self._edit("description", self.description.toPlainText(), "description")

    def _commit_date(self) -> None:
        chosen = self.date.date()
        value: date | None = None if chosen == NO_DATE else chosen.toPython()
        self._edit("evidence_date", value, "date")

    def tag_selected(self, code: str, cross: bool) -> bool:
        """Tag every selected item to code; a refusal (e.g. a third key item) is shown and nothing changes."""
        if not self.ids or not code:
            return False
        portfolio, ids = self.context.portfolio, list(self.ids)
        what = "cross-reference" if cross else "key evidence"
        label = f"Tag {len(ids)} items" if len(ids) > 1 else "Tag item"
        return self.context.push(
            f"{label} to {code} as {what}",
            lambda: tag_evidence_many(portfolio, ids, code, cross_reference=cross),
            EVIDENCE,
        )

    def untag_current(self) -> bool:
        """Remove the tag selected in the list from the selected item, or from every selected item (one step)."""
        index = self.tags_box.tag_list.currentIndex()
        if self.shared is not None and index.isValid():
            code, ids, portfolio = (
                self.shared.tags[index.row()][0],
                list(self.ids),
                self.context.portfolio,
            )
            return self.context.push(
                f"Remove tag {code} from {len(ids)} items",
                lambda: untag_evidence_many(portfolio, ids, code),
                EVIDENCE,
            )
        if self.details is None or not index.isValid():
            return False
        tag = self.details.tags[index.row()]
        portfolio, evidence_id = self.context.portfolio, self.details.item.id
        return self.context.push(
            f"Remove tag {tag.code}",
            lambda: untag_evidence(portfolio, evidence_id, tag.code),
            EVIDENCE,
        )
