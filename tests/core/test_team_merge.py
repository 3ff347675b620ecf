"""Three people on FPA team copies contribute evidence, tags, ratings, texts and actions, some conflicting.

Whatever the order of the merges, the lead's portfolio holds each contribution exactly once, each
conflict is resolved as the lead chose, the file passes its integrity checks, and it still exports
a bundle that verifies. Merging a pack again changes nothing. (Diary entries, which belong to the
priorities of schemes that have them, are in test_team_cli.py on an Investors in Families portfolio.)
"""

import hashlib

import pytest

from portfolio_builder.core.evidence.evidence_links import tag_evidence, untag_evidence
from portfolio_builder.core.evidence.evidence_service import delete_evidence
from portfolio_builder.core.planning.audit_service import rate_descriptor
from portfolio_builder.core.planning.planning_service import add_action
from portfolio_builder.core.storage.portfolio_file import Portfolio
from portfolio_builder.core.team.merge_apply import apply_merge
from portfolio_builder.core.team.merge_log import contributions, declined_changes
from portfolio_builder.core.team.merge_plan import plan_merge
from portfolio_builder.core.team.pack_writer import make_contribution_pack
from portfolio_builder.core.team.team_copy import make_team_copy
from tests.core.team_fixtures import (
    add_photo,
    current_level,
    exports_and_verifies,
    health,
    key_titles,
    ready_lead,
    today,
)

# how the lead settles each kind of conflict in these tests
CHOICES = {
    "key-slots": "theirs",
    "both-rated": "mine",
    "both-changed": "theirs",
    "deleted-and-tagged": "mine",
    "deleted-and-changed": "mine",
}


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _team_work(lead, tmp_path) -> dict:
    """Copies for Ben (theme 2 only), Dev and Cara; each works on theirs while the lead works on the original."""
    evidence = ready_lead(lead)
    strategic = evidence["generic"][0]
    first_2a, second_2a = evidence["2a"]
    copies = {
        name: make_team_copy(
            lead, tmp_path / f"{name.split()[0].lower()}.portfolio", name, themes=themes
        )
        for name, themes in (("Ben Jones", ["2"]), ("Dev Shah", None), ("Cara Obi", None))
    }
    photos = tmp_path / "photos"
    with Portfolio.open(
        copies["Ben Jones"].path
    ) as ben:  # a new photo in 2a's second key slot; a rating; a diary line
        x = add_photo(ben, photos / "ben", "dads.jpg", seed=1)
        untag_evidence(ben, second_2a, "2a")
        tag_evidence(ben, x, "2a")
        rate_descriptor(
            ben, "2a", "developing", today(), "Dads now come weekly.", rated_by="Ben Jones"
        )
        with ben.raw_connection() as conn:
            conn.execute(
                "UPDATE theme SET summative_comment = 'Dads are part of the school now.' WHERE code = '2'"
            )
            conn.commit()
    with Portfolio.open(
        copies["Dev Shah"].path
    ) as dev:  # the same photo (same bytes), in 2a's FIRST slot instead
        x = add_photo(dev, photos / "dev", "dads.jpg", seed=1)
        untag_evidence(dev, first_2a, "2a")
        tag_evidence(dev, x, "2a")
        rate_descriptor(
            dev, "2a", "emergent", today(), "Only two dads so far.", rated_by="Dev Shah"
        )
        add_action(dev, "Invite dads to the family forum", theme_code="2", lead="Dev Shah")
    with Portfolio.open(
        copies["Cara Obi"].path
    ) as cara:  # two photos, a deletion, the case study, a rating
        y = add_photo(cara, photos / "cara", "forum.jpg", seed=2)
        z = add_photo(cara, photos / "cara", "visit.jpg", seed=3)
        tag_evidence(cara, y, "3a", cross_reference=True)
        tag_evidence(cara, z, "4a", cross_reference=True)
        delete_evidence(cara, strategic)
        with cara.raw_connection() as conn:
            conn.execute(
                "UPDATE portfolio_text SET body = 'Our journey, as Cara tells it.' WHERE key = 'case-study'"
            )
            conn.commit()
        rate_descriptor(cara, "3a", "developing", today(), rated_by="Cara Obi")
        add_action(cara, "Home visits for new families", theme_code="4", lead="Cara Obi")
    # meanwhile the lead tags the strategic plan Cara deletes, and rewrites the case study
    tag_evidence(lead, strategic, "3a", cross_reference=True)
    with lead.raw_connection() as conn:
        conn.execute(
            "UPDATE portfolio_text SET body = 'Our journey, as the lead tells it.' WHERE key = 'case-study'"
        )
        conn.commit()
    packs = {
        name: make_contribution_pack(copy.path, tmp_path / f"{name.split()[0].lower()}.zip").path
        for name, copy in copies.items()
    }
    return {"packs": packs, "photos": photos, "strategic": strategic, "evidence": evidence}


