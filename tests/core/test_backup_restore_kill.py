"""kill -9 in the middle of a restore leaves a portfolio that opens and passes every check, old or new, never a mix."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from portfolio_builder.core.storage.backups import make_backup
from portfolio_builder.core.storage.integrity import check_portfolio
from portfolio_builder.core.storage.portfolio_file import Portfolio
from tests.core.portfolio_factory import new_oak_portfolio
from tests.core.test_backup_restore import add_items

# The child announces each step of the restore on stdout; at the step named in argv[3] it waits to be killed,
# so every kill lands at a known point, including the moments between the steps that touch the portfolio.
RESTORE_SCRIPT = """
import os, sys, time
from portfolio_builder.core.storage import backup_restore

pause_at = sys.argv[3]

def announce(step):
    print(step, flush=True)
    if step == pause_at:
        time.sleep(30)

def wrap(name, before, after):
    real = getattr(backup_restore, name)
    def step(*args, **kwargs):
        announce(before)
        result = real(*args, **kwargs)
        announce(after)
        return result
    setattr(backup_restore, name, step)

wrap("_copy_into", "copying", "copied")
wrap("_save_current", "saving", "saved")
wrap("_retire_wal", "retiring", "retired")
real_replace = os.replace
def replace(src, dst):
    real_replace(src, dst)
    if os.path.samefile(dst, sys.argv[1]):  # the swap itself, not a backup's .part being renamed
        announce("replaced")
backup_restore.os.replace = replace
announce("start")
backup_restore.restore_backup(sys.argv[1], sys.argv[2])
announce("finished")
"""

OLD = [f"current {n:02d}" for n in range(24)]
NEW = [f"backup {n:02d}" for n in range(24)]


def run_and_kill(
    forking_child, portfolio: Path, backup: Path, step: str, delay: float, pause: bool = True
) -> list[str]:
    """Run a restore in a child process; SIGKILL it `delay` seconds after it announces `step` (and waits there,
    unless pause is False)."""
    child = forking_child.start(
        ["-c", RESTORE_SCRIPT, portfolio, backup, step if pause else "none"]
    )
    seen = []
    try:
        while True:
            line = child.readline().strip()
            if not line:
                break
            seen.append(line)
            if line == step:
                time.sleep(delay)
                break
    finally:
        child.kill()
    assert step in seen, f"the child never reached {step}: {seen}"
    return seen


def state_after_kill(path: Path) -> list[str]:
    """Open the portfolio as the app would, run Check portfolio, and return its evidence titles."""
    with Portfolio.open(path) as portfolio:
        assert check_portfolio(portfolio) == []
        with portfolio.raw_connection() as conn:
            return [r[0] for r in conn.execute("SELECT title FROM evidence_item ORDER BY title")]


@pytest.fixture(scope="module")
def made_pair(tmp_path_factory):
    """A portfolio (24 items of 1 MB) and a backup of other content (24 other items), both real and large
    enough that the copy and checks take a measurable time; made once, copied for each test by restore_pair."""

    path = tmp_path_factory.mktemp("restore-pair") / "oak.portfolio"
    with new_oak_portfolio(path) as portfolio:
        add_items(portfolio, *NEW, blob_size=1_000_000)
        backup = make_backup(path, "manual")
        with portfolio.raw_connection() as conn:
            conn.execute("DELETE FROM evidence_item")
            conn.execute("DELETE FROM stored_file")
            conn.commit()
        add_items(portfolio, *OLD, blob_size=1_000_000)
    return path, backup


@pytest.fixture
def restore_pair(made_pair, tmp_path):
    """A copy of the portfolio and its backup folder (closed files: a copy is the same portfolio)."""
    path, backup = made_pair
    folder = shutil.copytree(path.parent, tmp_path / "pair")
    return folder / path.name, folder / backup.relative_to(path.parent)


@pytest.mark.slow
@pytest.mark.parametrize(
    "step, delay, expected",
    [
        ("copying", 0.0, OLD),  # while the backup is being copied into the temp file
        ("copying", 0.05, OLD),
        ("copied", 0.0, OLD),  # temp file complete, not yet checked
        ("saving", 0.02, OLD),  # while the current state is being backed up
        ("retired", 0.0, OLD),  # the portfolio's WAL folded in, the files not yet swapped
        ("replaced", 0.0, NEW),  # swapped, the folder not yet synced
    ],
)
def test_kill_minus_nine_mid_restore_leaves_old_or_new_whole(
    restore_pair, forking_child, step, delay, expected
):
    """Killed at each step, the portfolio opens and passes Check portfolio with all of one content; a retry finishes."""
    path, backup = restore_pair
    run_and_kill(forking_child, path, backup, step, delay)
    assert state_after_kill(path) == sorted(expected)
    finished = forking_child.run(["-c", RESTORE_SCRIPT, path, backup, "none"], timeout=120)
    assert "finished" in finished.stdout, finished.stderr
    assert state_after_kill(path) == sorted(NEW)
    assert not Path(f"{path}.restoring").exists() and not Path(f"{path}.restoring-journal").exists()


@pytest.mark.slow
def test_kill_minus_nine_at_random_moments_never_mixes(restore_pair, forking_child):
    """Killed at moments not tied to any step, the portfolio is always wholly old or wholly new."""
    path, backup = restore_pair
    outcomes = []
    for delay in (
        0.0,
        0.01,
        0.02,
        0.04,
        0.06,
        0.08,
        0.1,
        0.3,
    ):  # a whole restore here takes about 0.1 s
        run_and_kill(forking_child, path, backup, "start", delay, pause=False)
        titles = state_after_kill(path)
        assert titles in (sorted(OLD), sorted(NEW))
        outcomes.append(titles == sorted(NEW))
    print("restored before the kill:", outcomes)
