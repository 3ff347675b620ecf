"""A full disk during `add` loses nothing: the file still opens, `add` says exactly what was stored, and a
killed `add` leaves no worker process behind."""

import os
import shutil
import signal
import sqlite3
import struct
import subprocess
import time
from pathlib import Path

import pytest

from portfolio_builder.core.storage.portfolio_file import Portfolio, header_problem

CLI = ["-m", "portfolio_builder.cli"]  # run by the forking child: `python -m portfolio_builder.cli`


def _notes(folder: Path, count: int, size: int, seed: str) -> Path:
    """count text files of size bytes each, all different (random hex: nothing for SQLite to share)."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"note_{seed}_{n:03d}.txt").write_text(os.urandom(size // 2).hex())
    return folder


def _new_portfolio(forking_child, path: Path) -> None:
    made = forking_child.run(
        CLI + ["new", path, "--framework", "family-partnership-award", "--setting", "Oak"]
    )
    assert made.returncode == 0, made.stderr


def _add(forking_child, path: Path, folder: Path, file_limit: int | None = None):
    """`portfolio-builder add` in a child; file_limit caps every file it writes (RLIMIT_FSIZE), like a full disk:
    a write past the cap fails (EFBIG) instead of killing it (SIGXFSZ ignored)."""
    return forking_child.run(CLI + ["add", path, folder], file_limit=file_limit, timeout=240)


def _stored_ids(path: Path) -> list[int]:
    with Portfolio.open(path) as portfolio, portfolio.raw_connection() as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return [row[0] for row in conn.execute("SELECT id FROM evidence_item ORDER BY id")]


def _header_pages_beyond_file(path: Path) -> bool:
    header = path.read_bytes()[:100]
    page_size, pages = struct.unpack(">H", header[16:18])[0], struct.unpack(">I", header[28:32])[0]
    return path.stat().st_size < (65536 if page_size == 1 else page_size) * pages  # 1 means 64 KB


@pytest.mark.slow
def test_checkpoint_cut_short_by_a_full_disk_still_opens(tmp_path, forking_child):
    """When the disk fills during the checkpoint at the end of `add`, every item it printed is in the file,
    the file opens (not 'damaged, open a backup'), and SQLite finishes the checkpoint once there is room."""
    path = tmp_path / "oak.portfolio"
    _new_portfolio(forking_child, path)
    first = _add(
        forking_child, path, _notes(tmp_path / "a", 12, 1_000_000, "a"), file_limit=20_000_000
    )
    assert first.returncode == 0, first.stderr
    second = _add(
        forking_child, path, _notes(tmp_path / "b", 12, 1_000_000, "b"), file_limit=20_000_000
    )
    assert second.returncode == 0, second.stderr
    # the state the issue found: the header counts pages that only the -wal holds
    assert _header_pages_beyond_file(path) and Path(f"{path}-wal").exists()
    assert header_problem(path) == ""
    printed = [int(line) for line in (first.stdout + second.stdout).split()]
    assert printed == list(range(1, 25))
    assert _stored_ids(path) == printed  # opening with room again finishes the checkpoint
    assert not _header_pages_beyond_file(path)


@pytest.mark.slow
def test_disk_filling_mid_add_reports_exactly_what_was_stored(tmp_path, forking_child):
    """`add` stops at the first file that does not fit, exits 1, prints the ids it stored (all of them, and only
    them, are in the file) and names the file it stopped at."""
    path = tmp_path / "oak.portfolio"
    _new_portfolio(forking_child, path)
    result = _add(
        forking_child, path, _notes(tmp_path / "src", 12, 1_000_000, "x"), file_limit=8_000_000
    )
    assert result.returncode == 1
    printed = [int(line) for line in result.stdout.split()]
    assert 0 < len(printed) < 12
    assert _stored_ids(path) == printed
    assert f"{len(printed)} new item(s) were stored and are safe" in result.stderr
    assert f"note_x_{len(printed):03d}.txt and everything after it were not added" in result.stderr
    assert "Traceback" not in result.stderr


def _mount_tmpfs(folder: Path, megabytes: int) -> str | None:
    """Mount a small tmpfs on folder; the reason it cannot be done here, or None when mounted."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        return "mounting a tmpfs needs root"
    folder.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    return (
        None
        if done.returncode == 0
        else f"this machine refuses to mount a tmpfs ({done.stderr.strip()})"
    )


@pytest.mark.slow
def test_add_on_a_full_50_mb_disk(tmp_path, forking_child):
    """On a real 50 MB disk that fills mid-add: the ids printed are exactly the items stored, the file opens and
    passes integrity_check, and with room again SQLite finishes its checkpoint."""
    disk = tmp_path / "disk"
    why = _mount_tmpfs(disk, 50)
    if why:
        pytest.skip(why)
    try:
        path = disk / "oak.portfolio"
        _new_portfolio(forking_child, path)
        result = _add(forking_child, path, _notes(tmp_path / "src", 80, 1_000_000, "t"))
        # the file that no longer fits is refused before writing, with its size and the space left
        assert result.returncode == 1 and "The disk is full" in result.stderr, result.stderr
        printed = [int(line) for line in result.stdout.split()]
        assert printed and header_problem(path) == ""
        subprocess.run(["mount", "-o", "remount,size=200m", str(disk)], check=True)
        assert _stored_ids(path) == printed
        assert not Path(f"{path}-wal").exists()  # the checkpoint finished and the WAL was folded in
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def _descendants(pid: int) -> set[int]:
    """Every live process under pid (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.slow
@pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="reads the process tree from Linux /proc"
)
def test_kill_minus_nine_of_add_ends_its_workers_and_resource_tracker(tmp_path, forking_child):
    """After kill -9 of `add`, its worker processes and multiprocessing's resource tracker end within seconds."""
    path = tmp_path / "oak.portfolio"
    _new_portfolio(forking_child, path)
    folder = _notes(
        tmp_path / "src", 20, 20_000, "k"
    )  # 16 or more files: checked by a pool of workers
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # `add` waits for the write lock with its workers started
    child = forking_child.start(CLI + ["add", path, folder], stderr=tmp_path / "add.err")
    helpers: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while (
            len(_descendants(child.pid)) < 3 and time.monotonic() < deadline
        ):  # 2 workers and the tracker
            time.sleep(0.1)
        helpers = _descendants(child.pid)
        assert len(helpers) >= 3, "the import never started its worker processes"
        child.kill(group=False)
        deadline = time.monotonic() + 15
        while any(_alive(p) for p in helpers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [p for p in helpers if _alive(p)], "helper processes outlived the killed `add`"
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
        for pid in helpers | _descendants(child.pid) | {child.pid}:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        child.kill()
