"""Priorities, the action plan and the Priority Action Cover Sheets with their dated diaries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, func, select

from ..errors import BadInput, RuleViolation
from ..framework.framework_reads import frozen_copy
from ..framework.framework_service import descriptor_by_code, theme_by_code
from ..framework.lookups import check_evidence_ids
from ..scheme.model import Scheme
from ..scheme.store import scheme_in_session
from ..storage.portfolio_file import Portfolio
from ..storage.schema import (
    ActionItem,
    CoverSheet,
    CoverSheetLink,
    DiaryEntry,
    Priority,
    PriorityDescriptor,
    stored_id,
)
from ..vocabularies import ACTION_STATUSES

ACTION_FIELDS = {
    "action",
    "lead",
    "resources",
    "starts_on",
    "ends_on",
    "monitoring",
    "success_criteria",
    "status",
    "theme_id",
    "descriptor_id",
    "priority_id",
    "position",
}


@dataclass(frozen=True)
class PriorityLine:
    """One of the setting's key priorities."""

    id: int
    position: int
    title: str
    description: str
    lead_staff_id: int | None


@dataclass(frozen=True)
class PlannedAction:
    """One row of the action plan."""

    id: int
    position: int
    theme_id: int | None
    descriptor_id: int | None
    priority_id: int | None
    action: str
    lead: str
    resources: str
    starts_on: date | None
    ends_on: date | None
    monitoring: str
    success_criteria: str
    status: str


@dataclass(frozen=True)
class CoverSheetFields:
    """A priority's cover sheet: its lead, start date and impact summary."""

    id: int
    priority_id: int
    lead: str
    started_on: date | None
    impact_summary: str


def list_priorities(portfolio: Portfolio) -> list[PriorityLine]:
    """The priorities in their chosen order."""
    with portfolio.session() as session:
        return [
            frozen_copy(PriorityLine, row)
            for row in session.exec(select(Priority).order_by(col(Priority.position)))
        ]


def add_priority(
    portfolio: Portfolio,
    title: str,
    description: str = "",
    lead_staff_id: int | None = None,
    descriptor_codes: list[str] | tuple = (),
) -> int:
    """Add a priority (with its cover sheet) spanning the given descriptors; returns its id."""
    if not title.strip():
        raise BadInput("A priority needs a title.")
    with portfolio.writing() as session:
        position = session.exec(select(func.count()).select_from(Priority)).one()
        check_room_for_priority(scheme_in_session(session), position)
        row = Priority(
            position=position,
            title=title.strip(),
            description=description,
            lead_staff_id=lead_staff_id,
        )
        session.add(row)
        session.flush()
        for code in dict.fromkeys(descriptor_codes):
            session.add(
                PriorityDescriptor(
                    priority_id=stored_id(row),
                    descriptor_id=stored_id(descriptor_by_code(session, code)),
                )
            )
        session.add(CoverSheet(priority_id=stored_id(row)))
        return stored_id(row)


def check_room_for_priority(scheme: Scheme, chosen: int) -> None:
    """RuleViolation when the scheme has no priorities, or already has its exact number of them."""
    words, wanted = scheme.words, scheme.priorities
    if not wanted.used:
        raise RuleViolation(
            f"{scheme.name} does not use {words.priorities.lower()}: plan the work in the "
            f"{words.action_plan.lower()} instead."
        )
    if chosen >= wanted.count:
        raise RuleViolation(
            f"{scheme.name} asks for exactly {wanted.count} {words.priorities.lower()}, and "
            f"{chosen} are chosen: remove one before adding another."
        )


def update_priority(
    portfolio: Portfolio,
    priority_id: int,
    title: str | None = None,
    description: str | None = None,
    lead_staff_id: int | None = None,
    descriptor_codes: list[str] | None = None,
) -> None:
    """Edit a priority; descriptor_codes, when given, replaces the descriptors it spans."""
    with portfolio.writing() as session:
        row = _priority(session, priority_id)
        if title is not None:
            if not title.strip():
                raise BadInput("A priority needs a title.")
            row.title = title.strip()
        if description is not None:
            row.description = description
        if lead_staff_id is not None:
            row.lead_staff_id = lead_staff_id or None
        session.add(row)
        if descriptor_codes is not None:
            ids = [
                stored_id(descriptor_by_code(session, c)) for c in dict.fromkeys(descriptor_codes)
            ]
            for old in session.exec(
                select(PriorityDescriptor).where(PriorityDescriptor.priority_id == row.id)
            ).all():
                session.delete(old)
            session.flush()
            for descriptor_id in ids:
                session.add(
                    PriorityDescriptor(priority_id=stored_id(row), descriptor_id=descriptor_id)
                )