def _merge(lead, pack) -> tuple:
    plan = plan_merge(lead, pack)
    decisions = {c.id: CHOICES[c.conflict] for c in plan.conflicts}
    return plan, apply_merge(lead, pack, decisions)


@pytest.mark.parametrize(
    "order", [("Ben Jones", "Dev Shah", "Cara Obi"), ("Cara Obi", "Dev Shah", "Ben Jones")]
)
def test_three_people_merged_in_any_order_each_contribution_once(fpa_portfolio, tmp_path, order):
    """Every contribution arrives once; 2a's key slots go to the later of Ben and Dev (theirs), its rating stays
    with the earlier (mine), the case study is Cara's (theirs), the deleted-but-tagged plan stays (mine)."""
    lead = fpa_portfolio
    work = _team_work(lead, tmp_path)
    before = health(lead.path)
    plans = {}
    for name in order:
        plans[name], result = _merge(lead, work["packs"][name])
        assert not result.merged_before_at and result.backup.exists()
    after = health(lead.path)
    assert after["duplicate_files"] == 0
    assert (
        after["evidence_item"] == before["evidence_item"] + 3
    )  # Ben's and Dev's photo once, Cara's two
    assert after["action_item"] == before["action_item"] + 2
    with lead.raw_connection() as conn:
        shas = [r[0] for r in conn.execute("SELECT sha256 FROM evidence_item")]
        actions = sorted(r[0] for r in conn.execute("SELECT action FROM action_item"))
        summary = conn.execute("SELECT summative_comment FROM theme WHERE code = '2'").fetchone()[0]
        kept = conn.execute(
            "SELECT title FROM evidence_item WHERE id = ?", (work["strategic"],)
        ).fetchone()
    for photo in ("ben/dads.jpg", "cara/forum.jpg", "cara/visit.jpg"):
        assert shas.count(_sha(work["photos"] / photo)) == 1
    assert actions == ["Home visits for new families", "Invite dads to the family forum"]
    assert summary == "Dads are part of the school now."
    assert kept == ("Strategic plan",)  # Cara deleted it, the lead had tagged it: the lead kept it
    later = [n for n in order if n in ("Ben Jones", "Dev Shah")][-1]
    earlier = [n for n in order if n in ("Ben Jones", "Dev Shah")][0]
    assert key_titles(lead, "2a")[1 if later == "Ben Jones" else 0] == "Dads"
    assert len(key_titles(lead, "2a")) == 2  # the two-evidence rule still holds
    assert current_level(lead, "2a") == {"Ben Jones": "developing", "Dev Shah": "emergent"}[earlier]
    assert current_level(lead, "3a") == "developing"
    assert after["texts"]["case-study"] == "Our journey, as Cara tells it."
    conflicts = {c.conflict for p in plans.values() for c in p.conflicts}
    slots = next(c for p in plans.values() for c in p.conflicts if c.conflict == "key-slots")
    assert (
        "Dads" in slots.mine and "Dads" in slots.theirs and slots.mine != slots.theirs
    )  # both lists by title
    assert {"key-slots", "both-rated", "both-changed", "deleted-and-tagged"} <= conflicts
    with lead.raw_connection() as conn:
        declined = declined_changes(conn)
        people = [(c.contributor, c.applied.get("evidence-new", 0)) for c in contributions(conn)]
    assert {c["kind"] for c in declined} >= {
        "rating",
        "delete",
    }  # nothing lost: declined changes are in the log
    assert sorted(people) == sorted(
        [
            ("Ben Jones", 1 if order.index("Ben Jones") < order.index("Dev Shah") else 0),
            ("Dev Shah", 1 if order.index("Dev Shah") < order.index("Ben Jones") else 0),
            ("Cara Obi", 2),
        ]
    )
    for name in order:  # merging the same pack twice changes nothing
        again = apply_merge(lead, work["packs"][name], {})
        assert again.merged_before_at and "nothing was changed" in again.sentence()
    assert health(lead.path) == after
    exports_and_verifies(lead, tmp_path / "out")


