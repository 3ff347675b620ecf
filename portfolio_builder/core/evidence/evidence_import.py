"""Bring files, folders and web links into a portfolio: checked and previewed in parallel, stored one file per transaction."""

from __future__ import annotations

import multiprocessing
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BadInput, Cancelled, PortfolioFileError, ReadOnlyPortfolio, RuleViolation
from ..scheme.components import check_component
from ..scheme.evidence_rule import EvidenceRule
from ..scheme.store import load_scheme
from ..storage.evidence_store import flush_while_storing, store_file
from ..storage.storage_limits import MAX_FILE_BYTES, space_refusal
from ..vocabularies import BLURRED, MEDIA_NEEDING_CONSENT, can_be_blurred
from .display_text import clean_display_text
from .evidence_detect import (
    FileAnalysis,
    analyse_file,
    detect_link,
    is_link,
    link_title,
    tidy_title,
)
from .worker_lifetime import end_with_parent

if TYPE_CHECKING:
    from ..storage.portfolio_file import Portfolio

WEB_ADDRESS = re.compile(r"^www\.[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(/\S*)?$", re.IGNORECASE)
DB_TIME = "%Y-%m-%d %H:%M:%S.%f"  # how SQLModel stores datetimes in SQLite (UTC, no offset)
BULK_CHECKPOINT_BYTES = 64 * 1024 * 1024  # checkpoint the WAL about every 64 MB during an import, not every 4 MB
POOL_MIN_FILES = 16  # starting worker processes costs ~0.6 s: below this many files, work in-process


@dataclass
class ImportReport:
    """What an import did: new item ids in order, sources refused with why, and sources already stored."""

    added: list[int] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # (source, id of the item already holding it)
    cancelled: bool = False
    stopped: str = ""  # why the import stopped before the end (the disk filled up): items added before it are kept
    not_tried: list[str] = field(default_factory=list)  # sources after the one that stopped it, left untouched

    @property
    def duplicates_info(self) -> list[tuple[str, str]]:
        """Duplicates as (source, message) for display."""
        return [(source, f"already stored as item {item_id}") for source, item_id in self.duplicates]


@dataclass(frozen=True)
class _Entry:
    source: str  # as the user gave it (or the file found inside a folder)
    path: str = ""  # a file to import
    link_kind: str = ""  # 'link' or 'video' for a web address
    error: str = ""  # why this source is refused before any work


def _hidden(name: str) -> bool:
    return name.startswith(".") or name in ("Thumbs.db", "desktop.ini")


def _expand(sources: Iterable[str | Path]) -> list[_Entry]:
    """Files, folder contents (recursed, hidden files skipped) and links, in the order given."""
    entries = []
    for source in sources:
        text = str(source).strip()
        if isinstance(source, str) and not is_link(text) and WEB_ADDRESS.match(text) and not Path(text).exists():
            text = f"https://{text}"  # typed as people read addresses: www.example.org/page
        if isinstance(source, str) and is_link(text):
            try:
                entries.append(_Entry(text, link_kind=detect_link(text)))
            except BadInput as exc:
                entries.append(_Entry(text, error=exc.message))
            continue
        path = Path(source)
        if not text:
            entries.append(_Entry(text, error="An empty name was given instead of a file."))
        elif not path.exists():
            entries.append(_Entry(text, error=f"There is no file or folder at {path}."))
        elif path.is_dir():
            found, outside = _folder_files(path)
            entries += [_Entry(f, path=f) for f in found]
            entries += [_Entry(f, error=f"{_shown(f)} is a link to something outside the folder; links that leave "
                                        "the folder are not followed.") for f in outside]
            if not found and not outside:
                entries.append(_Entry(text, error=f"The folder {path.name or path} has no files to import "
                                                  "(hidden files are skipped)."))
        elif not path.is_file():
            entries.append(_Entry(text, error=f"{path.name} is not an ordinary file."))
        else:
            entries.append(_Entry(text, path=str(path)))
    return entries


def _shown(path: str) -> str:
    return clean_display_text(Path(path).name) or "(a file)"


