"""What each backup of a portfolio holds, read without changing it, so a person can choose one to restore."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from . import schema
from .backups import backup_folder
from .portfolio_file import APPLICATION_ID, header_problem

_STAMP = re.compile(r"^(?P<label>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})$")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: when it was made, why, how big, what it holds, and what is wrong with it ('' = nothing)."""

    path: Path
    made_at: datetime  # local time
    label: str  # 'auto', 'manual', 'before-restore', 'before-format-2', ... ('' when the name says nothing)
    size: int
    evidence_items: int = 0
    descriptors_rated: int = 0
    descriptors: int = 0
    newest_entry: datetime | None = None  # local time of the newest evidence item or rating in it
    problem: str = ""

    @property
    def usable(self) -> bool:
        return not self.problem


def _name_parts(portfolio_path: Path, backup: Path) -> tuple[str, datetime | None]:
    """The label and time make_backup wrote into the file name, when the name is one of ours."""
    stem = backup.name[: -len(backup.suffix)] if backup.suffix else backup.name
    prefix = Path(portfolio_path).stem + "-"
    if not stem.startswith(prefix):
        return "", None
    match = _STAMP.match(stem[len(prefix) :])
    if not match:
        return "", None
    try:
        return match["label"], datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S-%f")
    except ValueError:
        return match["label"], None


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file or leave -wal/-shm/-journal files beside it."""
    return sqlite3.connect(f"file:{Path(path).resolve().as_posix()}?mode=ro&immutable=1", uri=True)


def content_problem(conn: sqlite3.Connection) -> str:
    """Why an SQLite database that passed header_problem is not a portfolio this version can use; '' if it is."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if app_id != APPLICATION_ID or not {"evidence_item", "descriptor", "audit_rating"} <= tables:
        return "a database of another program, not a portfolio"
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > schema.SCHEMA_VERSION:
        return f"made by a newer version of Portfolio Builder (file format {version})"
    return ""


def _local(stored: str | None) -> datetime | None:
    """A UTC time as the schema stores it ('2026-05-12 13:05:00.000000') in local time."""
    if not stored:
        return None
    try:
        moment = datetime.fromisoformat(str(stored))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().replace(tzinfo=None)


def describe_backup(backup: Path, portfolio_path: Path | None = None) -> BackupInfo:
    """Summarise one backup, read-only; a damaged or foreign file is described as such, never raised."""
    backup = Path(backup)
    label, made_at = _name_parts(portfolio_path or backup, backup)
    try:
        stat = backup.stat()
        size, mtime = stat.st_size, datetime.fromtimestamp(stat.st_mtime)
    except OSError:
        size, mtime = 0, datetime.fromtimestamp(0)
    info = BackupInfo(path=backup, made_at=made_at or mtime, label=label, size=size)
    problem = header_problem(backup)
    if problem:
        return replace(info, problem=problem)
    try:
        conn = open_read_only(backup)
        try:
            problem = content_problem(conn)
            if problem:
                return replace(info, problem=problem)
            items = conn.execute("SELECT count(*) FROM evidence_item").fetchone()[0]
            rated = conn.execute(
                "SELECT count(DISTINCT descriptor_id) FROM audit_rating"
            ).fetchone()[0]
            descriptors = conn.execute("SELECT count(*) FROM descriptor").fetchone()[0]
            newest = conn.execute(
                "SELECT max(t) FROM (SELECT max(added_at) AS t FROM evidence_item "
                "UNION ALL SELECT max(created_at) FROM audit_rating)"
            ).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return replace(info, problem=f"damaged: {exc}")
    return replace(
        info,
        evidence_items=items,
        descriptors_rated=rated,
        descriptors=descriptors,
        newest_entry=_local(newest),
    )


def describe_backups(portfolio_path: Path) -> list[BackupInfo]:
    """Every backup of a portfolio, newest first, each with a summary read from it without changing it."""
    folder = backup_folder(Path(portfolio_path))
    if not folder.is_dir():
        return []
    found = [
        describe_backup(p, portfolio_path)
        for p in folder.glob(f"*{Path(portfolio_path).suffix}")
        if p.is_file()
    ]
    return sorted(found, key=lambda info: (info.made_at, info.path.name), reverse=True)
