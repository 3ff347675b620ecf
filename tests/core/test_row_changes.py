"""Undo lives in core: a recorded write comes back as a Change whose undo and redo restore rows in one transaction,
and is refused (nothing applied) when those rows were changed meanwhile."""

import pytest

from portfolio_builder.core.errors import ChangedMeanwhile, RuleViolation
from portfolio_builder.core.evidence.evidence_details import evidence_details
from portfolio_builder.core.evidence.evidence_import import import_evidence
from portfolio_builder.core.evidence.evidence_links import tag_evidence, tag_evidence_many
from portfolio_builder.core.evidence.evidence_service import (
    delete_evidence_many,
    get_evidence,
    query_evidence,
    remove_unused_files,
    thumbnail_bytes,
    update_evidence,
    update_evidence_many,
)
from portfolio_builder.core.evidence.region_service import item_regions, set_regions
from portfolio_builder.core.framework.framework_service import descriptor_by_code
from portfolio_builder.core.planning.descriptor_edits import delete_descriptor_in_place
from portfolio_builder.core.privacy.redaction.regions import Region
from portfolio_builder.core.storage.evidence_store import read_stored_bytes
from portfolio_builder.core.storage.row_changes import recorded
from tests.core.evidence_fixtures import make_jpeg, make_pdf


@pytest.fixture
def items(fpa_portfolio, tmp_path):
    """A document, a photo (tagged key evidence for 1a, one blur region) and a link."""
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
    set_regions(fpa_portfolio, report.added[1], [Region(0.1, 0.1, 0.2, 0.2)])
    return fpa_portfolio, report.added


def whole_file(portfolio) -> dict:
    """Every table's rows except blobs, to compare states of the whole portfolio."""
    with portfolio.raw_connection() as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"').fetchall())) for t in tables
        }


def test_a_bulk_edit_undoes_and_redoes_every_item_at_once(items):
    """Consent set on three items is one Change: undo gives each its own old value back, redo sets them again."""
    portfolio, ids = items
    original = whole_file(portfolio)
    count, change = recorded(
        portfolio, "set consent", lambda: update_evidence_many(portfolio, ids, consent="obtained")
    )
    assert count == 3 and change.tables == {"evidence_item"} and len(change.before) == 3
    changed = whole_file(portfolio)
    change.undo(portfolio)
    assert whole_file(portfolio) == original
    change.redo(portfolio)
    assert whole_file(portfolio) == changed
    assert {get_evidence(portfolio, i).consent for i in ids} == {"obtained"}


def test_a_deleted_item_comes_back_with_its_tags_regions_and_bytes(items):
    """Undo of a delete brings back the item, its descriptor tag, its blur region, its bytes and preview; redo
    deletes it again; a second undo brings it back again."""
    portfolio, (doc, photo, link) = items
    original = whole_file(portfolio)
    with portfolio.raw_connection() as conn:
        photo_bytes = read_stored_bytes(conn, get_evidence(portfolio, photo).sha256)
    _, change = recorded(
        portfolio,
        "delete",
        lambda: delete_evidence_many(portfolio, [photo], keep_unused_files=True),
    )
    assert [r.id for r in query_evidence(portfolio)] == [doc, link]
    assert {"evidence_item", "descriptor_link", "redaction_region"} <= change.tables
    change.undo(portfolio)
    assert whole_file(portfolio) == original
    assert [t.code for t in evidence_details(portfolio, photo).tags] == ["1a"]
    assert len(item_regions(portfolio, photo)) == 1 and thumbnail_bytes(portfolio, photo)
    with portfolio.raw_connection() as conn:
        assert read_stored_bytes(conn, get_evidence(portfolio, photo).sha256) == photo_bytes
    change.redo(portfolio)
    assert [r.id for r in query_evidence(portfolio)] == [doc, link]
    change.undo(portfolio)
    assert whole_file(portfolio) == original


def test_unused_bytes_go_once_the_undo_history_is_closed(items):
    """Bytes kept for undo are removed by remove_unused_files; bytes an item still uses stay."""
    portfolio, (doc, photo, _link) = items
    delete_evidence_many(portfolio, [photo], keep_unused_files=True)
    assert remove_unused_files(portfolio) == 1
    with portfolio.raw_connection() as conn:
        assert conn.execute("SELECT count(*) FROM stored_file").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM thumbnail").fetchone()[0] == 0
        assert read_stored_bytes(conn, get_evidence(portfolio, doc).sha256)


def test_undo_is_refused_when_its_rows_changed_meanwhile(items):
    """An item edited outside the undo history since: undo refuses with a clear message and changes nothing."""
    portfolio, (doc, photo, link) = items
    _, change = recorded(
        portfolio,
        "set consent",
        lambda: update_evidence_many(portfolio, [doc, photo], consent="obtained"),
    )
    update_evidence(portfolio, photo, title="Renamed elsewhere")
    before = whole_file(portfolio)
    refusal = r"'set consent' could not be undone: evidence item 2 was changed outside the undo history\. Nothing"
    with pytest.raises(ChangedMeanwhile, match=refusal):
        change.undo(portfolio)
    assert whole_file(portfolio) == before  # the first item was not put back either