def test_conflicts_without_decisions_refuse_and_change_nothing(fpa_portfolio, tmp_path):
    """A pack with conflicts and no decision for them is refused naming the conflicts; the portfolio is as it was."""
    lead = fpa_portfolio
    work = _team_work(lead, tmp_path)
    _merge(lead, work["packs"]["Ben Jones"])
    before = health(lead.path)
    plan = plan_merge(lead, work["packs"]["Dev Shah"])
    assert plan.conflicts and all(c.mine and c.theirs for c in plan.conflicts)
    with pytest.raises(Exception) as refused:
        apply_merge(lead, work["packs"]["Dev Shah"], {})
    assert "need your decision" in str(refused.value) and plan.conflicts[0].id in str(refused.value)
    assert health(lead.path) == before
    with lead.raw_connection() as conn:
        assert (
            conn.execute(
                "SELECT count(*) FROM merge_log WHERE contributor = 'Dev Shah'"
            ).fetchone()[0]
            == 0
        )


def test_a_theme_copy_holds_only_its_themes_evidence(fpa_portfolio, tmp_path):
    """A copy for theme 2 carries only the evidence presented for theme 2 (and none of the other bytes)."""
    evidence = ready_lead(fpa_portfolio)
    copy = make_team_copy(fpa_portfolio, tmp_path / "ben.portfolio", "Ben Jones", themes=["2"])
    with Portfolio.open(copy.path, read_only=True) as ben, ben.raw_connection() as conn:
        ids = {r[0] for r in conn.execute("SELECT id FROM evidence_item")}
        assert ids == set(evidence["2a"]) | set(evidence["generic"])
        assert conn.execute("SELECT count(*) FROM stored_file").fetchone()[0] == len(ids)
    assert copy.themes == ("2",) and copy.evidence_items == len(ids)
    assert b"Minutes for 4a" not in copy.path.read_bytes()


def test_a_contributed_photo_keeps_its_blur_regions_and_preview(fpa_portfolio, tmp_path):
    """A photo blurred on the copy arrives blurred (its regions with it) and with its preview: nothing to redo."""
    from portfolio_builder.core.evidence.region_service import item_regions, set_regions
    from portfolio_builder.core.privacy.redaction.regions import Region

    copy = make_team_copy(fpa_portfolio, tmp_path / "ben.portfolio", "Ben Jones")
    with Portfolio.open(copy.path) as ben:
        photo = add_photo(ben, tmp_path / "photos", "faces.jpg", seed=7)
        set_regions(
            ben, photo, [Region(0.1, 0.1, 0.3, 0.3), Region(0.5, 0.5, 0.2, 0.2, "block", "ellipse")]
        )
        wanted = item_regions(ben, photo)
    pack = make_contribution_pack(copy.path, tmp_path / "ben.zip").path
    apply_merge(fpa_portfolio, pack, {})
    with fpa_portfolio.raw_connection() as conn:
        item, sha = conn.execute(
            "SELECT id, sha256 FROM evidence_item WHERE title LIKE 'Faces%'"
        ).fetchone()
        assert (
            conn.execute("SELECT count(*) FROM thumbnail WHERE sha256 = ?", (sha,)).fetchone()[0]
            == 1
        )
    assert item_regions(fpa_portfolio, item) == wanted


