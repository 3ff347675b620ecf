"""The planning page: each scheme's own parts (priorities and cover sheets only where used), action plan, texts."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from portfolio_builder.core.framework import framework_service
from portfolio_builder.core.planning import planning_service as planning
from portfolio_builder.core.planning.planning_overview import cover_sheet_evidence
from portfolio_builder.core.planning.portfolio_texts import read_texts
from portfolio_builder.ui import page_dialogs
from portfolio_builder.ui.pages.planning_page import PlanningPage
from portfolio_builder.ui.planning.diary_dialog import DiaryEntryDialog
from portfolio_builder.ui.planning.priority_dialog import PriorityDialog

from .evidence_fixtures import context  # noqa: F401 - fixture


def _page(qtbot, context):
    page = PlanningPage(context)
    qtbot.addWidget(page)
    page.show()
    return page


def _tab_labels(page) -> list[str]:
    return [page.tabs.tabText(n).replace("&", "") for n in range(page.tabs.count())]


def _statements(portfolio, codes=("E1a", "E2a", "E3a")) -> None:
    """Quality statements typed in from the setting's toolkit (test data, not the toolkit's wording)."""
    for code in codes:
        framework_service.add_descriptor(portfolio, code[:2], code, f"Test statement {code}.")


def test_fpa_planning_has_no_priorities_or_cover_sheets(qtbot, context):
    """FPA: the gaps feed the action plan, so the page offers only the action plan and the case study."""
    page = _page(qtbot, context)
    assert _tab_labels(page) == ["Action plan", "Good practice case study"]
    model = page.actions.model
    assert [
        model.headerData(n, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        for n in range(model.columnCount())
    ][:3] == ["Key theme", "Action/Activities", "Lead person(s) responsible"]


def test_adding_a_priority_counts_it_against_the_scheme(
    qtbot, iif_context, iif_portfolio, monkeypatch
):
    """IiF: a priority added through the dialog shows as '1 of 5 chosen' with its statements; Undo removes it."""
    _statements(iif_portfolio)
    monkeypatch.setattr(
        PriorityDialog,
        "ask",
        classmethod(
            lambda cls, parent, staff, initial=None: {
                "title": "Hear every voice",
                "description": "",
                "lead_staff_id": staff[0][0],
                "codes": ["E1a", "E2a"],
            }
        ),
    )
    page = _page(qtbot, iif_context)
    assert _tab_labels(page) == [
        "Key priorities",
        "Work plan and timeline",
        "Priority Action Cover Sheets",
        "Outline action plan for the next three years",
    ]
    assert page.priorities.count_label.text().startswith("0 of 5 chosen")
    assert page.priorities.add()
    assert page.priorities.count_label.text().startswith("1 of 5 chosen")
    text = page.priorities.model.data(page.priorities.model.index(0))
    assert (
        "Hear every voice" in text and "Jo Bell" in text and "Quality statements: E1a, E2a" in text
    )
    iif_context.undo_stack.undo()
    assert planning.list_priorities(iif_portfolio) == []


def test_a_sixth_priority_is_refused_with_the_core_message(
    qtbot, iif_context, iif_portfolio, monkeypatch
):
    """IiF asks for exactly five: the sixth is refused with the core's words and nothing is added."""
    for n in range(1, 6):
        planning.add_priority(iif_portfolio, f"Priority {n}")
    shown = []
    monkeypatch.setattr(page_dialogs, "show_refusal", lambda parent, message: shown.append(message))
    monkeypatch.setattr(
        PriorityDialog,
        "ask",
        classmethod(
            lambda cls, parent, staff, initial=None: {
                "title": "One too many",
                "description": "",
                "lead_staff_id": 0,
                "codes": [],
            }
        ),
    )
    page = _page(qtbot, iif_context)
    assert page.priorities.count_label.text().startswith("5 of 5 chosen")
    assert not page.priorities.add()
    assert shown and "asks for exactly 5 key priorities" in shown[0]
    assert len(planning.list_priorities(iif_portfolio)) == 5 and iif_context.undo_stack.count() == 0


