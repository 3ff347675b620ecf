"""What the framework page shows: the framework outline with ids and counts, and one descriptor in full."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .portfolio_file import Portfolio


@dataclass(frozen=True)
class DescriptorLine:
    """One descriptor in the outline: enough for a tree row and its evidence badge."""

    id: int
    code: str
    text: str
    key_count: int
    cross_count: int
    rating_label: str | None
    rating_colour: str | None


@dataclass
class ThemeLine:
    """One theme in the outline with its descriptors in order."""

    id: int
    code: str
    title: str
    description: str
    descriptors: list[DescriptorLine] = field(default_factory=list)


@dataclass(frozen=True)
class RatingEntry:
    """One dated rating in a descriptor's history."""

    label: str
    colour: str
    rated_on: date
    comment: str
    rated_by: str


@dataclass(frozen=True)
class EvidenceRef:
    """An evidence item presented for a descriptor (slot 0 for a cross-reference)."""

    id: int
    title: str
    kind: str
    slot: int


@dataclass
class DescriptorDetail:
    """A descriptor in full: text, examples, rating history, key evidence and cross-references."""

    id: int
    code: str
    text: str
    examples: list[str]
    theme_code: str
    theme_title: str
    max_key: int
    history: list[RatingEntry]
    key_evidence: list[EvidenceRef]
    cross_references: list[EvidenceRef]


def framework_outline(portfolio: Portfolio) -> tuple[list[ThemeLine], int]:
    """Every theme and descriptor with key/cross counts and current rating, plus the rule's maximum."""
    with portfolio.raw_connection() as conn:
        max_key = conn.execute("SELECT max_key FROM framework_info LIMIT 1").fetchone()[0]
        themes = [ThemeLine(*row) for row in conn.execute(
            "SELECT id, code, title, description FROM theme ORDER BY position")]
        rows = conn.execute("""
            SELECT d.theme_id, d.id, d.code, d.text,
                   (SELECT count(*) FROM descriptor_link l WHERE l.descriptor_id = d.id AND l.role = 'key'),
                   (SELECT count(*) FROM descriptor_link l WHERE l.descriptor_id = d.id AND l.role = 'cross'),
                   s.label, s.colour
            FROM descriptor d
            LEFT JOIN audit_rating r ON r.id = (
                SELECT a.id FROM audit_rating a WHERE a.descriptor_id = d.id
                ORDER BY a.rated_on DESC, a.id DESC LIMIT 1)
            LEFT JOIN scale_level s ON s.key = r.level_key
            ORDER BY d.theme_id, d.position""").fetchall()
    by_id = {t.id: t for t in themes}
    for theme_id, *rest in rows:
        by_id[theme_id].descriptors.append(DescriptorLine(*rest))
    return themes, max_key


def descriptor_detail(portfolio: Portfolio, descriptor_id: int) -> DescriptorDetail | None:
    """One descriptor in full, or None when it no longer exists."""
    with portfolio.raw_connection() as conn:
        row = conn.execute("""
            SELECT d.id, d.code, d.text, d.examples, t.code, t.title
            FROM descriptor d JOIN theme t ON t.id = d.theme_id WHERE d.id = ?""", (descriptor_id,)).fetchone()
        if row is None:
            return None
        max_key = conn.execute("SELECT max_key FROM framework_info LIMIT 1").fetchone()[0]
        history = [RatingEntry(label or level, colour or "#888888", date.fromisoformat(rated_on), comment, rated_by)
                   for level, label, colour, rated_on, comment, rated_by in conn.execute("""
            SELECT r.level_key, s.label, s.colour, r.rated_on, r.comment, r.rated_by
            FROM audit_rating r LEFT JOIN scale_level s ON s.key = r.level_key
            WHERE r.descriptor_id = ? ORDER BY r.rated_on, r.id""", (descriptor_id,))]
        links = conn.execute("""
            SELECT e.id, e.title, e.kind, l.role, coalesce(l.slot, 0)
            FROM descriptor_link l JOIN evidence_item e ON e.id = l.evidence_id
            WHERE l.descriptor_id = ? ORDER BY l.role DESC, l.slot, e.title""", (descriptor_id,)).fetchall()
    key = [EvidenceRef(i, title, kind, slot) for i, title, kind, role, slot in links if role == "key"]
    cross = [EvidenceRef(i, title, kind, 0) for i, title, kind, role, _slot in links if role == "cross"]
    d_id, code, text, examples, theme_code, theme_title = row
    return DescriptorDetail(d_id, code, text, [e for e in (examples or "").splitlines() if e.strip()],
                            theme_code, theme_title, max_key, history, key, cross)