def priority_descriptor_codes(portfolio: Portfolio, priority_id: int) -> list[str]:
    """Codes of the descriptors a priority spans."""
    from ..storage.schema import DescriptorRow

    with portfolio.session() as session:
        return list(
            session.exec(
                select(DescriptorRow.code)
                .join(
                    PriorityDescriptor,
                    col(PriorityDescriptor.descriptor_id) == col(DescriptorRow.id),
                )
                .where(PriorityDescriptor.priority_id == priority_id)
                .order_by(col(DescriptorRow.code))
            ).all()
        )


def delete_priority(portfolio: Portfolio, priority_id: int) -> None:
    """Remove a priority and its cover sheet (its evidence items are kept)."""
    with portfolio.writing() as session:
        session.delete(_priority(session, priority_id))
        session.flush()
        for position, row in enumerate(
            session.exec(select(Priority).order_by(col(Priority.position))).all()
        ):
            row.position = position
            session.add(row)


def move_priority(portfolio: Portfolio, priority_id: int, new_position: int) -> None:
    """Reorder the priorities."""
    with portfolio.writing() as session:
        rows = list(session.exec(select(Priority).order_by(col(Priority.position))).all())
        row = _priority(session, priority_id)
        rows = [r for r in rows if r.id != row.id]
        rows.insert(max(0, min(new_position, len(rows))), row)
        for position, r in enumerate(rows):
            r.position = position
            session.add(r)


def _priority(session: Session, priority_id: int) -> Priority:
    row = session.get(Priority, priority_id)
    if row is None:
        raise BadInput("That priority no longer exists.")
    return row


def _check_action(fields: dict) -> None:
    if set(fields) - ACTION_FIELDS:
        raise BadInput(f"An action has no field {', '.join(sorted(set(fields) - ACTION_FIELDS))}.")
    if "action" in fields and not str(fields["action"]).strip():
        raise BadInput("An action needs a description of what will be done.")
    if fields.get("status", "planned") not in ACTION_STATUSES:
        raise BadInput(f"Status must be one of {', '.join(ACTION_STATUSES)}.")
    starts, ends = fields.get("starts_on"), fields.get("ends_on")
    if starts and ends and ends < starts:
        raise BadInput("An action cannot end before it starts.")


def list_actions(portfolio: Portfolio) -> list[PlannedAction]:
    """The action plan in order."""
    with portfolio.session() as session:
        rows = session.exec(
            select(ActionItem).order_by(col(ActionItem.position), col(ActionItem.id))
        ).all()
        return [frozen_copy(PlannedAction, row) for row in rows]


def add_action(
    portfolio: Portfolio,
    action: str,
    theme_code: str | None = None,
    descriptor_code: str | None = None,
    **fields,
) -> int:
    """Add an action-plan row (optionally for a theme, descriptor gap or priority); returns its id."""
    fields["action"] = action
    _check_action(fields)
    with portfolio.writing() as session:
        if descriptor_code:
            descriptor = descriptor_by_code(session, descriptor_code)
            fields["descriptor_id"] = descriptor.id
            fields.setdefault("theme_id", descriptor.theme_id)
        if theme_code:
            fields["theme_id"] = theme_by_code(session, theme_code).id
        fields.setdefault(
            "position", session.exec(select(func.count()).select_from(ActionItem)).one()
        )
        row = ActionItem(**fields)
        session.add(row)
        session.flush()
        return stored_id(row)


def update_action(portfolio: Portfolio, action_id: int, **fields) -> None:
    """Edit an action-plan row."""
    with portfolio.writing() as session:
        row = session.get(ActionItem, action_id)
        if row is None:
            raise BadInput("That action no longer exists.")
        merged = {"starts_on": row.starts_on, "ends_on": row.ends_on, **fields}
        _check_action(merged)
        for name, value in fields.items():
            setattr(row, name, value)
        session.add(row)


