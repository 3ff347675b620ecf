"""Sample portfolios of the other shipped schemes, each a fictional setting part-way through its journey.

Every element name, quality statement and charter principle below is the fictional setting's own, written
in its own voice ("We ..."): none is any awarding body's wording. Where the setting has not typed its
toolkit's wording yet, the scheme's placeholders and our summaries stay as they were shipped.
"""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path

from ..evidence.evidence_import import import_evidence
from ..evidence.evidence_links import tag_evidence
from ..evidence.evidence_service import update_evidence
from ..framework.framework_service import (
    add_descriptor,
    descriptor_by_code,
    update_descriptor,
    update_theme,
)
from ..framework.portfolio_setup import create_portfolio, update_profile
from ..planning import audit_service as audit
from ..planning import planning_service as planning
from ..planning.portfolio_texts import write_text
from ..scheme.framework_catalog import shipped_framework
from ..storage.portfolio_file import Portfolio
from .demo_files import sample_file


def _import(portfolio: Portfolio, setting: str, items: list[tuple], start: int = 1, **options) -> list[int]:
    """Generate and import (kind, title, when, consent, component) files; returns their ids, in order."""
    with tempfile.TemporaryDirectory(prefix="pb-demo-") as tmp:
        files = [sample_file(Path(tmp), start + n, kind, title, when, setting)
                 for n, (kind, title, when, *_rest) in enumerate(items)]
        report = import_evidence(portfolio, files, consent="obtained", **options)
    if report.skipped:
        raise RuntimeError(f"demo import failed: {report.skipped}")
    for item_id, (_kind, title, when, consent, component) in zip(report.added, items):
        fields = {"title": title, "evidence_date": when.date(), "consent": consent}
        if component:
            fields["component"] = component
        update_evidence(portfolio, item_id, **fields)
    return list(report.added)


def _new(folder: Path, name: str, scheme_id: str, setting: str, lead: tuple[str, str],
         team: list[tuple[str, str]]) -> tuple[Path, Portfolio]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    for old in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        old.unlink(missing_ok=True)
    return path, create_portfolio(path, shipped_framework(scheme_id), setting, lead=lead, team=team)


# --- Investors in Families (secure estate) -------------------------------------------------------

LARCHWOOD = "Larchwood Secure Children's Home"
# The setting's own headings and working statements, typed from its copy of the toolkit in its own words.
LARCHWOOD_ELEMENTS = {
    "E1": ("Our welcome to families", [("E1a", "We greet every visiting family by name and show them round."),
                                       ("E1b", "We tell families before their first visit what to expect.")]),
    "E2": ("How we keep families in touch", [("E2a", "We help young people phone home every week."),
                                             ("E2b", "We send families a termly letter about their child's week.")]),
    "E3": ("Families in planning", [("E3a", "We invite families to every review meeting, in person or by video.")]),
}
LARCHWOOD_PRIORITIES = [  # (title, statements, lead)
    ("A family room that feels like home", ["E1a", "E1b"], "Jo Bell"),
    ("Weekly contact for every young person", ["E2a"], "Dev Rahman"),
    ("Families at every review", ["E3a", "E2b"], "Mia Okoro"),
]


