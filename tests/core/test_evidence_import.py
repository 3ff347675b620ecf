"""Importing evidence files, folders and links: kinds, titles, photo facts, duplicates, tags, progress, cancel."""

from datetime import date

from portfolio_builder.core.evidence.evidence_detect import tidy_title
from portfolio_builder.core.evidence.evidence_import import import_evidence
from portfolio_builder.core.evidence.evidence_service import (
    get_evidence,
    query_evidence,
    thumbnail_bytes,
)
from portfolio_builder.core.framework.framework_service import add_descriptor
from portfolio_builder.core.planning.planning_service import add_priority, cover_sheet_for
from tests.core.evidence_fixtures import make_jpeg, make_mixed_folder, make_pdf, make_text


def counts(portfolio):
    with portfolio.raw_connection() as conn:
        return tuple(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("evidence_item", "stored_file")
        )


def test_folder_import_uses_the_process_pool_and_skips_hidden_files(fpa_portfolio, tmp_path):
    """A folder's files come in name order, then its sub-folders'; hidden files skipped; kinds recognised (worker pool)."""
    folder = make_mixed_folder(tmp_path / "evidence", photos=2)
    report = import_evidence(fpa_portfolio, [folder], workers=2)
    assert report.skipped == [] and len(report.added) == 6
    rows = query_evidence(fpa_portfolio)
    assert [(r.kind, r.title) for r in rows] == [
        ("document", "Family forum minutes"),
        ("document", "Notes"),
        ("photo", "Poster"),
        ("document", "Prospectus"),
        ("photo", "IMG 0000"),
        ("photo", "IMG 0001"),
    ]
    assert counts(fpa_portfolio) == (6, 6)


def test_photo_gets_exif_date_location_flag_and_upright_thumbnail(fpa_portfolio, tmp_path):
    """A photo's date comes from EXIF, its GPS is flagged, and its preview is small and turned upright."""
    photo = make_jpeg(tmp_path / "trip.jpg", size=(800, 600), gps=True, orientation=6)
    [item_id] = import_evidence(fpa_portfolio, [photo], workers=1).added
    item = get_evidence(fpa_portfolio, item_id)
    assert (
        item.evidence_date == date(2025, 9, 15) and item.has_location and item.taken_at is not None
    )
    assert item.mime_type == "image/jpeg" and item.original_name == "trip.jpg"
    from io import BytesIO

    from PIL import Image

    preview = Image.open(BytesIO(thumbnail_bytes(fpa_portfolio, item_id)))
    assert preview.size == (192, 256)  # portrait: the orientation tag was applied


def test_same_file_twice_is_stored_once_and_reported_as_duplicate(fpa_portfolio, tmp_path):
    """Importing the same bytes again reuses the existing item and reports a duplicate."""
    first = make_pdf(tmp_path / "policy.pdf")
    copy = tmp_path / "policy copy.pdf"
    copy.write_bytes(first.read_bytes())
    report = import_evidence(fpa_portfolio, [first], workers=1)
    again = import_evidence(fpa_portfolio, [first, copy], workers=1)
    assert again.added == [] and again.duplicates == [
        (str(first), report.added[0]),
        (str(copy), report.added[0]),
    ]
    assert counts(fpa_portfolio) == (1, 1)


def test_links_become_video_or_link_items_without_network(fpa_portfolio):
    """Web links are stored as video or link items (the network is never touched)."""
    report = import_evidence(
        fpa_portfolio, ["https://vimeo.com/12345", "https://example.org/news/summer-fair"]
    )
    kinds = [(r.kind, r.title) for r in query_evidence(fpa_portfolio)]
    assert len(report.added) == 2 and kinds == [("video", "vimeo.com"), ("link", "Summer fair")]
    assert (
        get_evidence(fpa_portfolio, report.added[1]).url == "https://example.org/news/summer-fair"
    )


