"""The PDF's plan pages: the action plan table (landscape), the three-year outline plan and the case study."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Paragraph

from .pdf_cells import cell, house_table, lines_cell
from .pdf_styles import para_text, styles
from .portfolio_view import PortfolioView, nice_date, status_words, text


def action_plan_table(view: PortfolioView, width: float) -> list:
    """Key theme, action, lead, resources, time-scale from/to, monitoring, success criteria (and status)."""
    if not view.actions:
        return [Paragraph("No actions have been planned yet.", styles()["muted"])]
    fixed = 2.2 * cm  # "28 May 2026" on one line
    flexible = width - 3 * fixed
    widths = [w * flexible for w in (0.15, 0.24, 0.12, 0.12)] + [fixed, fixed] + \
             [w * flexible for w in (0.18, 0.19)] + [fixed]
    header = ["Key theme", "Action / activities", "Lead person(s) responsible", "Resources",
              "From", "To", "Monitoring (who, when, how)", "Success criteria (impact / outcomes)", "Status"]
    rows = []
    for a in view.actions:
        theme = [view.theme_label(a.get("theme_code"))] if a.get("theme_code") else []
        if a.get("descriptor_code"):
            theme.append(f"Descriptor {text(a.get('descriptor_code'))}")
        if a.get("priority_number"):
            theme.append(f"Priority {text(a.get('priority_number'))}")
        rows.append([lines_cell(theme), cell(a.get("action")), cell(a.get("lead")), cell(a.get("resources")),
                     cell(nice_date(a.get("starts_on"))), cell(nice_date(a.get("ends_on"))),
                     cell(a.get("monitoring")), cell(a.get("success_criteria")), cell(status_words(a.get("status")))])
    return [house_table(header, rows, widths)]


def long_text(value, empty: str) -> list:
    """Free text split into paragraphs on blank lines; a muted note when there is none."""
    body = text(value).strip()
    if not body:
        return [Paragraph(para_text(empty), styles()["muted"])]
    return [Paragraph(para_text(chunk.strip()), styles()["body"]) for chunk in body.split("\n\n") if chunk.strip()]