def test_an_older_fpa_portfolio_keeps_its_priorities_with_a_note(qtbot, older_fpa_context):
    """Priorities made by the previous version stay listed (never deleted) with a note that FPA does not use or
    print them; adding more is not offered; the outline plan it wrote is kept beside the case study, noted."""
    page = _page(qtbot, older_fpa_context)
    labels = _tab_labels(page)
    assert labels[0] == "Priorities" and "Good practice case study" in labels
    assert page.priorities.model.rowCount() == 5
    assert (
        "does not use priorities" in page.priorities.note.text()
        and "not printed" in page.priorities.note.text()
    )
    assert not page.priorities.buttons["add"].isVisibleTo(page)
    assert set(page.texts.editors) == {"case-study", "outline-plan"}
    assert (
        "earlier version"
        in page.texts.boxes["outline-plan"].findChildren(type(page.priorities.note))[0].text()
    )
    assert len(planning.list_priorities(older_fpa_context.portfolio)) == 5


def test_editing_an_action_cell_is_saved_and_undoable(qtbot, context, fpa_portfolio):
    """Typing a lead and a start date in the FPA action plan saves them; Undo restores the old value."""
    planning.add_action(fpa_portfolio, "Relaunch the Forum", descriptor_code="1c")
    page = _page(qtbot, context)
    model = page.actions.model
    assert model.data(model.index(0, 0)) == "1 (1c)"
    assert model.column_of("status") is None  # FPA's action plan has no status column
    assert model.setData(model.index(0, model.column_of("lead")), "Sam Wright")
    assert model.setData(model.index(0, model.column_of("from")), QDate(2025, 10, 1))
    action = planning.list_actions(fpa_portfolio)[0]
    assert (action.lead, action.starts_on) == ("Sam Wright", date(2025, 10, 1))
    context.undo_stack.undo()
    assert planning.list_actions(fpa_portfolio)[0].starts_on is None
    assert planning.list_actions(fpa_portfolio)[0].lead == "Sam Wright"


def test_la_actions_show_when_they_are_due_by_the_scheme(qtbot, scheme_context):
    """LA practice quality: a Due column from the scheme's timescales (five working days after an inadequate
    audit, 28 days otherwise), and a status chosen from the list; the timescales are written above the table."""
    from portfolio_builder.core.planning.audit_service import rate_descriptor

    ctx = scheme_context("la-practice-quality")
    rate_descriptor(ctx.portfolio, "R1", "inadequate", date(2026, 1, 12))
    planning.add_action(
        ctx.portfolio, "Chronology updated", descriptor_code="R1", starts_on=date(2026, 1, 12)
    )
    planning.add_action(ctx.portfolio, "Team briefing", theme_code="Q", starts_on=date(2026, 1, 12))
    page = _page(qtbot, ctx)
    model = page.actions.model
    due = model.column_of("deadline")
    assert model.headerData(due, Qt.Orientation.Horizontal) == "Due"
    assert [model.data(model.index(r, due)) for r in range(2)] == ["19 Jan 2026", "09 Feb 2026"]
    assert "within 5 working days" in page.actions.timescales.text()
    assert model.setData(model.index(0, model.column_of("status")), "done")
    assert planning.list_actions(ctx.portfolio)[0].status == "done"
    assert _tab_labels(page) == ["Actions", "Analysis of themes, strengths and barriers"]


def test_an_action_ending_before_it_starts_is_refused(qtbot, context, fpa_portfolio, monkeypatch):
    """An end date before the start shows the core's message and is not saved."""
    shown = []
    monkeypatch.setattr(page_dialogs, "show_refusal", lambda parent, message: shown.append(message))
    planning.add_action(fpa_portfolio, "Survey", starts_on=date(2025, 10, 1))
    page = _page(qtbot, context)
    model = page.actions.model
    assert not model.setData(model.index(0, model.column_of("to")), QDate(2025, 9, 1))
    assert shown and "end before it starts" in shown[0]


