"""Put a backup back in place of a portfolio: checked first, the current state backed up, all-or-nothing on disk."""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..errors import PortfolioFileError
from .backup_catalog import BackupInfo, content_problem, describe_backup, open_read_only
from .backups import backup_folder, make_backup
from .durable_files import fsync_folder
from .portfolio_file import header_problem

BEFORE_RESTORE = "before-restore"
IN_USE_WAIT_S = 3.0


@dataclass(frozen=True)
class RestoreResult:
    """What was put back, and the backup holding the state it replaced (restore that to undo the restore)."""

    restored: BackupInfo
    before_restore: Path


def open_in_a_window(portfolio_path: Path) -> bool:
    """Whether a Portfolio Builder window holds the portfolio's lock file ('<file>.lock', QLockFile's format:
    the owner's process id on its first line). A lock whose process is gone does not count."""
    lock = Path(f"{portfolio_path}.lock")
    try:
        pid = int(lock.read_text(encoding="ascii", errors="replace").split()[0])
    except FileNotFoundError:
        return False
    except (OSError, ValueError, IndexError):
        return lock.exists()  # unreadable while its owner writes or holds it: treat it as held
    if pid == os.getpid():
        return False  # this process: its window is the caller
    if (
        os.name == "nt"
    ):  # os.kill would end the process there; a held lock cannot be opened for writing
        try:
            with open(lock, "a"):
                return False
        except OSError:
            return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def restore_backup(portfolio_path: Path, backup_path: Path) -> RestoreResult:
    """Replace a closed portfolio's contents with a backup's, after backing up the current state.

    Refuses, changing nothing, when the backup is damaged, foreign or from a newer version, or the portfolio
    cannot be written or is open elsewhere. A crash at any moment leaves the old or the new portfolio whole:
    the backup is copied (backup API) into a temp file beside the portfolio, checked and fsynced there; the
    portfolio's WAL is folded in and retired while nothing has it open; then os.replace swaps the files.
    """
    portfolio_path, backup_path = Path(portfolio_path), Path(backup_path)
    _refuse_unwritable(portfolio_path)
    if open_in_a_window(portfolio_path):
        raise PortfolioFileError(
            f"{portfolio_path.name} is open in a Portfolio Builder window; close it there, "
            "then restore again. Nothing was changed."
        )
    if backup_path.resolve() == portfolio_path.resolve():
        raise PortfolioFileError("That is the portfolio itself, not one of its backups.")
    restored = describe_backup(backup_path, portfolio_path)
    if restored.problem:
        raise _refusal(backup_path, restored.problem)
    current_damaged = _refuse_if_in_use(portfolio_path)
    temp = _temp_path(portfolio_path)
    _remove_temp(temp)
    try:
        _copy_into(backup_path, temp)
        problem = _check_copy(temp)
        if problem:
            raise _refusal(backup_path, problem)
        before = _save_current(portfolio_path, current_damaged)
        _retire_wal(portfolio_path)
        os.replace(temp, portfolio_path)
    except BaseException:
        _remove_temp(temp)
        raise
    fsync_folder(portfolio_path.parent)
    return RestoreResult(restored=restored, before_restore=before)


def _refusal(backup_path: Path, problem: str) -> PortfolioFileError:
    return PortfolioFileError(
        f"The backup {backup_path.name} cannot be restored: it is {problem}. "
        "The portfolio was not changed."
    )


def _refuse_unwritable(path: Path) -> None:
    if not path.is_file():
        raise PortfolioFileError(f"No portfolio file at {path}.")
    if not (os.access(path.parent, os.W_OK) and os.access(path, os.W_OK)):
        raise PortfolioFileError(
            f"{path.name} is read-only (or its folder is), so a backup cannot be restored "
            "over it. Nothing was changed."
        )


