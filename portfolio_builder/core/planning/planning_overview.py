"""Priorities, action plan rows and cover-sheet evidence as the planning page lists them, in a few queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..scheme.deadlines import due_date
from ..scheme.store import load_scheme
from ..storage.portfolio_file import Portfolio


@dataclass(frozen=True)
class PriorityRow:
    """A priority with its lead's name, the descriptors it spans and its cover sheet."""

    id: int
    number: int
    title: str
    description: str
    lead_staff_id: int | None
    lead_name: str
    codes: tuple[str, ...]
    cover_sheet_id: int | None


@dataclass(frozen=True)
class ActionRow:
    """An action-plan row with its theme, descriptor and priority as codes, and when it is due by the scheme."""

    id: int
    theme_code: str
    descriptor_code: str
    action: str
    lead: str
    resources: str
    starts_on: date | None
    ends_on: date | None
    monitoring: str
    success_criteria: str
    status: str
    priority_number: int | None = None
    due_on: date | None = None  # by the scheme's own timescales (None when it sets none)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def priority_rows(portfolio: Portfolio) -> list[PriorityRow]:
    """The priorities in their chosen order."""
    sql = """
        SELECT p.id, p.position, p.title, p.description, p.lead_staff_id, coalesce(s.name, ''),
               (SELECT group_concat(code, ' ') FROM (SELECT d.code AS code FROM priority_descriptor pd
                JOIN descriptor d ON d.id = pd.descriptor_id WHERE pd.priority_id = p.id ORDER BY d.code)),
               c.id
        FROM priority p LEFT JOIN staff s ON s.id = p.lead_staff_id LEFT JOIN cover_sheet c ON c.priority_id = p.id
        ORDER BY p.position"""
    with portfolio.raw_connection() as conn:
        rows = conn.execute(sql).fetchall()
    return [
        PriorityRow(
            pid, pos + 1, title, desc or "", lead_id, lead, tuple((codes or "").split()), sheet
        )
        for pid, pos, title, desc, lead_id, lead, codes, sheet in rows
    ]


def action_rows(portfolio: Portfolio) -> list[ActionRow]:
    """The action plan in order, each row with its priority's number and its due date by the scheme's timescales."""
    sql = """
        SELECT a.id, coalesce(t.code, ''), coalesce(d.code, ''), a.action, a.lead, a.resources, a.starts_on,
               a.ends_on, a.monitoring, a.success_criteria, a.status,
               CASE WHEN p.id IS NULL THEN NULL
                    ELSE (SELECT count(*) + 1 FROM priority q WHERE q.position < p.position) END,
               (SELECT r.level_key FROM audit_rating r WHERE r.descriptor_id = a.descriptor_id
                ORDER BY r.rated_on DESC, r.id DESC LIMIT 1)
        FROM action_item a LEFT JOIN theme t ON t.id = a.theme_id LEFT JOIN descriptor d ON d.id = a.descriptor_id
        LEFT JOIN priority p ON p.id = a.priority_id
        ORDER BY a.position, a.id"""
    with portfolio.raw_connection() as conn:
        scheme = load_scheme(conn)
        rows = conn.execute(sql).fetchall()
    return [
        ActionRow(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            _day(r[6]),
            _day(r[7]),
            r[8],
            r[9],
            r[10],
            r[11],
            due_date(scheme, _day(r[6]), r[12]),
        )
        for r in rows
    ]


def theme_ids(portfolio: Portfolio) -> dict[str, int]:
    """Theme code -> id, for setting an action's key theme."""
    with portfolio.raw_connection() as conn:
        return {code: tid for tid, code in conn.execute("SELECT id, code FROM theme").fetchall()}


def cover_sheet_evidence(portfolio: Portfolio, cover_sheet_id: int) -> list[tuple[int, str, str]]:
    """(evidence id, title, kind) of the evidence attached to a cover sheet."""
    with portfolio.raw_connection() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                "SELECT e.id, e.title, e.kind FROM cover_sheet_link l JOIN evidence_item e ON e.id = l.evidence_id "
                "WHERE l.cover_sheet_id = ? ORDER BY e.id",
                (cover_sheet_id,),
            ).fetchall()
        ]


def staff_names(portfolio: Portfolio) -> list[tuple[int, str]]:
    """(id, name) of everyone on the staff list, lead first."""
    with portfolio.raw_connection() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                "SELECT id, name FROM staff ORDER BY is_lead DESC, name"
            ).fetchall()
        ]
