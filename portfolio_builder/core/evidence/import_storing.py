"""Store one imported file or web link as an evidence item, with its key-evidence and cover-sheet links, in one transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlmodel import col

from ..errors import BadInput, PortfolioFileError, RuleViolation
from ..scheme.components import check_component
from ..scheme.evidence_rule import EvidenceRule
from ..scheme.store import load_scheme
from ..storage.core_statements import first_value, run
from ..storage.evidence_store import flush_while_storing, store_file
from ..storage.schema import (
    CoverSheet,
    CoverSheetLink,
    DescriptorLink,
    DescriptorRow,
    EvidenceItem,
    Thumbnail,
)
from ..storage.storage_limits import space_refusal
from ..vocabularies import MEDIA_NEEDING_CONSENT
from .display_text import clean_display_text
from .evidence_detect import FileAnalysis
from .import_sources import shown_name


def _key_evidence(conn: sqlite3.Connection, descriptor_id: int) -> list[tuple[int, int, str]]:
    """(slot, item id, title) of a descriptor's key evidence, by slot."""
    key_links = (
        select(col(DescriptorLink.slot), col(EvidenceItem.id), col(EvidenceItem.title))
        .join(EvidenceItem, col(EvidenceItem.id) == col(DescriptorLink.evidence_id))
        .where(
            col(DescriptorLink.descriptor_id) == descriptor_id, col(DescriptorLink.role) == "key"
        )
        .order_by(col(DescriptorLink.slot))
    )
    return run(conn, key_links).fetchall()


def _check_room(
    conn: sqlite3.Connection, descriptors: list[tuple[int, str]], rule: EvidenceRule, title: str
) -> None:
    """RuleViolation naming the items already there when a descriptor has its full key evidence."""
    for descriptor_id, code in descriptors:
        present = _key_evidence(conn, descriptor_id)
        if not rule.has_room(len(present)):
            raise RuleViolation(rule.refusal(code, [(i, t) for _s, i, t in present], title))


class NoRoom(PortfolioFileError):
    """The portfolio's drive has too little free space for the next file: the import stops before writing it."""


@dataclass(frozen=True)
class ImportOptions:
    """The checked request every item of one import is stored with."""

    descriptors: list[tuple[int, str]]
    rule: EvidenceRule
    cover_sheet_id: int | None
    component: str
    consent: (
        str | None
    )  # None: by kind (photos, video and audio need it recorded; documents and links do not)


def _insert_item(conn: sqlite3.Connection, options: ImportOptions, **values) -> int:
    """One evidence row, its key-evidence links and its cover-sheet link, inside the caller's transaction."""
    consent = options.consent or (
        "missing" if values.get("kind") in MEDIA_NEEDING_CONSENT else "not-needed"
    )
    values.update(component=options.component, consent=consent, added_at=datetime.now(UTC))
    item_id = run(conn, insert(EvidenceItem).values(**values)).lastrowid
    assert item_id is not None  # an INSERT always sets it
    for descriptor_id, _code in options.descriptors:
        slot = options.rule.next_slot({slot for slot, _i, _t in _key_evidence(conn, descriptor_id)})
        key_link = {"descriptor_id": descriptor_id, "role": "key", "slot": slot}
        run(conn, insert(DescriptorLink).values(evidence_id=item_id, **key_link))
    if options.cover_sheet_id is not None:
        cover_link = {"cover_sheet_id": options.cover_sheet_id, "evidence_id": item_id}
        run(conn, insert(CoverSheetLink).values(**cover_link))
    return item_id


def _first_item(conn: sqlite3.Connection, same) -> int | None:
    """The oldest item matching a condition (the same bytes, the same address), if any."""
    return first_value(
        conn, select(col(EvidenceItem.id)).where(same).order_by(col(EvidenceItem.id)).limit(1)
    )


def store_file_item(
    conn: sqlite3.Connection,
    options: ImportOptions,
    analysis: FileAnalysis,
    title: str,
    cancel: Callable[[], bool] | None,
) -> tuple[bool, int]:
    """Store a file and its item in ONE transaction; (False, existing id) when the bytes already have an item.

    NoRoom, before a byte is written, when the drive cannot hold the file; Cancelled (rolled back) when
    cancel() turns true while a large file streams in.
    """
    with flush_while_storing(conn, analysis.size):  # the commit's checkpoint included
        return _store_one_transaction(conn, options, analysis, title, cancel)


