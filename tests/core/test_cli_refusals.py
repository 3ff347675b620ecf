"""Every command refuses bad names, dates, rules and unwritable or damaged portfolios with one line, changing nothing."""

import os
import shutil
import sqlite3

import pytest

from portfolio_builder.core.shape.snapshot import build_snapshot
from portfolio_builder.core.storage import portfolio_file, schema
from portfolio_builder.core.storage.portfolio_file import Portfolio

from .cli_runner import run_in_process, run_lines

SETUP = [
    "new $portfolio --framework family-partnership-award --setting 'Oak Primary School' --lead 'Ann Patel'",
    "staff add $portfolio 'Ben Jones' --role Governor",
    "descriptor add $portfolio 2 2a 'Leaders promote partnership.'",
    "add $portfolio $files/a.txt $files/b.txt --descriptor 1a --consent not-needed",  # items 1 and 2
    "add $portfolio $files/c.txt --consent not-needed",  # item 3, untagged
    "rate $portfolio 1a developing --on 2025-09-26",
]
FILES = {
    "a.txt": "Minutes one.\n",
    "b.txt": "Policy two.\n",
    "c.txt": "Newsletter three.\n",
    "d.txt": "Survey four.\n",
    "paste-3.txt": "a. Families get news.\nb) Families are asked.\n",
    "paste-dup.txt": "a. One.\nA. Again.\n",
    "paste-taken.txt": "a. Leaders again.\n",
    "paste-junk.txt": "Theme three descriptors\na. One.\n",
    "paste-other.txt": "4a Belongs to theme four.\n",
    "paste-empty.txt": "\n\n",
    "latin1.txt": "caf\xe9".encode("latin-1"),
}


SETUP_IIF = [
    "new $portfolio --framework investors-in-families-secure --setting 'Hillside' --lead 'Ann Patel'",
    "staff add $portfolio 'Ben Jones' --role Governor",
    "descriptor add $portfolio E1 E1a 'Families are welcomed on visits.'",
    "priority add $portfolio 'Family Forum' --statement E1a --lead 'Ben Jones'",
    "add $portfolio $files/a.txt $files/b.txt $files/c.txt --consent not-needed",  # items 1-3
]


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """Two small portfolios made with the command line: FPA (a governor, 2a, items 1-3, 1a rated) and IiF
    (a governor, statement E1a, one priority, items 1-3)."""
    folder = tmp_path_factory.mktemp("refusals")
    for name, content in FILES.items():
        (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode())
    run_lines(SETUP, {"portfolio": folder / "oak.portfolio", "files": folder})
    run_lines(SETUP_IIF, {"portfolio": folder / "hill.portfolio", "files": folder})
    return folder


def _copy(base, tmp_path, name):
    shutil.copy(base / name, tmp_path / name)
    return tmp_path / name, base


@pytest.fixture
def oak(base, tmp_path):
    """A fresh copy of the FPA portfolio for one test, and the folder of files."""
    return _copy(base, tmp_path, "oak.portfolio")


@pytest.fixture
def hill(base, tmp_path):
    """A fresh copy of the Investors in Families portfolio for one test, and the folder of files."""
    return _copy(base, tmp_path, "hill.portfolio")


def state(path) -> dict:
    """Everything the portfolio holds (as portfolio.json would), without the moment it was read."""
    with Portfolio.open(path, read_only=True) as portfolio:
        snapshot = build_snapshot(portfolio).to_json_dict()
    snapshot.pop("created_at")
    return snapshot


def refused(argv: list[str]) -> str:
    """Run a command that must be refused: exit 1, exactly one line on stderr, no traceback; returns the line."""
    code, _, err = run_in_process(argv)
    assert code == 1, f"{argv} exited {code}"
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


