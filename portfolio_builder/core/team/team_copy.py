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

from sqlalchemy import delete, func, select, update
from sqlmodel import col

from ..errors import BadInput, Cancelled, PortfolioFileError
from ..storage.core_statements import first_value, run, stored_value
from ..storage.durable_files import fsync_folder
from ..storage.portfolio_file import Portfolio, storage_error
from ..storage.schema import (
    CoverSheet,
    CoverSheetLink,
    DescriptorLink,
    DescriptorRow,
    EvidenceItem,
    MergeLogEntry,
    PriorityDescriptor,
    Staff,
    StoredFile,
    StoredFilePart,
    TeamIdentity,
    ThemeRow,
    Thumbnail,
)
from .identity import ensure_identity, read_identity
from .team_state import snapshot

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
    known = {row[0].casefold(): row[0] for row in run(conn, select(col(ThemeRow.code)))}
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
    tagged = (
        select(col(DescriptorLink.evidence_id))
        .join(DescriptorRow, col(DescriptorRow.id) == col(DescriptorLink.descriptor_id))
        .join(ThemeRow, col(ThemeRow.id) == col(DescriptorRow.theme_id))
        .where(col(ThemeRow.code).in_(themes))
    )
    on_their_cover_sheets = (
        select(col(CoverSheetLink.evidence_id))
        .join(CoverSheet, col(CoverSheet.id) == col(CoverSheetLink.cover_sheet_id))
        .join(
            PriorityDescriptor, col(PriorityDescriptor.priority_id) == col(CoverSheet.priority_id)
        )
        .join(DescriptorRow, col(DescriptorRow.id) == col(PriorityDescriptor.descriptor_id))
        .join(ThemeRow, col(ThemeRow.id) == col(DescriptorRow.theme_id))
        .where(col(ThemeRow.code).in_(themes))
    )
    kept = tagged.union(on_their_cover_sheets)
    run(conn, delete(EvidenceItem).where(col(EvidenceItem.id).not_in(kept)))
    used = select(col(EvidenceItem.sha256)).where(col(EvidenceItem.sha256).is_not(None))
    unused = select(col(StoredFile.sha256)).where(col(StoredFile.sha256).not_in(used))
    for table in (Thumbnail, StoredFilePart):
        run(conn, delete(table).where(col(table.sha256).in_(unused)))
    run(conn, delete(StoredFile).where(col(StoredFile.sha256).in_(unused)))


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
    copy_id, made_at = str(uuid.uuid4()), stored_value(TeamIdentity.copy_made_at, datetime.now(UTC))
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
        copy_of = {"copy_id": copy_id, "copy_for": for_name, "themes": ",".join(chosen)}
        run(dest, update(TeamIdentity).values(copy_made_at=made_at, **copy_of))
        run(
            dest, delete(MergeLogEntry)
        )  # the lead's record of other people's packs stays with the lead
        if chosen:
            _keep_only_themes(dest, chosen)
        baseline = json.dumps(snapshot(dest), separators=(",", ":"))
        run(dest, update(TeamIdentity).values(baseline=baseline))
        dest.execute("COMMIT")
        if chosen:
            dest.execute("VACUUM")  # the left-out evidence's bytes leave the file's free pages too
        count = first_value(dest, select(func.count()).select_from(EvidenceItem))
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
        by_lead_first = (col(Staff.is_lead).desc(), col(Staff.name))
        staff = [r[0] for r in run(conn, select(col(Staff.name)).order_by(*by_lead_first))]
        themes = [
            (r[0], r[1])
            for r in run(
                conn,
                select(col(ThemeRow.code), col(ThemeRow.title)).order_by(col(ThemeRow.position)),
            )
        ]
    return staff, themes


def copy_owner(portfolio: Portfolio) -> str:
    """Whom this file is a team copy for ('' for the lead's own portfolio)."""
    with portfolio.raw_connection() as conn:
        identity = read_identity(conn)
    return identity.copy_for if identity is not None and identity.is_copy else ""
