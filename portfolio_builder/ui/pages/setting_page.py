"""The setting's details, its context for the assessor and its core team, editable at any time and saved as typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.framework.portfolio_setup import (
    add_staff,
    list_staff,
    remove_staff,
    setting_profile,
    update_profile,
    update_staff,
)
from ...core.licences import LICENCES, licence_for
from ...core.planning.readiness import ReadinessIssue
from ...core.scheme.model import Scheme
from ...core.scheme.scheme_rules import walk_parts
from ...core.vocabularies import SETTING_KINDS
from ..column_fit import StretchWithMinimum
from ..models.staff_table_model import COLUMNS, StaffTableModel
from ..portfolio_context import SETTING, PortfolioContext
from ..profile_text_editors import ProfileTextEditors
from ..scheme_words import in_sentence

LINE_FIELDS = (
    ("name", "&Name:", ""),
    ("reference", "&Reference:", "e.g. URN or registration number"),
    ("head", "Hea&d of setting:", "Name of the head or manager"),
    ("contact_email", "Ema&il:", "For the assessor to reach the lead"),
    ("phone", "&Phone:", ""),
)
ISSUE_FIELDS = {"setting-contact": "contact_email"}


def has_first_page(scheme: Scheme) -> bool:
    """Whether the scheme prints the first page of the Assessor's Report from these details (IiF)."""
    return any(part.part == "assessor_first_page" for part in walk_parts(scheme.document_parts()))


def context_hint(scheme: Scheme) -> str:
    """What the context is for, in this scheme."""
    hint = f"The setting, its families and community, and why it is working towards {scheme.name}."
    return hint + (
        " This is the context section of the first page of the Assessor's Report."
        if has_first_page(scheme)
        else ""
    )