REFUSALS = [  # (arguments after the command's path is inserted at {p}, words the refusal must contain)
    (["setting", "{p}", "--name", " "], ["needs a name"]),
    (["setting", "{p}", "--context", "@{f}/missing.txt"], ["missing.txt", "missing"]),
    (["setting", "{p}", "--context", "@{f}/latin1.txt"], ["not UTF-8"]),
    (["staff", "add", "{p}", "BEN JONES"], ["already on the staff list"]),
    (["staff", "add", "{p}", " "], ["needs a name"]),
    (["theme", "{p}", "9"], ["no theme '9'", "1 (Ethos, vision and policy)", "6 (Effectiveness)"]),
    (["theme", "{p}", "2", "--lead", "Zed"], ["Nobody called 'Zed'", "Ann Patel, Ben Jones"]),
    (
        ["theme", "{p}", "2", "--started", "14/03/2026"],
        ["'14/03/2026' is not a start date", "YYYY-MM-DD"],
    ),
    (["theme", "{p}", "2", "--started", "2026-03-01", "--ended", "2026-02-01"], ["cannot end"]),
    (["theme", "{p}", "2", "--title", " "], ["needs a title"]),
    (["theme", "{p}", "2", "--summary", "@{f}/missing.txt"], ["missing"]),
    (["descriptor", "add", "{p}", "7", "7a", "Text"], ["no theme '7'", "Themes:"]),
    (["descriptor", "add", "{p}", "2", "1a", "Text"], ["'1a' is already used"]),
    (["descriptor", "add", "{p}", "2", "2 b", "Text"], ["not a valid code"]),
    (
        ["descriptor", "edit", "{p}", "9z", "--text", "T"],
        ["no evidence descriptor '9z'", "1a", "2a"],
    ),
    (["descriptor", "edit", "{p}", "1a"], ["Nothing to change"]),
    (["descriptor", "paste", "{p}", "3", "{f}/paste-dup.txt"], ["3a is pasted twice"]),
    (
        ["descriptor", "paste", "{p}", "2", "{f}/paste-taken.txt"],
        ["2a is already in this portfolio"],
    ),
    (["descriptor", "paste", "{p}", "3", "{f}/paste-junk.txt"], ["line 1 starts no lettered item"]),
    (["descriptor", "paste", "{p}", "3", "{f}/paste-other.txt"], ["numbered for theme 4"]),
    (["descriptor", "paste", "{p}", "3", "{f}/paste-empty.txt"], ["nothing to add"]),
    (["descriptor", "paste", "{p}", "3", "{f}/missing.txt"], ["missing"]),
    (["descriptor", "paste", "{p}", "Z", "{f}/paste-3.txt"], ["no theme 'Z'"]),
    (["rate", "{p}", "9z", "embedded"], ["no evidence descriptor '9z'", "Codes in this portfolio"]),
    (
        ["rate", "{p}", "1a", "great"],
        ["'great' is not on this portfolio's scale", "Emergent, Developing, Embedded"],
    ),
    (["rate", "{p}", "1a", "embedded", "--on", "2999-01-01"], ["future"]),
    (["rate", "{p}", "1a", "embedded", "--on", "2026-02-30"], ["not a rating date"]),
    (
        ["rate", "{p}", "1a", "embedded", "--by", "Zed"],
        ["Nobody called 'Zed'", "Ann Patel, Ben Jones"],
    ),
    (["priority", "add", "{p}", "Visits"], ["does not use priorities", "action plan"]),
    (["write", "{p}", "outline-plan", "Year 1"], ["has no text 'outline-plan'", "case-study"]),
    (["theme", "{p}", "2", "--best-fit", "green"], ["'green' is not on this portfolio's scale"]),
    (["theme", "{p}", "2", "--best-fit", "embedded", "--on", "2999-01-01"], ["future"]),
    (["theme", "{p}", "2", "--on", "2026-01-01"], ["give --best-fit"]),
    (["action", "add", "{p}", "--theme", "9", "--action", "Do"], ["no theme '9'"]),
    (
        ["action", "add", "{p}", "--theme", "1", "--action", "Do", "--from", "2026-1-1"],
        ["not a start date"],
    ),
    (
        [
            "action",
            "add",
            "{p}",
            "--theme",
            "1",
            "--action",
            "Do",
            "--from",
            "2026-03-01",
            "--to",
            "2026-02-01",
        ],
        ["cannot end before it starts"],
    ),
    (
        ["action", "add", "{p}", "--theme", "1", "--action", "Do", "--lead", "Zed"],
        ["Nobody called 'Zed'"],
    ),
    (["action", "add", "{p}", "--theme", "1", "--action", " "], ["needs a description"]),
    (["write", "{p}", "case-study", "@{f}"], ["is a folder"]),
    (
        ["evidence", "{p}", "1", "99", "98", "--consent", "obtained"],
        ["no evidence items 98-99", "items 1-3"],
    ),
    (["evidence", "{p}", "1", "2", "--date", "2026-13-01"], ["not a date"]),
    (["evidence", "{p}", "1", "--title", " "], ["needs a title"]),
    (["evidence", "{p}", "42"], ["no evidence item 42"]),
    (["untag", "{p}", "3", "1a"], ["Item 3 is not presented for 1a", "no tags"]),
    (["untag", "{p}", "1", "1b"], ["Item 1 is not presented for 1b", "presented for 1a"]),
    (["untag", "{p}", "99", "1a"], ["no evidence item 99"]),
    (["untag", "{p}", "1", "9z"], ["no evidence descriptor '9z'"]),
    (["remove", "{p}", "1", "2", "99"], ["no evidence item 99", "nothing was changed"]),
    (["tag", "{p}", "3", "1a"], ["already has its 2 key evidence items", "(item 1)", "(item 2)"]),
    (["tag", "{p}", "3", "9z"], ["no evidence descriptor '9z'"]),
    (["add", "{p}", "{f}/d.txt", "--descriptor", "1a"], ["already has its 2 key evidence items"]),
]


