"""The rarer writes of a merge land as made in the copy: a photo's blur regions, an item deleted with its bytes,
a cover sheet's summary and a detached item, a diary line for a sheet the lead's older file lacks, and a rating
older than the lead's own newest, which becomes current re-dated with its own date said in its comment."""

from datetime import date, timedelta

from portfolio_builder.core.evidence.evidence_links import (
    attach_to_cover_sheet,
    detach_from_cover_sheet,
    tag_evidence,
)
from portfolio_builder.core.evidence.evidence_service import delete_evidence
from portfolio_builder.core.evidence.region_service import item_regions, set_regions
from portfolio_builder.core.planning.audit_service import rate_descriptor
from portfolio_builder.core.planning.planning_service import (
    add_diary_entry,
    add_priority,
    cover_sheet_for,
    update_cover_sheet,
)
from portfolio_builder.core.privacy.redaction.regions import Region
from portfolio_builder.core.storage.portfolio_file import Portfolio
from portfolio_builder.core.team.merge_apply import apply_merge
from portfolio_builder.core.team.merge_plan import plan_merge
from portfolio_builder.core.team.pack_writer import make_contribution_pack
from portfolio_builder.core.team.team_copy import make_team_copy
from tests.core.portfolio_factory import add_file_evidence
from tests.core.team_fixtures import health


def _rows(portfolio, sql, args=()):
    with portfolio.raw_connection() as conn:
        return conn.execute(sql, args).fetchall()


def test_regions_a_deleted_item_and_a_re_dated_rating_come_in(fpa_portfolio, tmp_path):
    lead, today = fpa_portfolio, date.today()
    photo = add_file_evidence(
        lead, b"photo bytes\n", "Sports day", kind="photo", mime_type="image/jpeg"
    )
    old = add_file_evidence(lead, b"Old minutes\n", "Old minutes")
    tag_evidence(lead, old, "1b")
    copy = make_team_copy(lead, tmp_path / "ben.portfolio", "Ben Jones")
    drawn = (Region(0.1, 0.2, 0.3, 0.4), Region(0.5, 0.5, 0.2, 0.2, "block", "ellipse"))
    with Portfolio.open(copy.path) as ben:
        set_regions(ben, photo, drawn)
        delete_evidence(ben, old)
        rate_descriptor(
            ben, "1a", "developing", today - timedelta(days=3), "Ben's view.", "", "Ben"
        )
    rate_descriptor(lead, "1a", "emergent", today, "The lead's view.", rated_by="Ann Patel")
    pack = make_contribution_pack(copy.path, tmp_path / "ben.zip").path
    plan = plan_merge(lead, pack)
    apply_merge(lead, pack, {c.id: "theirs" for c in plan.conflicts})

    assert item_regions(lead, photo) == drawn
    assert _rows(lead, "SELECT count(*) FROM evidence_item WHERE id = ?", (old,)) == [(0,)]
    assert health(lead.path)["stored_file"] == 1  # the deleted item's bytes went with it
    newest = _rows(
        lead,
        "SELECT r.level_key, r.rated_on, r.comment FROM audit_rating r JOIN descriptor d "
        "ON d.id = r.descriptor_id WHERE d.code = '1a' ORDER BY r.rated_on DESC, r.id DESC LIMIT 1",
    )
    given_on = (today - timedelta(days=3)).isoformat()
    assert newest == [
        (
            "developing",
            today.isoformat(),
            f"Ben's view. (given on {given_on} in Ben Jones's team copy)",
        )
    ]


def test_cover_sheet_edits_and_a_sheet_the_lead_lacks_come_in(iif_portfolio, tmp_path):
    lead = iif_portfolio
    visits, meals = add_priority(lead, "Visits"), add_priority(lead, "Meals together")
    sheet, meals_sheet = cover_sheet_for(lead, visits).id, cover_sheet_for(lead, meals).id
    letter = add_file_evidence(lead, b"Letter to families\n", "Letter")
    attach_to_cover_sheet(lead, letter, sheet)
    copy = make_team_copy(lead, tmp_path / "lee.portfolio", "Lee Grant")
    with Portfolio.open(copy.path) as lee:
        update_cover_sheet(lee, sheet, impact_summary="Twice as many visits.")
        detach_from_cover_sheet(lee, letter, sheet)
        add_diary_entry(lee, meals_sheet, date(2026, 1, 5), "First shared meal.", "Lee Grant")
    with lead.raw_connection() as conn:  # as an older file might: a priority without its sheet
        conn.execute("DELETE FROM cover_sheet WHERE id = ?", (meals_sheet,))
        conn.commit()
    pack = make_contribution_pack(copy.path, tmp_path / "lee.zip").path
    plan = plan_merge(lead, pack)
    assert not plan.conflicts
    assert apply_merge(lead, pack, {}).applied == 3

    assert _rows(lead, "SELECT impact_summary FROM cover_sheet WHERE id = ?", (sheet,)) == [
        ("Twice as many visits.",)
    ]
    assert _rows(lead, "SELECT count(*) FROM cover_sheet_link") == [(0,)]
    assert _rows(
        lead,
        "SELECT e.entry_date, e.text, e.author FROM diary_entry e JOIN cover_sheet c "
        "ON c.id = e.cover_sheet_id WHERE c.priority_id = ?",
        (meals,),
    ) == [("2026-01-05", "First shared meal.", "Lee Grant")]


def test_an_item_deleted_in_a_copy_goes_from_the_lead_even_when_it_was_never_tagged(
    fpa_portfolio, tmp_path
):
    """A colleague tidies away an untagged item: the merge deletes it from the lead's file, not "malformed"."""
    lead = fpa_portfolio
    old = add_file_evidence(lead, b"Old minutes\n", "Old minutes")
    copy = make_team_copy(lead, tmp_path / "ben.portfolio", "Ben Jones")
    with Portfolio.open(copy.path) as ben:
        delete_evidence(ben, old)
    pack = make_contribution_pack(copy.path, tmp_path / "ben.zip").path
    plan = plan_merge(lead, pack)
    assert [c.change["summary"] for c in plan.changes] == ["'Old minutes' deleted"]
    apply_merge(lead, pack, {})
    assert _rows(lead, "SELECT count(*) FROM evidence_item WHERE id = ?", (old,)) == [(0,)]
