"""What the evidence page shows about one item beyond its list row: its tags, cover sheets and file bytes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..errors import BadInput
from ..privacy.redaction.regions import Region
from ..storage.evidence_store import read_stored_bytes
from ..storage.portfolio_file import Portfolio
from ..vocabularies import can_be_blurred
from .evidence_service import EvidenceRecord, get_evidence
from .region_service import regions_in

PREVIEW_MAX_BYTES = (
    60 * 1024 * 1024
)  # a photo bigger than this is previewed from its thumbnail only


@dataclass(frozen=True)
class DescriptorChoice:
    """A descriptor as a pick list shows it."""

    code: str
    text: str
    theme_code: str
    theme_title: str


@dataclass(frozen=True)
class Tag:
    """One descriptor an item is presented for: key evidence in a slot, or a cross-reference."""

    code: str
    role: str  # key / cross
    slot: int | None


@dataclass
class EvidenceDetails:
    """An item with everything its details pane lists."""

    item: EvidenceRecord
    tags: list[Tag] = field(default_factory=list)
    cover_sheets: list[str] = field(
        default_factory=list
    )  # titles of the priorities whose sheets hold it
    regions: tuple[Region, ...] = ()  # parts of a photo blurred or blocked out when it leaves


def descriptor_choices(portfolio: Portfolio) -> list[DescriptorChoice]:
    """Every descriptor in framework order, with its theme."""
    with portfolio.raw_connection() as conn:
        rows = conn.execute(
            "SELECT d.code, d.text, t.code, t.title FROM descriptor d JOIN theme t "
            "ON t.id = d.theme_id ORDER BY t.position, d.position"
        ).fetchall()
    return [DescriptorChoice(*row) for row in rows]


def theme_choices(portfolio: Portfolio) -> list[tuple[str, str]]:
    """(code, title) of every theme in order."""
    with portfolio.raw_connection() as conn:
        return [
            tuple(r)
            for r in conn.execute("SELECT code, title FROM theme ORDER BY position").fetchall()
        ]


def evidence_details(portfolio: Portfolio, evidence_id: int) -> EvidenceDetails:
    """An item, its descriptor tags (key first) and the cover sheets it is attached to."""
    item = get_evidence(portfolio, evidence_id)
    with portfolio.raw_connection() as conn:
        tags = [
            Tag(*r)
            for r in conn.execute(
                "SELECT d.code, l.role, l.slot FROM descriptor_link l JOIN descriptor d ON d.id = l.descriptor_id "
                "WHERE l.evidence_id = ? ORDER BY l.role DESC, d.code",
                (evidence_id,),
            ).fetchall()
        ]
        sheets = [
            r[0]
            for r in conn.execute(
                "SELECT p.title FROM cover_sheet_link cl JOIN cover_sheet c ON c.id = cl.cover_sheet_id "
                "JOIN priority p ON p.id = c.priority_id WHERE cl.evidence_id = ? ORDER BY p.position",
                (evidence_id,),
            ).fetchall()
        ]
        regions = regions_in(conn, evidence_id)
    return EvidenceDetails(item, tags, sheets, regions)


def stored_bytes(
    portfolio: Portfolio, evidence_id: int, max_bytes: int = PREVIEW_MAX_BYTES
) -> bytes:
    """The stored file of an item (for an in-app photo preview); BadInput for links or very large files."""
    item = get_evidence(portfolio, evidence_id)
    if not item.sha256:
        raise BadInput(f"'{item.title}' is a web link: it has no stored file.")
    if item.size > max_bytes:
        raise BadInput(f"'{item.title}' is too large to preview here.")
    with portfolio.raw_connection() as conn:
        try:
            return read_stored_bytes(conn, item.sha256)
        except KeyError:
            raise BadInput(
                f"The file of '{item.title}' is missing from the portfolio; run Check portfolio."
            ) from None


def thumbnails_for(portfolio: Portfolio, evidence_ids: list[int]) -> dict[int, bytes]:
    """Evidence id -> JPEG preview for those of the ids that have one (one query per batch)."""
    result: dict[int, bytes] = {}
    with portfolio.raw_connection() as conn:
        for start in range(0, len(evidence_ids), 500):
            batch = list(evidence_ids[start : start + 500])
            marks = ",".join("?" * len(batch))
            for evidence_id, jpeg in conn.execute(
                f"SELECT e.id, t.jpeg FROM evidence_item e JOIN thumbnail t ON t.sha256 = e.sha256 "
                f"WHERE e.id IN ({marks})",
                batch,
            ).fetchall():
                result[evidence_id] = jpeg
    return result


SHARED_FIELDS = ("evidence_date", "source", "component", "consent")


@dataclass(frozen=True)
class SharedDetails:
    """What several selected items have in common, for editing them together (fields they differ in: `mixed`)."""

    count: int
    evidence_date: date | None
    source: str
    component: str
    consent: str
    mixed: frozenset[str]
    all_photos: bool  # every item can take consent for a blurred version
    tags: tuple[
        tuple[str, str, int], ...
    ] = ()  # (code, role, how many of the items), in code order


def shared_details(portfolio: Portfolio, evidence_ids) -> SharedDetails:
    """The date, source, component and consent the items share (one query); BadInput naming unknown ids."""
    ids = list(dict.fromkeys(int(i) for i in evidence_ids))
    marks = ", ".join("?" for _ in ids)
    with portfolio.raw_connection() as conn:
        rows = (
            conn.execute(
                f"SELECT id, evidence_date, source, component, consent, kind, mime_type "
                f"FROM evidence_item WHERE id IN ({marks})",
                ids,
            ).fetchall()
            if ids
            else []
        )
        tags = (
            conn.execute(
                f"SELECT d.code, l.role, count(*) FROM descriptor_link l JOIN descriptor d ON d.id = "
                f"l.descriptor_id WHERE l.evidence_id IN ({marks}) GROUP BY d.code, l.role "
                f"ORDER BY d.code, l.role DESC",
                ids,
            ).fetchall()
            if ids
            else []
        )
    missing = sorted(set(ids) - {row[0] for row in rows})
    if missing:
        raise BadInput(f"There is no evidence item {missing[0]}.")
    values = {name: {row[n + 1] for row in rows} for n, name in enumerate(SHARED_FIELDS)}
    first = {name: next(iter(found)) if len(found) == 1 else None for name, found in values.items()}
    return SharedDetails(
        len(rows),
        date.fromisoformat(first["evidence_date"]) if first["evidence_date"] else None,
        first["source"] or "",
        first["component"] or "",
        first["consent"] or "",
        frozenset(name for name, found in values.items() if len(found) > 1),
        all(can_be_blurred(row[5], row[6] or "") for row in rows),
        tuple(map(tuple, tags)),
    )
