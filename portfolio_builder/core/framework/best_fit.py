"""The overall best-fit judgement of each theme, dated, with its history (FPA audit guidance, slide 16)."""

from __future__ import annotations

from datetime import date

from sqlmodel import col, select

from ..errors import BadInput, RuleViolation
from ..scheme.store import scheme_in_session
from ..storage.portfolio_file import Portfolio
from ..storage.schema import ThemeJudgement, stored_id
from .framework_reads import Judgement, frozen_copy
from .framework_service import theme_by_code


def judgement_row(
    session,
    theme_id: int,
    level: str,
    judged_on: date | None,
    comment: str = "",
    judged_by: str = "",
) -> ThemeJudgement:
    """A checked judgement added in the caller's transaction (the scheme has best fit; level and date valid)."""
    judged_on = judged_on or date.today()
    if judged_on > date.today():
        raise BadInput("A best-fit judgement cannot be dated in the future.")
    scheme = scheme_in_session(session)
    if scheme.best_fit is None:
        raise RuleViolation(
            f"{scheme.name} has no overall best-fit judgement per {scheme.words.theme.lower()}."
        )
    chosen = scheme.scale.find(level)
    if chosen is None:
        names = ", ".join(lv.label for lv in scheme.scale.levels)
        raise BadInput(f"'{level}' is not on this portfolio's scale ({names}).")
    row = ThemeJudgement(
        theme_id=theme_id,
        level_key=chosen.key,
        judged_on=judged_on,
        comment=comment.strip(),
        judged_by=judged_by.strip(),
    )
    session.add(row)
    session.flush()
    return row


def judge_theme(
    portfolio: Portfolio,
    theme_code: str,
    level: str,
    judged_on: date | None = None,
    comment: str = "",
    judged_by: str = "",
) -> int:
    """Record a theme's best-fit judgement on the scheme's scale (kept in its history); returns its id."""
    with portfolio.writing() as session:
        theme = theme_by_code(session, theme_code)
        return stored_id(
            judgement_row(session, stored_id(theme), level, judged_on, comment, judged_by)
        )


def judgement_history(portfolio: Portfolio, theme_code: str) -> list[Judgement]:
    """A theme's best-fit judgements, oldest first (the last is the current one)."""
    with portfolio.session() as session:
        theme = theme_by_code(session, theme_code)
        rows = session.exec(
            select(ThemeJudgement)
            .where(ThemeJudgement.theme_id == theme.id)
            .order_by(col(ThemeJudgement.judged_on), col(ThemeJudgement.id))
        ).all()
        return [frozen_copy(Judgement, row) for row in rows]
