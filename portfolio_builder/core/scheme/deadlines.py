"""When an action is due by the scheme's own timescales (West Sussex: four weeks; five working days)."""

from __future__ import annotations

from datetime import date, timedelta

from .model import Deadline, Scheme


def deadline_for(scheme: Scheme, level_key: str | None) -> Deadline | None:
    """The deadline that applies to an action from a descriptor rated at level_key (a level's own first)."""
    specific = next((d for d in scheme.deadlines if d.level and d.level == level_key), None)
    return specific or next((d for d in scheme.deadlines if not d.level), None)


def add_working_days(start: date, days: int) -> date:
    """start plus a number of working days (Monday to Friday)."""
    current, left = start, days
    while left > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current


def due_date(scheme: Scheme, starts_on: date | None, level_key: str | None) -> date | None:
    """When an action agreed on starts_on is due, or None when the scheme sets no timescale."""
    deadline = deadline_for(scheme, level_key)
    if deadline is None or starts_on is None:
        return None
    if deadline.working_days is not None:
        return add_working_days(starts_on, deadline.working_days)
    return starts_on + timedelta(days=deadline.days or 0)