def build_iif_demo(folder: Path, name: str = "larchwood-sample.portfolio") -> Path:
    """A secure children's home part-way through Investors in Families: three elements named, three of five
    priorities chosen with cover-sheet diaries, generic evidence filed, the outline plan begun."""
    path, portfolio = _new(Path(folder), name, "investors-in-families-secure", LARCHWOOD,
                           ("Jo Bell", "Head of care"), [("Dev Rahman", "Education lead"),
                                                         ("Mia Okoro", "Family liaison worker"),
                                                         ("Sam Price", "Registered manager")])
    try:
        update_profile(portfolio, kind="Secure children's home", address="Larchwood Lane, Exton EX1 2AB",
                       reference="SC000001", head="Sam Price", contact_email="families@larchwood.example",
                       context="A secure children's home for twelve young people aged 12 to 17, many living far "
                               "from their families. We chose Investors in Families to make every family feel "
                               "part of their child's stay.")
        staff = {n: sid for sid, n in _staff(portfolio)}
        for code, (title, statements) in LARCHWOOD_ELEMENTS.items():
            update_theme(portfolio, _theme_id(portfolio, code), title=title,
                         description="Heading and statements typed in by Larchwood from its copy of the toolkit.")
            for s_code, text in statements:
                add_descriptor(portfolio, code, s_code, text)
                audit.rate_descriptor(portfolio, s_code, "red" if s_code.endswith("a") else "amber",
                                      date(2025, 10, 6), "First audit with the team.",
                                      gap="Not yet done for every family" if s_code.endswith("a") else "")
        for s_code in ("E1a", "E2a"):
            audit.rate_descriptor(portfolio, s_code, "amber", date(2026, 3, 2), "Under way for most families.")
        audit.rate_descriptor(portfolio, "E1b", "green", date(2026, 3, 2), "Every family now gets the letter.")
        sheets = []
        for title, codes, lead in LARCHWOOD_PRIORITIES:
            pid = planning.add_priority(portfolio, title, description=f"Larchwood's priority: {title.lower()}.",
                                        lead_staff_id=staff.get(lead), descriptor_codes=codes)
            sheets.append(planning.cover_sheet_for(portfolio, pid).id)
            planning.add_action(portfolio, f"Work plan: {title.lower()}", priority_id=pid, lead=lead,
                                starts_on=date(2025, 11, 3), ends_on=date(2027, 7, 30), status="in-progress")
        activity = _import(portfolio, LARCHWOOD, [
            ("photo", "The new family room, before and after", datetime(2025, 12, 5, 15, 0), "obtained", "activity"),
            ("text", "Letter to families about the family room", datetime(2025, 11, 20, 9, 0), "not-needed",
             "activity"),
            ("pdf", "Phone contact log summary, spring term", datetime(2026, 3, 27, 12, 0), "not-needed", "activity"),
            ("docx", "Family feedback cards, winter", datetime(2026, 2, 14, 10, 0), "not-needed", "activity")])
        diaries = [(0, date(2025, 11, 20), "Letters sent to every family about the family room.", [activity[1]]),
                   (0, date(2025, 12, 5), "Family room opened; six families used it in the first week.", [activity[0]]),
                   (1, date(2026, 3, 27), "Every young person now has a weekly call slot.", [activity[2]])]
        for number, when, text, evidence in diaries:
            planning.add_diary_entry(portfolio, sheets[number], when, text, "Jo Bell", evidence)
        planning.update_cover_sheet(portfolio, sheets[0], started_on=date(2025, 11, 3),
                                    impact_summary="Families say the room feels welcoming (feedback cards).")
        _import(portfolio, LARCHWOOD, [
            ("pdf", "Statement of purpose, families section", datetime(2025, 9, 1, 9, 0), "not-needed", "generic"),
            ("docx", "Family engagement strategy 2025-2028", datetime(2025, 9, 15, 9, 0), "not-needed", "generic")],
            start=20)
        write_text(portfolio, "outline-plan", "Year 1: the family room and weekly contact. Year 2: families at "
                                              "every review. Year 3: (to be agreed with families).")
    finally:
        portfolio.close()
    return path


def _staff(portfolio: Portfolio) -> list[tuple[int, str]]:
    with portfolio.raw_connection() as conn:
        return [tuple(r) for r in conn.execute("SELECT id, name FROM staff").fetchall()]


def _theme_id(portfolio: Portfolio, code: str) -> int:
    with portfolio.raw_connection() as conn:
        return conn.execute("SELECT id FROM theme WHERE code = ?", (code,)).fetchone()[0]


# --- Local authority practice quality ---------------------------------------------------------------

WESTMOOR = "Westmoor Children's Services"
LA_STAGE_1 = {"R1": "requires-improvement", "R2": "good", "R3": "inadequate", "Q1": "requires-improvement",
              "Q2": "good", "A1": "requires-improvement", "A2": "good", "P1": "requires-improvement"}
LA_MODERATED = {"R1": "good", "Q1": "good", "A1": "good"}  # R3 (inadequate: five working days) not yet moderated


