"""Where a portfolio keeps its scheme: one JSON row in framework_info, read back as a typed Scheme."""

from __future__ import annotations

import sqlite3
from functools import lru_cache

from pydantic import ValidationError

from ..errors import PortfolioFileError
from .model import Scheme


@lru_cache(maxsize=8)
def _parse(text: str) -> Scheme:
    try:
        return Scheme.model_validate_json(text)
    except ValidationError as exc:
        raise PortfolioFileError(
            f"This portfolio's scheme definition is damaged ({exc.errors()[0]['msg']})."
        ) from exc


def scheme_json(scheme: Scheme) -> str:
    """The JSON stored for a scheme (every field, so a later default change never alters a portfolio)."""
    return scheme.model_dump_json()


def load_scheme(conn: sqlite3.Connection) -> Scheme:
    """The portfolio's scheme, from an open sqlite3 connection."""
    row = conn.execute("SELECT scheme FROM framework_info LIMIT 1").fetchone()
    if row is None or not row[0]:
        raise PortfolioFileError("This portfolio has no scheme definition; it may be damaged.")
    return _parse(row[0])


def scheme_in_session(session) -> Scheme:
    """The portfolio's scheme, inside an open SQLModel session (same transaction)."""
    row = (
        session.connection().exec_driver_sql("SELECT scheme FROM framework_info LIMIT 1").fetchone()
    )
    if row is None or not row[0]:
        raise PortfolioFileError("This portfolio has no scheme definition; it may be damaged.")
    return _parse(row[0])


def scheme_of(portfolio) -> Scheme:
    """The scheme of an open Portfolio."""
    with portfolio.raw_connection() as conn:
        return load_scheme(conn)
