"""File > Restore from a backup…: the chooser lists what each copy holds, and a restore puts the copy back."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from portfolio_builder.core.storage.backup_catalog import describe_backups
from portfolio_builder.core.storage.backups import backup_folder, make_backup
from portfolio_builder.core.storage.portfolio_file import Portfolio
from portfolio_builder.ui.backup_restore_dialog import RestoreBackupDialog
from portfolio_builder.ui.models.backup_table_model import BackupTableModel, describe_when
from tests.ui.conftest import add_evidence


def titles(path: Path) -> list[str]:
    with Portfolio.open(path, read_only=True) as portfolio, portfolio.raw_connection() as conn:
        return [r[0] for r in conn.execute("SELECT title FROM evidence_item ORDER BY title")]


@pytest.fixture
def backups(fpa_portfolio):
    """Two good backups (0 then 1 evidence item) and a damaged one."""
    first = make_backup(fpa_portfolio.path, "auto")
    add_evidence(fpa_portfolio, "Coffee morning")
    second = make_backup(fpa_portfolio.path, "manual")
    damaged = (
        backup_folder(fpa_portfolio.path)
        / f"{fpa_portfolio.path.stem}-auto-20260101-090000-000000.portfolio"
    )
    damaged.write_bytes(second.read_bytes()[:5000])
    return fpa_portfolio.path, first, second, damaged


def test_backup_model_passes_qt_model_checks(qtmodeltester, backups):
    """The backups table model (good and damaged rows) obeys Qt's model contract."""
    model = BackupTableModel()
    model.set_backups(describe_backups(backups[0]))
    assert model.rowCount() == 3
    qtmodeltester.check(model)


def test_chooser_lists_newest_first_and_only_offers_good_copies(qtbot, backups):
    """Newest copy first with what it holds; a damaged copy is listed, marked, and cannot be restored."""
    path, first, second, damaged = backups
    dialog = RestoreBackupDialog(path)
    qtbot.addWidget(dialog)
    proxy = dialog.proxy
    rows = [
        [proxy.index(r, c).data() for c in range(proxy.columnCount())]
        for r in range(proxy.rowCount())
    ]
    assert rows[0][1:4] == ["Back up now", "1", "0 of 10"]
    assert rows[1][1:4] == ["Automatically", "0", "0 of 10"]
    assert rows[2][0] == "Thu 1 Jan 2026, 09:00" and rows[2][6] == "Damaged"
    assert dialog.chosen().path == second and dialog.restore_button.isEnabled()
    assert dialog.select_backup(damaged)
    assert dialog.chosen() is None and not dialog.restore_button.isEnabled()
    assert (
        "cannot be restored: it is damaged: shorter than its own header says"
        in dialog.detail.text()
    )
    assert dialog.select_backup(first) and dialog.restore_button.isEnabled()


def test_when_is_said_the_way_people_say_it():
    """Backups from today and yesterday say so; older ones give the weekday and date."""
    today = datetime(2026, 5, 12, 14, 5).date()
    assert describe_when(datetime(2026, 5, 12, 14, 5), today) == "Today 14:05"
    assert describe_when(datetime(2026, 5, 11, 9, 30), today) == "Yesterday 09:30"
    assert describe_when(datetime(2026, 5, 4, 8, 0), today) == "Mon 4 May 2026, 08:00"


@pytest.fixture
def answer_chooser():
    """answer_chooser(path): when the chooser opens, note its rows, select that backup and press Restore
    (Cancel when path is None). Returns the row texts seen, one list per opening."""
    timers = []

    def arm(choose_path: Path | None) -> list[list[str]]:
        seen: list[list[str]] = []

        def poll():
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, RestoreBackupDialog) and dialog.isVisible():
                seen.append(
                    [dialog.proxy.index(r, 0).data() for r in range(dialog.proxy.rowCount())]
                )
                if choose_path is None or not dialog.select_backup(choose_path):
                    dialog.reject()
                else:
                    dialog.restore_button.click()

        timers.append(QTimer(interval=20, timeout=poll))
        timers[-1].start()
        return seen

    yield arm
    for timer in timers:
        timer.stop()


def test_restore_from_the_file_menu_brings_back_the_copy(
    qtbot, main_window, portfolio_path, dialogs, answer_chooser
):
    """Choosing a copy and confirming puts it back, reopens the portfolio, and says the previous state was kept."""
    add_evidence(main_window.context.portfolio, "Coffee morning")
    earlier = make_backup(portfolio_path, "manual")
    add_evidence(main_window.context.portfolio, "Parents evening")
    seen = answer_chooser(earlier)
    main_window.restore_action.trigger()
    assert len(seen) == 1 and len(seen[0]) == 2, (
        "the chooser should have opened once, listing two backups"
    )
    assert "This replaces the portfolio with the copy from" in dialogs.questions[0][0]
    assert "The current state is backed up first." in dialogs.questions[0][0]
    qtbot.waitUntil(
        lambda: "Restored the copy from" in main_window.statusBar().currentMessage(), timeout=15000
    )
    assert main_window.context is not None and not main_window.context.read_only
    assert dialogs.errors == []
    with main_window.context.portfolio.raw_connection() as conn:
        assert [r[0] for r in conn.execute("SELECT title FROM evidence_item")] == ["Coffee morning"]
    assert "backed up first" in main_window.statusBar().currentMessage()
    before = [b for b in describe_backups(portfolio_path) if b.label == "before-restore"]
    assert len(before) == 1 and titles(before[0].path) == ["Coffee morning", "Parents evening"]
    assert main_window.lock is not None and main_window.lock._lock.isLocked()
    qtbot.waitUntil(lambda: main_window.backups.worker is None, timeout=10000)
    assert (
        "Restored the copy from" in main_window.statusBar().currentMessage()
    )  # not hidden by the open backup


