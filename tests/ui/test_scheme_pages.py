"""Each page shows the scheme's own words and parts: the one evidence rule, our summaries marked as ours, set-up
hints and placeholder names for the setting only, best fit where the scheme has it, components where it has them."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from portfolio_builder.core.evidence.evidence_links import tag_evidence
from portfolio_builder.core.framework import framework_service
from portfolio_builder.core.framework.best_fit import judgement_history
from portfolio_builder.core.framework.portfolio_setup import create_portfolio
from portfolio_builder.core.planning import audit_service
from portfolio_builder.core.scheme.evidence_rule import EvidenceRule
from portfolio_builder.core.scheme.framework_catalog import shipped_framework
from portfolio_builder.core.scheme.framework_model import Descriptor, Framework, Theme
from portfolio_builder.ui.models.framework_tree_model import FULL
from portfolio_builder.ui.pages.audit_page import AuditPage
from portfolio_builder.ui.pages.evidence_page import EvidencePage
from portfolio_builder.ui.pages.framework_page import FrameworkPage
from portfolio_builder.ui.portfolio_context import PortfolioContext
from tests.ui.conftest import add_evidence


def _shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    return widget


def _row_texts(page: FrameworkPage, code: str) -> list:
    for theme in page.model._themes:
        for d in theme.descriptors:
            if d.code == code:
                index = page.model.index_of_descriptor(d.id)
                return [index.siblingAtColumn(c) for c in range(3)]
    raise AssertionError(code)


@pytest.fixture
def one_to_three(qtbot, tmp_path):
    """A setting's own scheme asking for at least one key item and accepting up to three."""
    blank = shipped_framework("blank")
    scheme = blank.scheme.model_copy(update={"evidence_rule": EvidenceRule(min_key=1, max_key=3)})
    framework = Framework(
        scheme=scheme,
        themes=[
            Theme(
                "A",
                "Area",
                "",
                [Descriptor("A1", "First criterion."), Descriptor("A2", "Second criterion.")],
            )
        ],
    )
    portfolio = create_portfolio(tmp_path / "own.portfolio", framework, "Own Setting")
    ctx = PortfolioContext(portfolio)
    yield ctx
    ctx.undo_stack.clear()
    portfolio.close()


def test_a_min_1_max_3_rule_shows_one_item_as_evidenced_with_room_for_two_more(qtbot, one_to_three):
    """One key item meets 'at least one': the badge shows one of three slots, in the evidenced colour."""
    p = one_to_three.portfolio
    tag_evidence(p, add_evidence(p, "Audit record"), "A1")
    page = _shown(qtbot, FrameworkPage(one_to_three))
    code, badge, _rating = _row_texts(page, "A1")
    assert badge.data() == "●○○" and badge.data(Qt.ItemDataRole.ForegroundRole) == FULL
    assert "1 to 3 per descriptor" in badge.data(Qt.ItemDataRole.ToolTipRole)
    assert _row_texts(page, "A2")[1].data() == "○○○"
    theme = page.model.index(0, 1)
    assert theme.data() == "1 of 2 evidenced"


def test_iif_shows_no_key_evidence_counts_and_asks_for_element_names(qtbot, iif_context):
    """IiF keeps evidence on the cover sheets: no 'k of n' anywhere; placeholder elements say they must be renamed,
    and their set-up hint shows on the page (it is never printed)."""
    framework_service.add_descriptor(iif_context.portfolio, "E1", "E1a", "Test statement.")
    page = _shown(qtbot, FrameworkPage(iif_context))
    assert page.tree.isColumnHidden(1)
    assert _row_texts(page, "E1a")[1].data() == ""
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Element / quality statement"
    assert page.model.index(0, 0).data().endswith("(to be renamed)")
    page.select_theme("E1")
    text = page.detail.toPlainText()
    assert "Rename this element" in text and "i-HOP toolkit" in text
    assert "never printed" in text and "Rename this to the first element" in text
    assert page.add_action.text() == "Add quality statement…"
    assert not page.sheet_form.isVisible()  # IiF prints no theme summary sheet


