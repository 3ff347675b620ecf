"""Read a whole portfolio into its typed shape (core.portfolio_shape): what portfolio.json holds and read-only mode loads."""

from __future__ import annotations

from datetime import date, datetime
from typing import TypeVar

from sqlmodel import Session, col, select

from ... import __version__
from ..scheme.deadlines import due_date
from ..scheme.model import Scheme
from ..scheme.store import scheme_in_session
from ..storage.portfolio_file import Portfolio
from ..storage.schema import (
    ActionItem,
    AuditRating,
    CoverSheet,
    CoverSheetLink,
    DescriptorLink,
    DescriptorRow,
    DiaryEntry,
    EvidenceItem,
    PortfolioText,
    Priority,
    PriorityDescriptor,
    RedactionRegion,
    SettingProfile,
    Staff,
    ThemeJudgement,
    ThemeRow,
    stored_id,
    utc_now,
)
from .portfolio_shape import (
    ActionShape,
    CoverSheetShape,
    DescriptorShape,
    DiaryEntryShape,
    EvidenceShape,
    Person,
    PortfolioShape,
    PriorityShape,
    Rating,
    RegionShape,
    SettingShape,
    StaffShape,
    ThemeShape,
)

V = TypeVar("V")


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _referenced(mapping: dict[int, V], row_id: int | None) -> V | None:
    """What a nullable reference (an action's theme, descriptor, priority) points at; None when it is unset."""
    return None if row_id is None else mapping.get(row_id)


def _newest(history: list[Rating]) -> Rating | None:
    """The current rating of a history kept oldest first."""
    return history[-1] if history else None


def build_snapshot(portfolio: Portfolio) -> PortfolioShape:
    """Read the whole portfolio into its typed shape, in one consistent read."""
    with portfolio.session() as session:
        return snapshot_from_session(session)


def _ratings(
    session: Session, scheme: Scheme
) -> tuple[dict[int, list[Rating]], dict[int, list[Rating]]]:
    """Rating histories per descriptor id and best-fit histories per theme id, oldest first."""

    def rating(level_key: str, on, comment: str, by: str, gap: str = "") -> Rating:
        level = scheme.scale.level(level_key)
        return Rating(
            level=level_key,
            label=level.label if level else level_key,
            colour=level.colour if level else "#888888",
            score=level.score if level else None,
            on=_iso(on),
            comment=comment,
            gap=gap,
            by=by,
        )

    ratings: dict[int, list[Rating]] = {}
    for r in session.exec(
        select(AuditRating).order_by(col(AuditRating.rated_on), col(AuditRating.id))
    ).all():
        ratings.setdefault(r.descriptor_id, []).append(
            rating(r.level_key, r.rated_on, r.comment, r.rated_by, r.gap)
        )
    judgements: dict[int, list[Rating]] = {}
    for j in session.exec(
        select(ThemeJudgement).order_by(col(ThemeJudgement.judged_on), col(ThemeJudgement.id))
    ).all():
        judgements.setdefault(j.theme_id, []).append(
            rating(j.level_key, j.judged_on, j.comment, j.judged_by)
        )
    return ratings, judgements


def _links(session: Session, code_of: dict[int, str]):
    key_of: dict[int, list[int]] = {}
    cross_of: dict[int, list[int]] = {}
    key_for: dict[int, list[str]] = {}
    cross_for: dict[int, list[str]] = {}
    for link in session.exec(
        select(DescriptorLink).order_by(
            col(DescriptorLink.role), col(DescriptorLink.slot), col(DescriptorLink.id)
        )
    ).all():
        code = code_of.get(link.descriptor_id, "")
        if link.role == "key":
            key_of.setdefault(link.descriptor_id, []).append(link.evidence_id)
            key_for.setdefault(link.evidence_id, []).append(code)
        else:
            cross_of.setdefault(link.descriptor_id, []).append(link.evidence_id)
            cross_for.setdefault(link.evidence_id, []).append(code)
    return key_of, cross_of, key_for, cross_for


def _priorities(
    session: Session, code_of: dict[int, str], staff_by_id: dict
) -> tuple[list[PriorityShape], dict[int, int], dict[int, list[int]]]:
    priorities = session.exec(select(Priority).order_by(col(Priority.position))).all()
    number_of = {stored_id(p): i + 1 for i, p in enumerate(priorities)}
    spans: dict[int, list[str]] = {}
    for pd in session.exec(select(PriorityDescriptor)).all():
        if pd.descriptor_id in code_of:
            spans.setdefault(pd.priority_id, []).append(code_of[pd.descriptor_id])
    sheets = {c.priority_id: c for c in session.exec(select(CoverSheet)).all()}
    diary: dict[int, list[DiaryEntryShape]] = {}
    for entry in session.exec(
        select(DiaryEntry).order_by(col(DiaryEntry.entry_date), col(DiaryEntry.id))
    ).all():
        diary.setdefault(entry.cover_sheet_id, []).append(
            DiaryEntryShape(date=_iso(entry.entry_date), text=entry.text, author=entry.author)
        )
    sheet_evidence: dict[int, list[int]] = {}
    evidence_sheets: dict[int, list[int]] = {}
    priority_of_sheet = {stored_id(c): c.priority_id for c in sheets.values()}
    for cl in session.exec(select(CoverSheetLink).order_by(col(CoverSheetLink.evidence_id))).all():
        sheet_evidence.setdefault(cl.cover_sheet_id, []).append(cl.evidence_id)
        evidence_sheets.setdefault(cl.evidence_id, []).append(
            number_of[priority_of_sheet[cl.cover_sheet_id]]
        )
    shaped = []
    for p in priorities:
        sheet = sheets.get(stored_id(p))
        lead = staff_by_id.get(p.lead_staff_id)
        cover = (
            None
            if sheet is None
            else CoverSheetShape(
                lead=sheet.lead or (lead.name if lead else ""),
                started_on=_iso(sheet.started_on),
                impact_summary=sheet.impact_summary,
                diary=diary.get(stored_id(sheet), []),
                evidence=sheet_evidence.get(stored_id(sheet), []),
            )
        )
        shaped.append(
            PriorityShape(
                number=number_of[stored_id(p)],
                title=p.title,
                description=p.description,
                lead=lead.name if lead else "",
                descriptor_codes=sorted(spans.get(stored_id(p), [])),
                cover_sheet=cover,
            )
        )
    return shaped, number_of, evidence_sheets


