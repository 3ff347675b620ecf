"""Tag evidence to descriptors and cover sheets, enforcing the framework's key-evidence rule."""

from __future__ import annotations

from sqlmodel import Session, col, select

from ..errors import BadInput, RuleViolation
from ..framework.framework_service import descriptor_by_code
from ..framework.lookups import check_evidence_ids
from ..scheme.store import scheme_in_session
from ..storage.portfolio_file import Portfolio
from ..storage.schema import (
    CoverSheet,
    CoverSheetLink,
    DescriptorLink,
    DescriptorRow,
    EvidenceItem,
    stored_id,
)


def _evidence(session: Session, evidence_id: int) -> EvidenceItem:
    item = session.get(EvidenceItem, evidence_id)
    if item is None:
        raise BadInput(f"There is no evidence item {evidence_id}.")
    return item


def key_evidence(session: Session, descriptor_id: int) -> list[tuple[DescriptorLink, EvidenceItem]]:
    """The key evidence of a descriptor, in slot order."""
    rows = session.exec(
        select(DescriptorLink, EvidenceItem)
        .join(EvidenceItem, col(EvidenceItem.id) == col(DescriptorLink.evidence_id))
        .where(DescriptorLink.descriptor_id == descriptor_id, DescriptorLink.role == "key")
        .order_by(col(DescriptorLink.slot))
    ).all()
    return list(rows)


def tag_in_session(
    session: Session, evidence_id: int, code: str, cross_reference: bool = False, note: str = ""
) -> DescriptorLink:
    """Tag within an open session (for batch work); same rules as tag_evidence."""
    item = _evidence(session, evidence_id)
    descriptor = descriptor_by_code(session, code)
    existing = session.exec(
        select(DescriptorLink).where(
            DescriptorLink.evidence_id == evidence_id, DescriptorLink.descriptor_id == descriptor.id
        )
    ).first()
    wanted_role = "cross" if cross_reference else "key"
    if existing is not None and existing.role == wanted_role:
        return existing
    if not cross_reference:
        rule = scheme_in_session(session).evidence_rule
        present = [
            (link, ev)
            for link, ev in key_evidence(session, stored_id(descriptor))
            if ev.id != evidence_id
        ]
        if not rule.has_room(len(present)):
            raise RuleViolation(
                rule.refusal(
                    descriptor.code,
                    [(stored_id(ev), ev.title) for _, ev in present],
                    f"'{item.title}'",
                )
            )
        slot = rule.next_slot({link.slot for link, _ in present if link.slot is not None})
    else:
        slot = None
    if existing is None:
        existing = DescriptorLink(evidence_id=evidence_id, descriptor_id=stored_id(descriptor))
    existing.role, existing.slot, existing.note = wanted_role, slot, note
    session.add(existing)
    session.flush()
    return existing


def tag_evidence(
    portfolio: Portfolio, evidence_id: int, code: str, cross_reference: bool = False, note: str = ""
) -> int:
    """Present evidence for a descriptor as key evidence (refused past the rule's maximum) or a
    cross-reference; returns the slot number (0 for a cross-reference)."""
    with portfolio.writing() as session:
        link = tag_in_session(session, evidence_id, code, cross_reference, note)
        return link.slot or 0


def tag_evidence_many(
    portfolio: Portfolio, evidence_ids, code: str, cross_reference: bool = False
) -> int:
    """Tag several items to one descriptor in one transaction, or none: an unknown id, or a key item past the
    scheme's evidence rule, refuses the lot with its message. Returns how many items were tagged."""
    ids = list(dict.fromkeys(int(i) for i in evidence_ids))
    with portfolio.writing() as session:
        check_evidence_ids(session, ids)
        for evidence_id in ids:
            tag_in_session(session, evidence_id, code, cross_reference)
    return len(ids)


def untag_evidence(
    portfolio: Portfolio, evidence_id: int, code: str, must_be_tagged: bool = False
) -> None:
    """Remove an evidence item from a descriptor (key or cross-reference); with must_be_tagged, an unknown
    item or one not presented for that descriptor is refused (BadInput) instead of ignored."""
    with portfolio.writing() as session:
        if must_be_tagged:
            check_evidence_ids(session, [evidence_id])
        descriptor = descriptor_by_code(session, code)
        link = session.exec(
            select(DescriptorLink).where(
                DescriptorLink.evidence_id == evidence_id,
                DescriptorLink.descriptor_id == descriptor.id,
            )
        ).first()
        if link is not None:
            session.delete(link)
        elif must_be_tagged:
            codes = sorted(
                session.exec(
                    select(DescriptorRow.code)
                    .join(
                        DescriptorLink, col(DescriptorLink.descriptor_id) == col(DescriptorRow.id)
                    )
                    .where(DescriptorLink.evidence_id == evidence_id)
                ).all()
            )
            raise BadInput(
                f"Item {evidence_id} is not presented for {descriptor.code}; "
                + (f"it is presented for {', '.join(codes)}." if codes else "it has no tags.")
            )


def untag_evidence_many(portfolio: Portfolio, evidence_ids, code: str) -> int:
    """Remove several items from one descriptor in one transaction (items not presented for it are left as they
    are); an unknown id refuses the lot. Returns how many tags were removed."""
    ids = list(dict.fromkeys(int(i) for i in evidence_ids))
    with portfolio.writing() as session:
        check_evidence_ids(session, ids)
        descriptor = descriptor_by_code(session, code)
        links = session.exec(
            select(DescriptorLink).where(
                DescriptorLink.descriptor_id == descriptor.id,
                col(DescriptorLink.evidence_id).in_(ids),
            )
        ).all()
        for link in links:
            session.delete(link)
        return len(links)


def links_of_evidence(session: Session, evidence_id: int) -> list[DescriptorLink]:
    """Every descriptor link of one evidence item."""
    return list(
        session.exec(select(DescriptorLink).where(DescriptorLink.evidence_id == evidence_id)).all()
    )


def attach_to_cover_sheet(portfolio: Portfolio, evidence_id: int, cover_sheet_id: int) -> None:
    """Attach evidence to a Priority Action Cover Sheet (idempotent)."""
    with portfolio.writing() as session:
        _evidence(session, evidence_id)
        if session.get(CoverSheet, cover_sheet_id) is None:
            raise BadInput(f"There is no cover sheet {cover_sheet_id}.")
        if session.get(CoverSheetLink, (cover_sheet_id, evidence_id)) is None:
            session.add(CoverSheetLink(cover_sheet_id=cover_sheet_id, evidence_id=evidence_id))


def detach_from_cover_sheet(portfolio: Portfolio, evidence_id: int, cover_sheet_id: int) -> None:
    """Detach evidence from a cover sheet."""
    with portfolio.writing() as session:
        link = session.get(CoverSheetLink, (cover_sheet_id, evidence_id))
        if link is not None:
            session.delete(link)
