"""The command line is a contract: its outputs and exit codes (0 ok, 1 refused, 2 usage)."""

import json
import subprocess
import sys

import pytest

from portfolio_builder.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_frameworks_lists_the_shipped_ones(capsys):
    """`frameworks` lists each framework's id and size."""
    code, out, _ = run(capsys, "frameworks")
    assert code == 0 and "family-partnership-award" in out and "investors-in-families-secure" in out


def test_new_then_status_json(capsys, tmp_path):
    """A new portfolio reports not ready, with its problems, as JSON."""
    path = tmp_path / "oak.portfolio"
    code, out, _ = run(
        capsys, "new", str(path), "--framework", "family-partnership-award", "--setting", "Oak"
    )
    assert code == 0 and path.exists()
    code, out, _ = run(capsys, "status", str(path), "--json")
    report = json.loads(out)
    assert code == 0 and report["ready"] is False
    assert "Evidence descriptor 1a has 0 of 2 key evidence items." in report["problems"]


def test_refusals_exit_1_with_one_line(capsys, tmp_path):
    """A refused request exits 1 with a single clear line on stderr and no traceback."""
    code, _, err = run(
        capsys, "new", str(tmp_path / "x.portfolio"), "--framework", "nope", "--setting", "Oak"
    )
    assert code == 1 and err.count("\n") == 1 and "Known frameworks" in err
    assert not (tmp_path / "x.portfolio").exists()
    junk = tmp_path / "junk.portfolio"
    junk.write_text("not a database")
    code, _, err = run(capsys, "status", str(junk))
    assert code == 1 and "not a portfolio file" in err and "Traceback" not in err


def test_tag_unknown_evidence_is_refused(capsys, tmp_path):
    """Tagging an item that does not exist exits 1 and changes nothing."""
    path = tmp_path / "oak.portfolio"
    run(capsys, "new", str(path), "--framework", "family-partnership-award", "--setting", "Oak")
    code, _, err = run(capsys, "tag", str(path), "99", "1a")
    assert code == 1 and "no evidence item 99" in err


def test_usage_errors_exit_2(capsys):
    """A missing argument or unknown command is a usage error (exit 2)."""
    with pytest.raises(SystemExit) as caught:
        main(["new"])
    assert caught.value.code == 2
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])
    assert caught.value.code == 2


def test_installed_entry_point_runs(tmp_path):
    """The `portfolio-builder` program runs as a separate process."""
    result = subprocess.run(
        [sys.executable, "-m", "portfolio_builder.cli", "frameworks"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 and "blank" in result.stdout


def test_backup_list_and_restore(capsys, tmp_path):
    """`backup` makes a copy, `backups` lists it as number 1, `restore PATH 1` puts it back; the state before is kept."""
    path = tmp_path / "oak.portfolio"
    run(capsys, "new", str(path), "--framework", "family-partnership-award", "--setting", "Oak")
    code, out, _ = run(capsys, "backup", str(path))
    assert code == 0 and out.startswith("Backed up to ")
    note = tmp_path / "minutes.txt"
    note.write_text("Family Forum minutes\n")
    assert run(capsys, "add", str(path), str(note))[0] == 0
    code, out, _ = run(capsys, "backups", str(path), "--json")
    listed = json.loads(out)
    assert (
        code == 0
        and len(listed) == 1
        and listed[0]["evidence_items"] == 0
        and listed[0]["problem"] == ""
    )
    code, out, _ = run(capsys, "restore", str(path), "1")
    assert code == 0 and "Restored the copy from" in out
    assert json.loads(run(capsys, "status", str(path), "--json")[1])[
        "problems"
    ]  # still a readable portfolio
    code, out, _ = run(capsys, "backups", str(path), "--json")
    kinds = [b["kind"] for b in json.loads(out)]
    assert (
        "before-restore" in kinds and json.loads(out)[0]["evidence_items"] == 1
    )  # the undo copy, newest
    from portfolio_builder.core.storage.portfolio_file import Portfolio

    with Portfolio.open(path, read_only=True) as portfolio, portfolio.raw_connection() as conn:
        assert conn.execute("SELECT count(*) FROM evidence_item").fetchone()[0] == 0


def test_restore_refuses_while_a_window_has_the_portfolio_open(capsys, tmp_path):
    """A live window's lock file (another process) makes `restore` refuse with one line, changing nothing."""
    path = tmp_path / "oak.portfolio"
    run(capsys, "new", str(path), "--framework", "family-partnership-award", "--setting", "Oak")
    run(capsys, "backup", str(path))
    before = path.read_bytes()
    window = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        (tmp_path / "oak.portfolio.lock").write_text(f"{window.pid}\nPortfolio Builder\nhost\n")
        code, _, err = run(capsys, "restore", str(path), "1")
        assert code == 1 and "open in a Portfolio Builder window" in err and err.count("\n") == 1
        assert path.read_bytes() == before
    finally:
        window.kill()
        window.wait()
    code, _, _ = run(
        capsys, "restore", str(path), "1"
    )  # the window is gone: its stale lock no longer counts
    assert code == 0
    code, _, err = run(capsys, "restore", str(path), "9")
    assert code == 1 and "no backup number 9" in err


def test_an_unexpected_error_is_one_line_not_a_traceback(capsys, tmp_path, monkeypatch):
    """Even a bug of ours reaches the user as one line (exit 1); PORTFOLIO_BUILDER_DEBUG shows the trace."""
    from portfolio_builder.core.planning import readiness

    path = tmp_path / "oak.portfolio"
    run(capsys, "new", str(path), "--framework", "family-partnership-award", "--setting", "Oak")

    def broken(_portfolio):
        raise KeyError("surprise")

    monkeypatch.setattr(readiness, "check_readiness", broken)
    code, _, err = run(capsys, "status", str(path))
    assert (
        code == 1
        and err.count("\n") == 1
        and "unexpected error (KeyError" in err
        and "Traceback" not in err
    )
    monkeypatch.setenv("PORTFOLIO_BUILDER_DEBUG", "1")
    with pytest.raises(KeyError):
        main(["status", str(path)])
