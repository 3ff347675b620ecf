"""The Signs of Safety accreditation sample: Northbridge, a fictional children's services department.

Every name and statement below is the fictional setting's own, written in its own voice ("We ..."):
none is any awarding body's wording.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from ..evidence.evidence_links import tag_evidence
from ..framework.framework_service import add_descriptor
from ..framework.portfolio_setup import update_profile
from ..planning import audit_service as audit
from ..planning import planning_service as planning
from ..planning.portfolio_texts import write_text
from .demo_setup import import_samples, new_sample_portfolio

# --- Signs of Safety accreditation -------------------------------------------------------------------

NORTHBRIDGE = "Northbridge Children's Services"
NORTHBRIDGE_PRINCIPLES = [  # the setting's own working statements until it has the charter's wording
    ("Ca", "We build working relationships with families and their networks."),
    ("Cb", "We think critically and stay curious about what we are told."),
    ("Cc", "We ground our practice in what families and children say about their lives."),
]


def build_sos_demo(folder: Path, name: str = "northbridge-sample.portfolio") -> Path:
    """A department part-way through a Signs of Safety application: its own working principles self-assessed,
    defined data for two of them, silver applied for, the peer review planned, self-benchmarking begun."""
    path, portfolio = new_sample_portfolio(
        Path(folder),
        name,
        "signs-of-safety-accreditation",
        NORTHBRIDGE,
        ("Sam Lee", "Practice lead"),
        [("Ravi Patel", "Team manager"), ("Ellen Shaw", "Family group conference coordinator")],
    )
    try:
        update_profile(
            portfolio,
            kind="Children's services team",
            award_level="Silver",
            contact_email="practice@northbridge.example",
            context="A metropolitan children's services department five years into Signs of Safety.",
        )
        for code, text in NORTHBRIDGE_PRINCIPLES:
            add_descriptor(portfolio, "C", code, text)
        for code, level in (("Ca", "partly"), ("Cb", "partly"), ("Cc", "not-yet")):
            audit.rate_descriptor(
                portfolio, code, level, date(2026, 2, 2), "Self-assessment team, first round."
            )
        audit.rate_descriptor(
            portfolio, "Ca", "met", date(2026, 5, 4), "Family feedback supports the claim."
        )
        data = import_samples(
            portfolio,
            NORTHBRIDGE,
            [
                (
                    "pdf",
                    "Family feedback survey, 2026",
                    datetime(2026, 4, 20, 9, 0),
                    "not-needed",
                    None,
                ),
                (
                    "docx",
                    "Supervision audit, spring 2026",
                    datetime(2026, 4, 28, 9, 0),
                    "not-needed",
                    None,
                ),
            ],
        )
        tag_evidence(portfolio, data[0], "Ca")
        tag_evidence(portfolio, data[1], "Cb")
        planning.add_action(
            portfolio,
            "Peer review by a neighbouring authority that holds the award",
            theme_code="C",
            lead="Sam Lee",
            starts_on=date(2026, 6, 1),
            ends_on=date(2027, 3, 31),
            status="planned",
        )
        planning.add_action(
            portfolio,
            "Defined data for principle Cc: children's words in plans",
            descriptor_code="Cc",
            lead="Ravi Patel",
            starts_on=date(2026, 5, 4),
            ends_on=date(2027, 1, 29),
            status="in-progress",
        )
        write_text(
            portfolio,
            "self-benchmarking",
            "Compared with two neighbouring authorities: our family "
            "feedback is similar; supervision records are behind.",
        )
    finally:
        portfolio.close()
    return path
