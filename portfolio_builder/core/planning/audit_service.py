"""The self-audit: dated ratings of each descriptor on the framework's scale, with history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from ..errors import BadInput
from ..framework.framework_reads import frozen_copy
from ..framework.framework_service import descriptor_by_code
from ..framework.lookups import level_by_name
from ..scheme.scale import Level
from ..scheme.store import scheme_in_session
from ..storage.portfolio_file import Portfolio
from ..storage.schema import AuditRating, stored_id


def scale_levels(session: Session) -> list[Level]:
    """The portfolio's rating scale, lowest first."""
    return list(scheme_in_session(session).scale.levels)


def rate_descriptor(
    portfolio: Portfolio,
    code: str,
    level: str,
    rated_on: date | None = None,
    comment: str = "",
    gap: str = "",
    rated_by: str = "",
) -> int:
    """Record a rating of a descriptor (kept in its history); returns the rating id."""
    rated_on = rated_on or date.today()
    if rated_on > date.today():
        raise BadInput("A rating cannot be dated in the future.")
    with portfolio.writing() as session:
        descriptor = descriptor_by_code(session, code)
        chosen = level_by_name(session, level)
        row = AuditRating(
            descriptor_id=stored_id(descriptor),
            level_key=chosen.key,
            rated_on=rated_on,
            comment=comment.strip(),
            gap=gap.strip(),
            rated_by=rated_by.strip(),
        )
        session.add(row)
        session.flush()
        return stored_id(row)


@dataclass(frozen=True)
class RatingEntry:
    """One dated rating of a descriptor on the scheme's scale."""

    id: int
    descriptor_id: int
    level_key: str
    rated_on: date
    comment: str
    gap: str
    rated_by: str


def rating_history(portfolio: Portfolio, code: str) -> list[RatingEntry]:
    """Every rating of a descriptor, oldest first (the last is the current one)."""
    with portfolio.session() as session:
        descriptor = descriptor_by_code(session, code)
        rows = session.exec(
            select(AuditRating)
            .where(AuditRating.descriptor_id == descriptor.id)
            .order_by(col(AuditRating.rated_on), col(AuditRating.id))
        ).all()
        return [frozen_copy(RatingEntry, row) for row in rows]


def current_ratings(session: Session) -> dict[int, AuditRating]:
    """The current (newest) rating per descriptor id."""
    current: dict[int, AuditRating] = {}
    for row in session.exec(
        select(AuditRating).order_by(col(AuditRating.rated_on), col(AuditRating.id))
    ).all():
        current[row.descriptor_id] = row
    return current


def baseline_ratings(session: Session) -> dict[int, AuditRating]:
    """The first (baseline) rating per descriptor id, to compare with now."""
    first: dict[int, AuditRating] = {}
    for row in session.exec(
        select(AuditRating).order_by(col(AuditRating.rated_on), col(AuditRating.id))
    ).all():
        first.setdefault(row.descriptor_id, row)
    return first


def update_rating(portfolio: Portfolio, rating_id: int, **fields) -> None:
    """Correct a rating's comment, gap, date or level (for typing mistakes)."""
    allowed = {"level_key", "rated_on", "comment", "gap", "rated_by"}
    if set(fields) - allowed:
        raise BadInput(f"A rating has no field {', '.join(sorted(set(fields) - allowed))}.")
    with portfolio.writing() as session:
        row = session.get(AuditRating, rating_id)
        if row is None:
            raise BadInput("That rating no longer exists.")
        if "level_key" in fields and fields["level_key"] not in {
            level.key for level in scale_levels(session)
        }:
            raise BadInput(f"'{fields['level_key']}' is not on this portfolio's scale.")
        for name, value in fields.items():
            setattr(row, name, value)
        session.add(row)


def delete_rating(portfolio: Portfolio, rating_id: int) -> None:
    """Remove one rating from a descriptor's history."""
    with portfolio.writing() as session:
        row = session.get(AuditRating, rating_id)
        if row is not None:
            session.delete(row)
