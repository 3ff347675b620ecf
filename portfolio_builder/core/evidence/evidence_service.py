"""Read, filter, edit and delete evidence items once they are in a portfolio."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, exists, select, update
from sqlmodel import col

from ..errors import BadInput, ReadOnlyPortfolio
from ..framework.framework_reads import frozen_copy
from ..framework.lookups import check_evidence_ids, iso_date, refuse_unknown_evidence
from ..scheme.components import check_component
from ..scheme.store import scheme_in_session
from ..storage.core_statements import first_value, run
from ..storage.evidence_store import delete_stored_file
from ..storage.portfolio_file import Portfolio, storage_error
from ..storage.schema import EvidenceItem, StoredFile, Thumbnail
from ..vocabularies import BLURRED, CONSENT_STATES, EVIDENCE_KINDS, can_be_blurred
from .display_text import clean_display_text

EDITABLE_FIELDS = (
    "title",
    "description",
    "source",
    "evidence_date",
    "component",
    "consent",
    "consent_note",
    "collected_by",
)
MAX_TITLE = 300
MAX_TEXT = 20_000


@dataclass(frozen=True)
class EvidenceRow:
    """One evidence item as a list shows it: no bytes, no ORM object."""

    id: int
    kind: str
    title: str
    evidence_date: date | None
    consent: str
    component: str
    key_codes: tuple[str, ...]
    cross_codes: tuple[str, ...]


@dataclass(frozen=True)
class EvidenceRecord:
    """One evidence item as stored: a file (document, photo, audio, video) or a web link."""

    id: int
    kind: str
    title: str
    description: str
    source: str
    evidence_date: date | None
    component: str
    consent: str
    consent_note: str
    sha256: str | None
    url: str
    original_name: str
    mime_type: str
    size: int
    taken_at: datetime | None
    has_location: bool
    collected_by: str
    added_at: datetime


def get_evidence(portfolio: Portfolio, evidence_id: int) -> EvidenceRecord:
    """One evidence item, or BadInput when there is none with that number."""
    with portfolio.session() as session:
        item = session.get(EvidenceItem, evidence_id)
        if item is None:
            raise BadInput(f"There is no evidence item {evidence_id}.")
        return frozen_copy(EvidenceRecord, item)


def _clean(name: str, value):
    """A field value checked and normalised, or BadInput saying what is wrong."""
    if name == "evidence_date":
        if value in (None, ""):
            return None
        return iso_date(value)
    if not isinstance(value, str):
        raise BadInput(f"The {name.replace('_', ' ')} must be text.")
    value = value.strip()
    if name == "title":
        value = clean_display_text(
            value, MAX_TITLE + 1
        )  # no control characters, escapes or bidi overrides
        if not value:
            raise BadInput("An evidence item needs a title.")
        if len(value) > MAX_TITLE:
            raise BadInput(f"The title is too long ({len(value)} characters; at most {MAX_TITLE}).")
    elif name == "consent" and value not in CONSENT_STATES:
        raise BadInput(
            f"'{value}' is not a consent state; use one of: {', '.join(CONSENT_STATES)}."
        )
    elif len(value) > MAX_TEXT:
        raise BadInput(
            f"The {name.replace('_', ' ')} is too long (at most {MAX_TEXT:,} characters)."
        )
    return value


def _refuse_blurred_consent(items: list[EvidenceItem]) -> None:
    """BadInput naming the items that are not photos, when consent for a blurred version is asked for them."""
    others = [item for item in items if not can_be_blurred(item.kind, item.mime_type or "")]
    if others:
        named = ", ".join(f"'{item.title}' (item {item.id})" for item in others[:5])
        more = f" and {len(others) - 5} more" if len(others) > 5 else ""
        raise BadInput(
            f"Consent for a blurred version is only for photos (JPEG, PNG, HEIC), and {named}{more} "
            f"{'is not one' if len(others) == 1 else 'are not'}; nothing was changed."
        )


def update_evidence(portfolio: Portfolio, evidence_id: int, **fields) -> EvidenceItem:
    """Change an item's descriptive fields; every value is checked before anything is saved."""
    unknown = sorted(set(fields) - set(EDITABLE_FIELDS))
    if unknown:
        raise BadInput(
            f"{', '.join(unknown)} cannot be edited; editable fields: {', '.join(EDITABLE_FIELDS)}."
        )
    cleaned = {name: _clean(name, value) for name, value in fields.items()}
    with portfolio.writing() as session:
        item = session.get(EvidenceItem, evidence_id)
        if item is None:
            raise BadInput(f"There is no evidence item {evidence_id}.")
        if "component" in cleaned:
            cleaned["component"] = check_component(scheme_in_session(session), cleaned["component"])
        if cleaned.get("consent") == BLURRED:
            _refuse_blurred_consent([item])
        for name, value in cleaned.items():
            setattr(item, name, value)
        session.add(item)
    return item


