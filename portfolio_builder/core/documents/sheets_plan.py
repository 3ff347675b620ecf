"""The planning sheets' content (action plan, priorities, cover sheets), texts, evidence lists and first page."""

from __future__ import annotations

from ..scheme.model import Component, TextPart
from ..shape.portfolio_shape import ActionShape, PriorityShape
from .portfolio_view import PortfolioView, nice_date, status_words
from .sheet_content import Cell, Column, EvidenceList, Fields, Heading, Paragraphs, Sheet, Table
from .sheets_theme import slug

DATE_FIELDS = {"from", "to", "deadline"}
SHARES = {
    "theme": 2.2,
    "descriptor": 1.0,
    "priority": 1.0,
    "action": 3.0,
    "lead": 1.7,
    "resources": 1.7,
    "from": 1.75,
    "to": 1.75,
    "deadline": 1.75,
    "monitoring": 2.2,
    "success": 2.6,
    "status": 1.35,
}


def _action_value(view: PortfolioView, action: ActionShape, field: str) -> Cell:
    if field == "theme":
        return Cell.of(view.theme_label(action.theme_code) if action.theme_code else "")
    if field == "priority":
        return Cell.of(
            f"{view.words.priority} {action.priority_number}" if action.priority_number else ""
        )
    values = {
        "descriptor": action.descriptor_code,
        "action": action.action,
        "lead": action.lead,
        "resources": action.resources,
        "from": nice_date(action.starts_on),
        "to": nice_date(action.ends_on),
        "deadline": nice_date(action.due_on),
        "monitoring": action.monitoring,
        "success": action.success_criteria,
        "status": status_words(action.status),
    }
    return Cell.of(values.get(field, ""))


def action_plan(view: PortfolioView, title: str) -> Sheet:
    """The action plan with the scheme's own columns."""
    columns = view.scheme.action_plan.columns
    rows = tuple(tuple(_action_value(view, a, c.field) for c in columns) for a in view.actions)
    table = Table(
        tuple(
            Column(c.label, SHARES.get(c.field, 1.5), date=c.field in DATE_FIELDS) for c in columns
        ),
        rows,
        empty="No actions have been planned yet.",
    )
    blocks: list = [table]
    if view.scheme.deadlines:
        rules = "; ".join(
            f"{d.when}: within {d.days} days"
            if d.days
            else f"{d.when}: within {d.working_days} working days"
            for d in view.scheme.deadlines
        )
        blocks.insert(0, Paragraphs(f"Timescales: {rules}.", style="small"))
    return Sheet("action-plan", title, tuple(blocks), landscape=True)


def priorities(view: PortfolioView, title: str) -> Sheet:
    """The chosen priorities, what each spans and who leads it."""
    words = view.words
    rows = tuple(
        (
            Cell.of(str(p.number)),
            Cell.of(p.description, lead=p.title),
            Cell.of(", ".join(p.descriptor_codes)),
            Cell.of(p.lead),
        )
        for p in view.priorities
    )
    table = Table(
        (
            Column("No.", 0.5),
            Column(words.priority, 4.0),
            Column(words.descriptors, 2.0),
            Column("Lead", 1.6),
        ),
        rows,
        empty=f"No {words.priorities.lower()} chosen yet.",
    )
    return Sheet("priorities", title, (table,))


def cover_sheet(view: PortfolioView, priority: PriorityShape) -> Sheet:
    """One cover sheet: the priority, its lead and start, the dated diary, the impact and the evidence."""
    words = view.words
    sheet = priority.cover_sheet
    blocks: list = [
        Fields(
            (
                (words.priority, f"{priority.number}. {priority.title}"),
                ("What it aims to do", priority.description),
                ("Lead", (sheet.lead if sheet else "") or priority.lead),
                ("Started on", nice_date(sheet.started_on) if sheet else ""),
                (words.descriptors, ", ".join(priority.descriptor_codes)),
            )
        )
    ]
    diary = sheet.diary if sheet else []
    blocks += [
        Heading(words.diary),
        Table(
            (Column("Date", 1.2, date=True), Column("Action taken", 5.0), Column("By", 1.6)),
            tuple((Cell.of(nice_date(e.date)), Cell.of(e.text), Cell.of(e.author)) for e in diary),
            empty="No diary entries yet.",
        ),
        Heading(words.impact),
        Paragraphs(sheet.impact_summary if sheet else "", empty="\u2014"),
        Heading("Evidence"),
        EvidenceList(tuple(view.cover_sheet_evidence(priority))),
    ]
    return Sheet(
        f"{slug(words.priority)}-{priority.number}-{slug(words.cover_sheet)}",
        f"{words.cover_sheet} \u2014 {words.priority} {priority.number}: {priority.title}",
        tuple(blocks),
    )


def component_evidence(view: PortfolioView, component: Component, title: str) -> Sheet:
    """The evidence filed under one portfolio component (IiF's generic evidence), with previews."""
    return Sheet(
        f"{slug(component.key)}-evidence",
        title or component.title,
        (EvidenceList(tuple(view.component_evidence(component.key))),),
        word=False,
    )


def text_sheet(view: PortfolioView, part: TextPart, title: str) -> Sheet:
    """A free text the scheme asks for (case study, outline plan ...)."""
    body = view.shape.texts.get(part.key, "")
    blocks: list = []
    if part.note:
        blocks.append(Paragraphs(part.note, style="muted"))
    blocks.append(Paragraphs(body, empty="Not written yet."))
    return Sheet(slug(part.key), title or part.title, tuple(blocks))


def assessor_first_page(view: PortfolioView, title: str) -> Sheet:
    """The first page of the Assessor's Report: the setting's details and its context, filled in by the setting."""
    s, lead = view.setting, view.lead
    contact = ", ".join(x for x in (s.contact_email, s.phone) if x)
    pairs = [
        ("Name of setting", s.name),
        ("Type of setting", s.kind),
        ("Address", s.address),
        ("Reference number", s.reference),
        ("Head of setting", s.head),
        ("Lead", ", ".join(x for x in ((lead.name, lead.role) if lead else ()) if x)),
        ("Contact", contact),
        ("Quality mark", view.scheme_name),
        ("Awarding body", view.scheme.awarding_body),
    ]
    if view.scheme.award is not None:
        pairs.append((view.words.award_level, s.award_level))
    return Sheet(
        "assessors-report-first-page",
        title,
        (
            Heading("Setting details"),
            Fields(tuple(pairs)),
            Heading("Context"),
            Paragraphs(s.context, empty="Not written yet."),
        ),
    )


def missing_sheet(view: PortfolioView) -> Sheet:
    """On a DRAFT: what a final export still needs, so every reader knows what is not there yet."""
    body = "\n\n".join(f"\u2022 {line}" for line in view.shape.missing)
    return Sheet(
        "still-missing",
        "DRAFT: still missing before the final portfolio",
        (
            Paragraphs(
                "This is a draft for an interim review. A final export needs the following:",
                style="muted",
            ),
            Paragraphs(body, empty="Nothing: the portfolio is complete."),
        ),
    )