def test_options_set_title_component_consent_tags_and_cover_sheet(iif_portfolio, tmp_path):
    """Title, component, consent, statement and cover sheet given at import are applied to the new item."""
    add_descriptor(iif_portfolio, "E1", "E1a", "Families are welcomed.")
    priority = add_priority(
        iif_portfolio, "Relaunch the Forum", "More families", descriptor_codes=["E1a"]
    )
    sheet = cover_sheet_for(iif_portfolio, priority).id
    report = import_evidence(
        iif_portfolio,
        [make_text(tmp_path / "x.txt")],
        title="Forum letter",
        component="generic",
        consent="not-needed",
        descriptor_codes=["E1a"],
        cover_sheet_id=sheet,
        workers=1,
    )
    [row] = query_evidence(iif_portfolio)
    assert (row.id, row.title, row.component, row.consent, row.key_codes) == (
        report.added[0],
        "Forum letter",
        "generic",
        "not-needed",
        ("E1a",),
    )
    with iif_portfolio.raw_connection() as conn:
        assert conn.execute(
            "SELECT cover_sheet_id, evidence_id FROM cover_sheet_link"
        ).fetchall() == [(sheet, row.id)]


def test_two_key_items_then_the_rest_are_skipped_with_the_rule(fpa_portfolio, tmp_path):
    """Tagging a batch to one descriptor fills its two key slots; later files are skipped naming the two."""
    files = [make_pdf(tmp_path / f"p{n}.pdf", extra=bytes([n])) for n in range(3)]
    report = import_evidence(fpa_portfolio, files, descriptor_codes=["1b"], workers=1)
    assert len(report.added) == 2 and len(report.skipped) == 1
    assert "'P0'" in report.skipped[0][1] and "'P1'" in report.skipped[0][1]
    assert counts(fpa_portfolio) == (2, 2)


def test_progress_reports_each_source_and_cancel_stops_between_files(fpa_portfolio, tmp_path):
    """Progress is called per source; cancelling keeps what was imported and raises nothing."""
    files = [make_text(tmp_path / f"n{n}.txt", f"note {n}") for n in range(5)]
    seen = []
    report = import_evidence(
        fpa_portfolio,
        files,
        workers=1,
        progress=lambda d, t, n: seen.append((d, t, n)),
        cancel=lambda: len(seen) >= 2,
    )
    assert report.cancelled and len(report.added) == 2
    assert seen == [(1, 5, "n0.txt"), (2, 5, "n1.txt")]
    assert counts(fpa_portfolio) == (2, 2)


def test_a_bad_file_among_good_ones_is_skipped_and_the_rest_kept(fpa_portfolio, tmp_path):
    """One empty file in a batch is reported; the good files are imported."""
    (tmp_path / "empty.txt").write_bytes(b"")
    report = import_evidence(
        fpa_portfolio,
        [make_pdf(tmp_path / "a.pdf"), tmp_path / "empty.txt", make_text(tmp_path / "b.txt")],
    )
    assert len(report.added) == 2 and [s for s, _ in report.skipped] == [
        str(tmp_path / "empty.txt")
    ]


def test_titles_are_tidied_from_file_names():
    """File names become readable titles."""
    assert tidy_title("family_forum-minutes.docx") == "Family forum minutes"
    assert tidy_title("IMG_0042.JPG") == "IMG 0042"
    assert tidy_title("Survey 2025-09-01.pdf") == "Survey 2025-09-01"


def test_consent_defaults_by_kind_and_a_typed_web_address_is_a_link(fpa_portfolio, tmp_path):
    """A document or link is 'not needed' unless staff say otherwise, a photo 'missing' until recorded; an
    address typed without https:// (www.example.org/page) is added as a web link, not taken for a file."""
    report = import_evidence(
        fpa_portfolio,
        [
            make_pdf(tmp_path / "policy.pdf"),
            make_jpeg(tmp_path / "fair.jpg"),
            "www.example.org/families",
        ],
        workers=1,
    )
    rows = {row.kind: row for row in query_evidence(fpa_portfolio)}
    assert len(report.added) == 3 and not report.skipped
    assert (rows["document"].consent, rows["photo"].consent, rows["link"].consent) == (
        "not-needed",
        "missing",
        "not-needed",
    )
    with fpa_portfolio.raw_connection() as conn:
        assert (
            conn.execute("SELECT url FROM evidence_item WHERE kind = 'link'").fetchone()[0]
            == "https://www.example.org/families"
        )