def test_cover_sheet_diary_entries_and_evidence(
    qtbot, iif_context, iif_portfolio, monkeypatch, tmp_path
):
    """A diary entry and an attached item appear on the cover sheet; deleting the entry can be undone."""
    from tests.ui.conftest import add_evidence

    _statements(iif_portfolio)
    item = add_evidence(iif_portfolio, "Family day photo", kind="photo", consent="obtained")
    pid = planning.add_priority(iif_portfolio, "Hear every voice", descriptor_codes=["E1a"])
    monkeypatch.setattr(
        DiaryEntryDialog,
        "ask",
        classmethod(
            lambda cls, parent, initial=None: {
                "entry_date": date(2025, 11, 2),
                "text": "Family day held; 14 families came.",
                "author": "Jo",
            }
        ),
    )
    monkeypatch.setattr(page_dialogs, "choose_evidence", lambda parent, rows: rows[0][0])
    page = _page(qtbot, iif_context)
    page.tabs.setCurrentWidget(page.cover_sheets)
    sheet = page.cover_sheets
    assert sheet.diary_box.title() == "Diary of activities"
    assert sheet.add_entry()
    assert sheet.diary_model.rowCount() == 1
    assert sheet.attach()
    sheet_id = planning.cover_sheet_for(iif_portfolio, pid).id
    assert [row[0] for row in cover_sheet_evidence(iif_portfolio, sheet_id)] == [item]
    sheet.diary.setCurrentIndex(sheet.diary_model.index(0, 0))
    assert sheet.delete_entry()
    assert sheet.diary_model.rowCount() == 0
    iif_context.undo_stack.undo()
    assert sheet.diary_model.rowCount() == 1
    sheet.lead.setText("Sam Wright")
    sheet.lead.editingFinished.emit()
    assert planning.cover_sheet_for(iif_portfolio, pid).lead == "Sam Wright"


def test_case_study_is_saved_shortly_after_typing(qtbot, context, fpa_portfolio):
    """The case study is saved about half a second after typing stops, without a Save button."""
    page = _page(qtbot, context)
    page.tabs.setCurrentWidget(page.texts)
    qtbot.keyClicks(page.texts.editors["case-study"], "Our journey")
    assert read_texts(fpa_portfolio).get("case-study", "") == ""
    qtbot.waitUntil(
        lambda: read_texts(fpa_portfolio).get("case-study") == "Our journey", timeout=3000
    )


@pytest.mark.parametrize(
    "scheme_id, key",
    [
        ("investors-in-families-secure", "outline-plan"),
        ("signs-of-safety-accreditation", "self-benchmarking"),
    ],
)
def test_each_scheme_asks_for_its_own_texts(qtbot, scheme_context, scheme_id, key):
    """IiF asks for the outline three-year plan, Signs of Safety for self-benchmarking: one editor each."""
    page = _page(qtbot, scheme_context(scheme_id))
    assert list(page.texts.editors) == [key]


def test_priority_order_can_be_changed(qtbot, iif_context, iif_portfolio):
    """Move down swaps a priority with the next one (undoable)."""
    first = planning.add_priority(iif_portfolio, "First")
    planning.add_priority(iif_portfolio, "Second")
    page = _page(qtbot, iif_context)
    page.priorities.list.setCurrentIndex(page.priorities.model.index(0))
    assert page.priorities.move(1)
    assert [p.title for p in planning.list_priorities(iif_portfolio)] == ["Second", "First"]
    assert page.priorities.current().id == first
    iif_context.undo_stack.undo()
    assert [p.title for p in planning.list_priorities(iif_portfolio)] == ["First", "Second"]
