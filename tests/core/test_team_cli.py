"""Team copies on the command line, on an Investors in Families portfolio (priorities, cover sheets, diaries).

The lead sends copies to three priority leads; each adds diary entries, evidence and ratings on
their own laptop and sends a pack back; two rate the same statement differently. The lead merges
with --dry-run, --decisions and --take; each diary entry arrives once, status stays ready, and the
final bundle verifies. A member then receives a new copy and contributes again.
"""

import json
import re
from datetime import date

from tests.core.cli_journeys import FINAL_CHECKS, IIF_FILES, IIF_JOURNEY, PHOTO
from tests.core.cli_runner import argv_of, run_in_process, run_lines, write_files
from tests.core.team_fixtures import health

TODAY = date.today().isoformat()


def _run(line: str, values: dict) -> tuple[int, str, str]:
    return run_in_process(argv_of(line, values))


def _member_work(values: dict, name: str, who: str, priority: int, rating: str, note: str) -> None:
    run_lines(
        [
            f"team-copy $portfolio ${name} --for '{who}'",
            f"{name}_photo = add ${name} $files/family-day-{name}.jpg --consent obtained --title '{note}'",
            f"diary add ${name} {priority} {TODAY} '{note}' --by '{who}' --evidence ${name}_photo",
            f"rate ${name} E3a {rating} --comment 'Seen by {who}.' --by '{who}'",
            f"contribute ${name} ${name}_pack",
        ],
        values,
    )


def _diary_texts(path) -> list[str]:
    from portfolio_builder.core.storage.portfolio_file import Portfolio

    with Portfolio.open(path, read_only=True) as portfolio, portfolio.raw_connection() as conn:
        return sorted(r[0] for r in conn.execute("SELECT text FROM diary_entry"))


def test_three_priority_leads_contribute_and_the_lead_merges_from_the_command_line(tmp_path):
    files = tmp_path / "files"
    extra = {f"family-day-{n}.jpg": PHOTO for n in ("lee", "mo", "nia")}
    write_files(files, {**IIF_FILES, **extra}, PHOTO)
    from PIL import Image  # each member's photo different from the others

    for shade, n in enumerate(("lee", "mo", "nia")):
        Image.new("RGB", (64, 48), (10 + 60 * shade, 90, 160)).save(
            files / f"family-day-{n}.jpg", "JPEG"
        )
    values = {"portfolio": tmp_path / "hmyoi.portfolio", "files": files, "out": tmp_path / "out"}
    values.update({n: tmp_path / f"{n}.portfolio" for n in ("lee", "mo", "nia")})
    values.update({f"{n}_pack": tmp_path / f"{n}.zip" for n in ("lee", "mo", "nia")})
    values["out"].mkdir()
    run_lines(IIF_JOURNEY, values)
    before = _diary_texts(values["portfolio"])
    _member_work(values, "lee", "Lee Grant", 2, "amber", "Visits room repainted with families.")
    _member_work(values, "mo", "Mo Farah-Smith", 3, "red", "Family learning sessions planned.")
    _member_work(values, "nia", "Nia Evans", 4, "amber", "Resettlement meeting with a family.")
    run_lines(["merge $portfolio $lee_pack"], values)  # no conflict: it just comes in
    code, out, _err = _run("merge $portfolio $mo_pack --dry-run", values)
    assert code == 0 and "conflict" in out and "mine:   amber" in out and "theirs: red" in out
    conflict_id = re.search(r"conflict\s+([0-9a-f]{12})", out).group(1)
    state = health(values["portfolio"])
    code, out, err = _run(
        "merge $portfolio $mo_pack", values
    )  # a conflict and no decision: refused, one line
    assert (code, out) == (1, "") and len(err.strip().splitlines()) == 1 and conflict_id in err
    assert health(values["portfolio"]) == state
    decisions = tmp_path / "choices.json"
    decisions.write_text(json.dumps({conflict_id: "theirs"}), encoding="utf-8")
    run_lines(["merge $portfolio $mo_pack --decisions $choices"], {**values, "choices": decisions})
    run_lines(
        ["merge $portfolio $nia_pack --take mine"], values
    )  # Nia's amber is the same as the current: no conflict
    code, out, _err = _run("merge $portfolio $nia_pack", values)
    assert code == 0 and "nothing was changed" in out
    added = [
        "Family learning sessions planned.",
        "Resettlement meeting with a family.",
        "Visits room repainted with families.",
    ]
    assert _diary_texts(values["portfolio"]) == sorted(before + added)
    code, out, _err = _run("contributions $portfolio", values)
    assert (
        all(who in out for who in ("Lee Grant", "Mo Farah-Smith", "Nia Evans")) and "diary" in out
    )
    after = health(values["portfolio"])
    assert after["duplicate_files"] == 0 and after["evidence_item"] == state["evidence_item"] + 2
    run_lines(FINAL_CHECKS, values)

    # round trip: Lee receives a new copy with everyone's work, and contributes again, twice from it
    values["lee2"], values["lee2_pack"], values["lee3_pack"] = (
        tmp_path / "lee2.portfolio",
        tmp_path / "lee2.zip",
        tmp_path / "lee3.zip",
    )
    run_lines(
        [
            "team-copy $portfolio $lee2 --for 'Lee Grant'",
            f"diary add $lee2 2 {TODAY} 'Second family day.' --by 'Lee Grant'",
            "contribute $lee2 $lee2_pack",
            "merge $portfolio $lee2_pack",
            f"diary add $lee2 2 {TODAY} 'Third family day.' --by 'Lee Grant'",
            "contribute $lee2 $lee3_pack",
        ],
        values,
    )
    code, out, _err = _run("merge $portfolio $lee3_pack --dry-run", values)
    assert out.count("already-there") == 1 and out.count("\n  new ") == 1
    run_lines(["merge $portfolio $lee3_pack"], values)
    assert _diary_texts(values["portfolio"]) == sorted(
        before + added + ["Second family day.", "Third family day."]
    )
    assert health(values["portfolio"])["duplicate_files"] == 0
    run_lines(["verify $out/bundle.zip"], values)


def test_usage_errors_exit_2(tmp_path):
    """--take and --decisions together, an unknown --take, or no --for are usage errors."""
    for line in (
        "merge a.portfolio p.zip --take mine --decisions d.json",
        "merge a.portfolio p.zip --take both",
        "team-copy a.portfolio b.portfolio",
    ):
        try:
            code = _run(line, {})[0]
        except SystemExit as exc:
            code = exc.code
        assert code == 2, line