def test_our_summaries_are_marked_until_the_setting_types_its_own(qtbot, context):
    """FPA theme 1 is our summary: the tree and the panel say so; editing the text removes the mark."""
    from portfolio_builder.ui.framework_dialogs import DescriptorForm

    page = _shown(qtbot, FrameworkPage(context))
    page.select_descriptor("1a")
    assert "Our summary: replace with your award pack's wording." in page.detail.toPlainText()
    assert _row_texts(page, "1a")[0].data().startswith("1a  our summary: Trust")
    line = page.model.descriptor_at(page.proxy.mapToSource(page.tree.currentIndex()))
    old = DescriptorForm("1", "1a", line.text, [])
    assert page.edit_descriptor_to(
        line.id, old, DescriptorForm("1", "1a", "Our award pack's own words.", [])
    )
    page.refresh()
    page.select_descriptor("1a")
    assert "Our summary" not in page.detail.toPlainText()
    assert _row_texts(page, "1a")[0].data() == "1a  Our award pack's own words."


def test_a_themes_sheet_fields_are_edited_on_the_framework_page(qtbot, context):
    """FPA's summary sheet: the theme's lead, dates and summative comment, in the award's words, each undoable."""
    page = _shown(qtbot, FrameworkPage(context))
    page.select_theme("2")
    form = page.sheet_form
    assert form.isVisible() and form.title() == "Portfolio summary sheet"
    assert form.labels[0].text() == "Name of lead person collecting evidence:"
    assert (
        "Type in this theme's evidence descriptors" in page.detail.toPlainText()
    )  # the hint, for the setting
    form.lead.setCurrentIndex(form.lead.findText("Ann Patel"))
    form.lead.activated.emit(form.lead.currentIndex())
    form.summary.setPlainText("Leaders own the plan.")
    qtbot.waitUntil(lambda: not form._timer.isActive(), timeout=3000)
    with context.portfolio.raw_connection() as conn:
        row = conn.execute(
            "SELECT lead_staff_id, summative_comment FROM theme WHERE code = '2'"
        ).fetchone()
    assert row[0] is not None and row[1] == "Leaders own the plan."
    context.undo_stack.undo()
    context.undo_stack.undo()
    with context.portfolio.raw_connection() as conn:
        assert conn.execute(
            "SELECT lead_staff_id, summative_comment FROM theme WHERE code = '2'"
        ).fetchone() == (None, "")


def test_fpa_records_a_dated_best_fit_per_theme_and_undo_removes_it(qtbot, context):
    """FPA's overall best fit: judged per theme with a date, kept in a history; Undo takes back the last one."""
    p = context.portfolio
    page = _shown(qtbot, AuditPage(context))
    page.select_code("1c")
    box = page.best_fit
    assert box.isVisible() and box.title() == "Overall best fit judgement: Theme 1"
    box.level.setCurrentIndex(box.level.findData("developing"))
    box.date.setDate(box.date.date().addDays(-30))
    box.comment.setText("Baseline: welcoming, not yet listening.")
    assert box.record()
    box.level.setCurrentIndex(box.level.findData("embedded"))
    assert box.record()
    assert [j.level_key for j in judgement_history(p, "1")] == ["developing", "embedded"]
    assert box.history_model.rowCount() == 2
    assert box.history_model.index(0, 1).data() == "Embedded"  # newest first
    context.undo_stack.undo()
    assert [j.level_key for j in judgement_history(p, "1")] == ["developing"]


def test_schemes_without_best_fit_show_no_best_fit_box(qtbot, iif_context):
    """IiF has no overall best fit: the audit page offers none, and names the RAG rating as the scheme does."""
    framework_service.add_descriptor(iif_context.portfolio, "E1", "E1a", "Test statement.")
    page = _shown(qtbot, AuditPage(iif_context))
    assert not page.best_fit.isVisible()
    assert page.model.headerData(2, Qt.Orientation.Horizontal) == "RAG rating"
    assert page.model.headerData(1, Qt.Orientation.Horizontal) == "Quality statement"


