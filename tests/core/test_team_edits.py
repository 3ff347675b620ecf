"""Edits and deletions travel too: an action's status, a removed action, a rewritten diary line, a best-fit
judgement, an evidence item's consent and blur; and an edit the lead also made is a conflict, not an overwrite."""

from datetime import date

from portfolio_builder.core.evidence.evidence_service import update_evidence
from portfolio_builder.core.framework.best_fit import judge_theme
from portfolio_builder.core.planning.planning_service import (
    add_action,
    add_diary_entry,
    add_priority,
    cover_sheet_for,
    delete_action,
    update_action,
    update_diary_entry,
)
from portfolio_builder.core.storage.portfolio_file import Portfolio
from portfolio_builder.core.team.merge_apply import apply_merge
from portfolio_builder.core.team.merge_plan import plan_merge
from portfolio_builder.core.team.pack_writer import make_contribution_pack
from portfolio_builder.core.team.team_copy import make_team_copy
from tests.core.portfolio_factory import add_file_evidence
from tests.core.team_fixtures import health


def _rows(portfolio, sql):
    with portfolio.raw_connection() as conn:
        return conn.execute(sql).fetchall()


def test_edits_and_deletions_on_a_priority_leads_copy(iif_portfolio, tmp_path):
    lead = iif_portfolio
    priority = add_priority(lead, "Visits", "Better visits", descriptor_codes=[])
    sheet = cover_sheet_for(lead, priority).id
    keep = add_action(lead, "Paint the visits hall", theme_code="1", lead="Jo Bell")
    drop = add_action(lead, "Old idea", theme_code="1")
    entry = add_diary_entry(lead, sheet, date(2026, 1, 5), "Letters sent.", "Jo Bell")
    letter = add_file_evidence(
        lead,
        b"Letter to families\n",
        "Letter",
        consent="missing",
        kind="photo",
        mime_type="image/jpeg",
    )
    copy = make_team_copy(lead, tmp_path / "lee.portfolio", "Lee Grant")
    with Portfolio.open(copy.path) as lee:
        update_action(lee, keep, status="done")
        delete_action(lee, drop)
        update_diary_entry(lee, entry, text="Letters sent to all 300 families.")
        update_evidence(lee, letter, consent="obtained")
    update_action(
        lead, keep, lead="Jo Bell and Lee Grant"
    )  # another field of the same row: no conflict
    pack = make_contribution_pack(copy.path, tmp_path / "lee.zip").path
    plan = plan_merge(lead, pack)
    assert not plan.conflicts and len(plan.incoming) == 4
    apply_merge(lead, pack, {})
    assert _rows(lead, f"SELECT action, lead, status FROM action_item WHERE id = {keep}") == [
        ("Paint the visits hall", "Jo Bell and Lee Grant", "done")
    ]
    assert _rows(lead, f"SELECT count(*) FROM action_item WHERE id = {drop}") == [(0,)]
    assert _rows(lead, "SELECT text FROM diary_entry") == [("Letters sent to all 300 families.",)]
    assert _rows(lead, f"SELECT consent FROM evidence_item WHERE id = {letter}") == [("obtained",)]
    assert health(lead.path)["duplicate_files"] == 0


def test_the_same_field_edited_on_both_sides_is_a_conflict(fpa_portfolio, tmp_path):
    lead = fpa_portfolio
    item = add_file_evidence(lead, b"Minutes\n", "Minutes")
    copy = make_team_copy(lead, tmp_path / "ben.portfolio", "Ben Jones")
    with Portfolio.open(copy.path) as ben:
        update_evidence(ben, item, title="Forum minutes (Ben)")
        judge_theme(ben, "1", "developing", date.today(), "Ben's view.", judged_by="Ben Jones")
    update_evidence(lead, item, title="Forum minutes (lead)")
    pack = make_contribution_pack(copy.path, tmp_path / "ben.zip").path
    plan = plan_merge(lead, pack)
    assert [(c.conflict, c.mine, c.theirs) for c in plan.conflicts] == [
        ("both-changed", "Forum minutes (lead)", "Forum minutes (Ben)")
    ]
    apply_merge(lead, pack, {plan.conflicts[0].id: "theirs"})
    assert _rows(lead, f"SELECT title FROM evidence_item WHERE id = {item}") == [
        ("Forum minutes (Ben)",)
    ]
    assert _rows(lead, "SELECT level_key, judged_by FROM theme_judgement") == [
        ("developing", "Ben Jones")
    ]


def test_a_colleague_added_on_two_copies_joins_the_team_once(fpa_portfolio, tmp_path):
    from portfolio_builder.core.framework.portfolio_setup import add_staff

    packs = []
    for name in ("ben", "dev"):
        copy = make_team_copy(fpa_portfolio, tmp_path / f"{name}.portfolio", name.title())
        with Portfolio.open(copy.path) as member:
            add_staff(member, "Sam Lee" if name == "ben" else "sam lee", "Governor")
        packs.append(make_contribution_pack(copy.path, tmp_path / f"{name}.zip").path)
    assert apply_merge(fpa_portfolio, packs[0], {}).applied == 1
    assert apply_merge(fpa_portfolio, packs[1], {}).already == 1
    assert _rows(fpa_portfolio, "SELECT name, role, is_lead FROM staff WHERE name LIKE 'sam%'") == [
        ("Sam Lee", "Governor", 0)
    ]
