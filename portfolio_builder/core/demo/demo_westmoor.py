"""The local authority practice-quality sample: Westmoor, a fictional children's services department.

Every name and statement below is the fictional setting's own, written in its own voice ("We ..."):
none is any awarding body's wording.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from ..evidence.evidence_links import tag_evidence
from ..framework.framework_service import update_descriptor
from ..framework.portfolio_setup import update_profile
from ..planning import audit_service as audit
from ..planning import planning_service as planning
from ..planning.portfolio_texts import write_text
from .demo_setup import descriptor_id, import_samples, new_sample_portfolio

# --- Local authority practice quality ---------------------------------------------------------------

WESTMOOR = "Westmoor Children's Services"
LA_STAGE_1 = {
    "R1": "requires-improvement",
    "R2": "good",
    "R3": "inadequate",
    "Q1": "requires-improvement",
    "Q2": "good",
    "A1": "requires-improvement",
    "A2": "good",
    "P1": "requires-improvement",
}
LA_MODERATED = {
    "R1": "good",
    "Q1": "good",
    "A1": "good",
}  # R3 (inadequate: five working days) not yet moderated


def build_la_demo(folder: Path, name: str = "westmoor-sample.portfolio") -> Path:
    """A children's services department part-way through its practice-quality self-evaluation: Stage 1 audits,
    some moderated, one criterion in its own words, actions with their due dates, the analysis begun."""
    path, portfolio = new_sample_portfolio(
        Path(folder),
        name,
        "la-practice-quality",
        WESTMOOR,
        ("Pat Moss", "Head of Quality Assurance"),
        [("Lee Grant", "Practice manager"), ("Nia Evans", "Senior social worker")],
    )
    try:
        update_profile(
            portfolio,
            kind="Children's services team",
            contact_email="qa@westmoor.example",
            context="Children's services for a county of 600,000 people, in eight locality teams.",
        )
        update_descriptor(
            portfolio,
            descriptor_id(portfolio, "R1"),
            text="Westmoor's referral standard: the reason for referral and the family's strengths "
            "are both recorded.",
        )
        for code, level in LA_STAGE_1.items():
            audit.rate_descriptor(
                portfolio,
                code,
                level,
                date(2026, 1, 12),
                "Stage 1 audit with the worker.",
                gap="Chronology out of date" if level != "good" else "",
                rated_by="Lee Grant",
            )
        for code, level in LA_MODERATED.items():
            audit.rate_descriptor(
                portfolio,
                code,
                level,
                date(2026, 2, 9),
                "Moderated at Stage 2.",
                rated_by="Pat Moss",
            )
        records = import_samples(
            portfolio,
            WESTMOOR,
            [
                (
                    "text",
                    f"Case-file audit record, {code}",
                    datetime(2026, 1, 12, 10, 0),
                    "not-needed",
                    None,
                )
                for code in LA_STAGE_1
            ],
        )
        for item_id, code in zip(records, LA_STAGE_1):
            tag_evidence(portfolio, item_id, code)
        planning.add_action(
            portfolio,
            "Safeguarding concern escalated and plan reviewed",
            descriptor_code="R3",
            lead="Pat Moss",
            starts_on=date(2026, 1, 12),
            status="done",
        )
        planning.add_action(
            portfolio,
            "Chronologies brought up to date in two teams",
            descriptor_code="Q1",
            lead="Lee Grant",
            starts_on=date(2026, 1, 19),
            status="in-progress",
        )
        planning.add_action(
            portfolio,
            "Contingency plans agreed for every child",
            descriptor_code="P1",
            lead="Nia Evans",
            starts_on=date(2026, 2, 9),
            status="planned",
        )
        write_text(
            portfolio,
            "analysis",
            "Referrals and assessments are improving after moderation; planning "
            "needs work in two teams.",
        )
    finally:
        portfolio.close()
    return path
