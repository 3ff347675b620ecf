"""Several evidence items edited as one step, and Delete that undoes: driven through the real evidence page.

Each edit of a multi-selection is one core transaction and one undo entry; a delete comes back with its tags
and regions; an undo that cannot apply clears the history with a message and changes nothing.
"""

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from portfolio_builder.core.evidence.evidence_details import evidence_details
from portfolio_builder.core.evidence.evidence_links import tag_evidence
from portfolio_builder.core.evidence.evidence_service import (
    get_evidence,
    query_evidence,
    update_evidence,
)
from portfolio_builder.core.evidence.region_service import item_regions, set_regions
from portfolio_builder.core.privacy.redaction.regions import Region
from portfolio_builder.ui import page_dialogs
from portfolio_builder.ui.pages.evidence_page import EvidencePage

from .evidence_fixtures import context, three_items  # noqa: F401 - fixtures


@pytest.fixture(autouse=True)
def shown(monkeypatch):
    """Refusals and notices the page would show, recorded; deleting is confirmed."""
    messages = []
    monkeypatch.setattr(
        page_dialogs, "show_refusal", lambda parent, message: messages.append(message)
    )
    monkeypatch.setattr(page_dialogs, "confirm", lambda *args, **kwargs: True)
    return messages


@pytest.fixture
def page(qtbot, context, three_items):
    """The evidence page at 1366x768 listing the three items."""
    page = EvidencePage(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    return page


def select_all(qtbot, page) -> None:
    """Ctrl+A in the list, as a user selects every item."""
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)


def choose(combo, data) -> None:
    """Pick an entry of a combo box as a user does (the activated signal the editor listens to)."""
    combo.setCurrentIndex(combo.findData(data))
    combo.activated.emit(combo.currentIndex())


def consents(portfolio, ids) -> list[str]:
    return [get_evidence(portfolio, i).consent for i in ids]


def test_consent_for_three_selected_items_is_one_undoable_step(
    qtbot, page, context, fpa_portfolio, three_items
):
    """Three items selected: the form says so, consent shows 'Several values' where they differ; choosing one
    sets it on all three as one undo entry, and one Undo gives each item its own consent back."""
    for evidence_id, consent in zip(three_items, ("missing", "missing", "not-needed")):
        update_evidence(fpa_portfolio, evidence_id, consent=consent)  # e.g. photos just imported
    page.refresh()
    select_all(qtbot, page)
    editor = page.editor
    assert page.selected_ids() == three_items
    assert editor.form_box.isEnabled() and editor.form_box.title() == "Details of 3 items"
    assert editor.consent.currentText() == "Several values" and not editor.title.isEnabled()
    choose(editor.consent, "obtained")
    assert consents(fpa_portfolio, three_items) == ["obtained"] * 3
    assert (
        context.undo_stack.count() == 1
        and context.undo_stack.undoText() == "Set consent of 3 items"
    )
    assert editor.consent.currentData() == "obtained"  # the form shows the shared value now
    context.undo_stack.undo()
    assert consents(fpa_portfolio, three_items) == ["missing", "missing", "not-needed"]
    assert editor.consent.currentText() == "Several values" and page.selected_ids() == three_items
    context.undo_stack.redo()
    assert consents(fpa_portfolio, three_items) == ["obtained"] * 3


def test_component_source_and_date_are_set_for_all_selected(
    qtbot, iif_context, iif_portfolio, tmp_path
):
    """In a scheme with components, component, source and date each go to every selected item in one step;
    fields left alone (titles) stay as they were, and each step undoes on its own."""
    from portfolio_builder.core.evidence.evidence_import import import_evidence

    from .evidence_fixtures import make_jpeg, make_text

    ids = import_evidence(
        iif_portfolio,
        [make_jpeg(tmp_path / "forum.jpg"), make_text(tmp_path / "minutes.txt")],
        workers=1,
    ).added
    page = EvidencePage(iif_context)
    qtbot.addWidget(page)
    page.show()
    select_all(qtbot, page)
    editor = page.editor
    choose(editor.component, "generic")
    editor.source.setText("Family Forum")
    editor.source.editingFinished.emit()
    editor.date.setDate(QDate(2025, 10, 3))
    editor.date.editingFinished.emit()
    for evidence_id in ids:
        item = get_evidence(iif_portfolio, evidence_id)
        assert (item.component, item.source, item.evidence_date) == (
            "generic",
            "Family Forum",
            date(2025, 10, 3),
        )
    assert [get_evidence(iif_portfolio, i).title for i in ids] == ["Forum", "Minutes"]
    assert iif_context.undo_stack.count() == 3
    iif_context.undo_stack.undo()  # the date only
    assert {get_evidence(iif_portfolio, i).evidence_date for i in ids} != {date(2025, 10, 3)}
    assert {get_evidence(iif_portfolio, i).source for i in ids} == {"Family Forum"}


def test_tagging_past_the_schemes_rule_is_refused_for_all(
    qtbot, page, context, fpa_portfolio, three_items, shown
):
    """Three items tagged as key evidence of a descriptor that takes two: refused with the rule's message,
    none tagged, nothing on the undo history; two of them: one step, one Undo untags both."""
    select_all(qtbot, page)
    assert page.editor.tag_selected("1a", cross=False) is False
    assert len(shown) == 1 and "1a" in shown[0]
    assert all(evidence_details(fpa_portfolio, i).tags == [] for i in three_items)
    assert context.undo_stack.count() == 0
    page.select_ids(three_items[:2])
    assert page.editor.tag_selected("1a", cross=False)
    assert [t.slot for i in three_items[:2] for t in evidence_details(fpa_portfolio, i).tags] == [
        1,
        2,
    ]
    context.undo_stack.undo()
    assert all(evidence_details(fpa_portfolio, i).tags == [] for i in three_items)