def update_evidence_many(portfolio: Portfolio, evidence_ids, **fields) -> int:
    """Give several items the same field values in one transaction (multi-select editing); an unknown id
    refuses the whole edit before anything changes. Returns how many items were edited."""
    ids = list(dict.fromkeys(int(i) for i in evidence_ids))
    unknown = sorted(set(fields) - set(EDITABLE_FIELDS))
    if unknown:
        raise BadInput(
            f"{', '.join(unknown)} cannot be edited; editable fields: {', '.join(EDITABLE_FIELDS)}."
        )
    cleaned = {name: _clean(name, value) for name, value in fields.items()}
    with portfolio.writing() as session:
        check_evidence_ids(session, ids)
        if cleaned.get("consent") == BLURRED:
            items = [session.get(EvidenceItem, evidence_id) for evidence_id in ids]
            # every id was checked above: none of them is None
            _refuse_blurred_consent([item for item in items if item is not None])
        if (
            cleaned
        ):  # one statement for the lot (500 photos' consent in a blink, not one row at a time)
            session.exec(
                update(EvidenceItem).where(col(EvidenceItem.id).in_(ids)).values(**cleaned)
            )
    return len(ids)


def delete_evidence(portfolio: Portfolio, evidence_id: int) -> None:
    """Delete an item with its links; its stored bytes and preview go too when no other item uses them."""
    delete_evidence_many(portfolio, [evidence_id])


def delete_evidence_many(
    portfolio: Portfolio, evidence_ids, keep_unused_files: bool = False
) -> None:
    """Delete several items in one transaction, or none when any id is unknown; stored bytes and previews
    no other item uses go with them, unless keep_unused_files (an undoable delete: the desktop's undo brings
    the item back to its bytes; remove_unused_files clears them when the undo history is closed)."""
    ids = list(dict.fromkeys(int(i) for i in evidence_ids))
    if portfolio.read_only:
        raise ReadOnlyPortfolio(portfolio.read_only_reason or "This portfolio is open read-only.")
    with portfolio.raw_connection() as conn:
        try:
            conn.execute("BEGIN IMMEDIATE")
            with conn:
                item_id, item_sha256 = col(EvidenceItem.id), col(EvidenceItem.sha256)
                refuse_unknown_evidence((r[0] for r in run(conn, select(item_id))), ids)
                hashes = set()
                for evidence_id in ids:
                    the_item = item_id == evidence_id
                    hashes.add(first_value(conn, select(item_sha256).where(the_item)))
                    run(conn, delete(EvidenceItem).where(the_item))
                for sha256 in set() if keep_unused_files else hashes - {None, ""}:
                    if first_value(conn, select(1).where(item_sha256 == sha256).limit(1)) is None:
                        delete_stored_file(conn, sha256)
        except sqlite3.Error as exc:
            raise storage_error(exc) from exc


def remove_unused_files(portfolio: Portfolio) -> int:
    """Remove stored bytes and previews no item uses any more (kept for undo after a delete); how many files went."""
    if portfolio.read_only:
        return 0
    with portfolio.raw_connection() as conn:
        try:
            conn.execute("BEGIN IMMEDIATE")
            with conn:
                stored = col(StoredFile.sha256)
                in_use = exists().where(col(EvidenceItem.sha256) == stored)
                unused = [r[0] for r in run(conn, select(stored).where(~in_use))]
                for sha256 in unused:
                    delete_stored_file(conn, sha256)
        except sqlite3.Error as exc:
            raise storage_error(exc) from exc
    return len(unused)


