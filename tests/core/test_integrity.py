"""'Check portfolio' finds damage: lost files, bytes that no longer match, broken references."""

from portfolio_builder.core.evidence.evidence_import import import_evidence
from portfolio_builder.core.storage.integrity import check_portfolio
from portfolio_builder.core.storage.portfolio_file import Portfolio
from tests.core.evidence_fixtures import make_jpeg, make_pdf


def test_healthy_portfolio_has_no_problems(fpa_portfolio, tmp_path):
    """A freshly imported portfolio is reported healthy."""
    import_evidence(
        fpa_portfolio, [make_pdf(tmp_path / "a.pdf"), make_jpeg(tmp_path / "b.jpg")], workers=1
    )
    assert check_portfolio(fpa_portfolio) == []


def test_changed_bytes_are_found(fpa_portfolio, tmp_path):
    """A stored file whose bytes were altered is reported, naming the item that uses it."""
    [item] = import_evidence(fpa_portfolio, [make_pdf(tmp_path / "a.pdf")], workers=1).added
    with fpa_portfolio.raw_connection() as conn, conn:
        conn.execute("UPDATE stored_file SET data = X'00' || substr(data, 2)")
    [problem] = check_portfolio(fpa_portfolio)
    assert "damaged" in problem and f"item {item} 'A'" in problem


def test_lost_file_and_broken_reference_are_found(fpa_portfolio, tmp_path):
    """An item whose stored bytes were removed behind the app's back is reported twice over."""
    [item] = import_evidence(fpa_portfolio, [make_pdf(tmp_path / "a.pdf")], workers=1).added
    with fpa_portfolio.raw_connection() as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        with conn:
            conn.execute("DELETE FROM stored_file")
        conn.execute("PRAGMA foreign_keys=ON")
    problems = check_portfolio(fpa_portfolio)
    assert any("lost its file" in p and f"item {item}" in p for p in problems)
    assert any(p.startswith("Broken reference") and "evidence_item" in p for p in problems)


def test_check_works_on_a_read_only_portfolio(fpa_portfolio, tmp_path):
    """Checking needs no write access (the command line opens read-only)."""
    import_evidence(fpa_portfolio, [make_pdf(tmp_path / "a.pdf")], workers=1)
    path = fpa_portfolio.path
    fpa_portfolio.close()
    with Portfolio.open(path, read_only=True) as read_only:
        assert check_portfolio(read_only) == []