def build_la_demo(folder: Path, name: str = "westmoor-sample.portfolio") -> Path:
    """A children's services department part-way through its practice-quality self-evaluation: Stage 1 audits,
    some moderated, one criterion in its own words, actions with their due dates, the analysis begun."""
    path, portfolio = _new(Path(folder), name, "la-practice-quality", WESTMOOR, ("Pat Moss", "Head of Quality "
                           "Assurance"), [("Lee Grant", "Practice manager"), ("Nia Evans", "Senior social worker")])
    try:
        update_profile(portfolio, kind="Children's services team", contact_email="qa@westmoor.example",
                       context="Children's services for a county of 600,000 people, in eight locality teams.")
        update_descriptor(portfolio, descriptor_by_code_id(portfolio, "R1"),
                          text="Westmoor's referral standard: the reason for referral and the family's strengths "
                               "are both recorded.")
        for code, level in LA_STAGE_1.items():
            audit.rate_descriptor(portfolio, code, level, date(2026, 1, 12), "Stage 1 audit with the worker.",
                                  gap="Chronology out of date" if level != "good" else "", rated_by="Lee Grant")
        for code, level in LA_MODERATED.items():
            audit.rate_descriptor(portfolio, code, level, date(2026, 2, 9), "Moderated at Stage 2.",
                                  rated_by="Pat Moss")
        records = _import(portfolio, WESTMOOR, [
            ("text", f"Case-file audit record, {code}", datetime(2026, 1, 12, 10, 0), "not-needed", None)
            for code in LA_STAGE_1])
        for item_id, code in zip(records, LA_STAGE_1):
            tag_evidence(portfolio, item_id, code)
        planning.add_action(portfolio, "Safeguarding concern escalated and plan reviewed", descriptor_code="R3",
                            lead="Pat Moss", starts_on=date(2026, 1, 12), status="done")
        planning.add_action(portfolio, "Chronologies brought up to date in two teams", descriptor_code="Q1",
                            lead="Lee Grant", starts_on=date(2026, 1, 19), status="in-progress")
        planning.add_action(portfolio, "Contingency plans agreed for every child", descriptor_code="P1",
                            lead="Nia Evans", starts_on=date(2026, 2, 9), status="planned")
        write_text(portfolio, "analysis", "Referrals and assessments are improving after moderation; planning "
                                          "needs work in two teams.")
    finally:
        portfolio.close()
    return path


def descriptor_by_code_id(portfolio: Portfolio, code: str) -> int:
    """A descriptor's id from its code (for update_descriptor)."""
    with portfolio.session() as session:
        return descriptor_by_code(session, code).id


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
    path, portfolio = _new(Path(folder), name, "signs-of-safety-accreditation", NORTHBRIDGE,
                           ("Sam Lee", "Practice lead"), [("Ravi Patel", "Team manager"),
                                                          ("Ellen Shaw", "Family group conference coordinator")])
    try:
        update_profile(portfolio, kind="Children's services team", award_level="Silver",
                       contact_email="practice@northbridge.example",
                       context="A metropolitan children's services department five years into Signs of Safety.")
        for code, text in NORTHBRIDGE_PRINCIPLES:
            add_descriptor(portfolio, "C", code, text)
        for code, level in (("Ca", "partly"), ("Cb", "partly"), ("Cc", "not-yet")):
            audit.rate_descriptor(portfolio, code, level, date(2026, 2, 2), "Self-assessment team, first round.")
        audit.rate_descriptor(portfolio, "Ca", "met", date(2026, 5, 4), "Family feedback supports the claim.")
        data = _import(portfolio, NORTHBRIDGE, [
            ("pdf", "Family feedback survey, 2026", datetime(2026, 4, 20, 9, 0), "not-needed", None),
            ("docx", "Supervision audit, spring 2026", datetime(2026, 4, 28, 9, 0), "not-needed", None)])
        tag_evidence(portfolio, data[0], "Ca")
        tag_evidence(portfolio, data[1], "Cb")
        planning.add_action(portfolio, "Peer review by a neighbouring authority that holds the award",
                            theme_code="C", lead="Sam Lee", starts_on=date(2026, 6, 1), ends_on=date(2027, 3, 31),
                            status="planned")
        planning.add_action(portfolio, "Defined data for principle Cc: children's words in plans",
                            descriptor_code="Cc", lead="Ravi Patel", starts_on=date(2026, 5, 4),
                            ends_on=date(2027, 1, 29), status="in-progress")
        write_text(portfolio, "self-benchmarking", "Compared with two neighbouring authorities: our family "
                                                   "feedback is similar; supervision records are behind.")
    finally:
        portfolio.close()
    return path


SCHEME_DEMOS = {"investors-in-families-secure": build_iif_demo, "la-practice-quality": build_la_demo,
                "signs-of-safety-accreditation": build_sos_demo}
