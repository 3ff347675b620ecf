"""What the framework page shows: the framework outline with ids and counts, and one descriptor in full."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..scheme.evidence_rule import EvidenceRule
from ..scheme.model import Scheme
from ..scheme.store import load_scheme
from ..storage.portfolio_file import Portfolio


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
    evidenced: bool = False  # by the scheme's one evidence rule
    ours: bool = False  # the text is our summary, not the scheme's wording


@dataclass
class ThemeLine:
    """One theme in the outline with its descriptors in order."""

    id: int
    code: str
    title: str
    description: str
    hint: str = ""
    placeholder: bool = False
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
    rule: EvidenceRule
    ours: bool
    history: list[RatingEntry]
    key_evidence: list[EvidenceRef]
    cross_references: list[EvidenceRef]


def framework_outline(portfolio: Portfolio) -> tuple[list[ThemeLine], Scheme]:
    """Every theme and descriptor with key/cross counts and current rating, plus the portfolio's scheme."""
    with portfolio.raw_connection() as conn:
        scheme = load_scheme(conn)
        themes = [
            ThemeLine(theme_id, code, title, description, hint, bool(placeholder))
            for theme_id, code, title, description, hint, placeholder in conn.execute(
                "SELECT id, code, title, description, hint, placeholder FROM theme ORDER BY position"
            )
        ]
        rows = conn.execute("""
            SELECT d.theme_id, d.id, d.code, d.text,
                   (SELECT count(*) FROM descriptor_link l WHERE l.descriptor_id = d.id AND l.role = 'key'),
                   (SELECT count(*) FROM descriptor_link l WHERE l.descriptor_id = d.id AND l.role = 'cross'),
                   (SELECT a.level_key FROM audit_rating a WHERE a.descriptor_id = d.id
                    ORDER BY a.rated_on DESC, a.id DESC LIMIT 1), d.ours
            FROM descriptor d ORDER BY d.theme_id, d.position""").fetchall()
    by_id = {t.id: t for t in themes}
    for theme_id, d_id, code, text, keys, crosses, level_key, ours in rows:
        level = scheme.scale.level(level_key)
        by_id[theme_id].descriptors.append(
            DescriptorLine(
                d_id,
                code,
                text,
                keys,
                crosses,
                level.label if level else None,
                level.colour if level else None,
                scheme.evidence_rule.evidenced(keys),
                bool(ours),
            )
        )
    return themes, scheme


def descriptor_detail(portfolio: Portfolio, descriptor_id: int) -> DescriptorDetail | None:
    """One descriptor in full, or None when it no longer exists."""
    with portfolio.raw_connection() as conn:
        row = conn.execute(
            """
            SELECT d.id, d.code, d.text, d.examples, t.code, t.title, d.ours
            FROM descriptor d JOIN theme t ON t.id = d.theme_id WHERE d.id = ?""",
            (descriptor_id,),
        ).fetchone()
        if row is None:
            return None
        scheme = load_scheme(conn)
        history = []
        for level_key, rated_on, comment, rated_by in conn.execute(
            """
                SELECT r.level_key, r.rated_on, r.comment, r.rated_by FROM audit_rating r
                WHERE r.descriptor_id = ? ORDER BY r.rated_on, r.id""",
            (descriptor_id,),
        ):
            level = scheme.scale.level(level_key)
            history.append(
                RatingEntry(
                    level.label if level else level_key,
                    level.colour if level else "#888888",
                    date.fromisoformat(rated_on),
                    comment,
                    rated_by,
                )
            )
        links = conn.execute(
            """
            SELECT e.id, e.title, e.kind, l.role, coalesce(l.slot, 0)
            FROM descriptor_link l JOIN evidence_item e ON e.id = l.evidence_id
            WHERE l.descriptor_id = ? ORDER BY l.role DESC, l.slot, e.title""",
            (descriptor_id,),
        ).fetchall()
    key = [
        EvidenceRef(i, title, kind, slot) for i, title, kind, role, slot in links if role == "key"
    ]
    cross = [
        EvidenceRef(i, title, kind, 0) for i, title, kind, role, _slot in links if role == "cross"
    ]
    d_id, code, text, examples, theme_code, theme_title, ours = row
    return DescriptorDetail(
        d_id,
        code,
        text,
        [e for e in (examples or "").splitlines() if e.strip()],
        theme_code,
        theme_title,
        scheme.evidence_rule,
        bool(ours),
        history,
        key,
        cross,
    )
