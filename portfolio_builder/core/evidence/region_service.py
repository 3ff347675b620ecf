"""A photo item's redaction regions: read them, set, replace or clear them in one transaction, suggest them over faces.

The regions are stored with the item (table redaction_region); the stored photo is never
changed. Every write returns a RegionChange holding the regions before and after, built in the
same transaction (the command line reports it; the desktop's undo replays core's recorded Change).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass

from sqlalchemy import delete, insert, select
from sqlmodel import col

from ..errors import BadInput, Cancelled, ReadOnlyPortfolio
from ..privacy.redaction.regions import Region
from ..storage.core_statements import first_value, run
from ..storage.portfolio_file import Portfolio, storage_error
from ..storage.schema import EvidenceItem, RedactionRegion
from ..vocabularies import can_be_blurred

MAX_REGIONS = 200  # far more than any photo needs; a bound on what one edit may write
REGION_FIELDS = (  # in Region's order
    col(RedactionRegion.x),
    col(RedactionRegion.y),
    col(RedactionRegion.w),
    col(RedactionRegion.h),
    col(RedactionRegion.mode),
    col(RedactionRegion.shape),
)
DRAWN_ORDER = (col(RedactionRegion.position), col(RedactionRegion.id))


@dataclass(frozen=True)
class RegionChange:
    """What one write did to an item's regions: undo sets `before` again, redo sets `after`."""

    evidence_id: int
    before: tuple[Region, ...]
    after: tuple[Region, ...]


def regions_in(conn: sqlite3.Connection, evidence_id: int) -> tuple[Region, ...]:
    """An item's regions in the order they were drawn, on an open connection."""
    of_item = col(RedactionRegion.evidence_id) == evidence_id
    rows = run(conn, select(*REGION_FIELDS).where(of_item).order_by(*DRAWN_ORDER)).fetchall()
    return tuple(Region(*row) for row in rows)


def all_regions(conn: sqlite3.Connection) -> dict[int, tuple[Region, ...]]:
    """Every item's regions by evidence id (items without regions are absent), in one query."""
    found: dict[int, list[Region]] = {}
    item = col(RedactionRegion.evidence_id)
    for evidence_id, *values in run(
        conn, select(item, *REGION_FIELDS).order_by(item, *DRAWN_ORDER)
    ):
        found.setdefault(evidence_id, []).append(Region(*values))
    return {evidence_id: tuple(regions) for evidence_id, regions in found.items()}


def item_regions(portfolio: Portfolio, evidence_id: int) -> tuple[Region, ...]:
    """An item's regions (empty when it has none); BadInput when there is no such item."""
    with portfolio.raw_connection() as conn:
        _photo_item(conn, evidence_id, writing=False)
        return regions_in(conn, evidence_id)


def _photo_item(
    conn: sqlite3.Connection, evidence_id: int, writing: bool = True
) -> tuple[str, str]:
    """(title, mime type) of the item; BadInput when there is none, or (to write) it is not a photo we can blur."""
    fields = (col(EvidenceItem.title), col(EvidenceItem.kind), col(EvidenceItem.mime_type))
    row = run(conn, select(*fields).where(col(EvidenceItem.id) == evidence_id)).fetchone()
    if row is None:
        raise BadInput(f"There is no evidence item {evidence_id}.")
    title, kind, mime_type = row
    if writing and not can_be_blurred(kind, mime_type or ""):
        raise BadInput(
            f"'{title}' (item {evidence_id}) is not a photo: only JPEG, PNG and HEIC photos can have "
            "parts blurred or blocked out."
        )
    return title, mime_type


def _checked(regions: Iterable[Region]) -> tuple[Region, ...]:
    regions = tuple(regions)
    if not all(isinstance(r, Region) for r in regions):
        raise BadInput("Regions must be made with core.redaction.Region.")
    if len(regions) > MAX_REGIONS:
        raise BadInput(f"A photo can have at most {MAX_REGIONS} regions ({len(regions)} given).")
    return regions


def set_regions(portfolio: Portfolio, evidence_id: int, regions: Iterable[Region]) -> RegionChange:
    """Replace an item's regions with these (empty: clear them), in one transaction; nothing changes on a refusal."""
    regions = _checked(regions)
    if portfolio.read_only:
        raise ReadOnlyPortfolio(portfolio.read_only_reason or "This portfolio is open read-only.")
    with portfolio.raw_connection() as conn:
        try:
            conn.execute("BEGIN IMMEDIATE")
            with conn:
                _photo_item(conn, evidence_id)
                before = regions_in(conn, evidence_id)
                of_item = col(RedactionRegion.evidence_id) == evidence_id
                run(conn, delete(RedactionRegion).where(of_item))
                for position, region in enumerate(regions):
                    drawn = insert(RedactionRegion).values(
                        evidence_id=evidence_id, position=position
                    )
                    run(conn, drawn.values(**asdict(region)))
        except sqlite3.Error as exc:
            raise storage_error(exc) from exc
    return RegionChange(evidence_id, before, regions)


def clear_regions(portfolio: Portfolio, evidence_id: int) -> RegionChange:
    """Remove every region from an item (its photo then leaves as it is, once consent allows)."""
    return set_regions(portfolio, evidence_id, ())


def suggest_face_regions(
    portfolio: Portfolio,
    evidence_id: int,
    cancel: Callable[[], bool] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> tuple[Region, ...]:
    """A blur region over each face found in the item's photo (nothing is stored: staff accept them).

    Slow (about half a second of CPU a photo): call it from a worker, never the GUI thread.
    Raises Cancelled when cancel() turns true before the answer is ready; progress gets (step, 2, what).
    """
    from ..privacy.redaction import find_faces
    from ..storage.evidence_store import read_stored_bytes

    if progress is not None:
        progress(0, 2, "Reading the photo")
    with portfolio.raw_connection() as conn:
        _photo_item(conn, evidence_id)
        sha256 = first_value(
            conn, select(col(EvidenceItem.sha256)).where(col(EvidenceItem.id) == evidence_id)
        )
        try:
            data = read_stored_bytes(conn, sha256)
        except KeyError:
            raise BadInput(
                f"The photo of item {evidence_id} is missing from the portfolio; run Check portfolio."
            ) from None
    if cancel is not None and cancel():
        raise Cancelled("Find faces was cancelled.")
    if progress is not None:
        progress(1, 2, "Looking for faces")
    regions = find_faces(data)
    if cancel is not None and cancel():
        raise Cancelled("Find faces was cancelled.")
    if progress is not None:
        progress(2, 2, f"{len(regions)} face(s) found")
    return regions
