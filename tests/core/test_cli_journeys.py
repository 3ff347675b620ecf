"""Each scheme's complete portfolio is built from an empty one with the command line alone, then exported."""

import json

import pytest

from .cli_journeys import FINAL_CHECKS, JOURNEYS, PHOTO
from .cli_runner import run_in_process, run_lines, run_program, write_files


def check_fpa(snapshot: dict) -> None:
    """Evidence summary sheets, all 17 descriptors rated, the action plan and the case study are filled in."""
    assert all(t["lead"] and t["gathering_started"] and t["gathering_ended"] and t["summative_comment"]
               for t in snapshot["themes"])
    assert [len(t["descriptors"]) for t in snapshot["themes"]] == [10, 3, 1, 1, 1, 1]
    assert [d["rating"]["label"] for t in snapshot["themes"] for d in t["descriptors"]] == ["Embedded"] * 17
    assert snapshot["themes"][1]["descriptors"][0]["text"].endswith("with families in every plan.")
    assert snapshot["case_study"].startswith("The Ahmed family") and len(snapshot["action_plan"]) == 2


def check_iif(snapshot: dict) -> None:
    """Elements renamed, statements pasted, five differently-led priorities with diaries and impact, components."""
    assert [t["title"] for t in snapshot["themes"]][:2] == ["Leadership and commitment", "Welcoming families"]
    assert [d["code"] for d in snapshot["themes"][0]["descriptors"]] == ["E1a", "E1b"]
    assert len({p["lead"] for p in snapshot["priorities"]}) == 5
    assert all(p["cover_sheet"]["diary"] and p["cover_sheet"]["impact_summary"] for p in snapshot["priorities"])
    assert len(snapshot["priorities"][0]["cover_sheet"]["evidence"]) == 2
    assert snapshot["three_year_plan"].startswith("Year 1") and snapshot["action_plan"][0]["priority_number"] == 1
    assert {e["component"] for e in snapshot["evidence"]} == {"activity", "generic", "plan"}


CHECKS = {"family-partnership-award": check_fpa, "investors-in-families-secure": check_iif}


@pytest.mark.parametrize("scheme", list(JOURNEYS))
def test_a_complete_portfolio_from_the_command_line_alone(scheme, tmp_path):
    """A scheme's journey of commands fills in what the assessor reads and leaves a ready portfolio that the
    real program (its own process) exports as a final bundle and verifies."""
    lines, files = JOURNEYS[scheme]
    values = {"portfolio": tmp_path / "journey.portfolio", "files": tmp_path / "files", "out": tmp_path / "out"}
    write_files(values["files"], files, PHOTO)
    values["out"].mkdir()
    run_lines(lines, values)

    code, out, _ = run_in_process(["show", str(values["portfolio"]), "--json"])
    snapshot = json.loads(out)
    assert code == 0 and all(snapshot["setting"][field] for field in
                             ("contact_email", "phone", "address", "head", "context"))
    CHECKS[scheme](snapshot)

    (_, status), (_, exported), (_, verified) = run_lines(FINAL_CHECKS, values, run=run_program)
    report = json.loads(status)
    assert report["ready"] is True and report["problems"] == []
    assert "Wrote " in exported and (values["out"] / "bundle.zip").exists()
    assert verified.startswith("Valid bundle:")
