"""Work still running when a portfolio or the window closes: ask, stop it cleanly, and tell the next open."""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from . import messages
from .app_settings import app_settings
from .workers import Worker, running_workers

log = logging.getLogger(__name__)

STOPPED_KEY = (
    "stopped-work"  # app settings: {portfolio path: what was stopped}, shown once at the next open
)
WAIT_SECONDS = 120


def user_jobs() -> list[Worker]:
    """Running work the user started on a portfolio (an import, an export), which closing would stop."""
    return [w for w in running_workers() if w.task and not w.independent]


def describe(worker: Worker) -> str:
    """'An import of evidence (12 of 50 files done)', or just the task when progress counts bytes."""
    done, total, _name = worker.last_progress
    return (
        f"{worker.task} ({done} of {total} {worker.unit} done)"
        if worker.unit and total
        else worker.task
    )


def ask_to_stop(parent, jobs: list[Worker], closing_what: str) -> bool:
    """Yes when the user chooses to stop the running work and close."""
    first = describe(jobs[0])
    others = f" and {len(jobs) - 1} other task(s) are" if len(jobs) > 1 else " is"
    return messages.confirm(
        parent,
        f"{first}{others} still running. Stop and close {closing_what}?\n\n"
        "What was already done is kept; the rest is not done. Choose No to keep "
        "working.",
        "Work still running",
    )


def stop_and_wait(jobs: list[Worker], timeout: float = WAIT_SECONDS) -> bool:
    """Cancel jobs and every background chore on the portfolio (a preview being worked out: nobody will see it),
    then wait (handling events) until each has returned; False on timeout."""
    for worker in jobs:
        worker.signals.blockSignals(
            True
        )  # its page is closing: no "import cancelled" box on the way out
    chores = [w for w in running_workers() if not w.independent]
    for worker in chores:
        worker.cancel()  # those that cannot stop part-way (a backup) simply finish
    deadline = time.monotonic() + timeout
    for worker in chores:
        while not worker.wait(0.05):
            QCoreApplication.processEvents()
            if time.monotonic() > deadline:
                log.warning(
                    "A background job (%s) did not stop in %s s", worker.task or "chore", timeout
                )
                return False
    QCoreApplication.processEvents()  # the last signals they sent, while their receivers still exist
    return True


def note_stopped(path: Path, jobs: list[Worker]) -> None:
    """Remember, for the next open of this portfolio, what closing it stopped."""
    notes = [note for note in (_note(w) for w in jobs) if note]
    if notes:
        stored = _stored()
        stored[str(Path(path).resolve())] = " ".join(notes)
        app_settings().setValue(STOPPED_KEY, json.dumps(stored))


def take_stopped_note(path: Path) -> str:
    """What was stopped when this portfolio was last closed ('' if nothing); said once, then forgotten."""
    stored = _stored()
    note = stored.pop(str(Path(path).resolve()), "")
    if note:
        app_settings().setValue(STOPPED_KEY, json.dumps(stored))
    return note


def _note(worker: Worker) -> str:
    if worker.stopped_note is not None:
        return worker.stopped_note(worker)
    return (
        f"{worker.task} was stopped when the portfolio was closed."
        if worker.outcome == "cancelled"
        else ""
    )


def _stored() -> dict[str, str]:
    try:
        value = json.loads(app_settings().value(STOPPED_KEY, "") or "{}")
    except (TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}
