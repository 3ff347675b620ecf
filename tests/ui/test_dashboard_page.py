"""The Dashboard: headline figures, evidence chips, baseline-versus-now ratings, the action timeline and the to-do list."""

from __future__ import annotations

from datetime import date

import pytest

from portfolio_builder.core.evidence.evidence_links import tag_evidence
from portfolio_builder.core.planning import audit_service, planning_service
from portfolio_builder.ui.pages.dashboard_page import DashboardPage
from portfolio_builder.ui.portfolio_context import EVIDENCE
from tests.ui.conftest import add_evidence


@pytest.fixture
def page(qtbot, context):
    widget = DashboardPage(context)
    widget.resize(1200, 800)
    qtbot.addWidget(widget)
    return widget


def test_fresh_portfolio_shows_everything_still_to_do(page):
    """A new FPA portfolio: nothing rated or evidenced, every gap listed; FPA has no priorities, so no tile."""
    assert page.tiles.rated.figure.text() == "0/10"
    assert page.tiles.evidenced.figure.text() == "0/10"
    assert "2 per descriptor, no more" in page.tiles.evidenced.caption.text()
    assert not page.tiles.priorities.isVisibleTo(page)
    assert page.issues.rowCount() == len(page.readiness.issues) > 20
    assert "still to do" in page.headline.text()


def test_iif_dashboard_counts_priorities_and_not_evidence_per_statement(qtbot, iif_context):
    """IiF: five key priorities to choose; evidence sits on the cover sheets, so no 'evidenced' tile and the
    chips show each quality statement's RAG rating."""
    from portfolio_builder.core.framework import framework_service

    framework_service.add_descriptor(iif_context.portfolio, "E1", "E1a", "Test statement.")
    audit_service.rate_descriptor(iif_context.portfolio, "E1a", "green")
    page = DashboardPage(iif_context)
    qtbot.addWidget(page)
    assert page.tiles.priorities.figure.text() == "0/5"
    assert page.tiles.priorities.caption.text() == "key priorities chosen"
    assert not page.tiles.evidenced.isVisibleTo(page)
    assert page.tiles.rated.caption.text() == "quality statements rated"
    assert page.chips_box.title() == "RAG rating per quality statement"
    from portfolio_builder.ui.dashboard.evidence_chips import chip_colour

    assert (
        chip_colour(page.readiness.themes[0].descriptors[0], page.readiness.rule).name()
        == "#27ae60"
    )


def test_dashboard_follows_changes_announced_by_the_context(qtbot, page, context):
    """Tagging evidence elsewhere updates the tiles once the context announces the change."""
    p = context.portfolio
    for title in ("Mission statement", "Prospectus"):
        tag_evidence(p, add_evidence(p, title), "1a")
    context.changed.emit(EVIDENCE)
    qtbot.waitUntil(lambda: page.tiles.evidenced.figure.text() == "1/10")


def test_unconsented_photo_counts_as_a_consent_gap(qtbot, page, context):
    """A photo without consent shows in the consent tile and in the list under 'Consent'."""
    add_evidence(context.portfolio, "Family Forum photo", kind="photo", consent="missing")
    page.refresh()
    assert page.tiles.consent.figure.text() == "1"
    page.issue_kind.setCurrentIndex(page.issue_kind.findData("consent-missing"))
    assert page.issue_proxy.rowCount() == 1
    assert "Family Forum photo" in page.issue_proxy.index(0, 0).data()


def test_rating_chart_compares_baseline_with_now(page, context):
    """Theme 1's bars show the average baseline score and the average current score."""
    p = context.portfolio
    audit_service.rate_descriptor(p, "1a", "emergent", rated_on=date(2025, 9, 1))
    audit_service.rate_descriptor(p, "1a", "embedded", rated_on=date(2026, 1, 1))
    audit_service.rate_descriptor(p, "1b", "developing", rated_on=date(2025, 9, 1))
    page.refresh()
    theme1 = page.ratings._data.themes[0]
    assert theme1.baseline == pytest.approx((35 + 70) / 2) and theme1.now == pytest.approx(
        (100 + 70) / 2
    )
    assert page.ratings._data.themes[1].now is None
    assert not page.ratings.grab().isNull()


def test_action_timeline_draws_dated_actions_and_counts_undated(page, context):
    """Dated actions become bars; actions without dates are counted in a note."""
    p = context.portfolio
    planning_service.add_action(
        p, "Relaunch the Family Forum", starts_on=date(2025, 10, 1), ends_on=date(2026, 3, 1)
    )
    planning_service.add_action(p, "Survey families", status="done", starts_on=date(2025, 11, 1))
    planning_service.add_action(p, "Write the case study")
    page.refresh()
    assert [b.label for b in page.timeline._bars] == [
        "Relaunch the Family Forum",
        "Survey families",
    ]
    assert page.timeline_note.text() == "1 action has no dates yet and is not shown."
    assert not page.timeline.grab().isNull()


def test_readiness_model_passes_qt_model_tester(qtmodeltester, page):
    """The to-do list is a well-behaved Qt list model."""
    qtmodeltester.check(page.issues)


def test_evidence_chips_wrap_to_the_width(page):
    """The chips chart grows taller when narrower, so chips are never cut off."""
    wide, narrow = page.chips.heightForWidth(900), page.chips.heightForWidth(200)
    assert narrow > wide > 0
