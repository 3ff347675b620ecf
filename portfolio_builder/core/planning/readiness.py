"""Is the portfolio ready for a final export? Every gap the scheme names, each saying where it is fixed."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field, replace

from ..scheme.evidence_rule import EvidenceRule
from ..scheme.model import Scheme
from ..scheme.store import load_scheme
from ..storage.portfolio_file import Portfolio
from ..vocabularies import MEDIA_NEEDING_CONSENT
from .readiness_checks import (
    AUDIT,
    EVIDENCE,
    FRAMEWORK,
    PLANNING,
    SETTING,
    THEME_SHEET,
    ReadinessIssue,
    scheme_checks,
    unconsented_message,
)
from .readiness_facts import ReadinessFacts

__all__ = [
    "AUDIT",
    "EVIDENCE",
    "FRAMEWORK",
    "MEDIA_NEEDING_CONSENT",
    "PLANNING",
    "SETTING",
    "THEME_SHEET",
    "Readiness",
    "ReadinessIssue",
    "check_readiness",
    "readiness_from_connection",
]


@dataclass
class DescriptorProgress:
    """Where one descriptor stands: its rating and how much key evidence it has."""

    code: str
    key_count: int
    cross_count: int
    rating_label: str | None
    rating_colour: str | None
    evidenced: bool = False


@dataclass
class ThemeProgress:
    """Where one theme stands, for the dashboard."""

    code: str
    title: str
    descriptors: list[DescriptorProgress] = field(default_factory=list)

    @property
    def rated(self) -> int:
        return sum(1 for d in self.descriptors if d.rating_label)

    @property
    def evidenced(self) -> int:
        return sum(1 for d in self.descriptors if d.evidenced)


@dataclass
class Readiness:
    """The readiness report: ready for a final export when nothing blocks."""

    issues: list[ReadinessIssue]
    themes: list[ThemeProgress]
    rule: EvidenceRule
    priorities_required: int
    priority_count: int
    unconsented_media: list[int]
    unconsented_items: dict[int, tuple[str, str]] = field(default_factory=dict)  # id: (title, kind)

    def with_unconsented_included(self) -> Readiness:
        """The same report as it reads when items without recorded consent are put in the bundle on purpose."""

        def reworded(issue: ReadinessIssue) -> ReadinessIssue:
            if issue.kind != "consent-missing" or not issue.subject.isdigit():
                return issue
            item_id = int(issue.subject)
            title, kind = self.unconsented_items.get(item_id, ("", ""))
            return replace(issue, message=unconsented_message(item_id, title, kind, included=True))

        return replace(self, issues=[reworded(issue) for issue in self.issues])

    @property
    def ready(self) -> bool:
        return not any(issue.blocks for issue in self.issues)

    @property
    def problems(self) -> list[str]:
        """What stops a final export, in words."""
        return [issue.message for issue in self.issues if issue.blocks]

    @property
    def warnings(self) -> list[str]:
        """What is worth a look but does not stop a final export."""
        return [issue.message for issue in self.issues if not issue.blocks]


def check_readiness(portfolio: Portfolio) -> Readiness:
    """Readiness of a portfolio by its scheme's own rules."""
    with portfolio.raw_connection() as conn:
        return readiness_from_connection(conn)


def readiness_from_connection(conn: sqlite3.Connection) -> Readiness:
    """Same as check_readiness, on an open sqlite3 connection (one consistent read)."""
    scheme = load_scheme(conn)
    facts = ReadinessFacts.read(conn, scheme)
    progress = _progress(facts, scheme)
    issues = scheme_checks(facts, scheme, progress)
    return Readiness(
        issues,
        progress,
        scheme.evidence_rule,
        scheme.priorities.count,
        len(facts.priorities),
        [item_id for item_id, _title, _kind in facts.unconsented],
        {item_id: (title, kind) for item_id, title, kind in facts.unconsented},
    )


def _progress(facts, scheme: Scheme) -> list[ThemeProgress]:
    themes = []
    for theme in facts.themes:
        descriptors = []
        for d in facts.descriptors.get(theme.id, []):
            level = scheme.scale.level(d.level_key)
            descriptors.append(
                DescriptorProgress(
                    d.code,
                    d.key_count,
                    d.cross_count,
                    level.label if level else None,
                    level.colour if level else None,
                    scheme.evidence_rule.evidenced(d.key_count),
                )
            )
        themes.append(ThemeProgress(theme.code, theme.title, descriptors))
    return themes