IIF_REFUSALS = [  # priorities, their cover sheets and the scheme's own rules, on the IiF portfolio
    (["priority", "add", "{p}", "Visits", "--statement", "9z"], ["no quality statement '9z'"]),
    (["priority", "add", "{p}", "Visits", "--lead", "Zed"], ["Nobody called 'Zed'"]),
    (["priority", "add", "{p}", " "], ["needs a title"]),
    (
        ["action", "add", "{p}", "--theme", "1", "--action", "Do", "--priority", "4"],
        ["no priority 4", "1 Family Forum"],
    ),
    (["diary", "add", "{p}", "2", "2026-01-05", "Text"], ["no priority 2", "1 Family Forum"]),
    (["diary", "add", "{p}", "1", "2999-01-05", "Text"], ["cannot be dated in the future"]),
    (["diary", "add", "{p}", "1", "yesterday", "Text"], ["'yesterday' is not a diary date"]),
    (
        ["diary", "add", "{p}", "1", "2026-01-05", "Text", "--evidence", "1", "--evidence", "99"],
        ["no evidence item 99", "items 1-3"],
    ),
    (["diary", "add", "{p}", "1", "2026-01-05", "Text", "--by", "Zed"], ["Nobody called 'Zed'"]),
    (["diary", "add", "{p}", "1", "2026-01-05", " "], ["needs some text"]),
    (["impact", "{p}", "3", "Text"], ["no priority 3"]),
    (["impact", "{p}", "1", "@{f}/missing.txt"], ["missing"]),
    (["write", "{p}", "case-study", "Our journey"], ["has no text 'case-study'", "outline-plan"]),
    (["theme", "{p}", "E1", "--best-fit", "green"], ["has no overall best-fit judgement"]),
    (["setting", "{p}", "--award-level", "Gold"], ["not an award level"]),
]
CASES = [("oak", argv, words) for argv, words in REFUSALS] + [
    ("hill", argv, words) for argv, words in IIF_REFUSALS
]


@pytest.mark.parametrize(
    "which, argv, words",
    CASES,
    ids=[f"{w} " + " ".join(a[:3]) + f" #{n}" for n, (w, a, _) in enumerate(CASES)],
)
def test_a_refused_command_names_what_is_known_and_changes_nothing(request, which, argv, words):
    """Unknown names, bad or future dates, broken rules and unreadable files are refused in one line that says
    what exists, and the portfolio is exactly as before."""
    path, files = request.getfixturevalue(which)
    before = state(path)
    err = refused([a.format(p=path, f=files) for a in argv])
    for word in words:
        assert word in err
    assert state(path) == before