def test_la_grades_show_the_older_scaling_beside_them(qtbot, scheme_context):
    """LA practice quality: each Ofsted grade shows West Sussex's older 0-10 band; the note says what they are."""
    page = _shown(qtbot, AuditPage(scheme_context("la-practice-quality")))
    texts = [page.level.itemText(n) for n in range(page.level.count())]
    assert texts[0] == "Inadequate (0 – 2)" and texts[-1] == "Outstanding (9 – 10)"
    assert "scaling previously used in West Sussex" in page.scale_label.text()


def test_a_scale_of_ours_is_labelled_as_our_suggestion(qtbot, scheme_context):
    """Signs of Safety's seed gives no scale: the audit page says the one shown is our suggestion."""
    page = _shown(qtbot, AuditPage(scheme_context("signs-of-safety-accreditation")))
    assert "our suggestion, not your charter's" in page.scale_label.text()


def test_components_appear_only_where_the_scheme_has_them(qtbot, context, iif_context):
    """IiF files evidence under its three components (column, filter and field); FPA has none, so none shows."""
    fpa = _shown(qtbot, EvidencePage(context))
    assert fpa.table.isColumnHidden(6) and not fpa.filters.component_filter.isVisible()
    assert not fpa.editor.component.isVisibleTo(fpa)
    iif = _shown(qtbot, EvidencePage(iif_context))
    add_evidence(iif_context.portfolio, "Family strategy")
    iif.refresh()
    assert not iif.table.isColumnHidden(6) and iif.filters.component_filter.isVisible()
    assert [
        iif.filters.component_filter.itemText(n)
        for n in range(iif.filters.component_filter.count())
    ] == [
        "All components",
        "Activity-specific evidence",
        "Generic evidence",
        "Outline action plan for the next three years",
    ]
    iif.filters.component_filter.setCurrentIndex(iif.filters.component_filter.findData("generic"))
    assert iif.proxy.rowCount() == 0  # the item was filed as activity-specific


def test_rating_a_descriptor_dated_in_the_past_keeps_the_journey(qtbot, context):
    """Baseline then now: the audit page's history keeps both, the current one first."""
    audit_service.rate_descriptor(
        context.portfolio, "1a", "emergent", date(2025, 9, 1), gap="Not shared"
    )
    audit_service.rate_descriptor(context.portfolio, "1a", "embedded", date(2026, 1, 1))
    page = _shown(qtbot, AuditPage(context))
    page.select_code("1a")
    assert [page.history_model.index(r, 1).data() for r in range(2)] == ["Embedded", "Emergent"]
    assert (
        page.history_model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        == "Gaps and actions required"
    )


def test_descriptors_pasted_from_the_award_pack_are_added_in_one_undoable_step(
    qtbot, context, monkeypatch
):
    """Paste descriptors: a lettered list becomes theme 2's 2a and 2b (the dialog shows the codes first);
    one Undo removes both."""
    from portfolio_builder.ui.paste_descriptors_dialog import PasteDescriptorsDialog

    page = _shown(qtbot, FrameworkPage(context))
    dialog = PasteDescriptorsDialog(
        page, context.portfolio, [("1", "Ethos"), ("2", "Leadership")], "2", context.scheme.words
    )
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("a. Test descriptor one\n   continued here.\nb) Test descriptor two.")
    assert dialog.read()
    assert dialog.preview_model.stringList() == [
        "2a  Test descriptor one continued here.",
        "2b  Test descriptor two.",
    ]
    dialog.text.setPlainText("a. Test\n1k Numbered for theme 1")
    assert not dialog.read() and "numbered for theme 1" in dialog.status.text()
    monkeypatch.setattr(
        PasteDescriptorsDialog,
        "ask",
        classmethod(
            lambda cls, parent, portfolio, themes, code, words: ("2", "a. Test one.\nb) Test two.")
        ),
    )
    page.select_theme("2")
    assert page.paste_action.text() == "Paste evidence descriptors…"
    assert page.paste_descriptors()
    themes, _ = framework_service_outline(context)
    assert [d.code for d in themes[1].descriptors] == ["2a", "2b"]
    context.undo_stack.undo()
    assert framework_service_outline(context)[0][1].descriptors == []


def framework_service_outline(context):
    from portfolio_builder.core.framework.descriptor_detail import framework_outline

    return framework_outline(context.portfolio)
