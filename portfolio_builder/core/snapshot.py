"""The whole portfolio as plain JSON-ready data: what portfolio.json holds and read-only mode loads.

Format (format_version 1); dates are ISO strings or null:
{
  "format": "portfolio-builder/portfolio", "format_version": 1, "app_version": str,
  "created_at": str, "draft": bool,
  "setting": {name, kind, address, reference, head, contact_email, phone, context},
  "staff": [{name, role, is_lead, in_core_team}],
  "framework": {id, name, awarding_body, version, description, scale_name,
                levels: [{key, label, description, colour, score}], rule: {min_key, max_key},
                priorities_required, uses_components, action_plan_theme},
  "themes": [{code, title, description, lead: {name, role} | null, gathering_started,
              gathering_ended, summative_comment,
              descriptors: [{code, text, examples: [str], rating: RATING | null,
                             rating_history: [RATING oldest first], key_evidence: [evidence id],
                             cross_references: [evidence id]}]}],
      RATING = {level, label, colour, score, rated_on, comment, gap, rated_by}
  "priorities": [{number, title, description, lead, descriptor_codes: [str],
                  cover_sheet: {lead, started_on, impact_summary,
                                diary: [{date, text, author}], evidence: [evidence id]} | null}],
  "action_plan": [{theme_code, descriptor_code, priority_number, action, lead, resources,
                   starts_on, ends_on, monitoring, success_criteria, status}],
  "evidence": [{id, kind, title, description, source, evidence_date, component, consent,
                url, original_name, mime_type, size, sha256, taken_at, collected_by,
                has_location, key_for: [code], cross_reference_for: [code],
                cover_sheets: [priority number], path: null | "evidence/..." (set by export),
                included: bool (set by export)}],
  "case_study": str, "three_year_plan": str
}
"""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Session, select

from .. import __version__
from .framework_service import framework_info
from .portfolio_file import Portfolio
from .schema import (ActionItem, AuditRating, CoverSheet, CoverSheetLink, DescriptorLink, DescriptorRow,
                     DiaryEntry, EvidenceItem, Priority, PriorityDescriptor, ScaleLevelRow, SettingProfile,
                     Staff, ThemeRow, utc_now)

FORMAT = "portfolio-builder/portfolio"
FORMAT_VERSION = 1


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def build_snapshot(portfolio: Portfolio) -> dict:
    """Read the whole portfolio into one JSON-ready dict (see the module docstring)."""
    with portfolio.session() as session:
        return snapshot_from_session(session)


