"""Word versions of the action plan, cover sheets, three-year plan, case study and assessor's report first page."""

from __future__ import annotations

from .docx_common import add_fields, add_table, add_text, new_sheet
from .portfolio_view import PortfolioView, consent_words, kind_words, nice_date, status_words, text


def action_plan_docx(view: PortfolioView):
    """The action plan table with the award's columns, landscape."""
    doc = new_sheet(view, "Action plan", landscape=True)
    rows = []
    for a in view.actions:
        theme = [view.theme_label(a.get("theme_code"))] if a.get("theme_code") else []
        if a.get("descriptor_code"):
            theme.append(f"Descriptor {text(a.get('descriptor_code'))}")
        if a.get("priority_number"):
            theme.append(f"Priority {text(a.get('priority_number'))}")
        rows.append(["\n".join(theme), a.get("action"), a.get("lead"), a.get("resources"),
                     nice_date(a.get("starts_on")), nice_date(a.get("ends_on")), a.get("monitoring"),
                     a.get("success_criteria"), status_words(a.get("status"))])
    header = ["Key theme", "Action / activities", "Lead person(s) responsible", "Resources", "From", "To",
              "Monitoring (who, when, how)", "Success criteria (impact / outcomes)", "Status"]
    add_table(doc, header, rows or [[""] * len(header)], [2.2, 3.0, 1.7, 1.7, 1.75, 1.75, 2.2, 2.6, 1.35])
    return doc


def _where(item: dict) -> str:
    """Where the assessor finds an item: its path in the bundle, its link, or that it was left out."""
    if item.get("included") is False:
        return "Not included in this bundle"
    return text(item.get("path") or item.get("url"))


def cover_sheet_docx(view: PortfolioView, priority: dict):
    """A Priority Action Cover Sheet: priority, lead, start, the dated diary and the evidence collected."""
    number = text(priority.get("number"))
    doc = new_sheet(view, f"Priority Action Cover Sheet \u2014 Priority {number}")
    sheet = priority.get("cover_sheet") or {}
    add_fields(doc, [("Priority", f"{number}. {text(priority.get('title'))}"),
                     ("What it aims to do", priority.get("description")),
                     ("Lead", sheet.get("lead") or priority.get("lead")),
                     ("Started on", nice_date(sheet.get("started_on"))),
                     ("Quality statements / descriptors", ", ".join(text(c) for c in
                                                                    priority.get("descriptor_codes") or []))])
    doc.add_heading("Diary of actions taken", level=2)
    diary = [e for e in sheet.get("diary") or [] if isinstance(e, dict)]
    add_table(doc, ["Date", "Action taken", "By"],
              [[nice_date(e.get("date")), e.get("text"), e.get("author")] for e in diary] or [["", "", ""]],
              [1.2, 5, 1.6])
    doc.add_heading("Impact on family engagement", level=2)
    add_text(doc, sheet.get("impact_summary"), "")
    doc.add_heading("Evidence collected", level=2)
    items = view.cover_sheet_evidence(priority)
    add_table(doc, ["Title", "Kind", "Date", "Consent", "File or link"],
              [[i.get("title"), kind_words(i.get("kind")), nice_date(i.get("evidence_date")),
                consent_words(i.get("consent")), _where(i)] for i in items] or [[""] * 5], [3.3, 1.2, 1.5, 1.2, 3.2])
    return doc


def text_sheet_docx(view: PortfolioView, title: str, body, empty: str, evidence: list[dict] | None = None):
    """A free-text sheet (case study, three-year outline plan), with its supporting evidence if any."""
    doc = new_sheet(view, title)
    add_text(doc, body, empty)
    if evidence:
        doc.add_heading("Supporting evidence", level=2)
        add_table(doc, ["Title", "Kind", "Date", "File or link"],
                  [[i.get("title"), kind_words(i.get("kind")), nice_date(i.get("evidence_date")), _where(i)]
                   for i in evidence], [3.8, 1.2, 1.5, 3.5])
    return doc


def assessors_report_docx(view: PortfolioView):
    """First page of the assessor's report: setting details and context filled in; the rest left for the assessor."""
    doc = new_sheet(view, "Assessor's report")
    setting = view.setting
    lead = next((p for p in view.snapshot.get("staff") or [] if isinstance(p, dict) and p.get("is_lead")), {})
    contact = ", ".join(x for x in (text(setting.get("contact_email")), text(setting.get("phone"))) if x)
    doc.add_heading("Setting details", level=2)
    add_fields(doc, [("Name of setting", setting.get("name")), ("Type of setting", setting.get("kind")),
                     ("Address", setting.get("address")), ("Reference number", setting.get("reference")),
                     ("Head of setting", setting.get("head")),
                     ("Lead for the award", ", ".join(x for x in (text(lead.get("name")), text(lead.get("role")))
                                                      if x)),
                     ("Contact", contact), ("Quality mark", view.scheme_name),
                     ("Awarding body", view.framework.get("awarding_body"))])
    doc.add_heading("Context", level=2)
    add_text(doc, setting.get("context"), "(The setting describes its context here.)")
    doc.add_heading("To be completed by the assessor", level=2)
    add_fields(doc, [("Assessor", ""), ("Date of assessment visit", ""), ("People met", "")])
    for heading in ("Evidence of the priorities and their impact", "Generic evidence",
                    "Outline action plan for the next three years", "Strengths", "Areas for development",
                    "Recommendation (standard met / further work needed)"):
        doc.add_heading(heading, level=3)
        doc.add_paragraph()
    add_fields(doc, [("Assessor's signature", ""), ("Date", "")])
    return doc
