"""The evidence, audit and planning Qt models: Qt's model checks, filtering and drag payloads."""

from portfolio_builder.core.evidence.evidence_service import query_evidence
from portfolio_builder.core.planning.audit_overview import audit_rows, levels
from portfolio_builder.ui.models.audit_table_model import AuditTableModel, RatingHistoryModel
from portfolio_builder.ui.models.evidence_table_model import (
    EVIDENCE_IDS_MIME,
    EvidenceFilterProxy,
    EvidenceTableModel,
)
from portfolio_builder.ui.planning.action_plan_model import ActionPlanModel
from portfolio_builder.ui.planning.cover_sheet_models import AttachedEvidenceModel, DiaryModel
from portfolio_builder.ui.planning.priorities_panel import PrioritiesModel

from .evidence_fixtures import context, three_items  # noqa: F401 - fixtures


def test_evidence_model_passes_qt_model_checks(qtmodeltester, fpa_portfolio, three_items):
    """The library's table model behaves as Qt views expect."""
    model = EvidenceTableModel()
    model.set_rows(query_evidence(fpa_portfolio))
    qtmodeltester.check(model)


def test_evidence_filter_proxy_passes_qt_model_checks(qtmodeltester, fpa_portfolio, three_items):
    """The filter proxy over the library behaves as Qt views expect while filtering."""
    model = EvidenceTableModel()
    model.set_rows(query_evidence(fpa_portfolio))
    proxy = EvidenceFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filters(text="forum")
    qtmodeltester.check(proxy)


def test_search_and_filters_narrow_the_list_without_queries(fpa_portfolio, three_items):
    """Typing a word, choosing a type or 'consent missing' narrows the shown items."""
    model = EvidenceTableModel()
    model.set_rows(query_evidence(fpa_portfolio))
    proxy = EvidenceFilterProxy()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 3
    proxy.set_filters(text="GARDEN")
    assert proxy.rowCount() == 1
    proxy.set_filters(text="", kind="photo")
    assert proxy.rowCount() == 2
    proxy.set_filters(kind=None, consent_missing=True)
    assert proxy.rowCount() == 0


def test_dragging_items_carries_their_ids(fpa_portfolio, three_items):
    """Dragged items carry 'application/x-portfolio-evidence-ids' with text '1,2,3'."""
    model = EvidenceTableModel()
    model.set_rows(query_evidence(fpa_portfolio))
    mime = model.mimeData([model.index(0, 0), model.index(0, 1), model.index(2, 0)])
    assert bytes(mime.data(EVIDENCE_IDS_MIME)).decode() == f"{three_items[0]},{three_items[2]}"


def test_sorting_by_title_keeps_every_row(fpa_portfolio, three_items):
    """Sorting by a column reorders the rows and loses none."""
    model = EvidenceTableModel()
    model.set_rows(query_evidence(fpa_portfolio))
    model.sort(0)
    assert [model.row_at(n).title for n in range(3)] == ["Forum", "Garden", "Minutes"]


def test_audit_and_history_models_pass_qt_model_checks(qtmodeltester, fpa_portfolio):
    """The audit table and rating history models behave as Qt views expect."""
    from portfolio_builder.core.planning.audit_service import rate_descriptor, rating_history

    rate_descriptor(fpa_portfolio, "1a", "developing", comment="Started")
    model = AuditTableModel()
    model.set_levels(levels(fpa_portfolio))
    model.set_rows(audit_rows(fpa_portfolio))
    qtmodeltester.check(model)
    history = RatingHistoryModel()
    history.set_levels(levels(fpa_portfolio))
    history.set_rows(rating_history(fpa_portfolio, "1a"))
    qtmodeltester.check(history, force_py=True)


def test_planning_models_pass_qt_model_checks(qtmodeltester, iif_context, iif_portfolio):
    """Priorities, action plan, diary and attached-evidence models behave as Qt views expect (IiF: priorities with
    cover sheets and a priority column in the work plan)."""
    from datetime import date

    from portfolio_builder.core.framework import framework_service
    from portfolio_builder.core.planning import planning_service as planning
    from portfolio_builder.core.planning.planning_overview import priority_rows

    framework_service.add_descriptor(iif_portfolio, "E1", "E1a", "Test statement.")
    pid = planning.add_priority(iif_portfolio, "Hear every voice", descriptor_codes=["E1a"])
    planning.add_action(iif_portfolio, "Family day", descriptor_code="E1a", priority_id=pid)
    sheet = planning.cover_sheet_for(iif_portfolio, pid)
    planning.add_diary_entry(iif_portfolio, sheet.id, date(2025, 10, 1), "Forum relaunched")
    priorities = PrioritiesModel()
    priorities.set_rows(priority_rows(iif_portfolio))
    actions = ActionPlanModel(iif_context)
    actions.refresh()
    assert actions.data(actions.index(0, actions.column_of("priority"))) == "Priority 1"
    diary = DiaryModel()
    diary.set_rows(planning.diary_entries(iif_portfolio, sheet.id))
    attached = AttachedEvidenceModel()
    attached.set_rows([(1, "Photo", "photo")])
    qtmodeltester.check(priorities)
    for model in (actions, diary, attached):
        qtmodeltester.check(model, force_py=True)