def snapshot_from_session(session: Session) -> dict:
    """Same as build_snapshot, inside an open session (one consistent read)."""
    profile = session.exec(select(SettingProfile)).one()
    info = framework_info(session)
    staff = session.exec(select(Staff).order_by(Staff.is_lead.desc(), Staff.name)).all()
    staff_by_id = {s.id: s for s in staff}
    levels = session.exec(select(ScaleLevelRow).order_by(ScaleLevelRow.position)).all()
    level_by_key = {l.key: l for l in levels}
    themes = session.exec(select(ThemeRow).order_by(ThemeRow.position)).all()
    descriptors = session.exec(select(DescriptorRow).order_by(DescriptorRow.position)).all()
    code_of = {d.id: d.code for d in descriptors}
    theme_code_of = {t.id: t.code for t in themes}

    ratings: dict[int, list[dict]] = {}
    for r in session.exec(select(AuditRating).order_by(AuditRating.rated_on, AuditRating.id)).all():
        level = level_by_key.get(r.level_key)
        ratings.setdefault(r.descriptor_id, []).append({
            "level": r.level_key, "label": level.label if level else r.level_key,
            "colour": level.colour if level else "#888888", "score": level.score if level else None,
            "rated_on": _iso(r.rated_on), "comment": r.comment, "gap": r.gap, "rated_by": r.rated_by})

    links = session.exec(select(DescriptorLink).order_by(DescriptorLink.role, DescriptorLink.slot,
                                                         DescriptorLink.id)).all()
    key_of: dict[int, list[int]] = {}
    cross_of: dict[int, list[int]] = {}
    key_for: dict[int, list[str]] = {}
    cross_for: dict[int, list[str]] = {}
    for link in links:
        code = code_of.get(link.descriptor_id)
        if link.role == "key":
            key_of.setdefault(link.descriptor_id, []).append(link.evidence_id)
            key_for.setdefault(link.evidence_id, []).append(code)
        else:
            cross_of.setdefault(link.descriptor_id, []).append(link.evidence_id)
            cross_for.setdefault(link.evidence_id, []).append(code)

    by_theme: dict[int, list[DescriptorRow]] = {}
    for d in descriptors:
        by_theme.setdefault(d.theme_id, []).append(d)

    def lead_of(staff_id):
        person = staff_by_id.get(staff_id)
        return {"name": person.name, "role": person.role} if person else None

    priorities = session.exec(select(Priority).order_by(Priority.position)).all()
    number_of = {p.id: i + 1 for i, p in enumerate(priorities)}
    spans: dict[int, list[str]] = {}
    for pd in session.exec(select(PriorityDescriptor)).all():
        spans.setdefault(pd.priority_id, []).append(code_of.get(pd.descriptor_id))
    sheets = {c.priority_id: c for c in session.exec(select(CoverSheet)).all()}
    diary: dict[int, list[dict]] = {}
    for entry in session.exec(select(DiaryEntry).order_by(DiaryEntry.entry_date, DiaryEntry.id)).all():
        diary.setdefault(entry.cover_sheet_id, []).append(
            {"date": _iso(entry.entry_date), "text": entry.text, "author": entry.author})
    sheet_evidence: dict[int, list[int]] = {}
    evidence_sheets: dict[int, list[int]] = {}
    priority_of_sheet = {c.id: c.priority_id for c in sheets.values()}
    for cl in session.exec(select(CoverSheetLink).order_by(CoverSheetLink.evidence_id)).all():
        sheet_evidence.setdefault(cl.cover_sheet_id, []).append(cl.evidence_id)
        evidence_sheets.setdefault(cl.evidence_id, []).append(number_of[priority_of_sheet[cl.cover_sheet_id]])

    def cover(priority: Priority):
        sheet = sheets.get(priority.id)
        if sheet is None:
            return None
        return {"lead": sheet.lead, "started_on": _iso(sheet.started_on), "impact_summary": sheet.impact_summary,
                "diary": diary.get(sheet.id, []), "evidence": sheet_evidence.get(sheet.id, [])}

    evidence = session.exec(select(EvidenceItem).order_by(EvidenceItem.id)).all()
    actions = session.exec(select(ActionItem).order_by(ActionItem.position, ActionItem.id)).all()
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION, "app_version": __version__,
        "created_at": _iso(utc_now()), "draft": False,
        "setting": {k: getattr(profile, k) for k in
                    ("name", "kind", "address", "reference", "head", "contact_email", "phone", "context")},
        "staff": [{"name": s.name, "role": s.role, "is_lead": s.is_lead, "in_core_team": s.in_core_team}
                  for s in staff],
        "framework": {
            "id": info.framework_id, "name": info.name, "awarding_body": info.awarding_body,
            "version": info.version, "description": info.description, "scale_name": info.scale_name,
            "levels": [{"key": l.key, "label": l.label, "description": l.description, "colour": l.colour,
                        "score": l.score} for l in levels],
            "rule": {"min_key": info.min_key, "max_key": info.max_key},
            "priorities_required": info.priorities_required, "uses_components": info.uses_components,
            "action_plan_theme": info.action_plan_theme},
        "themes": [{
            "code": t.code, "title": t.title, "description": t.description, "lead": lead_of(t.lead_staff_id),
            "gathering_started": _iso(t.gathering_started), "gathering_ended": _iso(t.gathering_ended),
            "summative_comment": t.summative_comment,
            "descriptors": [{
                "code": d.code, "text": d.text, "examples": [e for e in d.examples.splitlines() if e],
                "rating": (ratings.get(d.id) or [None])[-1], "rating_history": ratings.get(d.id, []),
                "key_evidence": key_of.get(d.id, []), "cross_references": cross_of.get(d.id, [])}
                for d in by_theme.get(t.id, [])]} for t in themes],
        "priorities": [{
            "number": number_of[p.id], "title": p.title, "description": p.description,
            "lead": (lead_of(p.lead_staff_id) or {}).get("name", ""),
            "descriptor_codes": sorted(c for c in spans.get(p.id, []) if c), "cover_sheet": cover(p)}
            for p in priorities],
        "action_plan": [{
            "theme_code": theme_code_of.get(a.theme_id), "descriptor_code": code_of.get(a.descriptor_id),
            "priority_number": number_of.get(a.priority_id), "action": a.action, "lead": a.lead,
            "resources": a.resources, "starts_on": _iso(a.starts_on), "ends_on": _iso(a.ends_on),
            "monitoring": a.monitoring, "success_criteria": a.success_criteria, "status": a.status}
            for a in actions],
        "evidence": [{
            "id": e.id, "kind": e.kind, "title": e.title, "description": e.description, "source": e.source,
            "evidence_date": _iso(e.evidence_date), "component": e.component, "consent": e.consent,
            "url": e.url, "original_name": e.original_name, "mime_type": e.mime_type, "size": e.size,
            "sha256": e.sha256, "taken_at": _iso(e.taken_at), "collected_by": e.collected_by,
            "has_location": e.has_location, "key_for": key_for.get(e.id, []),
            "cross_reference_for": cross_for.get(e.id, []), "cover_sheets": evidence_sheets.get(e.id, []),
            "path": None, "included": True} for e in evidence],
        "case_study": profile.case_study, "three_year_plan": profile.three_year_plan,
    }
