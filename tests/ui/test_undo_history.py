"""The undo history as a user meets it: Edit > Undo replays core's recorded changes, removals once final now
undo, and an undo that cannot apply says why, changes nothing and empties the history."""

from datetime import date

from portfolio_builder.core.evidence.evidence_service import get_evidence, update_evidence
from portfolio_builder.core.framework import framework_service
from portfolio_builder.core.planning import planning_service as planning
from portfolio_builder.core.planning.planning_overview import cover_sheet_evidence
from portfolio_builder.ui import page_dialogs
from portfolio_builder.ui.pages.planning_page import PlanningPage

from .conftest import add_evidence


def test_removing_a_priority_undoes_with_its_cover_sheet_diary_and_evidence(
    qtbot, iif_context, iif_portfolio, monkeypatch
):
    """A priority removed with its cover sheet, diary and attached photo comes back whole with one Undo."""
    monkeypatch.setattr(page_dialogs, "confirm", lambda *args, **kwargs: True)
    framework_service.add_descriptor(iif_portfolio, "E1", "E1a", "Test statement E1a.")
    item = add_evidence(iif_portfolio, "Family day photo", kind="photo", consent="obtained")
    pid = planning.add_priority(iif_portfolio, "Hear every voice", descriptor_codes=["E1a"])
    sheet_id = planning.cover_sheet_for(iif_portfolio, pid).id
    planning.update_cover_sheet(iif_portfolio, sheet_id, lead="Sam Wright")
    planning.add_diary_entry(
        iif_portfolio, sheet_id, date(2025, 11, 2), "Family day held.", "Jo", [item]
    )
    page = PlanningPage(iif_context)
    qtbot.addWidget(page)
    page.show()
    page.priorities.list.setCurrentIndex(page.priorities.model.index(0))
    assert page.priorities.remove_current()
    assert planning.list_priorities(iif_portfolio) == [] and page.priorities.model.rowCount() == 0
    assert iif_context.undo_stack.undoText() == "Remove priority 'Hear every voice'"
    iif_context.undo_stack.undo()
    assert [p.title for p in planning.list_priorities(iif_portfolio)] == ["Hear every voice"]
    sheet = planning.cover_sheet_for(iif_portfolio, pid)
    assert (sheet.id, sheet.lead) == (sheet_id, "Sam Wright")
    assert [e.text for e in planning.diary_entries(iif_portfolio, sheet_id)] == ["Family day held."]
    assert [row[0] for row in cover_sheet_evidence(iif_portfolio, sheet_id)] == [item]
    assert page.priorities.model.rowCount() == 1


def test_edit_undo_that_cannot_apply_is_explained_and_the_history_emptied(
    qtbot, main_window, dialogs, monkeypatch
):
    """Edit > Undo of an item edited since by another program: the window says what could not be undone and
    that nothing changed, the item keeps the other program's edit, and Undo and Redo are greyed out."""
    monkeypatch.setattr(
        page_dialogs, "show_refusal", lambda parent, message: None
    )  # the window's box is enough
    context = main_window.context
    portfolio = context.portfolio
    item = add_evidence(portfolio, "Minutes of the forum")
    assert context.push(
        "Change title", lambda: update_evidence(portfolio, item, title="Forum minutes"), "evidence"
    )
    update_evidence(portfolio, item, title="Minutes (edited elsewhere)")  # outside the history
    main_window.undo_action.trigger()
    assert len(dialogs.errors) == 1
    assert dialogs.errors[0].startswith("'Change title' could not be undone: evidence item")
    assert (
        "Nothing was changed" in dialogs.errors[0]
        and "undo history was cleared" in dialogs.errors[0]
    )
    assert get_evidence(portfolio, item).title == "Minutes (edited elsewhere)"
    qtbot.waitUntil(lambda: context.undo_stack.count() == 0)
    assert not main_window.undo_action.isEnabled() and not main_window.redo_action.isEnabled()
