"""The Setting & team page: details for the Assessor's Report's first page and the core team, saved as typed, undoable."""

from PySide6.QtCore import Qt

from portfolio_builder.core.framework import framework_service
from portfolio_builder.core.framework.portfolio_setup import list_staff, setting_profile
from portfolio_builder.core.storage.portfolio_file import Portfolio
from portfolio_builder.ui.pages.setting_page import SettingPage

from .evidence_fixtures import context  # noqa: F401 - fixture


def _page(qtbot, context):
    page = SettingPage(context)
    qtbot.addWidget(page)
    page.show()
    return page


def _type(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    edit.editingFinished.emit()


def test_details_are_on_disk_as_soon_as_a_field_is_left_and_undo_restores(
    qtbot, context, fpa_portfolio
):
    """Head and phone typed in are in the portfolio file at once (another connection sees them); Undo restores."""
    page = _page(qtbot, context)
    assert page.lines["name"].text() == "Oak Primary School"
    _type(qtbot, page.lines["head"], "Dawn Okafor")
    _type(qtbot, page.lines["phone"], "01632 960 123")
    with Portfolio.open(fpa_portfolio.path, read_only=True) as other:
        profile = setting_profile(other)
    assert (profile.head, profile.phone) == ("Dawn Okafor", "01632 960 123")
    context.undo_stack.undo()
    assert setting_profile(fpa_portfolio).phone == "" and page.lines["phone"].text() == ""


def test_an_empty_name_is_refused_and_the_saved_name_comes_back(qtbot, context, fpa_portfolio):
    """Clearing the setting's name shows the refusal and the field shows the saved name again."""
    refusals = []
    context.error.connect(refusals.append)
    page = _page(qtbot, context)
    _type(qtbot, page.lines["name"], "   ")
    assert refusals == ["The setting needs a name."]
    assert setting_profile(fpa_portfolio).name == "Oak Primary School"
    assert page.lines["name"].text() == "Oak Primary School"


def test_context_is_saved_after_typing_stops_and_when_the_page_hides(qtbot, context, fpa_portfolio):
    """The context for the assessor saves ~0.5 s after typing, and at once if the page is left sooner."""
    page = _page(qtbot, context)
    page.texts["context"].setPlainText("A two-form entry primary in a mixed town.")
    qtbot.waitUntil(
        lambda: setting_profile(fpa_portfolio).context.startswith("A two-form"), timeout=3000
    )
    page.texts["address"].setPlainText("1 River Lane")
    page.hide()
    assert setting_profile(fpa_portfolio).address == "1 River Lane"


def test_team_members_are_added_renamed_made_lead_and_removed_with_undo(
    qtbot, context, fpa_portfolio, qtmodeltester
):
    """A new member can be named in the table and made the only lead; removing and undoing keeps what they led."""
    page = _page(qtbot, context)
    model = page.team_model
    qtmodeltester.check(model)
    assert model.rowCount() == 1 and model.data(model.index(0, 0)) == "Ann Patel"
    page.add_member()
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)) == "New member")
    page.team.closePersistentEditor(model.index(row, 0))
    assert model.setData(model.index(row, 0), "Sam Wright")
    assert model.setData(model.index(row, 1), "Governor")
    sam = next(s for s in list_staff(fpa_portfolio) if s.name == "Sam Wright")
    assert sam.role == "Governor" and sam.in_core_team
    page.team.selectRow(model.row_of(sam.id))
    page.make_selected_lead()
    leads = [s.name for s in list_staff(fpa_portfolio) if s.is_lead]
    assert leads == ["Sam Wright"]
    assert (
        model.data(model.index(model.row_of(sam.id), 3), Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.Checked
    )
    context.undo_stack.undo()
    assert [s.name for s in list_staff(fpa_portfolio) if s.is_lead] == ["Ann Patel"]

    framework_service.update_theme(
        fpa_portfolio, 1, lead_staff_id=sam.id
    )  # leads theme 1's evidence gathering
    page.team.selectRow(model.row_of(sam.id))
    page.remove_selected()
    assert "Sam Wright" not in [s.name for s in list_staff(fpa_portfolio)]
    assert _theme_lead(fpa_portfolio) is None
    context.undo_stack.undo()
    assert "Sam Wright" in [s.name for s in list_staff(fpa_portfolio)]
    assert _theme_lead(fpa_portfolio) == sam.id


def _theme_lead(portfolio):
    with portfolio.raw_connection() as conn:
        return conn.execute("SELECT lead_staff_id FROM theme WHERE id = 1").fetchone()[0]


def test_read_only_portfolio_shows_the_details_without_editing(qtbot, fpa_portfolio, tmp_path):
    """Opened read-only, the page shows the details and the team but offers no way to change them."""
    from portfolio_builder.core.framework.portfolio_setup import update_profile
    from portfolio_builder.ui.portfolio_context import PortfolioContext

    update_profile(fpa_portfolio, head="Dawn Okafor")
    fpa_portfolio.close()
    with Portfolio.open(fpa_portfolio.path, read_only=True) as reader:
        ctx = PortfolioContext(reader)
        page = _page(qtbot, ctx)
        assert page.lines["head"].text() == "Dawn Okafor" and page.lines["head"].isReadOnly()
        assert not page.add_button.isVisible() and not page.remove_button.isVisible()
        assert not page.team_model.flags(page.team_model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
        page.hide()
    with Portfolio.open(fpa_portfolio.path, read_only=True) as again:
        assert setting_profile(again).head == "Dawn Okafor"


def test_bundle_licence_is_chosen_once_here_and_undoable(qtbot, context):
    """The licence starts as 'All rights reserved'; choosing another is saved at once and Undo puts it back."""
    from portfolio_builder.core.framework.portfolio_setup import setting_profile
    from portfolio_builder.ui.pages.setting_page import SettingPage

    page = SettingPage(context)
    qtbot.addWidget(page)
    assert page.licence.currentData() == "all-rights-reserved"
    index = page.licence.findData("CC-BY-4.0")
    page.licence.setCurrentIndex(index)
    page.licence.activated.emit(index)
    assert setting_profile(context.portfolio).licence == "CC-BY-4.0"
    context.undo_stack.undo()
    assert setting_profile(context.portfolio).licence == "all-rights-reserved"
    assert page.licence.currentData() == "all-rights-reserved"


def test_award_level_is_offered_only_where_the_scheme_has_levels(qtbot, context, scheme_context):
    """Signs of Safety: bronze, silver or gold is chosen here (undoable); FPA has no award levels, so no choice."""
    fpa = _page(qtbot, context)
    assert not fpa.award_level.isVisibleTo(fpa)
    sos = scheme_context("signs-of-safety-accreditation")
    page = _page(qtbot, sos)
    assert page.award_level.isVisibleTo(page)
    assert [page.award_level.itemText(n) for n in range(1, page.award_level.count())] == [
        "Bronze",
        "Silver",
        "Gold",
    ]
    index = page.award_level.findData("Silver")
    page.award_level.setCurrentIndex(index)
    page.award_level.activated.emit(index)
    assert setting_profile(sos.portfolio).award_level == "Silver"
    sos.undo_stack.undo()
    assert setting_profile(sos.portfolio).award_level == ""
