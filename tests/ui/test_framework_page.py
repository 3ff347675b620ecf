"""The Framework page: tree with key-evidence badges, undoable descriptor edits, evidence drops and framework files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from portfolio_builder.core.evidence.evidence_links import tag_evidence
from portfolio_builder.core.framework import framework_service
from portfolio_builder.core.framework.descriptor_detail import descriptor_detail, framework_outline
from portfolio_builder.core.planning import audit_service
from portfolio_builder.core.scheme.framework_file import load_framework, save_framework
from portfolio_builder.core.scheme.framework_model import Descriptor, Theme
from portfolio_builder.ui.framework_dialogs import DescriptorDialog, DescriptorForm
from portfolio_builder.ui.models.framework_tree_model import (
    EVIDENCE_MIME,
    ID_ROLE,
    FrameworkTreeModel,
    evidence_mime,
)
from portfolio_builder.ui.pages.framework_page import FrameworkPage
from tests.ui.conftest import add_evidence


@pytest.fixture
def page(qtbot, context, dialogs):
    widget = FrameworkPage(context)
    qtbot.addWidget(widget)
    context.error.connect(lambda m: dialogs.errors.append(m))  # the main window shows these
    return widget


def descriptor_index(model: FrameworkTreeModel, code: str):
    for theme in model._themes:
        for d in theme.descriptors:
            if d.code == code:
                return model.index_of_descriptor(d.id)
    raise AssertionError(code)


def drop(model, code: str, ids: list[int]) -> bool:
    return model.dropMimeData(evidence_mime(ids), 1, -1, -1, descriptor_index(model, code))


def test_tree_model_passes_qt_model_tester(qtmodeltester, page, context):
    """The framework tree is a well-behaved Qt model (themes -> descriptors)."""
    tag_evidence(context.portfolio, add_evidence(context.portfolio, "Mission statement"), "1a")
    page.refresh()
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)


def test_badge_shows_key_evidence_per_descriptor(page, context):
    """A descriptor with one of two key items shows '●○', with two '●●', with none '○○'."""
    p = context.portfolio
    for title in ("Mission statement", "Prospectus"):
        tag_evidence(p, add_evidence(p, title), "1a")
    tag_evidence(p, add_evidence(p, "Leaflet"), "1b")
    context.changed.emit("evidence")
    page.refresh()

    def badge(code):
        return descriptor_index(page.model, code).siblingAtColumn(1).data()

    assert badge("1a") == "●●" and badge("1b") == "●○" and badge("1c") == "○○"


def test_dropping_a_third_key_item_shows_the_rule_and_changes_nothing(page, context, dialogs):
    """Dropping a third key evidence item on a descriptor shows the core's message; its two items stay."""
    p = context.portfolio
    first, second, third = (
        add_evidence(p, t) for t in ("Mission statement", "Prospectus", "Newsletter")
    )
    assert drop(page.model, "1a", [first, second])
    page.refresh()
    before = descriptor_detail(p, descriptor_index(page.model, "1a").data(ID_ROLE))
    assert drop(page.model, "1a", [third])
    assert len(dialogs.errors) == 1
    assert "already has its 2 key evidence items" in dialogs.errors[0]
    assert "'Mission statement'" in dialogs.errors[0] and "'Prospectus'" in dialogs.errors[0]
    after = descriptor_detail(p, before.id)
    assert [e.id for e in after.key_evidence] == [first, second]
    assert context.undo_stack.count() == 1  # the refused drop is not an edit


def test_dropping_two_items_tags_both_and_undo_untags(page, context):
    """Two items dropped together become the two key items; Undo removes both."""
    p = context.portfolio
    ids = [add_evidence(p, "Policy"), add_evidence(p, "Agreement")]
    index = descriptor_index(page.model, "1f")
    assert page.model.canDropMimeData(evidence_mime(ids), 1, -1, -1, index)
    assert not page.model.canDropMimeData(
        evidence_mime(ids), 1, -1, -1, page.model.index(0, 0)
    )  # a theme
    drop(page.model, "1f", ids)
    d_id = index.data(ID_ROLE)
    assert [e.id for e in descriptor_detail(p, d_id).key_evidence] == ids
    context.undo_stack.undo()
    assert descriptor_detail(p, d_id).key_evidence == []
    context.undo_stack.redo()
    assert len(descriptor_detail(p, d_id).key_evidence) == 2


def test_mime_type_is_the_shared_evidence_drag_format(page):
    """Evidence views and the tree agree on the drag format: 'application/x-portfolio-evidence-ids', '1,2,3'."""
    assert page.model.mimeTypes() == [EVIDENCE_MIME]
    assert bytes(evidence_mime([1, 2, 3]).data(EVIDENCE_MIME).data()) == b"1,2,3"


def test_descriptor_edit_can_be_undone_and_redone(page, context):
    """Editing a descriptor's text changes it; Undo puts the old text back; Redo re-applies it."""
    p = context.portfolio
    line = framework_outline(p)[0][0].descriptors[0]
    old = descriptor_detail(p, line.id)
    initial = DescriptorForm(old.theme_code, old.code, old.text, old.examples)
    new = DescriptorForm(
        old.theme_code, "1a", "Trust underpins everything we do with families.", ["Survey"]
    )
    assert page.edit_descriptor_to(line.id, initial, new)
    assert descriptor_detail(p, line.id).text == new.text
    context.undo_stack.undo()
    assert descriptor_detail(p, line.id).text == old.text
    assert descriptor_detail(p, line.id).examples == old.examples
    context.undo_stack.redo()
    assert descriptor_detail(p, line.id).text == new.text


