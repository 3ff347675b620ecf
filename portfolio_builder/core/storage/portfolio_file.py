"""Open, create and guard a portfolio file: one SQLite file holding a whole portfolio."""

from __future__ import annotations

import os
import sqlite3
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlmodel import Session, SQLModel

from ..errors import PortfolioFileError, ReadOnlyPortfolio
from . import schema, shared_sql
from .sqlite_wal import wal_completes

APPLICATION_ID = 0x50424631  # "PBF1"
PORTFOLIO_SUFFIX = ".portfolio"
SQLITE_MAGIC = b"SQLite format 3\x00"
NEW_FILE_PAGE_SIZE = (
    65536  # a long recording is written (twice, WAL then file) in 16x fewer pages than at 4 KB
)


EMPTY, NOT_SQLITE = "empty", "not a portfolio file"
FOREIGN, TRUNCATED = (
    "a database of another program, not a portfolio",
    "damaged: shorter than its own header says (an interrupted copy?)",
)
HEADER_REFUSALS = {  # the sentence a person reads when opening such a file
    EMPTY: "{name} is empty: it is not a portfolio file.",
    NOT_SQLITE: "{name} is not a portfolio file (it is not an SQLite database).",
    FOREIGN: "{name} is an SQLite database of another program, not a portfolio.",
    TRUNCATED: "{name} is damaged: it is shorter than its own header says (truncated copy?). "
    "Open one of its backups instead.",
}


