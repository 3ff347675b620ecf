"""The editable Word sheets of the bundle (sheets/*.docx), named in portfolio order."""

from __future__ import annotations

import re
from typing import Callable

from . import docx_plan_sheets as plans
from .docx_common import to_bytes
from .docx_theme_sheets import audit_sheet_docx, summary_sheet_docx
from .portfolio_view import PortfolioView

ASSESSORS_REPORT = "assessors-report-first-page.docx"


def _slug(value) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(value or "").lower()).strip("-")[:40] or "x"


def sheet_plan(view: PortfolioView) -> list[tuple[str, Callable[[], object]]]:
    """(file name, builder) for every sheet, numbered so the files sort in portfolio order."""
    plan: list[tuple[str, Callable]] = []
    word = view.theme_word.lower()

    def add(name: str, build: Callable) -> None:
        plan.append((f"{len(plan) + 1:02d}-{name}.docx", build))

    for theme in view.themes:
        stem = f"{word}-{_slug(theme.get('code'))}"
        add(f"{stem}-audit-sheet", lambda t=theme: audit_sheet_docx(view, t))
        add(f"{stem}-evidence-summary-sheet", lambda t=theme: summary_sheet_docx(view, t))
    add("action-plan", lambda: plans.action_plan_docx(view))
    for priority in view.priorities:
        add(f"priority-{_slug(priority.get('number'))}-cover-sheet", lambda p=priority: plans.cover_sheet_docx(view, p))
    add("three-year-outline-plan", lambda: plans.text_sheet_docx(
        view, "Outline action plan for the next three years", view.snapshot.get("three_year_plan"),
        "(Not written yet.)", view.component_evidence("plan")))
    add("good-practice-case-study", lambda: plans.text_sheet_docx(
        view, "Good-practice case study", view.snapshot.get("case_study"), "(Not written yet.)"))
    plan.append((ASSESSORS_REPORT, lambda: plans.assessors_report_docx(view)))
    return plan


def sheet_file_names(snapshot: dict) -> list[str]:
    """The file names render_sheets_docx will produce, without building them."""
    return [name for name, _ in sheet_plan(PortfolioView(snapshot))]


def render_sheets_docx(snapshot: dict) -> dict[str, bytes]:
    """Every sheet as .docx bytes, keyed by file name (for data/sheets/)."""
    return {name: to_bytes(build()) for name, build in sheet_plan(PortfolioView(snapshot))}
