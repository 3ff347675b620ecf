"""Editing, deleting, querying and previewing evidence items after import."""

import time
from datetime import date

import pytest

from portfolio_builder.core.errors import BadInput
from portfolio_builder.core.evidence.evidence_import import import_evidence
from portfolio_builder.core.evidence.evidence_links import tag_evidence
from portfolio_builder.core.evidence.evidence_service import (
    count_evidence,
    delete_evidence,
    get_evidence,
    query_evidence,
    thumbnail_bytes,
    update_evidence,
)
from tests.core.evidence_fixtures import make_jpeg, make_pdf


@pytest.fixture
def items(fpa_portfolio, tmp_path):
    """Three imported items: a document, a photo and a link."""
    report = import_evidence(
        fpa_portfolio,
        [
            make_pdf(tmp_path / "policy.pdf"),
            make_jpeg(tmp_path / "fair.jpg"),
            "https://example.org/newsletter",
        ],
        workers=1,
    )
    return fpa_portfolio, report.added


def test_edit_fields_are_saved(iif_portfolio, tmp_path):
    """Every editable field is saved as given (dates from text too), the component one of the scheme's."""
    portfolio = iif_portfolio
    [doc] = import_evidence(portfolio, [make_pdf(tmp_path / "policy.pdf")], workers=1).added
    update_evidence(
        portfolio,
        doc,
        title=" Home-school policy ",
        description="Agreed with parents",
        source="Website",
        evidence_date="2025-10-01",
        component="generic",
        consent="not-needed",
        consent_note="No people",
        collected_by="Ann Patel",
    )
    item = get_evidence(portfolio, doc)
    assert (item.title, item.evidence_date, item.component, item.consent, item.collected_by) == (
        "Home-school policy",
        date(2025, 10, 1),
        "generic",
        "not-needed",
        "Ann Patel",
    )


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"component": "misc"}, "component"),
        ({"consent": "perhaps"}, "consent"),
        ({"title": "  "}, "needs a title"),
        ({"evidence_date": "31/12/2025"}, "YYYY-MM-DD"),
        ({"sha256": "x"}, "cannot be edited"),
    ],
)
def test_invalid_edits_are_refused_and_nothing_changes(items, fields, message):
    """Invalid values are refused with a message; the item is unchanged, even its valid fields."""
    portfolio, (doc, _photo, _link) = items
    before = get_evidence(portfolio, doc)
    with pytest.raises(BadInput, match=message):
        update_evidence(portfolio, doc, **{"description": "Changed", **fields})
    assert get_evidence(portfolio, doc) == before


def test_missing_item_is_a_clear_error(items):
    """Asking for an item that does not exist is a BadInput naming its number."""
    portfolio, _ = items
    with pytest.raises(BadInput, match="no evidence item 999"):
        get_evidence(portfolio, 999)
    with pytest.raises(BadInput, match="no evidence item 999"):
        delete_evidence(portfolio, 999)


def test_delete_removes_bytes_thumbnail_and_links(items):
    """Deleting the only item using a file removes its stored bytes, preview and descriptor links."""
    portfolio, (_doc, photo, _link) = items
    tag_evidence(portfolio, photo, "1a")
    delete_evidence(portfolio, photo)
    with portfolio.raw_connection() as conn:
        assert [
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("evidence_item", "stored_file", "thumbnail", "descriptor_link")
        ] == [2, 1, 0, 0]


def test_delete_keeps_bytes_still_used_by_another_item(items):
    """Stored bytes shared with another item stay when one of the items is deleted."""
    portfolio, (doc, _photo, _link) = items
    with portfolio.raw_connection() as conn, conn:
        sha = conn.execute("SELECT sha256 FROM evidence_item WHERE id = ?", (doc,)).fetchone()[0]
        conn.execute(
            "INSERT INTO evidence_item (kind, title, description, source, component, consent, consent_note, "
            "sha256, url, original_name, mime_type, size, has_location, collected_by, added_at) VALUES "
            "('document', 'Copy', '', '', 'activity', 'missing', '', ?, '', '', '', 0, 0, '', "
            "'2025-01-01 00:00:00.000000')",
            (sha,),
        )
    delete_evidence(portfolio, doc)
    with portfolio.raw_connection() as conn:
        assert (
            conn.execute("SELECT count(*) FROM stored_file WHERE sha256 = ?", (sha,)).fetchone()[0]
            == 1
        )


def test_query_filters(items):
    """Text, kind, theme, untagged and consent-missing filters each narrow the list."""
    portfolio, (doc, photo, link) = items
    tag_evidence(portfolio, doc, "1a")
    tag_evidence(portfolio, photo, "1b", cross_reference=True)
    update_evidence(portfolio, link, consent="obtained")
    assert [r.id for r in query_evidence(portfolio, text="poli")] == [doc]
    assert [r.id for r in query_evidence(portfolio, kind="photo")] == [photo]
    assert [r.id for r in query_evidence(portfolio, theme_code="1")] == [doc, photo]
    assert [r.id for r in query_evidence(portfolio, untagged=True)] == [link]
    assert [r.id for r in query_evidence(portfolio, consent_missing=True)] == [
        photo
    ]  # a document needs none
    row = query_evidence(portfolio, text="policy")[0]
    assert row.key_codes == ("1a",) and query_evidence(portfolio, kind="photo")[0].cross_codes == (
        "1b",
    )
    assert [r.id for r in query_evidence(portfolio, limit=1, offset=1)] == [photo]
    assert count_evidence(portfolio, consent_missing=True) == 1
    assert query_evidence(portfolio, text="100%_") == []


def test_thumbnail_only_for_photos(items):
    """Photos have a JPEG preview; documents and links have none."""
    portfolio, (doc, photo, link) = items
    assert thumbnail_bytes(portfolio, photo)[:2] == b"\xff\xd8"
    assert thumbnail_bytes(portfolio, doc) is None and thumbnail_bytes(portfolio, link) is None


def test_query_is_fast_for_5000_items(fpa_portfolio):
    """Listing and filtering 5,000 tagged items each take well under half a second."""
    with fpa_portfolio.raw_connection() as conn, conn:
        conn.executemany(
            "INSERT INTO evidence_item (kind, title, description, source, component, consent, "
            "consent_note, url, original_name, mime_type, size, has_location, collected_by, added_at) "
            "VALUES ('link', ?, '', '', 'activity', 'missing', '', '', '', '', 0, 0, '', "
            "'2025-01-01 00:00:00.000000')",
            [(f"Item {n}",) for n in range(5000)],
        )
        ids = [r[0] for r in conn.execute("SELECT id FROM descriptor")]
        conn.executemany(
            "INSERT INTO descriptor_link (evidence_id, descriptor_id, role, slot, note) "
            "VALUES (?, ?, 'cross', NULL, '')",
            [(n, ids[n % len(ids)]) for n in range(1, 5001)],
        )
    started = time.perf_counter()
    rows = query_evidence(fpa_portfolio)
    query_evidence(fpa_portfolio, text="Item 49", theme_code="1")
    assert len(rows) == 5000 and time.perf_counter() - started < 0.5
