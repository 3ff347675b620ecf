"""kill -9 in the middle of a merge leaves the lead's portfolio exactly as it was before, or fully merged."""

import os
import time

import pytest

from portfolio_builder.core.storage.portfolio_file import Portfolio
from portfolio_builder.core.team.pack_writer import make_contribution_pack
from portfolio_builder.core.team.team_copy import make_team_copy
from tests.core.portfolio_factory import add_file_evidence
from tests.core.team_fixtures import health

ITEMS = 40

MERGE_SCRIPT = """
import sys
from portfolio_builder.core.storage.portfolio_file import Portfolio
from portfolio_builder.core.team.merge_apply import apply_merge
if __name__ == "__main__":
    with Portfolio.open(sys.argv[1]) as portfolio:
        print("start", flush=True)
        apply_merge(portfolio, sys.argv[2], {}, progress=lambda done, total: print(done, flush=True))
    print("finished", flush=True)
"""


def _run_and_kill(forking_child, lead_path, pack, after_lines: int, after_seconds: float) -> bool:
    """Run a merge in a child process and SIGKILL it; True if it finished before the kill."""
    child = forking_child.start(["-c", MERGE_SCRIPT, lead_path, pack])
    finished = False
    try:
        for _ in range(after_lines):
            line = child.readline()
            if not line or line.strip() == "finished":
                finished = bool(line)
                break
        time.sleep(after_seconds)
    finally:
        child.kill()
    return finished


def _merged(lead_path) -> int:
    with Portfolio.open(lead_path, read_only=True) as portfolio, portfolio.raw_connection() as conn:
        return conn.execute("SELECT count(*) FROM merge_log").fetchone()[0]


@pytest.mark.slow
def test_kill_minus_nine_mid_merge_leaves_before_or_fully_merged(
    fpa_portfolio, tmp_path, forking_child
):
    copy = make_team_copy(fpa_portfolio, tmp_path / "ben.portfolio", "Ben")
    with Portfolio.open(copy.path) as ben:
        # A few megabytes each, so a kill lands while the bytes stream in; audio, so the pack stores
        # them as they are (deflating 80 MB of random bytes took 4 s and proved nothing more).
        for n in range(ITEMS):
            recording = os.urandom(2_000_000) + f"{n}".encode()
            add_file_evidence(
                ben, recording, f"Recording notes {n}", "audio", "audio/mp4", f"notes_{n}.m4a"
            )
    pack = make_contribution_pack(copy.path, tmp_path / "ben.zip").path
    lead_path = fpa_portfolio.path
    fpa_portfolio.close()
    before = health(lead_path)
    outcomes = []
    # "start", then one line per change applied inside the transaction: kills before it, early, midway, at the end
    for after_lines, after_seconds in (
        (1, 0.2),
        (2, 0.0),
        (12, 0.0),
        (30, 0.0),
        (ITEMS + 1, 0.0),
        (ITEMS + 1, 0.05),
    ):
        _run_and_kill(forking_child, lead_path, pack, after_lines, after_seconds)
        state, merged = health(lead_path), _merged(lead_path)
        if merged:
            assert state["evidence_item"] == before["evidence_item"] + ITEMS and merged == ITEMS
            outcomes.append("merged")
            break
        assert state == before  # not one item, tag or log row of a half-done merge
        outcomes.append("before")
    assert outcomes[:4] == ["before"] * 4, outcomes  # kills inside the transaction left no trace
    assert _run_and_kill(forking_child, lead_path, pack, 10_000, 0.0) or _merged(
        lead_path
    )  # a merge after the kills completes
    after = health(lead_path)
    assert after["evidence_item"] == before["evidence_item"] + ITEMS and _merged(lead_path) == ITEMS
    print("outcomes:", outcomes)
