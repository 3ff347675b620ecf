"""The audit page: rating with date and comment, history, refusal of future dates, and gaps to the action plan."""

from datetime import date, timedelta

from PySide6.QtCore import QDate

from portfolio_builder.core.planning.audit_service import rating_history
from portfolio_builder.core.planning.planning_service import list_actions
from portfolio_builder.ui import page_dialogs
from portfolio_builder.ui.pages.audit_page import AuditPage

from .evidence_fixtures import context  # noqa: F401 - fixture


def _page(qtbot, context):
    page = AuditPage(context)
    qtbot.addWidget(page)
    page.show()
    return page


def test_recording_a_rating_adds_to_history_and_is_undoable(qtbot, context, fpa_portfolio):
    """A rating with level, date and comment appears in the table and history; Undo removes it."""
    page = _page(qtbot, context)
    page.select_code("1b")
    page.level.setCurrentIndex(page.level.findData("developing"))
    page.date.setDate(QDate(2025, 9, 26))
    page.comment.setPlainText("Welcome events started.")
    assert page.record_rating()
    assert [r.level_key for r in rating_history(fpa_portfolio, "1b")] == ["developing"]
    assert page.model.data(page.model.index(page.model.row_of_code("1b"), 2)) == "Developing"
    assert page.history_model.rowCount() == 1
    context.undo_stack.undo()
    assert rating_history(fpa_portfolio, "1b") == []
    assert page.summary.text().startswith("0 of")


def test_the_date_field_cannot_go_past_today(qtbot, context):
    """The rating date cannot be set in the future."""
    page = _page(qtbot, context)
    page.select_code("1a")
    page.date.setDate(QDate(date.today() + timedelta(days=10)))
    assert page.date.date() == QDate.currentDate()


def test_a_gap_becomes_an_action_plan_row(qtbot, context, fpa_portfolio, monkeypatch):
    """'Add to action plan' creates an action for the descriptor from the gap text; Undo removes it."""
    monkeypatch.setattr(page_dialogs, "show_information", lambda *args: None)
    page = _page(qtbot, context)
    page.select_code("1c")
    page.gap.setText("Critical views are not yet heard")
    assert page.add_gap_to_plan()
    actions = list_actions(fpa_portfolio)
    assert [a.action for a in actions] == ["Critical views are not yet heard"]
    assert actions[0].descriptor_id is not None
    context.undo_stack.undo()
    assert list_actions(fpa_portfolio) == []


def test_an_empty_gap_is_refused_with_a_message(qtbot, context, fpa_portfolio, monkeypatch):
    """With no gap text, 'Add to action plan' explains what is needed and adds nothing."""
    shown = []
    monkeypatch.setattr(page_dialogs, "show_refusal", lambda parent, message: shown.append(message))
    page = _page(qtbot, context)
    page.select_code("1c")
    page.gap.clear()
    assert not page.add_gap_to_plan()
    assert shown and list_actions(fpa_portfolio) == []