def _store_one_transaction(
    conn: sqlite3.Connection,
    options: ImportOptions,
    analysis: FileAnalysis,
    title: str,
    cancel: Callable[[], bool] | None,
) -> tuple[bool, int]:
    """The one transaction of store_file_item: item, links, preview and (unless already there) the stored bytes."""
    conn.execute("BEGIN IMMEDIATE")
    with conn:
        existing = _first_item(conn, col(EvidenceItem.sha256) == analysis.sha256)
        if existing is not None:
            return False, existing
        _check_room(conn, options.descriptors, options.rule, f"'{title}'")
        if refusal := space_refusal(conn, shown_name(analysis.path), analysis.size):
            raise NoRoom(refusal)
        store_file(conn, Path(analysis.path), analysis.sha256, analysis.size, cancel=cancel)
        photo = analysis.photo
        taken_at = photo.taken_at if photo else None
        item_id = _insert_item(
            conn,
            options,
            kind=analysis.kind,
            title=title,
            sha256=analysis.sha256,
            url="",
            original_name=clean_display_text(Path(analysis.path).name),
            mime_type=analysis.mime,
            size=analysis.size,
            evidence_date=taken_at.date() if taken_at else None,
            taken_at=taken_at.astimezone(UTC) if taken_at else None,  # stored as UTC
            has_location=bool(photo and photo.has_location),
        )
        if photo:
            preview = insert(Thumbnail).prefix_with("OR IGNORE")
            run(
                conn,
                preview.values(
                    sha256=analysis.sha256,
                    width=photo.thumbnail_width,
                    height=photo.thumbnail_height,
                    jpeg=photo.thumbnail_jpeg,
                ),
            )
        return True, item_id


def store_link_item(
    conn: sqlite3.Connection, options: ImportOptions, url: str, kind: str, title: str
) -> tuple[bool, int]:
    """Add a web link as an item in one transaction; (False, existing id) when the same address is there."""
    conn.execute("BEGIN IMMEDIATE")
    with conn:
        existing = _first_item(conn, col(EvidenceItem.url) == url)
        if existing is not None:
            return False, existing
        _check_room(conn, options.descriptors, options.rule, f"'{title}'")
        return True, _insert_item(
            conn,
            options,
            kind=kind,
            title=title,
            url=url,
            sha256=None,
            original_name="",
            mime_type="",
            size=0,
            evidence_date=None,
            taken_at=None,
            has_location=False,
        )


def import_options(
    conn: sqlite3.Connection, descriptor_codes, cover_sheet_id, component, consent
) -> ImportOptions:
    """Check the whole request before any file is touched: values, codes, cover sheet, room for key evidence."""
    from ..vocabularies import CONSENT_STATES

    scheme = load_scheme(conn)
    component = check_component(scheme, component)
    if consent is not None and consent not in CONSENT_STATES:
        raise BadInput(
            f"'{consent}' is not a consent state; use one of: {', '.join(CONSENT_STATES)}."
        )
    descriptors = []
    for code in dict.fromkeys(str(c).strip() for c in descriptor_codes):
        code_column = col(DescriptorRow.code)
        row = run(
            conn,
            select(col(DescriptorRow.id), code_column).where(
                func.lower(code_column) == func.lower(code)
            ),
        ).fetchone()
        if row is None:
            codes = [r[0] for r in run(conn, select(code_column).order_by(code_column))]
            raise BadInput(
                f"There is no descriptor '{code}'; nothing was imported. "
                f"Codes in this portfolio: {', '.join(codes) or 'none yet'}."
            )
        descriptors.append(row)
    if (
        cover_sheet_id is not None
        and first_value(conn, select(1).where(col(CoverSheet.id) == cover_sheet_id)) is None
    ):
        raise BadInput(f"There is no cover sheet {cover_sheet_id}; nothing was imported.")
    _check_room(
        conn, descriptors, scheme.evidence_rule, "the new evidence"
    )  # before any file is read
    return ImportOptions(descriptors, scheme.evidence_rule, cover_sheet_id, component, consent)