def _filters(
    text: str, kind: str | None, theme_code: str | None, untagged: bool, consent_missing: bool
) -> tuple[str, list]:
    clauses, params = [], []
    if text.strip():
        pattern = (
            "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        )
        clauses.append(
            "(e.title LIKE ? ESCAPE '\\' OR e.description LIKE ? ESCAPE '\\' "
            "OR e.source LIKE ? ESCAPE '\\' OR e.original_name LIKE ? ESCAPE '\\')"
        )
        params += [pattern] * 4
    if kind is not None:
        if kind not in EVIDENCE_KINDS:
            raise BadInput(
                f"'{kind}' is not a kind of evidence; use one of: {', '.join(EVIDENCE_KINDS)}."
            )
        clauses.append("e.kind = ?")
        params.append(kind)
    if theme_code is not None:
        clauses.append(
            "e.id IN (SELECT l.evidence_id FROM descriptor_link l JOIN descriptor d ON d.id = "
            "l.descriptor_id JOIN theme t ON t.id = d.theme_id WHERE t.code = ?)"
        )
        params.append(theme_code)
    if untagged:
        clauses.append("NOT EXISTS (SELECT 1 FROM descriptor_link l WHERE l.evidence_id = e.id)")
    if consent_missing:
        clauses.append("e.consent = 'missing'")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def query_evidence(
    portfolio: Portfolio,
    text: str = "",
    kind: str | None = None,
    theme_code: str | None = None,
    untagged: bool = False,
    consent_missing: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[EvidenceRow]:
    """Evidence rows matching every filter given, in the order they were added (one SQL query)."""
    where, params = _filters(text, kind, theme_code, untagged, consent_missing)
    sql = (
        "SELECT e.id, e.kind, e.title, e.evidence_date, e.consent, e.component, "
        "(SELECT group_concat(code, ' ') FROM (SELECT d.code AS code FROM descriptor_link l JOIN descriptor d "
        "ON d.id = l.descriptor_id WHERE l.evidence_id = e.id AND l.role = 'key' ORDER BY d.code)), "
        "(SELECT group_concat(code, ' ') FROM (SELECT d.code AS code FROM descriptor_link l JOIN descriptor d "
        "ON d.id = l.descriptor_id WHERE l.evidence_id = e.id AND l.role = 'cross' ORDER BY d.code)) "
        f"FROM evidence_item e{where} ORDER BY e.id LIMIT ? OFFSET ?"
    )
    params += [-1 if limit is None else int(limit), max(0, int(offset))]
    with portfolio.raw_connection() as conn:
        rows = conn.execute(sql, params).fetchall()
    return [
        EvidenceRow(
            r[0],
            r[1],
            r[2],
            date.fromisoformat(r[3]) if r[3] else None,
            r[4],
            r[5],
            tuple((r[6] or "").split()),
            tuple((r[7] or "").split()),
        )
        for r in rows
    ]


def count_evidence(
    portfolio: Portfolio,
    text: str = "",
    kind: str | None = None,
    theme_code: str | None = None,
    untagged: bool = False,
    consent_missing: bool = False,
) -> int:
    """How many items query_evidence would return without a limit (for paging a list)."""
    where, params = _filters(text, kind, theme_code, untagged, consent_missing)
    with portfolio.raw_connection() as conn:
        return conn.execute(f"SELECT count(*) FROM evidence_item e{where}", params).fetchone()[0]


def thumbnail_bytes(portfolio: Portfolio, evidence_id: int) -> bytes | None:
    """The JPEG preview of a photo item, or None for items without one."""
    with portfolio.raw_connection() as conn:
        return first_value(
            conn,
            select(col(Thumbnail.jpeg))
            .join(EvidenceItem, col(EvidenceItem.sha256) == col(Thumbnail.sha256))
            .where(col(EvidenceItem.id) == evidence_id),
        )