def test_saying_no_changes_nothing(qtbot, main_window, portfolio_path, dialogs, answer_chooser):
    """Answering No to the confirmation leaves the portfolio open and as it was, with no new backup."""
    add_evidence(main_window.context.portfolio, "Coffee morning")
    earlier = make_backup(portfolio_path, "manual")
    add_evidence(main_window.context.portfolio, "Parents evening")
    dialogs.answer = False
    context = main_window.context
    answer_chooser(earlier)
    main_window.restore_action.trigger()
    assert len(dialogs.questions) == 1
    assert main_window.context is context
    assert len(describe_backups(portfolio_path)) == 2  # the one made on open, and `earlier`
    with context.portfolio.raw_connection() as conn:
        assert conn.execute("SELECT count(*) FROM evidence_item").fetchone()[0] == 2


def test_a_refused_restore_reopens_the_portfolio_unchanged(
    qtbot, main_window, portfolio_path, dialogs, monkeypatch
):
    """When the core refuses (here: the copy was altered after it was chosen), the error is shown and the portfolio
    reopens as it was."""
    add_evidence(main_window.context.portfolio, "Coffee morning")
    earlier = make_backup(portfolio_path, "manual")
    info = next(b for b in describe_backups(portfolio_path) if b.path == earlier)
    monkeypatch.setattr(RestoreBackupDialog, "choose", classmethod(lambda cls, parent, path: info))
    with sqlite3.connect(earlier) as conn:
        conn.execute("PRAGMA application_id=1")
    main_window.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=15000)
    assert "cannot be restored" in dialogs.errors[0] and "not changed" in dialogs.errors[0]
    assert main_window.context is not None
    with main_window.context.portfolio.raw_connection() as conn:
        assert conn.execute("SELECT count(*) FROM evidence_item").fetchone()[0] == 1


def test_restore_is_not_offered_on_a_read_only_portfolio(qtbot, dialogs, portfolio_path):
    """A portfolio open read-only (here: from a newer version) cannot be restored over: the menu item is disabled."""
    from portfolio_builder.app import build_main_window

    with sqlite3.connect(portfolio_path) as conn:
        conn.execute("PRAGMA user_version=99")
    window = build_main_window(str(portfolio_path), reopen_last=False)
    qtbot.addWidget(window)
    assert window.context.read_only and not window.restore_action.isEnabled()
    window.restore_from_backup()
    assert dialogs.errors and "read-only" in dialogs.errors[0]
    window.close()


def test_a_portfolio_that_will_not_open_offers_its_backups(
    qtbot, dialogs, portfolio_path, answer_chooser
):
    """A truncated portfolio says why it will not open and offers its backups; restoring one opens it again."""
    from portfolio_builder.app import build_main_window

    with Portfolio.open(portfolio_path) as portfolio:
        add_evidence(portfolio, "Coffee morning")
    good = make_backup(portfolio_path, "manual")
    portfolio_path.write_bytes(
        portfolio_path.read_bytes()[:5000]
    )  # a copy cut short on a pen drive
    seen = answer_chooser(good)
    window = build_main_window(None, reopen_last=False)
    qtbot.addWidget(window)
    window.show()
    assert not window.open_portfolio(portfolio_path)
    assert (
        "damaged" in dialogs.questions[0][0] and "Choose one to restore?" in dialogs.questions[0][0]
    )
    assert len(seen) == 1
    qtbot.waitUntil(lambda: window.context is not None, timeout=15000)
    with window.context.portfolio.raw_connection() as conn:
        assert [r[0] for r in conn.execute("SELECT title FROM evidence_item")] == ["Coffee morning"]
    assert dialogs.errors == []
    window.close()


def test_a_portfolio_that_will_not_open_and_has_no_backups_just_says_why(
    qtbot, dialogs, portfolio_path
):
    """Without backups there is nothing to offer: the reason is shown and nothing is changed."""
    from portfolio_builder.app import build_main_window

    portfolio_path.write_bytes(portfolio_path.read_bytes()[:5000])
    before = portfolio_path.read_bytes()
    window = build_main_window(None, reopen_last=False)
    qtbot.addWidget(window)
    assert not window.open_portfolio(portfolio_path)
    assert dialogs.questions == [] and "damaged" in dialogs.errors[0]
    assert portfolio_path.read_bytes() == before and window.lock is None
    window.close()