WRITES = [  # one valid use of every command that changes a portfolio (IiF for the priorities' commands)
    ["setting", "{p}", "--head", "Joy Okafor"],
    ["staff", "add", "{p}", "Carla Mendes"],
    ["theme", "{p}", "2", "--title", "Leadership"],
    ["descriptor", "add", "{p}", "2", "2z", "Text"],
    ["descriptor", "edit", "{p}", "1a", "--text", "New text"],
    ["descriptor", "paste", "{p}", "3", "{f}/paste-3.txt"],
    ["rate", "{p}", "1a", "embedded", "--on", "2026-01-01"],
    ["hill", "priority", "add", "{p}", "Visits"],
    ["action", "add", "{p}", "--theme", "1", "--action", "Do"],
    ["hill", "diary", "add", "{p}", "1", "2026-01-05", "Letters sent.", "--evidence", "3"],
    ["hill", "impact", "{p}", "1", "More families came."],
    ["write", "{p}", "case-study", "The Ahmed family."],
    ["theme", "{p}", "1", "--best-fit", "developing"],
    ["evidence", "{p}", "1", "2", "--title", "Minutes"],
    ["untag", "{p}", "1", "1a"],
    ["remove", "{p}", "1", "3"],
    ["add", "{p}", "{f}/d.txt"],
    ["tag", "{p}", "3", "1b"],
]
WRITE_IDS = [" ".join(a[:3] if a[0] == "hill" else a[:2]) for a in WRITES]


def _target(request, argv):
    """(path, files, argv) on the portfolio the command is for: IiF when argv starts with 'hill'."""
    which, argv = ("hill", argv[1:]) if argv[0] == "hill" else ("oak", argv)
    path, files = request.getfixturevalue(which)
    return path, files, argv


@pytest.mark.parametrize("argv", WRITES, ids=WRITE_IDS)
def test_each_write_changes_a_writable_portfolio(request, argv):
    """Every writing command works on a writable portfolio (so its refusals below are not vacuous)."""
    path, files, argv = _target(request, argv)
    before = state(path)
    code, out, err = run_in_process([a.format(p=path, f=files) for a in argv])
    assert code == 0 and err == "" and out
    assert state(path) != before


@pytest.mark.parametrize("argv", WRITES, ids=WRITE_IDS)
def test_a_newer_format_portfolio_is_read_only_to_every_command(request, argv):
    """A portfolio saved by a newer version opens read-only: every write is refused, saying why, and nothing
    changes."""
    path, files, argv = _target(request, argv)
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version={schema.SCHEMA_VERSION + 1}")
    connection.close()
    before = state(path)
    assert "newer version" in refused([a.format(p=path, f=files) for a in argv])
    assert state(path) == before


@pytest.mark.parametrize("argv", WRITES, ids=WRITE_IDS)
def test_a_read_only_location_refuses_every_write(request, argv, monkeypatch):
    """Where the OS reports the portfolio unwritable (a locked pen drive; works as root too), every write is
    refused and nothing changes."""
    path, files, argv = _target(request, argv)
    before = state(path)
    monkeypatch.setattr(portfolio_file, "_is_writable_location", lambda _path: False)
    assert "read-only" in refused([a.format(p=path, f=files) for a in argv])
    monkeypatch.undo()
    assert state(path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_folder_refuses_writes(oak):
    """A portfolio in a folder without write permission refuses a rating and stays as it was."""
    path, _ = oak
    before = state(path)
    path.parent.chmod(0o555)
    try:
        assert "read-only" in refused(["rate", str(path), "1a", "embedded"])
    finally:
        path.parent.chmod(0o755)
    assert state(path) == before


READS = [
    ["show", "{p}", "--json"],
    ["staff", "list", "{p}"],
    ["setting", "{p}"],
    ["theme", "{p}", "1"],
    ["evidence", "{p}", "1"],
    ["status", "{p}"],
    ["contributions", "{p}"],
]


@pytest.mark.parametrize("argv", WRITES + READS, ids=WRITE_IDS + [" ".join(a[:2]) for a in READS])
def test_a_damaged_portfolio_is_refused_and_left_as_it_was(request, argv):
    """A truncated portfolio (a half-finished copy) is refused by every command, saying so, byte for byte untouched."""
    path, files, argv = _target(request, argv)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = path.read_bytes()
    assert "damaged" in refused([a.format(p=path, f=files) for a in argv])
    assert path.read_bytes() == before
