"""Screenshots of the states staff met in the 1366x768 walk-through: a photo with its tag buttons, the drop
panel, the shortcut list, closing while an import runs and what the next open says. Used by screenshots.py."""

from __future__ import annotations

import time
from pathlib import Path
from types import SimpleNamespace


def shoot_work_states(shot, window) -> None:
    """On the open sample (its window fitted to the screen)."""
    from portfolio_builder.core.evidence.evidence_service import query_evidence
    from portfolio_builder.ui.shortcuts_help import show_shortcuts

    view = window.view
    view.show_page(2)
    page = view.page("Evidence")
    photos = [row.id for row in query_evidence(window.context.portfolio) if row.kind == "photo"]
    if photos:
        page.select_ids(photos[:1])
        shot.wait(2.0)
        shot.save(window, "evidence-photo")
    page.drop_hint.cover(page.splitter)
    shot.save(window, "evidence-drop-hint")
    page.drop_hint.cover(None)
    shot.modal("keyboard-shortcuts", lambda: show_shortcuts(window))
    _closing_while_importing(shot, window)
    _stopped_notice(shot, window)
    view.show_page(0)


def _closing_while_importing(shot, window) -> None:
    """File > Close while an import of 50 files is at 12: the question (answered No here, so nothing closes)."""
    from portfolio_builder.core.errors import Cancelled
    from portfolio_builder.ui.workers import Worker, start_worker

    def held(progress, cancelled):
        progress(12, 50, "forum-minutes-12.txt")
        while not cancelled():
            time.sleep(0.02)
        raise Cancelled("stopped")

    worker = start_worker(Worker(held, task="An import of evidence", unit="files"))
    deadline = time.monotonic() + 10
    while worker.last_progress[0] != 12 and time.monotonic() < deadline:
        shot.app.processEvents()
    shot.modal("close-while-importing", window.close_portfolio)
    worker.cancel()
    worker.wait(10)
    shot.settle()


def _stopped_notice(shot, window) -> None:
    """What the next open of a portfolio says after an import was stopped by closing it."""
    from portfolio_builder.core.evidence.evidence_import import ImportReport
    from portfolio_builder.ui import closing_work
    from portfolio_builder.ui.evidence_import_controller import stopped_note

    stopped = SimpleNamespace(
        result=ImportReport(added=list(range(1, 13)), cancelled=True),
        last_progress=(12, 50, ""),
        stopped_note=stopped_note,
    )
    path = Path(window.context.portfolio.path)
    closing_work.note_stopped(path, [stopped])
    shot.modal("stopped-import-notice", lambda: window._tell_what_was_stopped(path))