def _folder_files(path: Path) -> tuple[list[str], list[str]]:
    """The files in a folder (recursed, hidden ones skipped) and the links in it that point outside it.

    Links to files inside the folder are taken; a link leaving it (to /etc/shadow, another
    person's documents) is never followed, and folder links are never descended into.
    """
    root = os.path.realpath(path)
    found, outside = [], []
    for folder, dirs, files in os.walk(path):
        for d in sorted(d for d in dirs if not _hidden(d)):
            full = os.path.join(folder, d)
            if os.path.islink(full) and not _inside(os.path.realpath(full), root):
                outside.append(full)
        dirs[:] = sorted(d for d in dirs if not _hidden(d) and not os.path.islink(os.path.join(folder, d)))
        for name in sorted(f for f in files if not _hidden(f)):
            full = os.path.join(folder, name)
            if os.path.islink(full) and not _inside(os.path.realpath(full), root):
                outside.append(full)
            elif os.path.isfile(full):
                found.append(full)
    return found, outside


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _analyses(paths: list[str], max_bytes: int, workers: int | None) -> Iterator[FileAnalysis]:
    """Analysis results in the order of paths: a process pool on every core, or in-process for small batches.

    workers=None chooses: every core when there are POOL_MIN_FILES or more files, else in-process;
    workers=1 forces in-process, workers=N>1 forces a pool of N.
    """
    if workers is None:
        workers = (os.cpu_count() or 1) if len(paths) >= POOL_MIN_FILES else 1
    workers = min(workers, len(paths))
    if workers <= 1:
        for path in paths:
            yield analyse_file(path, max_bytes)
        return
    # spawn, not fork: the GUI calls this from a worker thread, and forking a threaded process can deadlock
    executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=end_with_parent)  # no worker outlives a killed import
    try:
        futures = [executor.submit(analyse_file, path, max_bytes) for path in paths]
        for path, future in zip(paths, futures):
            try:
                yield future.result()
            except Exception as exc:  # noqa: BLE001 - a worker process died (out of memory, killed)
                yield FileAnalysis(path, error=f"{Path(path).name} could not be checked ({type(exc).__name__}).")
    finally:
        executor.shutdown(wait=False, cancel_futures=True)  # idle workers exit by themselves


def _db_time(value: datetime | None) -> str | None:
    return value.astimezone(UTC).strftime(DB_TIME) if value else None


def _key_evidence(conn: sqlite3.Connection, descriptor_id: int) -> list[tuple[int, int, str]]:
    return conn.execute("SELECT l.slot, e.id, e.title FROM descriptor_link l JOIN evidence_item e "
                        "ON e.id = l.evidence_id WHERE l.descriptor_id = ? AND l.role = 'key' ORDER BY l.slot",
                        (descriptor_id,)).fetchall()


def _check_room(conn: sqlite3.Connection, descriptors: list[tuple[int, str]], rule: EvidenceRule, title: str) -> None:
    """RuleViolation naming the items already there when a descriptor has its full key evidence."""
    for descriptor_id, code in descriptors:
        present = _key_evidence(conn, descriptor_id)
        if not rule.has_room(len(present)):
            raise RuleViolation(rule.refusal(code, [(i, t) for _s, i, t in present], title))


class NoRoom(PortfolioFileError):
    """The portfolio's drive has too little free space for the next file: the import stops before writing it."""


@dataclass(frozen=True)
class _Options:
    descriptors: list[tuple[int, str]]
    rule: EvidenceRule
    cover_sheet_id: int | None
    component: str
    consent: str | None  # None: by kind (photos, video and audio need it recorded; documents and links do not)


def _insert_item(conn: sqlite3.Connection, options: _Options, **values) -> int:
    """One evidence row, its key-evidence links and its cover-sheet link, inside the caller's transaction."""
    consent = options.consent or ("missing" if values.get("kind") in MEDIA_NEEDING_CONSENT else "not-needed")
    values.update(component=options.component, consent=consent, added_at=_db_time(datetime.now(UTC)))
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    item_id = conn.execute(f"INSERT INTO evidence_item ({columns}, description, source, consent_note, collected_by) "
                           f"VALUES ({marks}, '', '', '', '')", tuple(values.values())).lastrowid
    for descriptor_id, _code in options.descriptors:
        slot = options.rule.next_slot({slot for slot, _i, _t in _key_evidence(conn, descriptor_id)})
        conn.execute("INSERT INTO descriptor_link (evidence_id, descriptor_id, role, slot, note) "
                     "VALUES (?, ?, 'key', ?, '')", (item_id, descriptor_id, slot))
    if options.cover_sheet_id is not None:
        conn.execute("INSERT INTO cover_sheet_link (cover_sheet_id, evidence_id) VALUES (?, ?)",
                     (options.cover_sheet_id, item_id))
    return item_id


def _store_one(conn: sqlite3.Connection, options: _Options, analysis: FileAnalysis, title: str,
               cancel: Callable[[], bool] | None) -> tuple[bool, int]:
    """Store a file and its item in ONE transaction; (False, existing id) when the bytes already have an item.

    NoRoom, before a byte is written, when the drive cannot hold the file; Cancelled (rolled back) when
    cancel() turns true while a large file streams in.
    """
    with flush_while_storing(conn, analysis.size):  # the commit's checkpoint included
        return _store_one_transaction(conn, options, analysis, title, cancel)


