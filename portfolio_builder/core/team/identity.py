"""Which portfolio a file is, and whether it is a team copy (for whom, made when): the team_identity row."""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlmodel import col

from ..storage.core_statements import first_value, run
from ..storage.schema import TeamIdentity

FIRST_IDENTITY = col(TeamIdentity.id)  # a file has one identity row; the first is it


@dataclass(frozen=True)
class Identity:
    """A portfolio file's identity: the portfolio it belongs to and, for a team copy, the copy's own details."""

    portfolio_id: str
    copy_id: str = ""
    copy_for: str = ""
    copy_made_at: str = ""
    themes: tuple[str, ...] = ()

    @property
    def is_copy(self) -> bool:
        return bool(self.copy_id)


def read_identity(conn: sqlite3.Connection) -> Identity | None:
    """The identity of the portfolio on conn; None until a first team copy gave it one."""
    columns = (
        col(TeamIdentity.portfolio_id),
        col(TeamIdentity.copy_id),
        col(TeamIdentity.copy_for),
        col(TeamIdentity.copy_made_at),
        col(TeamIdentity.themes),
    )
    row = run(conn, select(*columns).order_by(FIRST_IDENTITY).limit(1)).fetchone()
    if row is None:
        return None
    return Identity(
        row[0],
        row[1] or "",
        row[2] or "",
        str(row[3] or ""),
        tuple(t for t in (row[4] or "").split(",") if t),
    )


def ensure_identity(conn: sqlite3.Connection) -> Identity:
    """The portfolio's identity, made (a new random id) on first use, inside the caller's transaction."""
    identity = read_identity(conn)
    if identity is None:
        run(conn, insert(TeamIdentity).values(portfolio_id=str(uuid.uuid4())))
        identity = read_identity(conn)
        if identity is None:
            raise RuntimeError("the portfolio's identity could not be made")
    return identity


def read_baseline(conn: sqlite3.Connection) -> str:
    """The baseline JSON a team copy holds ('' in the lead's portfolio)."""
    baseline = first_value(
        conn, select(col(TeamIdentity.baseline)).order_by(FIRST_IDENTITY).limit(1)
    )
    return baseline or ""