def test_selected_items_tags_are_listed_and_removed_from_all_at_once(
    qtbot, page, context, fpa_portfolio, three_items
):
    """Several items selected: the list says how many carry each tag; removing one takes it from all of them in
    one step, and Undo puts every tag back in its slot."""
    tag_evidence(fpa_portfolio, three_items[0], "1a")
    tag_evidence(fpa_portfolio, three_items[1], "1a")
    tag_evidence(fpa_portfolio, three_items[2], "1b", cross_reference=True)
    page.refresh()
    select_all(qtbot, page)
    editor = page.editor
    assert editor.tags_box.tag_model.stringList() == [
        "1a  key evidence presented: 2 of 3 items",
        "1b  cross-reference: 1 of 3 items",
    ]
    editor.tags_box.tag_list.setCurrentIndex(editor.tags_box.tag_model.index(0))
    assert editor.tags_box.untag_button.isEnabled()
    editor.tags_box.untag_button.click()
    assert editor.tags_box.tag_model.stringList() == ["1b  cross-reference: 1 of 3 items"]
    assert context.undo_stack.undoText() == "Remove tag 1a from 3 items"
    context.undo_stack.undo()
    assert [
        (t.code, t.slot) for i in three_items[:2] for t in evidence_details(fpa_portfolio, i).tags
    ] == [("1a", 1), ("1a", 2)]


def test_delete_undo_redo_undo_stays_consistent(
    qtbot, page, context, fpa_portfolio, three_items, shown
):
    """Tag a photo and blur part of it, delete it, Undo, Redo, Undo: it comes back each time with its tag and
    region, the list follows, no refusal is shown and the history keeps one entry in the right place."""
    photo = three_items[0]
    tag_evidence(fpa_portfolio, photo, "1a")
    set_regions(fpa_portfolio, photo, [Region(0.2, 0.2, 0.3, 0.3)])
    page.refresh()
    page.select_ids([photo])
    page.delete_action.trigger()
    assert [r.id for r in query_evidence(fpa_portfolio)] == three_items[1:] and page.model.row_of(
        photo
    ) is None
    stack = context.undo_stack
    assert (stack.count(), stack.index(), stack.undoText()) == (1, 1, "Delete item")
    for step, present in ((stack.undo, True), (stack.redo, False), (stack.undo, True)):
        step()
        assert (page.model.row_of(photo) is not None) is present
        assert (photo in [r.id for r in query_evidence(fpa_portfolio)]) is present
    assert [t.code for t in evidence_details(fpa_portfolio, photo).tags] == ["1a"]
    assert item_regions(fpa_portfolio, photo) == (Region(0.2, 0.2, 0.3, 0.3),)
    assert evidence_details(fpa_portfolio, photo).item.title == "Forum"
    assert (stack.count(), stack.index()) == (1, 0) and shown == []


def test_several_items_deleted_at_once_come_back_with_one_undo(
    qtbot, page, context, fpa_portfolio, three_items, shown
):
    """Three selected items deleted in one step come back, all three, with one Undo."""
    select_all(qtbot, page)
    page.delete_action.trigger()
    assert query_evidence(fpa_portfolio) == [] and context.undo_stack.undoText() == "Delete 3 items"
    context.undo_stack.undo()
    assert [
        r.id for r in query_evidence(fpa_portfolio)
    ] == three_items and page.model.rowCount() == 3


def test_an_undo_that_cannot_apply_changes_nothing_and_clears_the_history(
    qtbot, page, context, fpa_portfolio, three_items, shown
):
    """An item changed outside the history (another program, say) after a bulk edit: Undo says why it cannot,
    changes no item, and the history is cleared so it never disagrees with the file."""
    select_all(qtbot, page)
    choose(page.editor.consent, "missing")
    update_evidence(
        fpa_portfolio, three_items[1], consent="not-needed"
    )  # behind the history's back
    errors = []
    context.error.connect(errors.append)
    context.undo_stack.undo()
    assert consents(fpa_portfolio, three_items) == ["missing", "not-needed", "missing"]
    assert (
        len(errors) == 1
        and "Nothing was changed" in errors[0]
        and "history was cleared" in errors[0]
    )
    qtbot.waitUntil(lambda: context.undo_stack.count() == 0)
    assert not context.undo_stack.canUndo() and not context.undo_stack.canRedo()


def test_bytes_kept_for_undo_go_when_the_portfolio_closes(
    qtbot, tmp_path, fpa_portfolio, three_items, shown
):
    """A deleted item's file bytes stay only while its delete can be undone: closing removes them."""
    from portfolio_builder.core.storage.portfolio_file import Portfolio
    from portfolio_builder.ui.portfolio_context import PortfolioContext

    context = PortfolioContext(fpa_portfolio)
    page = EvidencePage(context)
    qtbot.addWidget(page)
    page.select_ids([three_items[0]])
    page.delete_action.trigger()
    context.close()
    with Portfolio.open(fpa_portfolio.path) as reopened, reopened.raw_connection() as conn:
        assert conn.execute("SELECT count(*) FROM stored_file").fetchone()[0] == 2
