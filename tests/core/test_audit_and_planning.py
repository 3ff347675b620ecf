"""The self-audit, priorities, action plan and cover-sheet diaries, and the readiness report."""

from datetime import date, timedelta

import pytest

from portfolio_builder.core.errors import BadInput, RuleViolation
from portfolio_builder.core.framework.framework_service import add_descriptor
from portfolio_builder.core.planning import audit_service as audit
from portfolio_builder.core.planning import planning_service as planning
from portfolio_builder.core.planning.readiness import check_readiness
from portfolio_builder.core.shape.snapshot import build_snapshot
from portfolio_builder.core.storage.schema import EvidenceItem


def test_ratings_keep_their_history_and_newest_is_current(fpa_portfolio):
    """Each rating is dated and kept; the newest by date is the current judgement."""
    audit.rate_descriptor(
        fpa_portfolio, "1a", "emergent", date(2025, 9, 20), "Baseline", rated_by="Ann"
    )
    audit.rate_descriptor(fpa_portfolio, "1a", "Embedded", date(2026, 5, 1), "Now in place")
    history = audit.rating_history(fpa_portfolio, "1a")
    assert [h.level_key for h in history] == ["emergent", "embedded"]
    snap = build_snapshot(fpa_portfolio).themes[0].descriptors[0]
    assert snap.rating.label == "Embedded" and snap.rating.score == 100
    assert snap.rating_history[0].comment == "Baseline"


def test_rating_off_the_scale_or_in_the_future_is_refused(fpa_portfolio):
    """A level not on the framework's scale, or a future date, is refused with the reason."""
    with pytest.raises(BadInput, match="Emergent, Developing, Embedded"):
        audit.rate_descriptor(fpa_portfolio, "1a", "green")
    with pytest.raises(BadInput, match="future"):
        audit.rate_descriptor(fpa_portfolio, "1a", "embedded", date.today() + timedelta(days=1))
    assert audit.rating_history(fpa_portfolio, "1a") == []


def _statements(portfolio):
    add_descriptor(portfolio, "E1", "E1.1", "Families are welcomed on visits.")
    add_descriptor(portfolio, "E1", "E1.2", "Families hear about their child's progress.")
    add_descriptor(portfolio, "E2", "E2.1", "Families take part in reviews.")


def test_priorities_actions_and_diary(iif_portfolio):
    """IiF priorities span statements, each gets a cover sheet whose diary is kept in date order."""
    _statements(iif_portfolio)
    first = planning.add_priority(
        iif_portfolio, "Hear every family", descriptor_codes=["E1.1", "e1.2"]
    )
    second = planning.add_priority(
        iif_portfolio, "Reviews with families", descriptor_codes=["E2.1"]
    )
    planning.move_priority(iif_portfolio, second, 0)
    assert [p.title for p in planning.list_priorities(iif_portfolio)] == [
        "Reviews with families",
        "Hear every family",
    ]
    sheet = planning.cover_sheet_for(iif_portfolio, first)
    planning.add_diary_entry(iif_portfolio, sheet.id, date(2026, 2, 1), "Second")
    planning.add_diary_entry(iif_portfolio, sheet.id, date(2025, 11, 1), "First")
    assert [e.text for e in planning.diary_entries(iif_portfolio, sheet.id)] == ["First", "Second"]
    planning.add_action(
        iif_portfolio,
        "Relaunch the visits",
        descriptor_code="E1.1",
        lead="Sam",
        starts_on=date(2025, 10, 1),
        ends_on=date(2026, 3, 1),
        priority_id=first,
    )
    snap = build_snapshot(iif_portfolio)
    assert snap.priorities[1].descriptor_codes == ["E1.1", "E1.2"]
    assert snap.priorities[1].cover_sheet.diary[0].text == "First"
    assert snap.action_plan[0].theme_code == "E1" and snap.action_plan[0].priority_number == 2


def test_fpa_has_no_priorities_and_iif_no_more_than_five(fpa_portfolio, iif_portfolio):
    """FPA's gaps feed the action plan (no priorities); IiF takes exactly five, a sixth is refused."""
    with pytest.raises(RuleViolation, match="does not use priorities"):
        planning.add_priority(fpa_portfolio, "Hear every family")
    for n in range(5):
        planning.add_priority(iif_portfolio, f"Priority {n}")
    with pytest.raises(RuleViolation, match="exactly 5 key priorities"):
        planning.add_priority(iif_portfolio, "A sixth")
    assert len(planning.list_priorities(iif_portfolio)) == 5


def test_action_plan_refuses_nonsense(fpa_portfolio):
    """An action that ends before it starts, or has no text, is refused."""
    with pytest.raises(BadInput, match="end before it starts"):
        planning.add_action(
            fpa_portfolio, "Do it", starts_on=date(2026, 3, 1), ends_on=date(2026, 1, 1)
        )
    with pytest.raises(BadInput):
        planning.add_action(fpa_portfolio, "   ")


def test_diary_entry_in_the_future_is_refused(iif_portfolio):
    """A diary records what was done: a future date is refused."""
    with pytest.raises(BadInput, match="future"):
        planning.add_diary_entry(
            iif_portfolio,
            planning.cover_sheet_for(iif_portfolio, planning.add_priority(iif_portfolio, "P")).id,
            date.today() + timedelta(days=3),
            "x",
        )


def test_readiness_lists_every_kind_of_gap(fpa_portfolio):
    """FPA readiness names short evidence, unrated descriptors, empty themes and the summary sheet's fields;
    missing consent and our own wording are warnings that do not stop a final export."""
    with fpa_portfolio.writing() as session:
        session.add(EvidenceItem(kind="photo", title="Parents' breakfast", consent="missing"))
    readiness = check_readiness(fpa_portfolio)
    problems = readiness.problems
    assert "Evidence descriptor 1a has 0 of 2 key evidence items." in problems
    assert "Evidence descriptor 1j has not been rated." in problems
    assert "Theme 1 has no overall best fit judgement yet." in problems
    assert "Theme 1: 'Name of lead person collecting evidence' is not filled in." in problems
    assert "Good practice case study is not written yet." in problems
    assert any(
        p.startswith(
            "Theme 2 (Leadership, management and coordination) has no evidence descriptors"
        )
        for p in problems
    )
    assert not any("priorities" in p for p in problems)
    assert any(
        "Consent is not recorded for photo 'Parents' breakfast'" in w for w in readiness.warnings
    )
    assert (
        "Evidence descriptor 1a shows our summary: replace it with your award pack's wording."
        in readiness.warnings
    )


def test_added_descriptors_join_the_readiness_report(fpa_portfolio):
    """Descriptors typed in from the award pack are checked like the shipped ones."""
    add_descriptor(
        fpa_portfolio, "2", "2a", "Leaders champion family partnership.", ["Governors' minutes"]
    )
    readiness = check_readiness(fpa_portfolio)
    assert "Evidence descriptor 2a has 0 of 2 key evidence items." in readiness.problems
    assert not any(p.startswith("Theme 2 (") for p in readiness.problems)  # entered now: not empty