def test_undo_of_a_delete_is_refused_when_what_it_would_put_back_is_taken(items):
    """A deleted photo's key slot given to another item outside the history: undo of the delete is refused
    (the evidence rule's slot is taken), nothing changes, and an unrelated change still undoes."""
    portfolio, (doc, photo, link) = items
    _, change = recorded(
        portfolio, "retitle", lambda: update_evidence(portfolio, doc, title="Policy 2025")
    )
    _, delete = recorded(
        portfolio,
        "delete",
        lambda: delete_evidence_many(portfolio, [photo], keep_unused_files=True),
    )
    tag_evidence(portfolio, doc, "1a")  # takes the freed key slot outside the history
    before = whole_file(portfolio)
    with pytest.raises(ChangedMeanwhile, match="Nothing was changed"):
        delete.undo(portfolio)  # the photo's old slot 1 of 1a is taken now
    assert whole_file(portfolio) == before
    change.undo(portfolio)  # an unrelated change still undoes
    assert get_evidence(portfolio, doc).title != "Policy 2025"


def test_tagging_several_items_is_one_change_and_the_rule_refuses_the_lot(items):
    """Three items tagged key evidence of a descriptor allowing two: refused, nothing tagged; two: one Change."""
    portfolio, (doc, photo, link) = items
    before = whole_file(portfolio)
    with pytest.raises(RuleViolation):
        recorded(portfolio, "tag", lambda: tag_evidence_many(portfolio, [doc, link], "1a"))
    assert whole_file(portfolio) == before
    _, change = recorded(portfolio, "tag", lambda: tag_evidence_many(portfolio, [doc, link], "1b"))
    assert len(change.after) == 2
    change.undo(portfolio)
    assert whole_file(portfolio) == before


def test_a_deleted_descriptor_comes_back_in_its_place(items):
    """Deleting a descriptor (its tag and the later descriptors' positions change too) undoes as one Change."""
    portfolio, _ids = items
    before = whole_file(portfolio)
    with portfolio.session() as session:
        descriptor_id = descriptor_by_code(session, "1a").id
    _, change = recorded(
        portfolio, "delete 1a", lambda: delete_descriptor_in_place(portfolio, descriptor_id)
    )
    assert {"descriptor", "descriptor_link"} <= change.tables
    change.undo(portfolio)
    assert whole_file(portfolio) == before


def test_a_write_that_changes_nothing_is_an_empty_change(items):
    portfolio, (doc, _photo, _link) = items
    _, change = recorded(portfolio, "nothing", lambda: update_evidence(portfolio, doc, source=""))
    assert change.empty


def test_undo_never_takes_rows_made_outside_it(items):
    """Undo of adding a descriptor, after evidence was tagged to it outside the history, would delete the tag
    too (a cascade): it is refused, and the descriptor and its tag stay."""
    from portfolio_builder.core.framework.framework_service import add_descriptor

    portfolio, (doc, _photo, _link) = items
    _, change = recorded(
        portfolio, "add 1z", lambda: add_descriptor(portfolio, "1", "1z", "A new statement")
    )
    tag_evidence(portfolio, doc, "1z")
    before = whole_file(portfolio)
    with pytest.raises(ChangedMeanwhile, match="would also remove descriptor link .* made outside"):
        change.undo(portfolio)
    assert whole_file(portfolio) == before


def test_undo_that_would_point_at_a_row_deleted_since_is_refused(items):
    """Undo of removing a tag, after its descriptor was deleted outside the history: the tag would point at
    nothing (a foreign key checked at commit), so the undo is refused and the file is as it was."""
    from portfolio_builder.core.evidence.evidence_links import untag_evidence

    portfolio, (_doc, photo, _link) = items
    _, change = recorded(portfolio, "untag", lambda: untag_evidence(portfolio, photo, "1a"))
    with portfolio.session() as session:
        descriptor_id = descriptor_by_code(session, "1a").id
    delete_descriptor_in_place(portfolio, descriptor_id)
    before = whole_file(portfolio)
    with pytest.raises(
        ChangedMeanwhile, match="'untag' could not be undone: it clashes with a change made outside"
    ):
        change.undo(portfolio)
    assert whole_file(portfolio) == before
    with (
        portfolio.raw_connection() as conn
    ):  # the connection's transaction was ended, not left open
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_writes_of_other_threads_are_not_part_of_a_change(items):
    """An import or other worker writing while an edit is recorded: only the edit's own rows are in its Change."""
    import threading

    portfolio, (doc, photo, _link) = items

    def edit_with_a_worker_busy():
        worker = threading.Thread(target=lambda: update_evidence(portfolio, photo, source="Worker"))
        worker.start()
        worker.join()
        update_evidence(portfolio, doc, source="Editor")

    _, change = recorded(portfolio, "source", edit_with_a_worker_busy)
    assert [(image.table, image.key) for image in change.after] == [("evidence_item", (doc,))]
    change.undo(portfolio)
    assert (get_evidence(portfolio, doc).source, get_evidence(portfolio, photo).source) == (
        "",
        "Worker",
    )


def test_a_recording_inside_another_is_part_of_both(items):
    """A recorded write made inside another (one step made of smaller ones) is undone by the outer Change too."""
    portfolio, (doc, photo, _link) = items
    before = whole_file(portfolio)

    def two_steps():
        update_evidence(portfolio, doc, source="Outer")
        return recorded(
            portfolio, "inner", lambda: update_evidence(portfolio, photo, source="Inner")
        )[1]

    inner, outer = recorded(portfolio, "outer", two_steps)
    assert len(inner.after) == 1 and len(outer.after) == 2
    outer.undo(portfolio)
    assert whole_file(portfolio) == before
