"""New portfolio…: choose a framework, describe the setting and its team, choose where to save, then create it."""

from __future__ import annotations

import re
from pathlib import Path

import platformdirs
from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from ..core.errors import PortfolioError
from ..core.framework.portfolio_setup import create_portfolio, update_profile
from ..core.scheme.framework_catalog import shipped_frameworks
from ..core.scheme.framework_file import load_framework
from ..core.scheme.framework_model import Framework
from ..core.storage.portfolio_file import PORTFOLIO_SUFFIX
from ..core.vocabularies import SETTING_KINDS
from . import messages
from .models.team_model import TeamModel
from .save_location import location_warning
from .scheme_words import counted, in_sentence


def default_folder() -> Path:
    """Where portfolios go unless the user chooses: Documents/Portfolio Builder."""
    return Path(platformdirs.user_documents_dir()) / "Portfolio Builder"


def file_name_for(setting_name: str) -> str:
    """A safe file name from the setting's name, e.g. 'Oak Primary School' -> 'Oak Primary School.portfolio'."""
    cleaned = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "", setting_name).strip(" .") or "My portfolio"
    return cleaned[:80] + PORTFOLIO_SUFFIX


def scheme_summary(framework: Framework) -> str:
    """What the list says about a scheme: its description, who awards it, where its words come from."""
    scheme = framework.scheme
    parts = [scheme.description]
    if scheme.awarding_body:
        parts.append(f"Awarded by {scheme.awarding_body}.")
    if scheme.source:
        parts.append(f"Source: {scheme.source}.")
    words = scheme.words
    ours = sum(1 for t in framework.themes for d in t.descriptors if d.ours)
    if ours or scheme.scale.ours:
        what = [
            x
            for x, on in (
                (
                    counted(ours, in_sentence(words.descriptor), in_sentence(words.descriptors)),
                    ours,
                ),
                ("the rating scale", scheme.scale.ours),
            )
            if on
        ]
        parts.append(
            f"Written by us, not taken from the source: {' and '.join(what)}. The app marks them as ours "
            f"until you put in your {words.guidance_possessive} own."
        )
    return "\n".join(p for p in parts if p)


class FrameworkChoicePage(QWizardPage):
    """The shipped schemes (with description and source), or one imported from a file the awarding body gave."""

    def __init__(self):
        super().__init__()
        self.setTitle("Which award or framework is this portfolio for?")
        self.setSubTitle("Choose a scheme. You can type in or import its descriptors later.")
        self.frameworks: list[Framework] = shipped_frameworks()
        self.model = QStringListModel([self._label(f) for f in self.frameworks], self)
        self.list = QListView()
        self.list.setAccessibleName("Frameworks")
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show_description())
        self.description = QLabel()
        self.description.setWordWrap(True)
        import_button = QPushButton("&Import a framework file…")
        import_button.clicked.connect(self.import_file)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.description)
        layout.addWidget(import_button)
        preferred = next(
            (i for i, f in enumerate(self.frameworks) if f.id == "family-partnership-award"), 0
        )
        self.list.setCurrentIndex(self.model.index(preferred, 0))

    @staticmethod
    def _label(framework: Framework) -> str:
        words = framework.scheme.words
        themes = counted(len(framework.themes), in_sentence(words.theme), in_sentence(words.themes))
        count = framework.descriptor_count()
        given = (
            f"; {counted(count, in_sentence(words.descriptor), in_sentence(words.descriptors))} to start from"
            if count
            else ""
        )
        return f"{framework.name}\n    {themes}{given}"

    def _show_description(self) -> None:
        framework = self.framework()
        self.description.setText(scheme_summary(framework) if framework else "")
        self.completeChanged.emit()

    def framework(self) -> Framework | None:
        row = self.list.currentIndex().row()
        return self.frameworks[row] if 0 <= row < len(self.frameworks) else None

    def import_file(self) -> None:
        path = messages.ask_open_path(self, "Import a framework file", messages.FRAMEWORK_FILTER)
        if path:
            self.add_framework_file(Path(path))

    def add_framework_file(self, path: Path) -> bool:
        """Load a framework file into the list and select it; errors name the offending line."""
        try:
            framework = load_framework(path)
        except PortfolioError as exc:
            messages.show_error(self, exc.message, "Import a framework file")
            return False
        self.frameworks.append(framework)
        row = self.model.rowCount()
        self.model.insertRows(row, 1)
        self.model.setData(self.model.index(row, 0), self._label(framework) + "  (imported)")
        self.list.setCurrentIndex(self.model.index(row, 0))
        return True

    def isComplete(self) -> bool:
        return self.framework() is not None


class SettingPage(QWizardPage):
    """The setting's profile: name (required), type, address and reference (e.g. URN)."""

    def __init__(self):
        super().__init__()
        self.setTitle("About your setting")
        self.setSubTitle(
            "Only the name is required. The assessor sees these details at the front of the portfolio."
        )
        self.name = QLineEdit()
        self.kind = QComboBox()
        self.kind.setEditable(True)
        self.kind.addItems(SETTING_KINDS)
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText("e.g. URN or registration number")
        form = QFormLayout(self)
        form.addRow("Setting na&me:", self.name)  # Alt+N is Next
        form.addRow("&Type of setting:", self.kind)
        form.addRow("&Address:", self.address)
        form.addRow("&Reference:", self.reference)
        self.registerField("setting_name*", self.name)