def _store_one_transaction(conn: sqlite3.Connection, options: _Options, analysis: FileAnalysis, title: str,
                           cancel: Callable[[], bool] | None) -> tuple[bool, int]:
    """The one transaction of _store_one: item, links, preview and (unless already there) the stored bytes."""
    conn.execute("BEGIN IMMEDIATE")
    with conn:
        existing = conn.execute("SELECT id FROM evidence_item WHERE sha256 = ? ORDER BY id LIMIT 1",
                                (analysis.sha256,)).fetchone()
        if existing:
            return False, existing[0]
        _check_room(conn, options.descriptors, options.rule, f"'{title}'")
        if refusal := space_refusal(conn, _shown(analysis.path), analysis.size):
            raise NoRoom(refusal)
        store_file(conn, Path(analysis.path), analysis.sha256, analysis.size, cancel=cancel)
        photo = analysis.photo
        taken_at = photo.taken_at if photo else None
        item_id = _insert_item(conn, options, kind=analysis.kind, title=title, sha256=analysis.sha256,
                               url="", original_name=clean_display_text(Path(analysis.path).name),
                               mime_type=analysis.mime,
                               size=analysis.size, evidence_date=taken_at.date().isoformat() if taken_at else None,
                               taken_at=_db_time(taken_at), has_location=int(bool(photo and photo.has_location)))
        if photo:
            conn.execute("INSERT OR IGNORE INTO thumbnail (sha256, width, height, jpeg) VALUES (?, ?, ?, ?)",
                         (analysis.sha256, photo.thumbnail_width, photo.thumbnail_height, photo.thumbnail_jpeg))
        return True, item_id


def _store_link(conn: sqlite3.Connection, options: _Options, url: str, kind: str, title: str) -> tuple[bool, int]:
    """Add a web link as an item in one transaction; (False, existing id) when the same address is there."""
    conn.execute("BEGIN IMMEDIATE")
    with conn:
        existing = conn.execute("SELECT id FROM evidence_item WHERE url = ? ORDER BY id LIMIT 1", (url,)).fetchone()
        if existing:
            return False, existing[0]
        _check_room(conn, options.descriptors, options.rule, f"'{title}'")
        return True, _insert_item(conn, options, kind=kind, title=title, url=url, sha256=None, original_name="",
                                  mime_type="", size=0, evidence_date=None, taken_at=None, has_location=0)


def _options(conn: sqlite3.Connection, descriptor_codes, cover_sheet_id, component, consent) -> _Options:
    """Check the whole request before any file is touched: values, codes, cover sheet, room for key evidence."""
    from ..vocabularies import CONSENT_STATES

    scheme = load_scheme(conn)
    component = check_component(scheme, component)
    if consent is not None and consent not in CONSENT_STATES:
        raise BadInput(f"'{consent}' is not a consent state; use one of: {', '.join(CONSENT_STATES)}.")
    descriptors = []
    for code in dict.fromkeys(str(c).strip() for c in descriptor_codes):
        row = conn.execute("SELECT id, code FROM descriptor WHERE lower(code) = lower(?)", (code,)).fetchone()
        if row is None:
            codes = [r[0] for r in conn.execute("SELECT code FROM descriptor ORDER BY code")]
            raise BadInput(f"There is no descriptor '{code}'; nothing was imported. "
                           f"Codes in this portfolio: {', '.join(codes) or 'none yet'}.")
        descriptors.append(row)
    if cover_sheet_id is not None and conn.execute("SELECT 1 FROM cover_sheet WHERE id = ?",
                                                   (cover_sheet_id,)).fetchone() is None:
        raise BadInput(f"There is no cover sheet {cover_sheet_id}; nothing was imported.")
    _check_room(conn, descriptors, scheme.evidence_rule, "the new evidence")  # before any file is read
    return _Options(descriptors, scheme.evidence_rule, cover_sheet_id, component, consent)