class SettingPage(QWidget):
    """Profile fields save when left (undoable); address and context save ~0.5 s after typing; the team is a table."""

    def __init__(self, context: PortfolioContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.lines: dict[str, QLineEdit] = {}
        self.kind = QComboBox(editable=True)
        self.kind.addItems(SETTING_KINDS)
        self.kind.lineEdit().editingFinished.connect(
            lambda: self._save_line("kind", self.kind.currentText())
        )
        self.kind.activated.connect(lambda _i: self._save_line("kind", self.kind.currentText()))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for field, label, hint in LINE_FIELDS:
            edit = QLineEdit(placeholderText=hint)
            edit.editingFinished.connect(lambda f=field, e=edit: self._save_line(f, e.text()))
            self.lines[field] = edit
            form.addRow(label, edit)
            if field == "name":
                form.addRow("&Type of setting:", self.kind)
        scheme = context.scheme
        self.profile_texts = ProfileTextEditors(
            context,
            [("address", "Street, town, postcode"), ("context", context_hint(scheme))],
            self,
        )
        self.texts, self.timers = self.profile_texts.editors, self.profile_texts.timers
        self.texts["address"].setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        form.addRow("&Address:", self.texts["address"])
        self.licence = (
            QComboBox()
        )  # asked once here; the bundle's RO-Crate carries it (all rights reserved by default)
        for licence in LICENCES:
            self.licence.addItem(licence.name, licence.key)
            self.licence.setItemData(
                self.licence.count() - 1, licence.description, Qt.ItemDataRole.ToolTipRole
            )
        self.licence.activated.connect(
            lambda index: self.save_licence(self.licence.itemData(index))
        )
        form.addRow("&Licence for the bundle:", self.licence)
        self.award_level = QComboBox(
            self
        )  # only where the scheme has award levels (bronze / silver / gold)
        self.award_level.addItem("(not chosen yet)", "")
        for level in scheme.award.levels if scheme.award else []:
            self.award_level.addItem(level, level)
        self.award_level.activated.connect(
            lambda index: self.save_award_level(self.award_level.itemData(index))
        )
        if scheme.award is not None:
            form.addRow(f"{scheme.words.award_level}:", self.award_level)
        else:
            self.award_level.hide()
        details = QGroupBox(
            "Setting details"
            + (" (the first page of the Assessor's Report)" if has_first_page(scheme) else "")
        )
        details.setLayout(form)
        context_box = QGroupBox(f"Context for the {in_sentence(scheme.words.reviewer)}")
        QVBoxLayout(context_box).addWidget(self.texts["context"])
        self.saved_label = QLabel()
        self.profile_texts.saved.connect(self._show_saved)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(details)
        left_layout.addWidget(context_box, 1)
        left_layout.addWidget(self.saved_label)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setAccessibleName("Setting details")
        scroll.setWidget(left)

        self.team_model = StaffTableModel(self._edit_staff, self)
        self.team = QTableView(tabKeyNavigation=False)  # Tab moves on; arrows move in the table
        self.team.setModel(self.team_model)
        self.team.setAccessibleName("Core team")
        self.team.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.team.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.team.verticalHeader().hide()
        header = self.team.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.team.setWordWrap(False)
        StretchWithMinimum(
            self.team, 1, 14
        )  # the role takes the spare width; names are never squeezed
        self.add_button = QPushButton("Add &member")
        self.remove_button = QPushButton("Rem&ove")  # Alt+M adds a member; Alt+L is the licence
        self.lead_button = QPushButton("Ma&ke lead")
        self.add_button.clicked.connect(self.add_member)
        self.remove_button.clicked.connect(self.remove_selected)
        self.lead_button.clicked.connect(self.make_selected_lead)
        self.team.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        buttons = QHBoxLayout()
        for button in (self.add_button, self.lead_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        words = scheme.words
        team_box = QGroupBox(f"Lead and {words.team[0].lower()}{words.team[1:]}")
        self.team.setAccessibleName(words.team)
        team_layout = QVBoxLayout(team_box)
        team_layout.addWidget(
            QLabel(
                f"The lead and the {in_sentence(words.team)}; the lead's name goes on the portfolio's "
                f"sheets for the {in_sentence(words.reviewer)}.",
                wordWrap=True,
            )
        )
        team_layout.addWidget(self.team, 1)
        team_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("settingSplitter")
        splitter.addWidget(scroll)
        splitter.addWidget(team_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        context.changed.connect(lambda area: self.refresh() if area == SETTING else None)
        self.refresh()

    # showing -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show what the portfolio file holds (typing not yet saved is left alone)."""
        profile = setting_profile(self.context.portfolio)
        read_only = self.context.read_only
        for field, edit in self.lines.items():
            if not edit.hasFocus() or edit.text() == getattr(profile, field):
                edit.setText(getattr(profile, field))
            edit.setReadOnly(read_only)
        if not self.kind.hasFocus():
            self.kind.setCurrentText(profile.kind)
        self.kind.setEnabled(not read_only)
        self.licence.setCurrentIndex(
            max(0, self.licence.findData(licence_for(profile.licence).key))
        )
        self.licence.setEnabled(not read_only)
        self.award_level.setCurrentIndex(max(0, self.award_level.findData(profile.award_level)))
        self.award_level.setEnabled(not read_only)
        self.profile_texts.refresh()
        self.team_model.read_only = read_only
        self.team_model.set_rows(list_staff(self.context.portfolio))
        for button in (self.add_button, self.remove_button, self.lead_button):
            button.setVisible(not read_only)
        self._update_buttons()

    def _update_buttons(self) -> None:
        staff = self.selected_staff()
        self.remove_button.setEnabled(staff is not None)
        self.lead_button.setEnabled(staff is not None and not staff.is_lead)

    def selected_staff(self):
        rows = self.team.selectionModel().selectedRows()
        return self.team_model.staff_at(rows[0].row()) if rows else None

    def _select(self, staff_id: int | None) -> None:
        row = self.team_model.row_of(staff_id) if staff_id is not None else -1
        if row >= 0:
            self.team.selectRow(row)
        self._update_buttons()

    # saving the profile ------------------------------------------------------------------------
    def _show_saved(self, ok: bool) -> None:
        self.saved_label.setText("Saved." if ok else "Not saved: see the message.")

    def _save_line(self, field: str, text: str) -> bool:
        text = text.strip()
        old = getattr(setting_profile(self.context.portfolio), field)
        if text == old or self.context.read_only:
            return True
        label = dict((f, lbl) for f, lbl, _ in LINE_FIELDS).get(field, "&Type of setting:")
        ok = self.context.push(
            f"Change {label.strip('&:').lower()}",
            lambda: update_profile(self.context.portfolio, **{field: text}),
            SETTING,
        )
        if not ok:  # refused (e.g. an empty name): show what is saved again
            self.refresh()
        self._show_saved(ok)
        return ok

    def save_licence(self, key: str) -> bool:
        """Store the bundle's licence (undoable)."""
        old = setting_profile(self.context.portfolio).licence
        if key == old or self.context.read_only:
            return True
        ok = self.context.push(
            "Change the bundle's licence",
            lambda: update_profile(self.context.portfolio, licence=key),
            SETTING,
        )
        self._show_saved(ok)
        return ok

    def save_award_level(self, level: str) -> bool:
        """Store the award level applied for (undoable)."""
        old = setting_profile(self.context.portfolio).award_level
        if level == old or self.context.read_only:
            return True
        ok = self.context.push(
            "Change the award level applied for",
            lambda: update_profile(self.context.portfolio, award_level=level),
            SETTING,
        )
        self._show_saved(ok)
        return ok

    def show_issue(self, issue: ReadinessIssue) -> None:
        """Put the cursor where a readiness line is fixed: the context, the contact, or the award level."""
        if issue.kind == "setting-context":
            self.texts["context"].setFocus()
        elif issue.kind == "award-level":
            self.award_level.setFocus()
        else:
            self.lines[ISSUE_FIELDS.get(issue.kind, "name")].setFocus()

    def save_text(self, field: str) -> bool:
        """Save the address or context now (the debounce timer calls this too)."""
        return self.profile_texts.save(field)

    def flush(self) -> None:
        """Save anything typed but not yet saved (called when the page hides or the window closes)."""
        if self.context.read_only:
            return
        self.profile_texts.flush()
        profile = setting_profile(self.context.portfolio)
        for (
            field,
            edit,
        ) in self.lines.items():  # a field still being typed in has not had editingFinished
            if edit.text().strip() != getattr(profile, field):
                self._save_line(field, edit.text())
        if self.kind.currentText().strip() != profile.kind:
            self._save_line("kind", self.kind.currentText())

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.flush()
        super().hideEvent(event)

    # the team ------------------------------------------------------------------------------------
    def _edit_staff(self, staff_id: int, field: str, value) -> bool:
        staff = next(s for s in list_staff(self.context.portfolio) if s.id == staff_id)
        if field == "is_lead":
            return self.set_lead(staff_id) if value else False
        return self.context.push(
            f"Change {staff.name}'s {field.replace('_', ' ')}",
            lambda: update_staff(self.context.portfolio, staff_id, **{field: value}),
            SETTING,
        )

    def add_member(self) -> None:
        """Add a new member (named 'New member' until renamed in the table, where editing starts)."""
        holder: dict[str, int] = {}

        def do():
            holder["id"] = add_staff(self.context.portfolio, "New member", role="")

        if self.context.push("Add a member of staff", do, SETTING):
            self._select(holder["id"])
            self.team.edit(self.team_model.index(self.team_model.row_of(holder["id"]), 0))

    def remove_selected(self) -> None:
        """Remove the selected member; undo brings them back, still leading what they led."""
        staff = self.selected_staff()
        if staff is None:
            return
        self.context.push(
            f"Remove {staff.name}", lambda: remove_staff(self.context.portfolio, staff.id), SETTING
        )

    def make_selected_lead(self) -> None:
        staff = self.selected_staff()
        if staff is not None:
            self.set_lead(staff.id)
            self._select(staff.id)

    def set_lead(self, staff_id: int) -> bool:
        """Make one person the lead (the previous lead stays in the team); undo gives the lead back."""
        previous = next((s.id for s in list_staff(self.context.portfolio) if s.is_lead), None)
        if previous == staff_id:
            return False
        name = next(s.name for s in list_staff(self.context.portfolio) if s.id == staff_id)
        return self.context.push(
            f"Make {name} the lead",
            lambda: update_staff(self.context.portfolio, staff_id, is_lead=True),
            SETTING,
        )


def create_page(context: PortfolioContext) -> SettingPage:
    """The page factory the sidebar uses."""
    return SettingPage(context)
