"""The self-audit as one table: every descriptor with its current rating, read in one query for the audit page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..scheme.store import scheme_of
from ..storage.portfolio_file import Portfolio


@dataclass(frozen=True)
class Level:
    """One level of the portfolio's rating scale."""

    key: str
    label: str
    description: str
    colour: str


@dataclass(frozen=True)
class AuditRow:
    """A descriptor with its current (newest) rating, or None fields when it is unrated."""

    code: str
    text: str
    theme_code: str
    theme_title: str
    level_key: str | None
    rated_on: date | None
    comment: str
    gap: str
    rating_count: int


def levels(portfolio: Portfolio) -> list[Level]:
    """The rating scale, lowest first."""
    return [
        Level(lv.key, lv.label, lv.description, lv.colour)
        for lv in scheme_of(portfolio).scale.levels
    ]


def audit_rows(portfolio: Portfolio) -> list[AuditRow]:
    """Every descriptor in framework order with its current rating."""
    sql = """
        SELECT d.code, d.text, t.code, t.title, r.level_key, r.rated_on, r.comment, r.gap,
               (SELECT count(*) FROM audit_rating a WHERE a.descriptor_id = d.id)
        FROM descriptor d JOIN theme t ON t.id = d.theme_id
        LEFT JOIN audit_rating r ON r.id = (
            SELECT a.id FROM audit_rating a WHERE a.descriptor_id = d.id ORDER BY a.rated_on DESC, a.id DESC LIMIT 1)
        ORDER BY t.position, d.position"""
    with portfolio.raw_connection() as conn:
        rows = conn.execute(sql).fetchall()
    return [
        AuditRow(
            code,
            text,
            tcode,
            ttitle,
            level,
            date.fromisoformat(rated) if rated else None,
            comment or "",
            gap or "",
            count,
        )
        for code, text, tcode, ttitle, level, rated, comment, gap, count in rows
    ]