def header_problem(path: Path, allow_unset_id: bool = False) -> str:
    """Why a file cannot be a portfolio, judged from its first 100 bytes and its size; '' when it might be one.

    allow_unset_id accepts an SQLite file whose application_id is 0 (the checks made on opening decide).
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if size == 0:
        return EMPTY
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return NOT_SQLITE
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    page_count = struct.unpack(">I", header[28:32])[0]
    app_id = struct.unpack(">I", header[68:72])[0]
    if app_id != APPLICATION_ID and not (allow_unset_id and app_id == 0):
        return FOREIGN
    if page_count and size < page_size * page_count and not wal_completes(path, size, page_size):
        return TRUNCATED  # a checkpoint cut short (full disk) leaves the missing pages in the -wal: that is sound
    return ""


def _check_header(path: Path) -> None:
    """Refuse files that are not SQLite, are not ours, or are shorter than their header says."""
    problem = header_problem(path, allow_unset_id=True)
    if problem in HEADER_REFUSALS:
        raise PortfolioFileError(HEADER_REFUSALS[problem].format(name=path.name))
    if problem:
        raise PortfolioFileError(
            f"Cannot read {path.name}: {problem.removeprefix('cannot be read (')[:-1]}."
        )


def _is_writable_location(path: Path) -> bool:
    folder = path.parent if path.parent != Path("") else Path(".")
    return os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


class Portfolio:
    """An open portfolio file: an engine with the right pragmas, and its read-only state."""

    def __init__(
        self, path: Path, read_only: bool, read_only_reason: str = "", new_file: bool = False
    ):
        self.path = Path(path)
        self.read_only = read_only
        self.read_only_reason = read_only_reason
        self._connect_hook = (
            threading.local()
        )  # row_changes records a write through it, on its own thread only
        self.engine = self._make_engine(new_file)

    def set_connect_hook(self, hook) -> None:
        """Call hook(sqlite3 connection) on each connection this thread opens from now on (None: stop)."""
        self._connect_hook.hook = hook

    def connect_hook(self):
        """The hook this thread's new connections get (None when there is none)."""
        return getattr(self._connect_hook, "hook", None)

    def _make_engine(self, new_file: bool = False):
        if self.read_only and not _is_writable_location(self.path):
            uri = f"file:{self.path.resolve().as_posix()}?mode=ro&immutable=1"
            creator = lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)  # noqa: E731
        elif self.read_only:
            # Read-only by choice in a writable folder: a query-only read-write connection, so the last one
            # to close removes the -wal and -shm files instead of leaving them beside the portfolio.
            uri = f"file:{self.path.resolve().as_posix()}?mode=rw"
            creator = lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)  # noqa: E731
        else:
            target = str(self.path)
            creator = lambda: sqlite3.connect(target, check_same_thread=False)  # noqa: E731
        engine = shared_sql.portfolio_engine(creator)
        read_only, connect_hook = self.read_only, self._connect_hook

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=5000")
            if read_only:
                cursor.execute("PRAGMA query_only=ON")
            else:
                if new_file:  # only before the first write: an existing file keeps its page size (format unchanged)
                    cursor.execute(f"PRAGMA page_size={NEW_FILE_PAGE_SIZE}")
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA synchronous=FULL")
            cursor.close()
            hook = getattr(connect_hook, "hook", None)
            if hook is not None:
                hook(dbapi_connection)

        return engine

    @classmethod
    def create(cls, path: Path) -> Portfolio:
        """Create an empty portfolio file with the current schema; refuse to overwrite."""
        path = Path(path)
        if path.exists():
            raise PortfolioFileError(f"{path} already exists; choose another name.")
        if not path.parent.exists():
            raise PortfolioFileError(f"The folder {path.parent} does not exist.")
        if not _is_writable_location(path):
            raise PortfolioFileError(
                f"Cannot create a portfolio in {path.parent}: the folder is read-only."
            )
        portfolio = cls(path, read_only=False, new_file=True)
        try:
            with portfolio.engine.begin() as conn:
                # one transaction, so one sync: sqlite3 would commit (and sync) each CREATE on its own
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
                SQLModel.metadata.create_all(conn)
                conn.exec_driver_sql(f"PRAGMA user_version={schema.SCHEMA_VERSION}")
        except (OperationalError, DBAPIError) as exc:
            portfolio.close()
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)
            raise PortfolioFileError(f"Could not create {path.name}: {exc.orig}.") from exc
        return portfolio

    @classmethod
    def open(cls, path: Path, read_only: bool = False) -> Portfolio:
        """Open an existing portfolio; newer or unwritable files open read-only with a reason."""
        from .migrations import migrate_if_needed

        path = Path(path)
        if not path.exists():
            raise PortfolioFileError(f"No portfolio file at {path}.")
        if path.is_dir():
            raise PortfolioFileError(f"{path} is a folder, not a portfolio file.")
        _check_header(path)
        reason = ""
        if not read_only and not _is_writable_location(path):
            read_only, reason = (
                True,
                "The portfolio's folder or file is read-only, so it opened read-only.",
            )
        probe = cls(path, read_only=True)
        try:
            with probe.engine.connect() as conn:
                version = conn.exec_driver_sql("PRAGMA user_version").scalar()
                app_id = conn.exec_driver_sql("PRAGMA application_id").scalar()
                tables = {
                    r[0]
                    for r in conn.exec_driver_sql(
                        "SELECT name FROM sqlite_master WHERE type='table'"
                    )
                }
        except (OperationalError, DBAPIError) as exc:
            raise PortfolioFileError(
                f"{path.name} cannot be read as a portfolio: {exc.orig}."
            ) from exc
        finally:
            probe.close()
        if app_id != APPLICATION_ID or "evidence_item" not in tables:
            raise PortfolioFileError(
                f"{path.name} is an SQLite database, but not a portfolio file."
            )
        if version > schema.SCHEMA_VERSION:
            read_only, reason = (
                True,
                (
                    f"{path.name} was saved by a newer version of Portfolio Builder (file format {version}); "
                    "it opened read-only. Update Portfolio Builder to edit it."
                ),
            )
        elif version < schema.SCHEMA_VERSION:
            # upgraded even when opened read-only (status, export): every query expects the current columns
            if not _is_writable_location(path):
                raise PortfolioFileError(
                    f"{path.name} was saved in an older file format ({version}) in a folder that cannot be written "
                    "to, so it cannot be upgraded. Copy it to a folder you can write to and open it there."
                )
            migrate_if_needed(path, version)
        return cls(path, read_only=read_only, read_only_reason=reason)

    def session(self) -> Session:
        """A new ORM session; callers close it (use `with`)."""
        return Session(self.engine, expire_on_commit=False)

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A session whose work is committed at the end, as one transaction, or not at all."""
        if self.read_only:
            raise ReadOnlyPortfolio(self.read_only_reason or "This portfolio is open read-only.")
        with self.session() as session:
            try:
                yield session
                session.commit()
            except (OperationalError, DBAPIError) as exc:
                session.rollback()
                raise storage_error(exc) from exc
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def raw_connection(self) -> Iterator[sqlite3.Connection]:
        """A plain sqlite3 connection with the same pragmas, for blob streaming and bulk work."""
        connection = self.engine.raw_connection()
        try:
            yield connection.driver_connection
        finally:
            connection.close()

    def close(self) -> None:
        """Release every connection (checkpointing the WAL when writable)."""
        self.engine.dispose()

    def __enter__(self) -> Portfolio:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def storage_error(exc: Exception) -> PortfolioFileError:
    """Translate an SQLite failure into a message a user can act on."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "full" in text:
        return PortfolioFileError(
            "The disk is full: the last change was not saved, and nothing else was lost."
        )
    if "readonly" in text or "read-only" in text:
        return ReadOnlyPortfolio(
            "The portfolio file cannot be written (read-only); the change was not saved."
        )
    if "locked" in text or "busy" in text:
        return PortfolioFileError(
            "The portfolio is busy in another program; try again in a moment."
        )
    return PortfolioFileError(
        f"The portfolio file could not be written: {getattr(exc, 'orig', exc)}."
    )
