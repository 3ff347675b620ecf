"""What the desktop reads of the framework copy, its team and judgements, as frozen values: no session leaves core."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from ..scheme.framework_model import Framework
from ..storage.portfolio_file import Portfolio
from ..storage.schema import ThemeRow
from .framework_service import descriptor_by_code, read_framework


def frozen_copy(cls: Any, row: Any) -> Any:
    """A frozen dataclass holding the row's values for the dataclass's fields (read inside the session)."""
    return cls(**{f.name: getattr(row, f.name) for f in fields(cls)})


@dataclass(frozen=True)
class SettingValues:
    """The setting's profile: who it is, how to reach it, its context, award level and bundle licence."""

    id: int
    name: str
    kind: str
    address: str
    reference: str
    head: str
    contact_email: str
    phone: str
    context: str
    award_level: str
    licence: str
    created_at: datetime


@dataclass(frozen=True)
class StaffMember:
    """One person on the staff list."""

    id: int
    name: str
    role: str
    email: str
    is_lead: bool
    in_core_team: bool


@dataclass(frozen=True)
class Judgement:
    """One dated best-fit judgement of a theme."""

    id: int
    theme_id: int
    level_key: str
    judged_on: date
    comment: str
    judged_by: str


@dataclass(frozen=True)
class ThemeSheet:
    """A theme's evidence-summary sheet fields, as the theme sheet form edits them."""

    id: int
    code: str
    title: str
    lead_staff_id: int | None
    gathering_started: date | None
    gathering_ended: date | None
    summative_comment: str


def theme_sheet(portfolio: Portfolio, theme_id: int) -> ThemeSheet | None:
    """One theme's sheet fields, or None when the theme is gone (undone, or deleted elsewhere)."""
    with portfolio.session() as session:
        row = session.get(ThemeRow, theme_id)
        return frozen_copy(ThemeSheet, row) if row is not None else None


def framework_copy(portfolio: Portfolio) -> Framework:
    """The portfolio's framework as the setting edited it, in the shipped file's shape."""
    with portfolio.session() as session:
        return read_framework(session)


def descriptor_ids(portfolio: Portfolio, codes: list[str]) -> list[int]:
    """The ids of the descriptors with these codes (any case), in the order given; BadInput for an unknown one."""
    with portfolio.session() as session:
        return [int(descriptor_by_code(session, code).id) for code in codes]  # type: ignore[arg-type]