def test_add_descriptor_to_an_empty_theme(page, context, monkeypatch):
    """Typing in a descriptor from the award pack adds it to the chosen theme, selected; Undo removes it."""
    monkeypatch.setattr(
        DescriptorDialog,
        "ask",
        classmethod(
            lambda cls, parent, themes, initial, adding: DescriptorForm(
                "2", "2a", "Leaders champion families.", []
            )
        ),
    )
    page.add_descriptor()
    themes, _ = framework_outline(context.portfolio)
    assert [d.code for d in themes[1].descriptors] == ["2a"]
    assert page.model.descriptor_at(page.proxy.mapToSource(page.tree.currentIndex())).code == "2a"
    context.undo_stack.undo()
    assert framework_outline(context.portfolio)[0][1].descriptors == []


def test_delete_then_undo_restores_ratings_and_evidence(page, context, dialogs):
    """Deleting a descriptor asks first; Undo brings it back with its rating history and key evidence."""
    p = context.portfolio
    audit_service.rate_descriptor(p, "1c", "developing", comment="Forum growing")
    item = add_evidence(p, "Forum minutes")
    tag_evidence(p, item, "1c")
    page.refresh()
    page.select_descriptor("1c")
    page.delete_descriptor()
    assert dialogs.questions and "1c" in dialogs.questions[0][0]
    codes = [d.code for d in framework_outline(p)[0][0].descriptors]
    assert "1c" not in codes and codes[2] == "1d"
    context.undo_stack.undo()
    themes, _ = framework_outline(p)
    restored = themes[0].descriptors[2]
    assert (
        restored.code == "1c" and restored.key_count == 1 and restored.rating_label == "Developing"
    )


def test_move_descriptor_down_and_undo(page, context):
    """Move down swaps a descriptor with the next; Undo puts it back."""
    page.select_descriptor("1a")
    page.move_descriptor(+1)
    assert [d.code for d in framework_outline(context.portfolio)[0][0].descriptors][:2] == [
        "1b",
        "1a",
    ]
    context.undo_stack.undo()
    assert [d.code for d in framework_outline(context.portfolio)[0][0].descriptors][:2] == [
        "1a",
        "1b",
    ]


def test_import_framework_adds_only_new_codes_after_confirmation(page, context, dialogs, tmp_path):
    """Importing a framework file lists the new descriptors, adds them on Yes, and leaves existing codes alone."""
    with context.portfolio.session() as session:
        framework = framework_service.read_framework(session)
    framework.themes[0].descriptors[0].text = "Changed elsewhere"  # existing code: must not change
    framework.themes[1].descriptors = [
        Descriptor("2a", "Leaders model partnership."),
        Descriptor("2b", "Roles are clear."),
    ]
    framework.themes.append(
        Theme("7", "Local theme", "", [Descriptor("7a", "Our own descriptor.")])
    )
    path = tmp_path / "pack.toml"
    save_framework(framework, path)
    dialogs.open_path = str(path)
    dialogs.answer = False
    page.import_framework()
    assert "1 new theme(s) and 3 new evidence descriptor(s)" in dialogs.questions[0][0]
    assert "2a (theme 2): Leaders model partnership." in dialogs.questions[0][1]
    assert len(framework_outline(context.portfolio)[0]) == 6  # declined: nothing added
    dialogs.answer = True
    page.import_framework()
    themes, _ = framework_outline(context.portfolio)
    assert [t.code for t in themes][-1] == "7" and [d.code for d in themes[1].descriptors] == [
        "2a",
        "2b",
    ]
    assert themes[0].descriptors[0].text != "Changed elsewhere"
    context.undo_stack.undo()
    assert len(framework_outline(context.portfolio)[0]) == 6


def test_export_framework_writes_a_file_that_loads(page, dialogs, tmp_path):
    """Export framework saves the portfolio's framework as a file that can be imported again."""
    dialogs.save_path = str(tmp_path / "ours.toml")
    page.export_framework()
    loaded = load_framework(Path(dialogs.save_path))
    assert loaded.themes[0].descriptors[0].code == "1a"


def test_selecting_a_descriptor_shows_history_and_slots(page, context):
    """The detail panel shows the descriptor's text, rating history and which key slots are empty."""
    p = context.portfolio
    audit_service.rate_descriptor(p, "1b", "emergent", rated_on=date(2025, 9, 1))
    audit_service.rate_descriptor(p, "1b", "embedded", comment="Families feel welcome")
    tag_evidence(p, add_evidence(p, "Open morning photo"), "1b")
    page.refresh()
    page.select_descriptor("1b")
    text = page.detail.toPlainText()
    assert "Every kind of family is made welcome" in text
    assert "Embedded" in text and "Emergent" in text and "Families feel welcome" in text
    assert "Open morning photo" in text and "Empty: drop an evidence item" in text


def test_read_only_portfolio_disables_editing(qtbot, portfolio_path, dialogs):
    """On a read-only portfolio the edit actions are off and drops are refused with the reason."""
    from portfolio_builder.core.storage.portfolio_file import Portfolio
    from portfolio_builder.ui.portfolio_context import PortfolioContext

    portfolio = Portfolio.open(portfolio_path, read_only=True)
    try:
        widget = FrameworkPage(PortfolioContext(portfolio))
        qtbot.addWidget(widget)
        widget.select_descriptor("1a")
        assert not widget.edit_action.isEnabled() and not widget.add_theme_action.isEnabled()
        assert not widget.tag_dropped_evidence("1a", [1])
        assert dialogs.errors
    finally:
        portfolio.close()
