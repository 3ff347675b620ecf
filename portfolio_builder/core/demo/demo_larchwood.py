"""The Investors in Families (secure estate) sample: Larchwood, a fictional secure children's home.

Every name and statement below is the fictional setting's own, written in its own voice ("We ..."):
none is any awarding body's wording.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from ..framework.framework_service import add_descriptor, update_theme
from ..framework.portfolio_setup import update_profile
from ..planning import audit_service as audit
from ..planning import planning_service as planning
from ..planning.portfolio_texts import write_text
from .demo_setup import import_samples, new_sample_portfolio, staff_ids, theme_id

# --- Investors in Families (secure estate) -------------------------------------------------------

LARCHWOOD = "Larchwood Secure Children's Home"
# The setting's own headings and working statements, typed from its copy of the toolkit in its own words.
LARCHWOOD_ELEMENTS = {
    "E1": (
        "Our welcome to families",
        [
            ("E1a", "We greet every visiting family by name and show them round."),
            ("E1b", "We tell families before their first visit what to expect."),
        ],
    ),
    "E2": (
        "How we keep families in touch",
        [
            ("E2a", "We help young people phone home every week."),
            ("E2b", "We send families a termly letter about their child's week."),
        ],
    ),
    "E3": (
        "Families in planning",
        [("E3a", "We invite families to every review meeting, in person or by video.")],
    ),
}
LARCHWOOD_PRIORITIES = [  # (title, statements, lead)
    ("A family room that feels like home", ["E1a", "E1b"], "Jo Bell"),
    ("Weekly contact for every young person", ["E2a"], "Dev Rahman"),
    ("Families at every review", ["E3a", "E2b"], "Mia Okoro"),
]


def build_iif_demo(folder: Path, name: str = "larchwood-sample.portfolio") -> Path:
    """A secure children's home part-way through Investors in Families: three elements named, three of five
    priorities chosen with cover-sheet diaries, generic evidence filed, the outline plan begun."""
    path, portfolio = new_sample_portfolio(
        Path(folder),
        name,
        "investors-in-families-secure",
        LARCHWOOD,
        ("Jo Bell", "Head of care"),
        [
            ("Dev Rahman", "Education lead"),
            ("Mia Okoro", "Family liaison worker"),
            ("Sam Price", "Registered manager"),
        ],
    )
    try:
        update_profile(
            portfolio,
            kind="Secure children's home",
            address="Larchwood Lane, Exton EX1 2AB",
            reference="SC000001",
            head="Sam Price",
            contact_email="families@larchwood.example",
            context="A secure children's home for twelve young people aged 12 to 17, many living far "
            "from their families. We chose Investors in Families to make every family feel "
            "part of their child's stay.",
        )
        staff = {n: sid for sid, n in staff_ids(portfolio)}
        for code, (title, statements) in LARCHWOOD_ELEMENTS.items():
            update_theme(
                portfolio,
                theme_id(portfolio, code),
                title=title,
                description="Heading and statements typed in by Larchwood from its copy of the toolkit.",
            )
            for s_code, text in statements:
                add_descriptor(portfolio, code, s_code, text)
                audit.rate_descriptor(
                    portfolio,
                    s_code,
                    "red" if s_code.endswith("a") else "amber",
                    date(2025, 10, 6),
                    "First audit with the team.",
                    gap="Not yet done for every family" if s_code.endswith("a") else "",
                )
        for s_code in ("E1a", "E2a"):
            audit.rate_descriptor(
                portfolio, s_code, "amber", date(2026, 3, 2), "Under way for most families."
            )
        audit.rate_descriptor(
            portfolio, "E1b", "green", date(2026, 3, 2), "Every family now gets the letter."
        )
        sheets = []
        for title, codes, lead in LARCHWOOD_PRIORITIES:
            pid = planning.add_priority(
                portfolio,
                title,
                description=f"Larchwood's priority: {title.lower()}.",
                lead_staff_id=staff.get(lead),
                descriptor_codes=codes,
            )
            sheets.append(planning.cover_sheet_for(portfolio, pid).id)
            planning.add_action(
                portfolio,
                f"Work plan: {title.lower()}",
                priority_id=pid,
                lead=lead,
                starts_on=date(2025, 11, 3),
                ends_on=date(2027, 7, 30),
                status="in-progress",
            )
        activity = import_samples(
            portfolio,
            LARCHWOOD,
            [
                (
                    "photo",
                    "The new family room, before and after",
                    datetime(2025, 12, 5, 15, 0),
                    "obtained",
                    "activity",
                ),
                (
                    "text",
                    "Letter to families about the family room",
                    datetime(2025, 11, 20, 9, 0),
                    "not-needed",
                    "activity",
                ),
                (
                    "pdf",
                    "Phone contact log summary, spring term",
                    datetime(2026, 3, 27, 12, 0),
                    "not-needed",
                    "activity",
                ),
                (
                    "docx",
                    "Family feedback cards, winter",
                    datetime(2026, 2, 14, 10, 0),
                    "not-needed",
                    "activity",
                ),
            ],
        )
        diaries = [
            (
                0,
                date(2025, 11, 20),
                "Letters sent to every family about the family room.",
                [activity[1]],
            ),
            (
                0,
                date(2025, 12, 5),
                "Family room opened; six families used it in the first week.",
                [activity[0]],
            ),
            (1, date(2026, 3, 27), "Every young person now has a weekly call slot.", [activity[2]]),
        ]
        for number, when, text, evidence in diaries:
            planning.add_diary_entry(portfolio, sheets[number], when, text, "Jo Bell", evidence)
        planning.update_cover_sheet(
            portfolio,
            sheets[0],
            started_on=date(2025, 11, 3),
            impact_summary="Families say the room feels welcoming (feedback cards).",
        )
        import_samples(
            portfolio,
            LARCHWOOD,
            [
                (
                    "pdf",
                    "Statement of purpose, families section",
                    datetime(2025, 9, 1, 9, 0),
                    "not-needed",
                    "generic",
                ),
                (
                    "docx",
                    "Family engagement strategy 2025-2028",
                    datetime(2025, 9, 15, 9, 0),
                    "not-needed",
                    "generic",
                ),
            ],
            start=20,
        )
        write_text(
            portfolio,
            "outline-plan",
            "Year 1: the family room and weekly contact. Year 2: families at "
            "every review. Year 3: (to be agreed with families).",
        )
    finally:
        portfolio.close()
    return path
