"""New portfolios use 64 KB pages (a long recording goes in with 16x fewer pages); a file made with 4 KB
pages, as every earlier portfolio was, keeps them and stores and returns a recording the same way."""

from portfolio_builder.core.evidence.evidence_import import import_evidence
from portfolio_builder.core.framework.portfolio_setup import create_portfolio
from portfolio_builder.core.scheme.framework_catalog import shipped_framework
from portfolio_builder.core.storage import evidence_store, portfolio_file
from portfolio_builder.core.storage.evidence_store import iter_stored_chunks
from portfolio_builder.core.storage.integrity import check_portfolio
from portfolio_builder.core.storage.portfolio_file import Portfolio
from tests.core.large_recordings import write_recording


def _page_size(portfolio) -> int:
    with portfolio.raw_connection() as conn:
        return conn.execute("PRAGMA page_size").fetchone()[0]


def test_a_new_portfolio_has_64_kb_pages(fpa_portfolio):
    assert _page_size(fpa_portfolio) == 65536
    with fpa_portfolio.raw_connection() as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_an_earlier_4_kb_portfolio_keeps_its_pages_and_stores_a_recording_in_parts(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(portfolio_file, "NEW_FILE_PAGE_SIZE", 4096)  # made as before this change
    path = tmp_path / "older.portfolio"
    create_portfolio(
        path,
        shipped_framework("family-partnership-award"),
        "Oak Primary School",
        lead=("Ann Patel", "Family Partnership Manager"),
    ).close()
    monkeypatch.undo()
    monkeypatch.setattr(evidence_store, "PART_BYTES", 64 * 1024)  # many parts, as a recording has
    recording = write_recording(tmp_path / "IMG_0420.MOV", 1024 * 1024 + 7, random_media=True)
    with Portfolio.open(path) as portfolio:
        assert _page_size(portfolio) == 4096
        assert len(import_evidence(portfolio, [recording.path]).added) == 1
        with portfolio.raw_connection() as conn:
            stored = b"".join(iter_stored_chunks(conn, recording.sha256))
            assert stored == recording.path.read_bytes()
        assert check_portfolio(portfolio) == []
    with Portfolio.open(path) as portfolio:
        assert _page_size(portfolio) == 4096
