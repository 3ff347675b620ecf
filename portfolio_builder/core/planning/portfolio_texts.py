"""The free texts a scheme asks for (case study, outline plan, self-benchmarking ...), keyed by the scheme's text keys."""

from __future__ import annotations

from sqlmodel import select

from ..errors import BadInput
from ..scheme.store import scheme_in_session
from ..storage.portfolio_file import Portfolio
from ..storage.schema import PortfolioText

MAX_TEXT = 200_000


def read_texts(portfolio: Portfolio) -> dict[str, str]:
    """Every stored text by key (texts of an earlier scheme version included)."""
    with portfolio.session() as session:
        return {row.key: row.body for row in session.exec(select(PortfolioText)).all()}


def write_text(portfolio: Portfolio, key: str, body: str) -> None:
    """Save one of the scheme's texts; a key the scheme does not have is refused naming the ones it has."""
    if len(body) > MAX_TEXT:
        raise BadInput(f"The text is longer than {MAX_TEXT:,} characters.")
    with portfolio.writing() as session:
        scheme = scheme_in_session(session)
        row = session.get(PortfolioText, key)
        if scheme.text(key) is None and row is None:
            known = ", ".join(t.key for t in scheme.texts) or "none"
            raise BadInput(f"{scheme.name} has no text '{key}'. Its texts: {known}.")
        if row is None:
            row = PortfolioText(key=key, body=body)
        row.body = body
        session.add(row)
