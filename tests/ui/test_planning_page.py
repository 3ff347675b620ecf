"""The planning page: priorities counted against the framework, action plan edits, cover-sheet diaries, texts."""

from datetime import date

from PySide6.QtCore import QDate

from portfolio_builder.core import planning_service as planning
from portfolio_builder.core.planning_overview import cover_sheet_evidence
from portfolio_builder.core.portfolio_setup import setting_profile
from portfolio_builder.ui import page_dialogs
from portfolio_builder.ui.pages.planning_page import PlanningPage
from portfolio_builder.ui.planning.diary_dialog import DiaryEntryDialog
from portfolio_builder.ui.planning.priority_dialog import PriorityDialog

from .evidence_fixtures import context, three_items  # noqa: F401 - fixtures


def _page(qtbot, context):
    page = PlanningPage(context)
    qtbot.addWidget(page)
    page.show()
    return page


def test_adding_a_priority_counts_it_against_the_framework(qtbot, context, fpa_portfolio, monkeypatch):
    """A priority added through the dialog shows as '1 of 5 chosen' with its descriptors; Undo removes it."""
    monkeypatch.setattr(PriorityDialog, "ask", classmethod(lambda cls, parent, staff, initial=None: {
        "title": "Hear every voice", "description": "", "lead_staff_id": staff[0][0], "codes": ["1c", "1d"]}))
    page = _page(qtbot, context)
    assert page.priorities.count_label.text() == "0 of 5 chosen"
    assert page.priorities.add()
    assert page.priorities.count_label.text() == "1 of 5 chosen"
    text = page.priorities.model.data(page.priorities.model.index(0))
    assert "Hear every voice" in text and "Ann Patel" in text and "1c, 1d" in text
    context.undo_stack.undo()
    assert planning.list_priorities(fpa_portfolio) == []


def test_editing_an_action_cell_is_saved_and_undoable(qtbot, context, fpa_portfolio):
    """Typing a lead and choosing a status in the action plan saves them; Undo restores the old value."""
    planning.add_action(fpa_portfolio, "Relaunch the Forum", descriptor_code="1c")
    page = _page(qtbot, context)
    model = page.actions.model
    assert model.data(model.index(0, 0)) == "1 (1c)"
    assert model.setData(model.index(0, 2), "Sam Wright")
    assert model.setData(model.index(0, 8), "in-progress")
    assert model.setData(model.index(0, 4), QDate(2025, 10, 1))
    action = planning.list_actions(fpa_portfolio)[0]
    assert (action.lead, action.status, action.starts_on) == ("Sam Wright", "in-progress", date(2025, 10, 1))
    context.undo_stack.undo()
    context.undo_stack.undo()
    assert planning.list_actions(fpa_portfolio)[0].status == "planned"


def test_an_action_ending_before_it_starts_is_refused(qtbot, context, fpa_portfolio, monkeypatch):
    """An end date before the start shows the core's message and is not saved."""
    shown = []
    monkeypatch.setattr(page_dialogs, "show_refusal", lambda parent, message: shown.append(message))
    planning.add_action(fpa_portfolio, "Survey", starts_on=date(2025, 10, 1))
    page = _page(qtbot, context)
    assert not page.actions.model.setData(page.actions.model.index(0, 5), QDate(2025, 9, 1))
    assert shown and "end before it starts" in shown[0]


def test_cover_sheet_diary_entries_and_evidence(qtbot, context, fpa_portfolio, three_items, monkeypatch):
    """A diary entry and an attached item appear on the cover sheet; deleting the entry can be undone."""
    pid = planning.add_priority(fpa_portfolio, "Hear every voice", descriptor_codes=["1c"])
    monkeypatch.setattr(DiaryEntryDialog, "ask", classmethod(lambda cls, parent, initial=None: {
        "entry_date": date(2025, 11, 2), "text": "Forum relaunched; 14 families came.", "author": "Ann"}))
    monkeypatch.setattr(page_dialogs, "choose_evidence", lambda parent, rows: rows[0][0])
    page = _page(qtbot, context)
    page.tabs.setCurrentWidget(page.cover_sheets)
    sheet = page.cover_sheets
    assert sheet.add_entry()
    assert sheet.diary_model.rowCount() == 1
    assert sheet.attach()
    sheet_id = planning.cover_sheet_for(fpa_portfolio, pid).id
    assert [row[0] for row in cover_sheet_evidence(fpa_portfolio, sheet_id)] == [three_items[0]]
    sheet.diary.setCurrentIndex(sheet.diary_model.index(0, 0))
    assert sheet.delete_entry()
    assert sheet.diary_model.rowCount() == 0
    context.undo_stack.undo()
    assert sheet.diary_model.rowCount() == 1
    sheet.lead.setText("Sam Wright")
    sheet.lead.editingFinished.emit()
    assert planning.cover_sheet_for(fpa_portfolio, pid).lead == "Sam Wright"


def test_case_study_is_saved_shortly_after_typing(qtbot, context, fpa_portfolio):
    """The case study is saved about half a second after typing stops, without a Save button."""
    page = _page(qtbot, context)
    page.tabs.setCurrentWidget(page.texts)
    qtbot.keyClicks(page.texts.editors["case_study"], "Our journey")
    assert setting_profile(fpa_portfolio).case_study == ""
    qtbot.waitUntil(lambda: setting_profile(fpa_portfolio).case_study == "Our journey", timeout=3000)


def test_priority_order_can_be_changed(qtbot, context, fpa_portfolio):
    """Move down swaps a priority with the next one (undoable)."""
    first = planning.add_priority(fpa_portfolio, "First")
    planning.add_priority(fpa_portfolio, "Second")
    page = _page(qtbot, context)
    page.priorities.list.setCurrentIndex(page.priorities.model.index(0))
    assert page.priorities.move(1)
    assert [p.title for p in planning.list_priorities(fpa_portfolio)] == ["Second", "First"]
    assert page.priorities.current().id == first
    context.undo_stack.undo()
    assert [p.title for p in planning.list_priorities(fpa_portfolio)] == ["First", "Second"]
