"""Closing while an import runs: asked first, stopped cleanly (what was imported stays), told at the next open."""

from __future__ import annotations

import threading
import time

import pytest

from portfolio_builder.core.errors import Cancelled
from portfolio_builder.core.evidence import evidence_import
from portfolio_builder.core.evidence.evidence_service import query_evidence
from portfolio_builder.core.storage.portfolio_file import Portfolio
from portfolio_builder.ui import page_dialogs

FILES, STOP_AFTER = 50, 12


@pytest.fixture
def held_import(monkeypatch, tmp_path):
    """A folder of 50 files whose import holds after 12 until it is cancelled or released (no timing)."""
    folder = tmp_path / "forum"
    folder.mkdir()
    for n in range(FILES):
        (folder / f"minutes {n:02d}.txt").write_text(
            f"Family forum minutes, meeting {n}.\n", encoding="utf-8"
        )
    release = threading.Event()
    real = evidence_import._import_entry

    def held(conn, options, entry, analyses, title, report, cancel=None):
        if len(report.added) >= STOP_AFTER:
            while not release.is_set() and not (cancel is not None and cancel()):
                time.sleep(0.01)
            if cancel is not None and cancel():
                raise Cancelled("stopped")
        return real(conn, options, entry, analyses, title, report, cancel)

    monkeypatch.setattr(evidence_import, "_import_entry", held)
    monkeypatch.setattr(page_dialogs, "choose_evidence_folder", lambda parent: str(folder))
    shown = []
    monkeypatch.setattr(
        page_dialogs, "show_information", lambda parent, title, message: shown.append(message)
    )
    monkeypatch.setattr(page_dialogs, "show_refusal", lambda parent, message: shown.append(message))
    return release, shown


@pytest.fixture
def thread_errors(monkeypatch):
    """Uncaught errors in any thread (a 'Signal source has been deleted' on the way out), recorded."""
    caught = []
    monkeypatch.setattr(threading, "excepthook", lambda args: caught.append(args.exc_value))
    return caught


def _start_import(qtbot, window):
    window.show_page(2)
    page = window.view.page("Evidence")
    page.add_folder_button.click()
    worker = page.importer.worker
    qtbot.waitUntil(lambda: worker.last_progress[0] == STOP_AFTER, timeout=30000)
    assert page.progress.isVisible()
    return worker


def test_closing_during_an_import_asks_stops_keeps_and_tells_the_next_open(
    qtbot, main_window, dialogs, portfolio_path, held_import, thread_errors, caplog
):
    release, shown = held_import
    worker = _start_import(qtbot, main_window)
    main_window.close()
    assert len(dialogs.questions) == 1
    question = dialogs.questions[0][0]
    assert "An import of evidence (12 of 50 files done) is still running" in question
    assert "already done is kept" in question
    assert not main_window.isVisible() and main_window.context is None
    assert not worker.running and worker.outcome == "cancelled"
    assert shown == []  # no "import cancelled" box on the way out
    assert thread_errors == []
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")]

    portfolio = Portfolio.open(
        portfolio_path
    )  # what was imported before the close is committed and kept
    titles = sorted(row.title for row in query_evidence(portfolio))
    portfolio.close()
    assert len(titles) == STOP_AFTER and titles[0].startswith("Minutes 00")

    from portfolio_builder.app import build_main_window

    again = build_main_window(str(portfolio_path), reopen_last=False)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: bool(dialogs.infos), timeout=5000)
    said = dialogs.infos[0][0]
    assert said.startswith("The last import was stopped after 12 of 50 files")
    assert "the 12 items it added are kept; the other 38 files were not imported" in said
    again.close_portfolio()
    again.open_portfolio(portfolio_path)  # said once only
    qtbot.wait(10)
    assert len(dialogs.infos) == 1
    again.close()


def test_choosing_to_keep_working_leaves_the_window_and_the_import_running(
    qtbot, main_window, dialogs, held_import, thread_errors
):
    release, shown = held_import
    worker = _start_import(qtbot, main_window)
    dialogs.answer = False
    main_window.close()
    assert main_window.isVisible() and main_window.context is not None
    assert not main_window.close_portfolio()  # File > Close asks too
    assert worker.running and not worker.is_cancelled()
    release.set()
    qtbot.waitUntil(lambda: not worker.running, timeout=30000)
    qtbot.waitUntil(lambda: bool(main_window.view.page("Evidence").status.text()), timeout=5000)
    assert main_window.view.page("Evidence").status.text() == "50 items added."
    dialogs.answer = True
    main_window.close()
    assert len(dialogs.questions) == 2 and thread_errors == []


def test_closing_during_an_export_stops_it_and_says_so_next_time(
    qtbot, main_window, dialogs, portfolio_path, monkeypatch, tmp_path, thread_errors
):
    from portfolio_builder.ui.pages import export_page

    started = threading.Event()

    def held_export(portfolio, target, progress=None, cancel=None, **options):
        started.set()
        while not cancel():
            time.sleep(0.01)
        raise Cancelled("stopped")

    monkeypatch.setattr(export_page, "export_bundle", held_export)
    main_window.show_page(5)
    page = main_window.view.page("Export")
    page.draft.setChecked(True)
    worker = page.start_export(tmp_path / "bundle.zip")
    qtbot.waitUntil(started.is_set, timeout=10000)
    main_window.close()
    assert dialogs.questions and dialogs.questions[0][0].startswith(
        "Exporting the bundle is still running"
    )
    assert not worker.running and worker.outcome == "cancelled" and thread_errors == []
    assert not (tmp_path / "bundle.zip").exists()

    from portfolio_builder.app import build_main_window

    again = build_main_window(str(portfolio_path), reopen_last=False)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: bool(dialogs.infos), timeout=5000)
    assert dialogs.infos[0][0].startswith(
        "The last bundle export was stopped when the portfolio was closed"
    )
    again.close()


def test_quitting_the_app_during_an_import_raises_nothing_on_the_way_out(portfolio_path, tmp_path):
    """The walk-through's symptom: closing the last window while an import ran logged 'Signal source has been
    deleted' and an uncaught error. The real app, in its own process, now stops the import and exits cleanly."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    folder = tmp_path / "forum"
    folder.mkdir()
    for n in range(FILES):
        (folder / f"minutes {n:02d}.txt").write_text(
            f"Family forum minutes, meeting {n}.\n", encoding="utf-8"
        )
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root))
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.ui.closing_app_run",
            str(portfolio_path),
            str(folder),
            str(tmp_path / "settings"),
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "outcome=cancelled" in run.stdout
    for symptom in ("Signal source has been deleted", "Traceback", "RuntimeError"):
        assert symptom not in run.stderr, run.stderr
    portfolio = Portfolio.open(portfolio_path)
    assert len(query_evidence(portfolio)) == STOP_AFTER
    portfolio.close()
