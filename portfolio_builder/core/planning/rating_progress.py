"""Ratings at baseline versus now, averaged per theme, for the dashboard's chart."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import col, select

from ..scheme.store import scheme_in_session
from ..storage.portfolio_file import Portfolio
from ..storage.schema import DescriptorRow, ThemeRow
from .audit_service import baseline_ratings, current_ratings


@dataclass(frozen=True)
class ThemeScores:
    """A theme's average rating score at baseline and now (None when nothing is rated)."""

    code: str
    title: str
    baseline: float | None
    now: float | None
    rated: int


@dataclass(frozen=True)
class RatingProgress:
    """Average scores per theme on the scale's own range."""

    themes: list[ThemeScores]
    scale_max: float
    scale_labels: list[tuple[float, str, str]]  # (score, label, colour), lowest first


def rating_progress(portfolio: Portfolio) -> RatingProgress:
    """Per theme, the average score of the baseline ratings and of the current ratings."""
    with portfolio.session() as session:
        scale = scheme_in_session(session).scale
        themes = session.exec(select(ThemeRow).order_by(col(ThemeRow.position))).all()
        theme_of = {
            d_id: t_id
            for d_id, t_id in session.exec(select(DescriptorRow.id, DescriptorRow.theme_id))
        }
        baseline, current = baseline_ratings(session), current_ratings(session)
    scores = scale.scores()
    levels = scale.levels

    def average(ratings, theme_id) -> tuple[float | None, int]:
        values = [
            scores[r.level_key]
            for d_id, r in ratings.items()
            if theme_of.get(d_id) == theme_id and r.level_key in scores
        ]
        return (sum(values) / len(values) if values else None), len(values)

    result = []
    for theme in themes:
        before, _ = average(baseline, theme.id)
        now, rated = average(current, theme.id)
        result.append(ThemeScores(theme.code, theme.title, before, now, rated))
    labels = [(scores[level.key], level.label, level.colour) for level in levels]
    return RatingProgress(result, max(scores.values(), default=1.0), labels)
