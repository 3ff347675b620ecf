"""Each scheme's complete portfolio is built from an empty one with the command line alone, then exported."""

import json

import pytest

from .bundle_documents import check_documents
from .cli_journeys import FINAL_CHECKS, JOURNEYS
from .cli_runner import run_in_process, run_lines, run_program


def check_fpa(snapshot: dict) -> None:
    """Evidence summary sheets, all 17 descriptors rated, each theme's best fit, the action plan, the case study."""
    assert all(
        t["lead"] and t["gathering_started"] and t["gathering_ended"] and t["summative_comment"]
        for t in snapshot["themes"]
    )
    assert [len(t["descriptors"]) for t in snapshot["themes"]] == [10, 3, 1, 1, 1, 1]
    assert [d["rating"]["label"] for t in snapshot["themes"] for d in t["descriptors"]] == [
        "Embedded"
    ] * 17
    assert [[r["label"] for r in t["best_fit_history"]] for t in snapshot["themes"]] == [
        ["Emergent", "Embedded"]
    ] * 6
    assert snapshot["themes"][1]["descriptors"][0]["text"].endswith("with families in every plan.")
    assert (
        snapshot["texts"]["case-study"].startswith("The Ahmed family")
        and len(snapshot["action_plan"]) == 2
    )
    assert snapshot["priorities"] == []


def check_iif(snapshot: dict) -> None:
    """Elements renamed, statements pasted, five differently-led priorities with diaries and impact, components."""
    assert [t["title"] for t in snapshot["themes"]][:2] == [
        "Leadership and commitment",
        "Welcoming families",
    ]
    assert not any(t["placeholder"] for t in snapshot["themes"])
    assert [d["code"] for d in snapshot["themes"][0]["descriptors"]] == ["E1a", "E1b"]
    assert len({p["lead"] for p in snapshot["priorities"]}) == 5
    assert all(
        p["cover_sheet"]["diary"] and p["cover_sheet"]["impact_summary"]
        for p in snapshot["priorities"]
    )
    assert len(snapshot["priorities"][0]["cover_sheet"]["evidence"]) == 2
    assert (
        snapshot["texts"]["outline-plan"].startswith("Year 1")
        and snapshot["action_plan"][0]["priority_number"] == 1
    )
    assert {e["component"] for e in snapshot["evidence"]} == {"activity", "generic", "plan"}


def check_la(snapshot: dict) -> None:
    """Every criterion graded at Stage 1 and after moderation, one audit record each, actions with a due date."""
    assert [d["rating"]["label"] for t in snapshot["themes"] for d in t["descriptors"]] == [
        "Good"
    ] * 11
    assert (
        not snapshot["themes"][0]["descriptors"][0]["ours"]
        and snapshot["themes"][0]["descriptors"][1]["ours"]
    )
    assert snapshot["action_plan"][0]["due_on"] == "2026-02-09"  # four weeks after it was agreed


def check_sos(snapshot: dict) -> None:
    """The award level applied for, the charter's principles with defined data, and the self-benchmarking."""
    assert snapshot["setting"]["award_level"] == "Silver"
    assert [d["code"] for d in snapshot["themes"][0]["descriptors"]] == ["Ca", "Cb"]
    assert snapshot["texts"]["self-benchmarking"].startswith("Compared with")


def check_own(snapshot: dict) -> None:
    """A setting's own scheme: its words, its rule (up to three key items), its text."""
    assert snapshot["scheme"]["words"]["descriptor"] == "Pledge" and snapshot["texts"]["reflection"]
    assert [len(d["key_evidence"]) for t in snapshot["themes"] for d in t["descriptors"]] == [1, 2]


REAL_PROGRAM_JOURNEY = "family-partnership-award"
CHECKS = {
    "hillview-family-charter": check_own,
    "family-partnership-award": check_fpa,
    "investors-in-families-secure": check_iif,
    "la-practice-quality": check_la,
    "signs-of-safety-accreditation": check_sos,
}
FIELDS = {
    "family-partnership-award": ("contact_email", "phone", "address", "head", "context"),
    "investors-in-families-secure": ("contact_email", "phone", "address", "head", "context"),
    "la-practice-quality": ("contact_email", "context"),
    "signs-of-safety-accreditation": ("contact_email",),
    "hillview-family-charter": (),
}


@pytest.mark.slow
@pytest.mark.parametrize("scheme", list(JOURNEYS))
def test_a_complete_portfolio_from_the_command_line_alone(scheme, shared_builds, tmp_path):
    """A scheme's journey of commands fills in what the assessor reads and leaves a ready portfolio that the
    command line exports as a final bundle and verifies (for one scheme as the real program in its own
    process). The journey's lines run once per run
    (shared_builds.journey, each line must exit 0; test_final_export_refusals starts from the same portfolios);
    the checks here work on a copy."""
    values = {"portfolio": shared_builds.journey_copy(scheme, tmp_path), "out": tmp_path / "out"}
    values["out"].mkdir()

    code, out, _ = run_in_process(["show", str(values["portfolio"]), "--json"])
    snapshot = json.loads(out)
    assert code == 0 and all(snapshot["setting"][field] for field in FIELDS[scheme])
    CHECKS[scheme](snapshot)

    # the real program's own process once (its start is the same for every scheme); in-process for the rest
    run = run_program if scheme == REAL_PROGRAM_JOURNEY else run_in_process
    (_, status), (_, exported), (_, verified) = run_lines(FINAL_CHECKS, values, run=run)
    report = json.loads(status)
    assert report["ready"] is True and report["problems"] == []
    assert "Wrote " in exported and (values["out"] / "bundle.zip").exists()
    assert verified.startswith("Valid bundle:")
    check_documents(scheme, values["out"] / "bundle.zip")
