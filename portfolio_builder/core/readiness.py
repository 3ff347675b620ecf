"""Is the portfolio ready to submit? Every gap listed, computed in a few SQL queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from .portfolio_file import Portfolio

MEDIA_NEEDING_CONSENT = ("photo", "video", "audio")


@dataclass
class ReadinessIssue:
    """One reason the portfolio is not ready, with what it concerns."""

    kind: str  # evidence-short / unrated / priorities-short / consent-missing / empty-theme
    subject: str  # a descriptor or theme code, an evidence id, or ''
    message: str


@dataclass
class DescriptorProgress:
    """Where one descriptor stands: its rating and how much key evidence it has."""

    code: str
    key_count: int
    cross_count: int
    rating_label: str | None
    rating_colour: str | None


@dataclass
class ThemeProgress:
    """Where one theme stands, for the dashboard."""

    code: str
    title: str
    descriptors: list[DescriptorProgress] = field(default_factory=list)

    @property
    def rated(self) -> int:
        return sum(1 for d in self.descriptors if d.rating_label)

    def evidenced(self, minimum: int) -> int:
        return sum(1 for d in self.descriptors if d.key_count >= minimum)


@dataclass
class Readiness:
    """The readiness report: ready only when there is no issue at all."""

    issues: list[ReadinessIssue]
    themes: list[ThemeProgress]
    min_key: int
    max_key: int
    priorities_required: int
    priority_count: int
    unconsented_media: list[int]

    @property
    def ready(self) -> bool:
        return not self.issues

    @property
    def problems(self) -> list[str]:
        return [issue.message for issue in self.issues]


def check_readiness(portfolio: Portfolio) -> Readiness:
    """Readiness of a portfolio: short evidence, unrated descriptors, priorities, consent, empty themes."""
    with portfolio.raw_connection() as conn:
        return readiness_from_connection(conn)


def readiness_from_connection(conn) -> Readiness:
    """Same as check_readiness, on an open sqlite3 connection."""
    min_key, max_key, needed = conn.execute(
        "SELECT min_key, max_key, priorities_required FROM framework_info LIMIT 1").fetchone()
    themes = conn.execute("SELECT id, code, title FROM theme ORDER BY position").fetchall()
    rows = conn.execute("""
        SELECT d.theme_id, d.code,
               (SELECT count(*) FROM descriptor_link l WHERE l.descriptor_id = d.id AND l.role = 'key'),
               (SELECT count(*) FROM descriptor_link l WHERE l.descriptor_id = d.id AND l.role = 'cross'),
               s.label, s.colour
        FROM descriptor d
        LEFT JOIN (SELECT descriptor_id, level_key, max(rated_on || printf('%012d', id)) AS newest
                   FROM audit_rating GROUP BY descriptor_id) r ON r.descriptor_id = d.id
        LEFT JOIN scale_level s ON s.key = r.level_key
        ORDER BY d.position""").fetchall()
    by_theme: dict[int, list[DescriptorProgress]] = {}
    for theme_id, code, keys, crosses, label, colour in rows:
        by_theme.setdefault(theme_id, []).append(DescriptorProgress(code, keys, crosses, label, colour))
    progress = [ThemeProgress(code, title, by_theme.get(theme_id, [])) for theme_id, code, title in themes]

    issues: list[ReadinessIssue] = []
    for theme in progress:
        if not theme.descriptors:
            issues.append(ReadinessIssue("empty-theme", theme.code,
                                         f"Theme {theme.code} ({theme.title}) has no descriptors yet: "
                                         "add them from your award pack."))
        for d in theme.descriptors:
            if d.key_count < min_key:
                issues.append(ReadinessIssue("evidence-short", d.code,
                                             f"Descriptor {d.code} has {d.key_count} of {min_key} key evidence items."))
            if d.rating_label is None:
                issues.append(ReadinessIssue("unrated", d.code, f"Descriptor {d.code} has not been rated."))
    priority_count = conn.execute("SELECT count(*) FROM priority").fetchone()[0]
    if needed and priority_count < needed:
        issues.append(ReadinessIssue("priorities-short", "",
                                     f"{priority_count} of {needed} priorities chosen."))
    marks = ",".join("?" * len(MEDIA_NEEDING_CONSENT))
    unconsented = conn.execute(
        f"SELECT id, title, kind FROM evidence_item WHERE consent = 'missing' AND kind IN ({marks}) ORDER BY id",
        MEDIA_NEEDING_CONSENT).fetchall()
    for evidence_id, title, kind in unconsented:
        issues.append(ReadinessIssue("consent-missing", str(evidence_id),
                                     f"Consent is not recorded for {kind} '{title}' (item {evidence_id}); "
                                     "it will be left out of the bundle."))
    return Readiness(issues, progress, min_key, max_key, needed, priority_count, [u[0] for u in unconsented])
