"""Framework and tagging edits made undoable: a deleted descriptor comes back with its ratings and links."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import select

from ..errors import BadInput
from ..evidence.evidence_links import tag_in_session
from ..framework.framework_service import descriptor_by_code
from ..storage.portfolio_file import Portfolio
from ..storage.schema import AuditRating, DescriptorLink, DescriptorRow, ThemeRow


@dataclass
class DeletedDescriptor:
    """Everything needed to put a deleted descriptor back as it was."""

    row: dict
    ratings: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)


def _plain(model) -> dict:
    return model.model_dump()


def delete_descriptor_keeping(portfolio: Portfolio, descriptor_id: int) -> DeletedDescriptor:
    """Delete a descriptor (ratings and links go too) and return what restore_descriptor needs."""
    with portfolio.writing() as session:
        row = session.get(DescriptorRow, descriptor_id)
        if row is None:
            raise BadInput("That descriptor no longer exists.")
        kept = DeletedDescriptor(
            _plain(row),
            [_plain(r) for r in session.exec(select(AuditRating).where(AuditRating.descriptor_id == row.id))],
            [_plain(link) for link in session.exec(select(DescriptorLink).where(DescriptorLink.descriptor_id == row.id))])
        siblings = session.exec(select(DescriptorRow).where(DescriptorRow.theme_id == row.theme_id,
                                                            DescriptorRow.position > row.position)).all()
        session.delete(row)
        for sibling in siblings:
            sibling.position -= 1
            session.add(sibling)
    return kept


def restore_descriptor(portfolio: Portfolio, kept: DeletedDescriptor) -> None:
    """Put a deleted descriptor back at its place, with the same id, ratings and links."""
    with portfolio.writing() as session:
        theme_id, position = kept.row["theme_id"], kept.row["position"]
        for sibling in session.exec(select(DescriptorRow).where(DescriptorRow.theme_id == theme_id,
                                                                DescriptorRow.position >= position)).all():
            sibling.position += 1
            session.add(sibling)
        session.add(DescriptorRow(**kept.row))
        session.flush()
        for rating in kept.ratings:
            session.add(AuditRating(**rating))
        for link in kept.links:
            session.add(DescriptorLink(**link))


def delete_theme(portfolio: Portfolio, theme_id: int) -> None:
    """Remove a theme that has no descriptors (used to undo adding one)."""
    with portfolio.writing() as session:
        row = session.get(ThemeRow, theme_id)
        if row is None:
            return
        if session.exec(select(DescriptorRow).where(DescriptorRow.theme_id == theme_id)).first():
            raise BadInput(f"Theme {row.code} still has descriptors; delete them first.")
        session.delete(row)


@dataclass
class TagChange:
    """How tagging several items changed their links to one descriptor, so it can be undone."""

    code: str
    previous_roles: dict[int, str | None]  # evidence id -> role before ('key', 'cross' or None)


def tag_key_evidence(portfolio: Portfolio, evidence_ids: list[int], code: str) -> TagChange:
    """Tag several items as key evidence of one descriptor, all or nothing (the two-evidence rule holds)."""
    with portfolio.writing() as session:
        descriptor = descriptor_by_code(session, code)
        previous = {}
        for evidence_id in dict.fromkeys(evidence_ids):
            link = session.exec(select(DescriptorLink).where(DescriptorLink.evidence_id == evidence_id,
                                                             DescriptorLink.descriptor_id == descriptor.id)).first()
            previous[evidence_id] = link.role if link else None
            tag_in_session(session, evidence_id, code)
    return TagChange(code, previous)


def undo_tagging(portfolio: Portfolio, change: TagChange) -> None:
    """Put the links back as they were before tag_key_evidence."""
    with portfolio.writing() as session:
        descriptor = descriptor_by_code(session, change.code)
        for evidence_id, role in change.previous_roles.items():
            link = session.exec(select(DescriptorLink).where(DescriptorLink.evidence_id == evidence_id,
                                                             DescriptorLink.descriptor_id == descriptor.id)).first()
            if role is None and link is not None:
                session.delete(link)
            elif role == "cross" and link is not None:
                link.role, link.slot = "cross", None
                session.add(link)
