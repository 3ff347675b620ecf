"""Send a team copy: the portfolio for one team member, with the same identity and the state it had (its baseline)."""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..errors import BadInput, Cancelled, PortfolioFileError
from ..storage.durable_files import fsync_folder
from ..storage.portfolio_file import Portfolio, storage_error
from .identity import ensure_identity, read_identity
from .team_state import snapshot

DB_TIME = "%Y-%m-%d %H:%M:%S.%f"
BACKUP_STEP_PAGES = 4096  # 16 MB at a time between progress reports


@dataclass(frozen=True)
class TeamCopy:
    """A team copy as made: where it is, whom it is for, its id, when it was made and what it holds."""

    path: Path
    copy_id: str
    for_name: str
    made_at: str
    themes: tuple[str, ...]
    evidence_items: int


def _check_request(
    conn: sqlite3.Connection, path: Path, out_path: Path, for_name: str, themes: list[str]
) -> tuple[str, ...]:
    if not for_name:
        raise BadInput(
            "Say whom the team copy is for (a name), so their contributions say who made them."
        )
    if out_path.exists():
        raise BadInput(f"{out_path} already exists; choose another name for the team copy.")
    if not out_path.parent.is_dir():
        raise BadInput(f"The folder {out_path.parent} does not exist.")
    if out_path.resolve() == path.resolve():
        raise BadInput("The team copy must be a new file, not the portfolio itself.")
    identity = read_identity(conn)
    if identity is not None and identity.is_copy:
        raise BadInput(
            f"{path.name} is itself a team copy (for {identity.copy_for}); "
            "team copies are sent from the lead's portfolio."
        )
    known = {row[0].casefold(): row[0] for row in conn.execute("SELECT code FROM theme")}
    chosen = []
    for theme in themes:
        if theme.strip().casefold() not in known:
            raise BadInput(
                f"There is no theme '{theme}'; themes in this portfolio: {', '.join(known.values())}."
            )
        chosen.append(known[theme.strip().casefold()])
    return tuple(dict.fromkeys(chosen))


def _keep_only_themes(conn: sqlite3.Connection, themes: tuple[str, ...]) -> None:
    """Leave out the evidence of the other themes (with their bytes), so a copy holds only what its member leads."""
    marks = ", ".join("?" for _ in themes)
    kept = f"""SELECT l.evidence_id FROM descriptor_link l JOIN descriptor d ON d.id = l.descriptor_id
               JOIN theme t ON t.id = d.theme_id WHERE t.code IN ({marks})
               UNION SELECT cl.evidence_id FROM cover_sheet_link cl JOIN cover_sheet c ON c.id = cl.cover_sheet_id
               JOIN priority_descriptor pd ON pd.priority_id = c.priority_id
               JOIN descriptor d ON d.id = pd.descriptor_id JOIN theme t ON t.id = d.theme_id
               WHERE t.code IN ({marks})"""
    conn.execute(f"DELETE FROM evidence_item WHERE id NOT IN ({kept})", themes + themes)
    unused = (
        "SELECT sha256 FROM stored_file WHERE sha256 NOT IN (SELECT sha256 FROM evidence_item "
        "WHERE sha256 IS NOT NULL)"
    )
    for table in ("thumbnail", "stored_file_part"):
        conn.execute(f"DELETE FROM {table} WHERE sha256 IN ({unused})")
    conn.execute(f"DELETE FROM stored_file WHERE sha256 IN ({unused})")


def make_team_copy(
    portfolio: Portfolio,
    out_path: Path,
    for_name: str,
    themes: list[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> TeamCopy:
    """Write a team copy of the portfolio for one person (optionally only some themes' evidence) to out_path.

    The copy is made with SQLite's backup API (a consistent snapshot, never a file copy) into
    out_path.part, marked as a copy, given its baseline, and only then renamed: a half-made copy never
    has the final name. The lead's portfolio gains only its identity (made once, on the first copy).
    progress(pages copied, pages) is called as the copy is made; cancel() turning true stops it
    (Cancelled) and leaves no file behind.
    """
    out_path, for_name = Path(out_path), " ".join(str(for_name or "").split())
    if portfolio.read_only:
        raise BadInput(
            portfolio.read_only_reason or "This portfolio is open read-only; no team copy was made."
        )
    with portfolio.raw_connection() as conn:
        try:
            chosen = _check_request(conn, portfolio.path, out_path, for_name, list(themes or []))
            conn.execute("BEGIN IMMEDIATE")
            with conn:
                ensure_identity(conn)
        except sqlite3.Error as exc:
            raise storage_error(exc) from exc
    part = out_path.with_name(out_path.name + ".part")
    copy_id, made_at = str(uuid.uuid4()), datetime.now(UTC).strftime(DB_TIME)
    source = sqlite3.connect(f"file:{portfolio.path.resolve().as_posix()}?mode=ro", uri=True)
    dest = sqlite3.connect(part, isolation_level=None)
    try:

        def step(_status, remaining: int, total: int) -> None:
            if cancel is not None and cancel():
                raise Cancelled("No team copy was made: cancelled.")
            if progress is not None:
                progress(total - remaining, total)

        source.backup(dest, pages=BACKUP_STEP_PAGES, progress=step)
        dest.execute("PRAGMA foreign_keys=ON")
        dest.execute("PRAGMA journal_mode=DELETE")
        dest.execute("PRAGMA synchronous=FULL")
        dest.execute("BEGIN IMMEDIATE")
        dest.execute(
            "UPDATE team_identity SET copy_id = ?, copy_for = ?, copy_made_at = ?, themes = ?",
            (copy_id, for_name, made_at, ",".join(chosen)),
        )
        dest.execute(
            "DELETE FROM merge_log"
        )  # the lead's record of other people's packs stays with the lead
        if chosen:
            _keep_only_themes(dest, chosen)
        dest.execute(
            "UPDATE team_identity SET baseline = ?",
            (json.dumps(snapshot(dest), separators=(",", ":")),),
        )
        dest.execute("COMMIT")
        if chosen:
            dest.execute("VACUUM")  # the left-out evidence's bytes leave the file's free pages too
        count = dest.execute("SELECT count(*) FROM evidence_item").fetchone()[0]
    except sqlite3.Error as exc:
        dest.close()
        part.unlink(missing_ok=True)
        raise PortfolioFileError(
            f"The team copy could not be written: {storage_error(exc).message}"
        ) from exc
    except BaseException:
        dest.close()
        part.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    dest.close()
    with open(part, "rb") as handle:
        os.fsync(handle.fileno())
    part.replace(out_path)
    fsync_folder(out_path.parent)
    return TeamCopy(out_path, copy_id, for_name, made_at, chosen, count)


def copy_choices(portfolio: Portfolio) -> tuple[list[str], list[tuple[str, str]]]:
    """What Send a team copy offers: the staff's names, and the themes as (code, title)."""
    with portfolio.raw_connection() as conn:
        staff = [r[0] for r in conn.execute("SELECT name FROM staff ORDER BY is_lead DESC, name")]
        themes = [
            (r[0], r[1]) for r in conn.execute("SELECT code, title FROM theme ORDER BY position")
        ]
    return staff, themes


def copy_owner(portfolio: Portfolio) -> str:
    """Whom this file is a team copy for ('' for the lead's own portfolio)."""
    with portfolio.raw_connection() as conn:
        identity = read_identity(conn)
    return identity.copy_for if identity is not None and identity.is_copy else ""
