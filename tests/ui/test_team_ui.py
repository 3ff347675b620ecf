"""File > Send a team copy and File > Merge a contribution, and who contributed what on the dashboard."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from portfolio_builder.core.storage.portfolio_file import Portfolio
from portfolio_builder.core.team.merge_apply import apply_merge
from portfolio_builder.core.team.merge_log import contributions_of
from portfolio_builder.core.team.merge_plan import plan_merge
from portfolio_builder.ui.main_window import MainWindow
from portfolio_builder.ui.merge_dialog import MergeDialog
from portfolio_builder.ui.models.contributions_model import ContributionsModel
from portfolio_builder.ui.models.merge_plan_model import MergePlanModel
from portfolio_builder.ui.team_copy_dialog import TeamCopyDialog
from tests.core.team_fixtures import two_packs


def _conflicting_plan(lead, tmp_path):
    ben, dev = two_packs(lead, tmp_path)
    apply_merge(lead, ben, {})
    return dev, plan_merge(lead, dev)


def test_models_pass_qt_model_checks(qtmodeltester, fpa_portfolio, tmp_path):
    _dev, plan = _conflicting_plan(fpa_portfolio, tmp_path)
    model = MergePlanModel(plan)
    assert (
        model.rowCount() == len(plan.changes) and model.index(0, 1).data() == "Conflict: you decide"
    )
    qtmodeltester.check(model)
    contributions = ContributionsModel()
    contributions.set_contributions(contributions_of(fpa_portfolio))
    assert "Ben Jones" in contributions.index(0, 0).data()
    qtmodeltester.check(contributions)


def test_merge_needs_a_choice_for_every_conflict(qtbot, fpa_portfolio, tmp_path):
    _dev, plan = _conflicting_plan(fpa_portfolio, tmp_path)
    dialog = MergeDialog(plan)
    qtbot.addWidget(dialog)
    assert len(dialog.choices) == 2 and not dialog.merge_button.isEnabled()
    dialog.choices[0].theirs.setChecked(True)
    assert not dialog.merge_button.isEnabled()
    dialog.choose_all("mine")
    assert dialog.merge_button.isEnabled() and set(dialog.decisions().values()) == {"mine"}
    assert set(dialog.decisions()) == {c.id for c in plan.conflicts}


def test_send_a_copy_and_merge_from_the_file_menu(
    qtbot, dialogs, monkeypatch, fpa_portfolio, tmp_path
):
    """Send a team copy writes the file; Merge a contribution shows the plan, merges as chosen, and the dashboard
    then says who contributed what."""
    ben, dev = two_packs(fpa_portfolio, tmp_path)
    path = fpa_portfolio.path
    fpa_portfolio.close()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_portfolio(path)
    assert window.team_copy_action.isEnabled() and window.merge_action.isEnabled()

    def fill(dialog):
        dialog.person.setCurrentText("Cara Obi")
        dialog.theme_model.item(1).setCheckState(dialog.theme_model.item(1).checkState().Checked)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TeamCopyDialog, "exec", fill)
    window.team_copy_action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs.infos or dialogs.errors), timeout=20000)
    assert not dialogs.errors and "Cara Obi" in dialogs.infos[-1][0]
    copy = path.with_name(f"{path.stem}-for-cara-obi.portfolio")
    with Portfolio.open(copy, read_only=True) as cara, cara.raw_connection() as conn:
        assert conn.execute("SELECT copy_for, themes FROM team_identity").fetchone() == (
            "Cara Obi",
            "2",
        )

    for pack, choice in ((ben, "mine"), (dev, "theirs")):
        dialogs.open_path = str(pack)
        shown = []

        def decide(dialog, choice=choice, shown=shown):
            shown.append(len(dialog.choices))
            dialog.choose_all(choice)
            return QDialog.DialogCode.Accepted

        monkeypatch.setattr(MergeDialog, "exec", decide)
        count = len(dialogs.infos)
        window.merge_action.trigger()
        qtbot.waitUntil(
            lambda count=count: len(dialogs.infos) > count or bool(dialogs.errors), timeout=20000
        )
        assert not dialogs.errors and dialogs.infos[-1][0].startswith("Merged")
    assert shown == [2]  # Dev's pack met Ben's merged changes: two conflicts, taken as Dev's
    dashboard = window.view.page("Dashboard")
    qtbot.waitUntil(lambda: dashboard.contributions.rowCount() == 2, timeout=5000)
    assert not dashboard.team_box.isHidden()
    assert "Dev Shah" in dashboard.contributions.index(0, 0).data()
    with window.context.portfolio.raw_connection() as conn:
        assert (
            conn.execute("SELECT body FROM portfolio_text WHERE key = 'case-study'").fetchone()[0]
            == "Our journey, in Dev's words."
        )
    window.close_portfolio()


def test_a_pack_given_to_the_lead_window_is_offered_for_merging(
    qtbot, dialogs, monkeypatch, fpa_portfolio, tmp_path
):
    """A contribution pack dropped on (or opened with) the lead's window goes to Merge, not to the assessor's window."""
    ben, _dev = two_packs(fpa_portfolio, tmp_path)
    path = fpa_portfolio.path
    fpa_portfolio.close()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_portfolio(path)
    shown = []
    monkeypatch.setattr(
        MergeDialog,
        "exec",
        lambda dialog: shown.append(len(dialog.plan.changes)) or QDialog.DialogCode.Rejected,
    )
    assert window.open_path(ben)
    qtbot.waitUntil(lambda: bool(shown or dialogs.errors), timeout=20000)
    assert shown == [2] and not dialogs.errors and not hasattr(window, "_assessor")
    window.close_portfolio()


def test_a_team_member_sends_their_contribution_from_the_file_menu(
    qtbot, dialogs, fpa_portfolio, tmp_path
):
    """In a team copy, File offers Send my contribution (and not Send a team copy or Merge); it writes the pack."""
    from portfolio_builder.core.team.team_copy import make_team_copy
    from tests.ui.conftest import add_evidence

    copy = make_team_copy(fpa_portfolio, tmp_path / "ben.portfolio", "Ben Jones")
    window = MainWindow()
    qtbot.addWidget(window)
    assert not window.contribute_action.isVisible()
    assert window.open_portfolio(copy.path)
    assert "team copy for Ben Jones" in window.windowTitle()
    assert window.contribute_action.isVisible() and window.contribute_action.isEnabled()
    assert not window.team_copy_action.isEnabled() and not window.merge_action.isEnabled()
    add_evidence(window.context.portfolio, "Ben's minutes")
    dialogs.save_path = str(tmp_path / "ben.zip")
    window.contribute_action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs.infos or dialogs.errors), timeout=20000)
    assert (
        not dialogs.errors
        and "1 change(s)" in dialogs.infos[-1][0]
        and (tmp_path / "ben.zip").exists()
    )
    window.close_portfolio()
    assert not window.contribute_action.isVisible()
    assert plan_merge(fpa_portfolio, tmp_path / "ben.zip").incoming