def delete_action(portfolio: Portfolio, action_id: int) -> None:
    """Remove an action-plan row."""
    with portfolio.writing() as session:
        row = session.get(ActionItem, action_id)
        if row is not None:
            session.delete(row)


def cover_sheet_for(portfolio: Portfolio, priority_id: int) -> CoverSheetFields:
    """The cover sheet of a priority (created if an older file lacks one)."""
    with portfolio.session() as session:
        sheet = session.exec(
            select(CoverSheet).where(CoverSheet.priority_id == priority_id)
        ).first()
        if sheet is not None:
            return frozen_copy(CoverSheetFields, sheet)
    with portfolio.writing() as session:
        _priority(session, priority_id)
        sheet = CoverSheet(priority_id=priority_id)
        session.add(sheet)
        session.flush()
        return frozen_copy(CoverSheetFields, sheet)


def update_cover_sheet(portfolio: Portfolio, cover_sheet_id: int, **fields) -> None:
    """Edit a cover sheet's lead, start date or impact summary."""
    if set(fields) - {"lead", "started_on", "impact_summary"}:
        raise BadInput("A cover sheet has only a lead, a start date and an impact summary.")
    with portfolio.writing() as session:
        sheet = session.get(CoverSheet, cover_sheet_id)
        if sheet is None:
            raise BadInput(f"There is no cover sheet {cover_sheet_id}.")
        for name, value in fields.items():
            setattr(sheet, name, value)
        session.add(sheet)


def add_diary_entry(
    portfolio: Portfolio,
    cover_sheet_id: int,
    entry_date: date,
    text: str,
    author: str = "",
    evidence_ids: list[int] | tuple = (),
) -> int:
    """Add a dated diary entry to a cover sheet, attaching the evidence it mentions to the sheet in the
    same transaction; returns its id."""
    if not text.strip():
        raise BadInput("A diary entry needs some text.")
    if entry_date > date.today():
        raise BadInput("A diary entry records what was done: it cannot be dated in the future.")
    with portfolio.writing() as session:
        if session.get(CoverSheet, cover_sheet_id) is None:
            raise BadInput(f"There is no cover sheet {cover_sheet_id}.")
        check_evidence_ids(session, evidence_ids)
        row = DiaryEntry(
            cover_sheet_id=cover_sheet_id, entry_date=entry_date, text=text.strip(), author=author
        )
        session.add(row)
        for evidence_id in dict.fromkeys(evidence_ids):
            if session.get(CoverSheetLink, (cover_sheet_id, evidence_id)) is None:
                session.add(CoverSheetLink(cover_sheet_id=cover_sheet_id, evidence_id=evidence_id))
        session.flush()
        return stored_id(row)


def update_diary_entry(portfolio: Portfolio, entry_id: int, **fields) -> None:
    """Edit a diary entry's date, text or author."""
    with portfolio.writing() as session:
        row = session.get(DiaryEntry, entry_id)
        if row is None:
            raise BadInput("That diary entry no longer exists.")
        for name, value in fields.items():
            if name not in {"entry_date", "text", "author"}:
                raise BadInput(f"A diary entry has no field {name}.")
            setattr(row, name, value)
        session.add(row)


def delete_diary_entry(portfolio: Portfolio, entry_id: int) -> None:
    """Remove a diary entry."""
    with portfolio.writing() as session:
        row = session.get(DiaryEntry, entry_id)
        if row is not None:
            session.delete(row)


@dataclass(frozen=True)
class DiaryLine:
    """One dated entry of a cover sheet's diary."""

    id: int
    cover_sheet_id: int
    entry_date: date
    text: str
    author: str


def diary_entries(portfolio: Portfolio, cover_sheet_id: int) -> list[DiaryLine]:
    """A cover sheet's diary, oldest first."""
    with portfolio.session() as session:
        rows = session.exec(
            select(DiaryEntry)
            .where(DiaryEntry.cover_sheet_id == cover_sheet_id)
            .order_by(col(DiaryEntry.entry_date), col(DiaryEntry.id))
        ).all()
        return [frozen_copy(DiaryLine, row) for row in rows]
