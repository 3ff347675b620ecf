"""New portfolio…: framework, setting, lead and team, and where to save, creating a real portfolio file."""

from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath

import pytest

from portfolio_builder.core.framework.portfolio_setup import list_staff, setting_profile
from portfolio_builder.core.scheme.framework_catalog import shipped_framework
from portfolio_builder.core.scheme.framework_file import save_framework
from portfolio_builder.core.storage.portfolio_file import Portfolio
from portfolio_builder.ui.new_portfolio_wizard import NewPortfolioWizard, file_name_for
from portfolio_builder.ui.save_location import location_warning


@pytest.fixture
def wizard(qtbot, dialogs):
    w = NewPortfolioWizard()
    qtbot.addWidget(w)
    w.show()
    return w


def fill(wizard, folder) -> None:
    wizard.setting_page.name.setText("Oak Primary School")
    wizard.setting_page.kind.setCurrentText("Primary school")
    wizard.setting_page.address.setPlainText("1 Oak Road, Anytown")
    wizard.setting_page.reference.setText("URN 123456")
    wizard.next()
    wizard.next()
    wizard.team_page.lead_name.setText("Ann Patel")
    wizard.team_page.team.add_member("Dawn Okafor", "Headteacher")
    wizard.team_page.team.add_member("Priya Shah", "Governor")
    wizard.next()
    wizard.location_page.folder.setText(str(folder))


def test_the_five_shipped_schemes_are_offered_with_description_and_source(wizard):
    """Each shipped scheme is listed in its own words; choosing one shows its description, body and source."""
    page = wizard.framework_page
    ids = [f.id for f in page.frameworks]
    assert sorted(ids) == [
        "blank",
        "family-partnership-award",
        "investors-in-families-secure",
        "la-practice-quality",
        "signs-of-safety-accreditation",
    ]
    assert page.framework().id == "family-partnership-award"  # offered first
    labels = page.model.stringList()
    assert "Investors in Families (secure estate)\n    8 elements" in labels
    page.list.setCurrentIndex(page.model.index(ids.index("la-practice-quality"), 0))
    text = page.description.text()
    assert "Ofsted scale" in text and "Source: West Sussex County Council" in text
    assert "Written by us, not taken from the source: 11 × what good looks like" in text


def test_finishing_creates_the_portfolio_with_profile_and_team(wizard, tmp_path):
    """Finish creates '<setting>.portfolio' holding the framework, the profile, the lead and the core team."""
    fill(wizard, tmp_path / "portfolios")
    assert wizard.location_page.file_name.text() == "Oak Primary School.portfolio"
    assert wizard.location_page.isComplete()
    wizard.accept()
    path = tmp_path / "portfolios" / "Oak Primary School.portfolio"
    assert wizard.created_path == path
    with Portfolio.open(path) as portfolio:
        profile = setting_profile(portfolio)
        assert (profile.name, profile.kind, profile.reference) == (
            "Oak Primary School",
            "Primary school",
            "URN 123456",
        )
        staff = [(s.name, s.is_lead) for s in list_staff(portfolio)]
    assert staff[0] == ("Ann Patel", True) and ("Priya Shah", False) in staff and len(staff) == 3


def test_setting_name_and_lead_are_required(wizard):
    """Next stays off until the setting has a name."""
    wizard.next()
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()
    wizard.setting_page.name.setText("Oak")
    assert wizard.button(wizard.WizardButton.NextButton).isEnabled()


def test_existing_file_blocks_finish(wizard, tmp_path):
    """A file name already used in the folder is named in a warning and Finish stays off."""
    (tmp_path / "Oak Primary School.portfolio").write_bytes(b"x")
    fill(wizard, tmp_path)
    assert not wizard.location_page.isComplete()
    assert "already exists" in wizard.location_page.warning.text()


def test_team_rows_can_be_added_and_removed(qtmodeltester, wizard):
    """Core team rows are added and removed; blank rows are ignored; the model is well-behaved."""
    team = wizard.team_page.team
    team.add_member("Sam Wright", "Parent Support Adviser")
    team.add_member("", "")
    assert team.members() == [("Sam Wright", "Parent Support Adviser")]
    qtmodeltester.check(team)
    team.removeRows(0, 1)
    assert team.rowCount() == 1


def test_imported_framework_file_joins_the_list(wizard, tmp_path):
    """'Import a framework file…' adds the file's framework to the list and selects it."""
    from portfolio_builder.core.scheme.framework_model import Framework

    blank = shipped_framework("blank")
    framework = Framework(
        scheme=blank.scheme.model_copy(
            update={"name": "Local Families Charter", "id": "local-charter"}
        ),
        themes=blank.themes,
    )
    save_framework(framework, tmp_path / "charter.toml")
    assert wizard.framework_page.add_framework_file(tmp_path / "charter.toml")
    assert wizard.framework_page.framework().name == "Local Families Charter"


def test_broken_framework_file_is_refused_with_its_line(wizard, tmp_path, dialogs):
    """A framework file with an error is refused with a message naming the problem."""
    (tmp_path / "bad.toml").write_text("[framework]\nid = \n")
    assert not wizard.framework_page.add_framework_file(tmp_path / "bad.toml")
    assert dialogs.errors and "framework" in dialogs.errors[0].lower()


@pytest.mark.parametrize(
    "path",
    [
        PureWindowsPath(r"C:\Users\ann\OneDrive - Oak School\Documents"),
        PurePosixPath("/home/ann/Dropbox/portfolios"),
        PurePosixPath("/Users/ann/Google Drive/My Drive"),
        PureWindowsPath(r"\\server\share\portfolios"),
    ],
)
def test_sync_folders_and_network_shares_are_warned_about(path):
    """OneDrive, Dropbox, Google Drive folders and network shares get a warning."""
    assert location_warning(path)


def test_local_folder_gets_no_warning(tmp_path):
    """An ordinary local folder is accepted quietly."""
    assert location_warning(tmp_path) == ""


def test_file_name_drops_characters_windows_refuses():
    """The suggested file name is safe on every system."""
    assert (
        file_name_for('St. Mary\'s C/E "Infant" School?') == "St. Mary's CE Infant School.portfolio"
    )