def snapshot_from_session(session: Session) -> PortfolioShape:
    """Same as build_snapshot, inside an open session."""
    scheme = scheme_in_session(session)
    profile = session.exec(select(SettingProfile)).one()
    staff = session.exec(select(Staff).order_by(col(Staff.is_lead).desc(), col(Staff.name))).all()
    staff_by_id = {s.id: s for s in staff}
    themes = session.exec(select(ThemeRow).order_by(col(ThemeRow.position))).all()
    descriptors = session.exec(select(DescriptorRow).order_by(col(DescriptorRow.position))).all()
    code_of = {stored_id(d): d.code for d in descriptors}
    theme_code_of = {stored_id(t): t.code for t in themes}
    ratings, judgements = _ratings(session, scheme)
    key_of, cross_of, key_for, cross_for = _links(session, code_of)
    priorities, number_of, evidence_sheets = _priorities(session, code_of, staff_by_id)
    regions: dict[int, list[RegionShape]] = {}
    for r in session.exec(
        select(RedactionRegion).order_by(
            col(RedactionRegion.evidence_id), col(RedactionRegion.position), col(RedactionRegion.id)
        )
    ).all():
        regions.setdefault(r.evidence_id, []).append(
            RegionShape(x=r.x, y=r.y, w=r.w, h=r.h, mode=r.mode, shape=r.shape)
        )
    by_theme: dict[int, list[DescriptorRow]] = {}
    for d in descriptors:
        by_theme.setdefault(d.theme_id, []).append(d)

    def lead_of(staff_id) -> Person | None:
        person = staff_by_id.get(staff_id)
        return Person(name=person.name, role=person.role) if person else None

    def action(a: ActionItem) -> ActionShape:
        history = _referenced(ratings, a.descriptor_id) or []
        level = history[-1].level if history else None
        return ActionShape(
            theme_code=_referenced(theme_code_of, a.theme_id),
            descriptor_code=_referenced(code_of, a.descriptor_id),
            priority_number=_referenced(number_of, a.priority_id),
            action=a.action,
            lead=a.lead,
            resources=a.resources,
            starts_on=_iso(a.starts_on),
            ends_on=_iso(a.ends_on),
            due_on=_iso(due_date(scheme, a.starts_on, level)),
            monitoring=a.monitoring,
            success_criteria=a.success_criteria,
            status=a.status,
        )

    return PortfolioShape(
        app_version=__version__,
        created_at=_iso(utc_now()),
        setting=SettingShape(**{k: getattr(profile, k) for k in SettingShape.model_fields}),
        staff=[
            StaffShape(name=s.name, role=s.role, is_lead=s.is_lead, in_core_team=s.in_core_team)
            for s in staff
        ],
        scheme=scheme,
        themes=[
            ThemeShape(
                code=t.code,
                title=t.title,
                description=t.description,
                placeholder=t.placeholder,
                lead=lead_of(t.lead_staff_id),
                gathering_started=_iso(t.gathering_started),
                gathering_ended=_iso(t.gathering_ended),
                summative_comment=t.summative_comment,
                best_fit=_newest(judgements.get(stored_id(t), [])),
                best_fit_history=judgements.get(stored_id(t), []),
                descriptors=[
                    DescriptorShape(
                        code=d.code,
                        text=d.text,
                        ours=d.ours,
                        examples=[e for e in d.examples.splitlines() if e],
                        rating=_newest(ratings.get(stored_id(d), [])),
                        rating_history=ratings.get(stored_id(d), []),
                        key_evidence=key_of.get(stored_id(d), []),
                        cross_references=cross_of.get(stored_id(d), []),
                    )
                    for d in by_theme.get(stored_id(t), [])
                ],
            )
            for t in themes
        ],
        priorities=priorities,
        action_plan=[
            action(a)
            for a in session.exec(
                select(ActionItem).order_by(col(ActionItem.position), col(ActionItem.id))
            ).all()
        ],
        evidence=[
            EvidenceShape(
                id=stored_id(e),
                kind=e.kind,
                title=e.title,
                description=e.description,
                source=e.source,
                evidence_date=_iso(e.evidence_date),
                component=e.component,
                consent=e.consent,
                url=e.url,
                mime_type=e.mime_type,
                size=e.size,
                sha256=e.sha256,
                taken_at=_iso(e.taken_at),
                collected_by=e.collected_by,
                key_for=key_for.get(stored_id(e), []),
                cross_reference_for=cross_for.get(stored_id(e), []),
                cover_sheets=evidence_sheets.get(stored_id(e), []),
                regions=regions.get(stored_id(e), []),
            )
            for e in session.exec(select(EvidenceItem).order_by(col(EvidenceItem.id))).all()
        ],
        texts={row.key: row.body for row in session.exec(select(PortfolioText)).all()},
    )
