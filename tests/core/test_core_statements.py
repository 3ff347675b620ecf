"""Writes built from the schema's tables: a misspelt column is refused before anything runs, and what is written
through the raw connection reads back through SQLModel exactly as SQLModel itself would have stored it."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import CompileError
from sqlmodel import col

from portfolio_builder.core.storage.core_statements import run, stored_value
from portfolio_builder.core.storage.schema import EvidenceItem, ThemeRow


def test_a_misspelt_column_is_refused_and_nothing_is_written(fpa_portfolio):
    with fpa_portfolio.raw_connection() as conn:
        before = conn.execute("SELECT code, summative_comment FROM theme ORDER BY id").fetchall()
        with pytest.raises(CompileError, match="Unconsumed column names: sumative_comment"):
            run(
                conn,
                update(ThemeRow)
                .where(col(ThemeRow.code) == before[0][0])
                .values({"sumative_comment": "Strong"}),
            )
        with pytest.raises(CompileError, match="Unconsumed column names: titel"):
            run(conn, insert(EvidenceItem).values(kind="link", titel="Newsletter"))
        assert conn.execute("SELECT code, summative_comment FROM theme ORDER BY id").fetchall() == (
            before
        )
        assert conn.execute("SELECT count(*) FROM evidence_item").fetchone()[0] == 0


def test_values_written_raw_read_back_equal_through_a_session(fpa_portfolio):
    taken = datetime(2025, 9, 3, 10, 30, 15, 250000, tzinfo=UTC)
    with fpa_portfolio.raw_connection() as conn:
        conn.execute("BEGIN IMMEDIATE")
        with conn:
            item_id = run(
                conn,
                insert(EvidenceItem).values(
                    kind="photo",
                    title="Sports day",
                    taken_at=taken,
                    evidence_date=date(2025, 9, 3),
                    has_location=True,
                ),
            ).lastrowid
    with fpa_portfolio.session() as session:
        item = session.get(EvidenceItem, item_id)
        assert item is not None
        assert item.taken_at == taken
        assert item.evidence_date == date(2025, 9, 3)
        assert item.has_location is True
        # the columns left out get the schema's defaults, as a session's insert gives them
        assert (item.description, item.consent, item.component) == ("", "missing", "activity")
        assert item.added_at is not None and item.added_at.tzinfo is not None

    # the same datetime stored by a session is the same text in the file
    with fpa_portfolio.writing() as session:
        twin = EvidenceItem(kind="photo", title="Twin", taken_at=taken)
        session.add(twin)
        session.flush()
        twin_id = twin.id
    with fpa_portfolio.raw_connection() as conn:
        stored = dict(conn.execute("SELECT id, taken_at FROM evidence_item").fetchall())
    assert stored[item_id] == stored[twin_id] == stored_value(EvidenceItem.taken_at, taken)


def test_in_lists_and_deletes_run_in_the_callers_transaction(fpa_portfolio):
    with fpa_portfolio.raw_connection() as conn:
        conn.execute("BEGIN IMMEDIATE")
        with conn:
            ids = [
                run(conn, insert(EvidenceItem).values(kind="link", title=f"Link {n}")).lastrowid
                for n in range(4)
            ]
        titles = run(
            conn,
            select(EvidenceItem.title).where(col(EvidenceItem.id).in_(ids[1:3])).order_by("id"),
        ).fetchall()
        assert titles == [("Link 1",), ("Link 2",)]
        assert (
            run(conn, select(EvidenceItem.id).where(col(EvidenceItem.id).in_([]))).fetchall() == []
        )
        for some in (ids[:1], ids, ids[2:]):  # one shape, compiled once, lists of other lengths
            found = run(conn, select(EvidenceItem.id).where(col(EvidenceItem.id).in_(some)))
            assert sorted(r[0] for r in found) == sorted(some)

        conn.execute("BEGIN IMMEDIATE")
        run(conn, delete(EvidenceItem).where(col(EvidenceItem.id).in_(ids[:2])))
        conn.rollback()  # the caller's transaction decides: nothing was deleted
        assert conn.execute("SELECT count(*) FROM evidence_item").fetchone()[0] == 4


def test_a_time_is_stored_as_the_utc_text_sqlmodel_writes(fpa_portfolio):
    """Stored as given, as a session stores it: callers convert to UTC first (the import does)."""
    local = datetime(2025, 9, 3, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    with fpa_portfolio.raw_connection() as conn:
        conn.execute("BEGIN IMMEDIATE")
        with conn:
            run(
                conn,
                insert(EvidenceItem).values(
                    kind="photo", title="a", taken_at=local.astimezone(UTC)
                ),
            )
        assert conn.execute("SELECT taken_at FROM evidence_item").fetchone()[0] == (
            "2025-09-03 10:00:00.000000"
        )
