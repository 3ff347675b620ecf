"""What readiness looks at, read from the portfolio in a few queries: themes, descriptors, priorities, setting, consent."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from ..scheme.model import Scheme
from ..vocabularies import BLURRED, MEDIA_NEEDING_CONSENT


@dataclass(frozen=True)
class ThemeFacts:
    id: int
    code: str
    title: str
    placeholder: bool
    lead_staff_id: int | None
    started: str | None
    ended: str | None
    summary: str
    best_fit: str | None


@dataclass(frozen=True)
class DescriptorFacts:
    code: str
    key_count: int
    cross_count: int
    level_key: str | None
    ours: bool


@dataclass(frozen=True)
class PriorityFacts:
    number: int
    title: str
    lead_staff_id: int | None
    codes: tuple[str, ...]
    theme_ids: tuple[int, ...]
    diary_entries: int


@dataclass
class ReadinessFacts:
    """Everything readiness looks at, read in one go."""

    themes: list[ThemeFacts]
    descriptors: dict[int, list[DescriptorFacts]]
    priorities: list[PriorityFacts]
    setting: dict[str, str]
    texts: dict[str, str]
    unconsented: list[tuple[int, str, str]] = field(default_factory=list)
    unblurred: list[tuple[int, str]] = field(
        default_factory=list
    )  # consent for a blurred version, nothing marked

    @classmethod
    def read(cls, conn: sqlite3.Connection, scheme: Scheme) -> ReadinessFacts:
        themes = [
            ThemeFacts(*row)
            for row in conn.execute("""
            SELECT t.id, t.code, t.title, t.placeholder, t.lead_staff_id, t.gathering_started, t.gathering_ended,
                   t.summative_comment,
                   (SELECT j.level_key FROM theme_judgement j WHERE j.theme_id = t.id
                    ORDER BY j.judged_on DESC, j.id DESC LIMIT 1)
            FROM theme t ORDER BY t.position""")
        ]
        descriptors: dict[int, list[DescriptorFacts]] = {}
        for theme_id, *values in conn.execute("""
            SELECT d.theme_id, d.code,
                   (SELECT count(*) FROM descriptor_link l WHERE l.descriptor_id = d.id AND l.role = 'key'),
                   (SELECT count(*) FROM descriptor_link l WHERE l.descriptor_id = d.id AND l.role = 'cross'),
                   (SELECT r.level_key FROM audit_rating r WHERE r.descriptor_id = d.id
                    ORDER BY r.rated_on DESC, r.id DESC LIMIT 1),
                   d.ours
            FROM descriptor d ORDER BY d.position"""):
            descriptors.setdefault(theme_id, []).append(DescriptorFacts(*values))
        priorities = []
        for number, (_pid, title, lead, codes, theme_ids, diary) in enumerate(
            conn.execute("""
            SELECT p.id, p.title, p.lead_staff_id,
                   (SELECT group_concat(d.code, ' ') FROM priority_descriptor pd
                    JOIN descriptor d ON d.id = pd.descriptor_id WHERE pd.priority_id = p.id),
                   (SELECT group_concat(DISTINCT d.theme_id) FROM priority_descriptor pd
                    JOIN descriptor d ON d.id = pd.descriptor_id WHERE pd.priority_id = p.id),
                   (SELECT count(*) FROM diary_entry e JOIN cover_sheet c ON c.id = e.cover_sheet_id
                    WHERE c.priority_id = p.id)
            FROM priority p ORDER BY p.position"""),
            start=1,
        ):
            priorities.append(
                PriorityFacts(
                    number,
                    title,
                    lead,
                    tuple((codes or "").split()),
                    tuple(int(t) for t in str(theme_ids or "").split(",") if t),
                    diary,
                )
            )
        row = conn.execute(
            "SELECT name, context, contact_email, phone, award_level FROM setting_profile LIMIT 1"
        ).fetchone() or ("", "", "", "", "")
        setting = dict(
            zip(
                ("name", "context", "contact_email", "phone", "award_level"), (v or "" for v in row)
            )
        )
        texts = dict(conn.execute("SELECT key, body FROM portfolio_text").fetchall())
        marks = ",".join("?" * len(MEDIA_NEEDING_CONSENT))
        unconsented = conn.execute(
            f"SELECT id, title, kind FROM evidence_item WHERE consent = 'missing' AND kind IN ({marks}) ORDER BY id",
            MEDIA_NEEDING_CONSENT,
        ).fetchall()
        unblurred = conn.execute(
            "SELECT id, title FROM evidence_item e WHERE consent = ? AND NOT EXISTS "
            "(SELECT 1 FROM redaction_region r WHERE r.evidence_id = e.id) ORDER BY id",
            (BLURRED,),
        ).fetchall()
        return cls(themes, descriptors, priorities, setting, texts, unconsented, unblurred)