def import_evidence(portfolio: Portfolio, sources: list[str | Path], *, title: str | None = None,
                    descriptor_codes: Iterable[str] = (), cover_sheet_id: int | None = None,
                    component: str | None = None, consent: str | None = None,
                    progress: Callable[[int, int, str], None] | None = None,
                    cancel: Callable[[], bool] | None = None, max_file_bytes: int = MAX_FILE_BYTES,
                    workers: int | None = None) -> ImportReport:
    """Import files, folders and http(s) links as evidence items; bad sources are reported, good ones kept.

    Whole-request mistakes (unknown descriptor code or cover sheet, bad component or consent, a
    descriptor already holding its key evidence) raise before anything is stored. A file whose
    bytes are already in the portfolio is not added again: the existing item is reported in
    `duplicates` and left unchanged. `title` names a single item; with several, they are numbered.
    """
    from ..storage.portfolio_file import storage_error

    if portfolio.read_only:
        raise ReadOnlyPortfolio(portfolio.read_only_reason or "This portfolio is open read-only; nothing was imported.")
    sources = [sources] if isinstance(sources, (str, Path)) else list(sources)
    if not sources:
        raise BadInput("Nothing to import: choose files, folders or web links.")
    report = ImportReport()
    with portfolio.raw_connection() as conn:
        try:
            options = _options(conn, descriptor_codes, cover_sheet_id, component, consent)
        except sqlite3.Error as exc:
            raise storage_error(exc) from exc
        entries = _expand(sources)
        analyses = _analyses([e.path for e in entries if e.path], max_file_bytes, workers)
        try:
            _bulk_mode(conn, True)
            for done, entry in enumerate(entries, start=1):
                if cancel is not None and cancel():
                    report.cancelled = True
                    break
                try:
                    _import_entry(conn, options, entry, analyses, title, report, cancel)
                except Cancelled:  # mid-way through a large file: that file was rolled back, the rest is kept
                    report.cancelled = True
                    break
                except (sqlite3.Error, NoRoom) as exc:  # the disk filled up: what was committed stays, and is reported
                    reason = exc.message if isinstance(exc, NoRoom) else storage_error(exc).message
                    report.stopped = storage_stop_message(reason, entry.source, report)
                    report.not_tried = [e.source for e in entries[done:]]
                    break
                if progress is not None:
                    progress(done, len(entries), _shown(entry.source) if entry.path else entry.source)
        finally:
            analyses.close()
            _bulk_mode(conn, False)
    return report


def storage_stop_message(reason: str, source: str, report: ImportReport) -> str:
    """One sentence saying exactly what an import stopped by a storage failure did and did not store."""
    first = reason.split(":", 1)[0] + "." if reason.lower().startswith("the disk is full:") else reason
    stored = (f"{len(report.added)} new item(s) were stored and are safe (items {report.added[0]}"
              f"{' to ' + str(report.added[-1]) if len(report.added) > 1 else ''})" if report.added
              else "No new item was stored")
    return f"{first} {stored}; {Path(source).name or source} and everything after it were not added."


def _bulk_mode(conn: sqlite3.Connection, on: bool) -> None:
    """Per-file commits without an fsync each, then one checkpoint that makes the whole import durable.

    WAL with synchronous=NORMAL keeps every commit atomic through a crash or power cut; only the
    last few files could be lost to a power cut, and they are still on the source disk. Without
    this, an fsync and a checkpoint per photo made import 40% slower than plain copying.
    """
    if on:
        conn.execute("PRAGMA synchronous=NORMAL")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        conn.execute(f"PRAGMA wal_autocheckpoint={max(1, BULK_CHECKPOINT_BYTES // page_size)}")
        conn.execute("PRAGMA cache_size=-65536")
        return
    try:
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA wal_autocheckpoint=1000")
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")  # syncs the WAL, copies it in, syncs the file
    except sqlite3.Error:
        pass  # the data is committed already; a later checkpoint finishes the job


def _import_entry(conn: sqlite3.Connection, options: _Options, entry: _Entry, analyses: Iterator[FileAnalysis],
                  title: str | None, report: ImportReport, cancel: Callable[[], bool] | None = None) -> None:
    """Import one expanded source, recording the outcome in the report."""
    if entry.error:
        report.skipped.append((entry.source, entry.error))
        return
    analysis = next(analyses) if entry.path else None
    if analysis is not None and analysis.error:
        report.skipped.append((entry.source, clean_display_text(analysis.error, 2000)))
        return
    number = len(report.added) + 1
    title = clean_display_text(title) if title else title
    if title:
        item_title = title if number == 1 else f"{title} ({number})"
    else:
        item_title = tidy_title(Path(entry.path).name) if analysis else link_title(entry.source)
    if options.consent == BLURRED and not (analysis is not None and can_be_blurred(analysis.kind, analysis.mime)):
        report.skipped.append((entry.source, f"{_shown(entry.source) if analysis else entry.source} is not a photo: "
                               "consent for a blurred version is only for JPEG, PNG and HEIC photos."))
        return
    try:
        if analysis is not None:
            added, item_id = _store_one(conn, options, analysis, item_title, cancel)
        else:
            added, item_id = _store_link(conn, options, entry.source, entry.link_kind, item_title)
    except RuleViolation as exc:
        report.skipped.append((entry.source, exc.message))
        return
    except OSError as exc:
        report.skipped.append((entry.source, f"{_shown(entry.source)} could not be stored: {exc}."))
        return
    if added:
        report.added.append(item_id)
    else:
        report.duplicates.append((entry.source, item_id))