def _refuse_if_in_use(path: Path) -> bool:
    """Refuse when any connection (another window, another program) has the portfolio open.

    Returns True when the current file is too damaged for SQLite to lock it (it is then kept byte for byte).
    In WAL mode every open connection holds a shared lock on the file, so an exclusive lock proves none is.
    """
    if header_problem(path):
        return True
    conn = sqlite3.connect(path, timeout=IN_USE_WAIT_S, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise PortfolioFileError(
                f"{path.name} is open in another window or program; close it there, then "
                "restore again. Nothing was changed."
            ) from exc
        return True
    except sqlite3.DatabaseError:
        return True
    finally:
        conn.close()
    return False


def _temp_path(path: Path) -> Path:
    return path.with_name(path.name + ".restoring")


def _remove_temp(temp: Path) -> None:
    """Remove a temp copy and its rollback journal (also the leftovers of a restore killed earlier)."""
    for leftover in (temp, Path(f"{temp}-journal")):
        leftover.unlink(missing_ok=True)


def _copy_into(backup_path: Path, temp: Path) -> None:
    """Copy the backup, page by page with the backup API, into a new rollback-journal file, and fsync it."""
    source = open_read_only(backup_path)
    dest = sqlite3.connect(temp)
    try:
        dest.execute("PRAGMA synchronous=FULL")
        source.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as exc:
        raise _refusal(backup_path, f"damaged ({exc})") from exc
    finally:
        dest.close()
        source.close()
    with temp.open("rb+") as handle:
        os.fsync(handle.fileno())


def _check_copy(temp: Path) -> str:
    """What integrity_check and foreign_key_check find in the copy about to be put in place ('' = nothing)."""
    conn = sqlite3.connect(f"file:{temp.resolve().as_posix()}?mode=ro", uri=True)
    try:
        problem = content_problem(conn)
        if problem:
            return problem
        results = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if results != ["ok"]:
            return (
                f"damaged (the database check found {len(results)} problem(s), first: {results[0]})"
            )
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            return f"damaged ({len(broken)} broken reference(s), first in {broken[0][0]})"
    except sqlite3.Error as exc:
        return f"damaged ({exc})"
    finally:
        conn.close()
    return ""


def _save_current(path: Path, damaged: bool) -> Path:
    """Back up the portfolio as it is now; a file too damaged for the backup API is kept byte for byte."""
    if not damaged:
        try:
            return make_backup(path, label=BEFORE_RESTORE)
        except sqlite3.DatabaseError:
            pass
    folder = backup_folder(path)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-damaged-{stamp}{path.suffix}"
    for suffix in ("", "-wal", "-journal"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            part = Path(f"{target}{suffix}.part")
            with source.open("rb") as src, part.open("wb") as dst:
                shutil.copyfileobj(src, dst, 1024 * 1024)
                dst.flush()
                os.fsync(dst.fileno())
            part.replace(Path(f"{target}{suffix}"))
    fsync_folder(folder)
    return target


def _retire_wal(path: Path) -> None:
    """Fold the portfolio's WAL into it and switch it to a rollback journal, so no -wal outlives the swap.

    A -wal left beside the new file would be replayed into it by SQLite: that is the mix this prevents.
    Only after the current state is backed up; nothing may have the file open (checked just before).
    """
    if not header_problem(path):
        conn = sqlite3.connect(path, timeout=IN_USE_WAIT_S, isolation_level=None)
        try:
            conn.execute("PRAGMA locking_mode=EXCLUSIVE")
            conn.execute("PRAGMA journal_mode=DELETE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise PortfolioFileError(
                    f"{path.name} was opened elsewhere during the restore; nothing was "
                    "changed. Close it there and restore again."
                ) from exc
        except sqlite3.DatabaseError:
            pass  # too damaged to checkpoint: its bytes, -wal included, were kept by _save_current
        finally:
            conn.close()
    for leftover in (Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        leftover.unlink(missing_ok=True)
    fsync_folder(path.parent)
