"""Several evidence items edited or removed at once: one transaction, and an unknown id refuses the lot."""

from datetime import date

import pytest

from portfolio_builder.core.errors import BadInput
from portfolio_builder.core.evidence.evidence_import import import_evidence
from portfolio_builder.core.evidence.evidence_links import tag_evidence
from portfolio_builder.core.evidence.evidence_service import (
    delete_evidence_many,
    get_evidence,
    query_evidence,
    update_evidence_many,
)
from tests.core.evidence_fixtures import make_jpeg, make_pdf


@pytest.fixture
def items(fpa_portfolio, tmp_path):
    """A document, a photo and a link, the photo tagged as key evidence for 1a."""
    report = import_evidence(
        fpa_portfolio,
        [
            make_pdf(tmp_path / "policy.pdf"),
            make_jpeg(tmp_path / "fair.jpg"),
            "https://example.org/newsletter",
        ],
        workers=1,
    )
    tag_evidence(fpa_portfolio, report.added[1], "1a")
    return fpa_portfolio, report.added


def stored_files(portfolio) -> int:
    """How many distinct files' bytes the portfolio stores."""
    with portfolio.raw_connection() as conn:
        return conn.execute("SELECT count(*) FROM stored_file").fetchone()[0]


def test_the_same_fields_change_on_every_item_given(items):
    """Consent, component, date and source are set on all the chosen items, the others untouched."""
    portfolio, (doc, photo, link) = items
    assert (
        update_evidence_many(
            portfolio,
            [doc, photo, doc],
            consent="obtained",
            component="generic",
            evidence_date="2025-11-04",
            source="Family services",
        )
        == 2
    )
    for evidence_id in (doc, photo):
        item = get_evidence(portfolio, evidence_id)
        assert (item.consent, item.component, item.evidence_date, item.source) == (
            "obtained",
            "generic",
            date(2025, 11, 4),
            "Family services",
        )
    assert get_evidence(portfolio, link).source == ""


@pytest.mark.parametrize(
    "ids, fields, message",
    [
        (
            [1, 99, 98],
            {"consent": "obtained"},
            r"no evidence items 98-99 \(this portfolio has items 1-3\)",
        ),
        ([1, 2], {"consent": "perhaps"}, "not a consent state"),
        ([1, 2], {"evidence_date": "2025-02-30"}, "YYYY-MM-DD"),
    ],
)
def test_an_unknown_id_or_bad_value_changes_no_item(items, ids, fields, message):
    """One unknown id or invalid value refuses the whole edit: no item changes, not even the known ones."""
    portfolio, _ = items
    before = query_evidence(portfolio)
    with pytest.raises(BadInput, match=message):
        update_evidence_many(portfolio, ids, **fields)
    assert query_evidence(portfolio) == before


def test_removing_several_takes_their_links_and_bytes_or_nothing(items):
    """Removing items deletes them with their tags and stored bytes in one go; an unknown id removes none."""
    portfolio, (doc, photo, link) = items
    with pytest.raises(BadInput, match="no evidence item 42"):
        delete_evidence_many(portfolio, [doc, photo, 42])
    assert [r.id for r in query_evidence(portfolio)] == [doc, photo, link] and stored_files(
        portfolio
    ) == 2
    delete_evidence_many(portfolio, [doc, photo])
    assert [r.id for r in query_evidence(portfolio)] == [link] and stored_files(portfolio) == 0
    with portfolio.raw_connection() as conn:
        assert conn.execute("SELECT count(*) FROM descriptor_link").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM thumbnail").fetchone()[0] == 0