def test_a_change_declined_once_is_not_asked_again(fpa_portfolio, tmp_path):
    """Dev keeps working on the same copy after the lead declined two of his changes: his next pack brings only
    what is new, and the declined ones are listed as declined before, not as conflicts again."""
    from portfolio_builder.core.planning.audit_service import rate_descriptor
    from tests.core.team_fixtures import two_packs

    ben, dev = two_packs(fpa_portfolio, tmp_path)
    apply_merge(fpa_portfolio, ben, {})
    plan = plan_merge(fpa_portfolio, dev)
    apply_merge(fpa_portfolio, dev, {c.id: "mine" for c in plan.conflicts})
    with Portfolio.open(tmp_path / "Dev.portfolio") as copy:
        rate_descriptor(copy, "1b", "developing", today(), rated_by="Dev Shah")
    again = make_contribution_pack(tmp_path / "Dev.portfolio", tmp_path / "Dev-2.zip").path
    plan = plan_merge(fpa_portfolio, again)
    verdicts = sorted(c.verdict for c in plan.changes)
    assert verdicts == ["already-there", "declined-before", "declined-before", "new"], verdicts
    result = apply_merge(fpa_portfolio, again, {})
    assert (result.applied, result.declined) == (1, 2) and current_level(
        fpa_portfolio, "1b"
    ) == "developing"


def test_a_later_pack_from_the_same_copy_does_not_undo_the_leads_edits(fpa_portfolio, tmp_path):
    """Ben's second pack repeats what the first brought; the lead has since rewritten the case study and deleted
    Ben's note: neither comes back, and no conflict is asked about. Only Ben's new work comes in."""
    from portfolio_builder.core.evidence.evidence_service import delete_evidence
    from portfolio_builder.core.planning.audit_service import rate_descriptor
    from tests.core.portfolio_factory import add_file_evidence

    copy = make_team_copy(fpa_portfolio, tmp_path / "ben.portfolio", "Ben Jones")
    with Portfolio.open(copy.path) as ben:
        add_file_evidence(ben, b"Ben's note\n", "Ben's note")
        with ben.raw_connection() as conn:
            conn.execute(
                "INSERT INTO portfolio_text (key, body) VALUES ('case-study', 'Ben''s telling.')"
            )
            conn.commit()
    apply_merge(fpa_portfolio, make_contribution_pack(copy.path, tmp_path / "ben-1.zip").path, {})
    with fpa_portfolio.raw_connection() as conn:
        conn.execute(
            "UPDATE portfolio_text SET body = 'The lead''s telling.' WHERE key = 'case-study'"
        )
        note = conn.execute("SELECT id FROM evidence_item WHERE title = 'Ben''s note'").fetchone()[
            0
        ]
        conn.commit()
    delete_evidence(fpa_portfolio, note)
    with Portfolio.open(copy.path) as ben:
        rate_descriptor(ben, "1a", "developing", today(), rated_by="Ben Jones")
    second = make_contribution_pack(copy.path, tmp_path / "ben-2.zip").path
    plan = plan_merge(fpa_portfolio, second)
    assert not plan.conflicts and [c.change["kind"] for c in plan.incoming] == ["rating"]
    apply_merge(fpa_portfolio, second, {})
    with fpa_portfolio.raw_connection() as conn:
        assert (
            conn.execute("SELECT body FROM portfolio_text WHERE key = 'case-study'").fetchone()[0]
            == "The lead's telling."
        )
        assert (
            conn.execute(
                "SELECT count(*) FROM evidence_item WHERE title = 'Ben''s note'"
            ).fetchone()[0]
            == 0
        )
    assert current_level(fpa_portfolio, "1a") == "developing"