class TeamPage(QWizardPage):
    """The lead (name required, role) and the core team as rows that can be added and removed."""

    def __init__(self):
        super().__init__()
        self.setTitle("Who is leading the work?")
        self.setSubTitle(
            "The lead runs the process; the core team gather evidence (a governor is often one)."
        )
        self.lead_name = QLineEdit()
        self.lead_role = QLineEdit(
            placeholderText="e.g. Family Partnership Manager, Head of Family Services"
        )
        self.team = TeamModel(self)
        self.table = QTableView(tabKeyNavigation=False)  # Tab moves on; arrows move in the table
        self.table.setAccessibleName("Core team")
        self.table.setModel(self.team)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        add = QPushButton("A&dd member")
        remove = QPushButton("Re&move member")
        add.clicked.connect(self.add_member)
        remove.clicked.connect(self.remove_member)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow("Lead's n&ame:", self.lead_name)
        form.addRow("Lead's &role:", self.lead_role)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Core team:"))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.registerField("lead_name*", self.lead_name)

    def add_member(self) -> None:
        row = self.team.add_member()
        index = self.team.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def remove_member(self) -> None:
        rows = sorted(
            {i.row() for i in self.table.selectionModel().selectedIndexes()}
            | ({self.table.currentIndex().row()} if self.table.currentIndex().isValid() else set()),
            reverse=True,
        )
        for row in rows:
            self.team.removeRows(row, 1)


class LocationPage(QWizardPage):
    """Folder and file name, with a warning for network shares and sync folders."""

    def __init__(self):
        super().__init__()
        self.setTitle("Where should the portfolio be saved?")
        self.setSubTitle(
            "One file holds the whole portfolio; automatic backups are kept in a folder beside it."
        )
        self.folder = QLineEdit(str(default_folder()))
        browse = QPushButton("Bro&wse…")  # Alt+B is Back, Alt+F Finish
        browse.clicked.connect(self.browse)
        self.file_name = QLineEdit()
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8A4B00;")
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        folder_label = QLabel(
            "F&older:"
        )  # a row holding a layout gets no buddy, so the & would show as typed
        folder_label.setBuddy(self.folder)
        form = QFormLayout(self)
        form.addRow(folder_label, row)
        form.addRow("File &name:", self.file_name)
        form.addRow(self.warning)
        self.folder.textChanged.connect(self._check)
        self.file_name.textChanged.connect(self._check)

    def initializePage(self) -> None:
        if not self.file_name.text():
            self.file_name.setText(file_name_for(self.field("setting_name")))
        self._check()

    @classmethod
    def ask_folder(cls, parent, start: str) -> str:
        """The native folder chooser (tests replace this)."""
        return QFileDialog.getExistingDirectory(parent, "Choose a folder for the portfolio", start)

    def browse(self) -> None:
        folder = self.ask_folder(self, self.folder.text())
        if folder:
            self.folder.setText(folder)

    def path(self) -> Path:
        name = self.file_name.text().strip()
        if name and not name.endswith(PORTFOLIO_SUFFIX):
            name += PORTFOLIO_SUFFIX
        return Path(self.folder.text().strip()).expanduser() / name

    def _check(self) -> None:
        path = self.path()
        notes = [location_warning(path.parent)]
        if path.exists():
            notes.append(f"{path.name} already exists there: choose another name.")
        self.warning.setText(" ".join(n for n in notes if n))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return (
            bool(self.folder.text().strip() and self.file_name.text().strip())
            and not self.path().exists()
        )


class NewPortfolioWizard(QWizard):
    """Four short pages; Finish creates the file with core.portfolio_setup and remembers its path."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("New portfolio")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.framework_page, self.setting_page = FrameworkChoicePage(), SettingPage()
        self.team_page, self.location_page = TeamPage(), LocationPage()
        for page in (self.framework_page, self.setting_page, self.team_page, self.location_page):
            self.addPage(page)
        self.created_path: Path | None = None
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 30)

    def accept(self) -> None:
        """Create the portfolio; a refusal is shown and the wizard stays open."""
        try:
            self.created_path = self.create_file()
        except PortfolioError as exc:
            messages.show_error(self, exc.message, "New portfolio")
            return
        except OSError as exc:
            messages.show_error(
                self, f"Could not create the folder: {exc.strerror or exc}.", "New portfolio"
            )
            return
        super().accept()

    def create_file(self) -> Path:
        """Create the portfolio file from what was typed; returns its path."""
        path = self.location_page.path()
        path.parent.mkdir(parents=True, exist_ok=True)
        lead = (self.team_page.lead_name.text().strip(), self.team_page.lead_role.text().strip())
        portfolio = create_portfolio(
            path,
            self.framework_page.framework(),
            self.setting_page.name.text(),
            lead=lead,
            team=self.team_page.team.members(),
        )
        try:
            update_profile(
                portfolio,
                kind=self.setting_page.kind.currentText().strip(),
                address=self.setting_page.address.toPlainText().strip(),
                reference=self.setting_page.reference.text().strip(),
            )
        finally:
            portfolio.close()
        return path

    @classmethod
    def create(cls, parent=None) -> str | None:
        """Run the wizard; the new portfolio's path, or None when cancelled (tests replace this)."""
        wizard = cls(parent)
        if wizard.exec() == QWizard.DialogCode.Accepted and wizard.created_path:
            return str(wizard.created_path)
        return None
