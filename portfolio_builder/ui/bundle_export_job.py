"""File > Export bundle…: write the assessor's bundle on a worker with a cancellable progress dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..core.planning.readiness import check_readiness
from . import messages
from .workers import Worker, start_worker


def export_bundle_interactively(parent: QWidget, portfolio) -> Worker | None:
    """Ask where to save (and whether a draft is wanted when not ready), then export with progress."""
    from ..core.bundle.bundle_export import (
        export_bundle,  # heavy (documents); imported only when used
    )

    readiness = check_readiness(portfolio)
    draft = False
    if not readiness.ready:
        listed = "\n".join(readiness.problems[:40])
        if not messages.confirm(
            parent,
            f"The portfolio is not ready to submit ({len(readiness.problems)} thing(s) "
            "still to do). Export a draft for an interim review instead?",
            "Export bundle",
            listed,
        ):
            return None
        draft = True
    from .pages.export_page import (
        suggested_name,  # the Export page's name: setting, scheme, date, DRAFT
    )

    suggested = str(Path(portfolio.path).with_name(suggested_name(portfolio, draft)))
    out = messages.ask_save_path(
        parent, "Export the bundle for the assessor", messages.BUNDLE_FILTER, suggested
    )
    if not out:
        return None
    dialog = QProgressDialog("Writing the bundle…", "Cancel", 0, 100, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    worker = Worker(
        lambda progress, cancelled: export_bundle(
            portfolio, Path(out), draft=draft, progress=progress, cancel=cancelled
        ),
        task="Writing the bundle",
    )
    worker.stopped_note = lambda w: (
        "The last bundle export was stopped when the portfolio was closed; "
        "no bundle was saved. Export it again."
        if w.outcome == "cancelled"
        else ""
    )

    def on_progress(done: int, total: int, name: str) -> None:
        dialog.setValue(int(100 * done / total) if total else 0)
        if name:
            dialog.setLabelText(f"Writing the bundle… {name}")

    def on_finished(result) -> None:
        dialog.close()
        left_out = getattr(result, "left_out", None)
        extra = f" {len(left_out)} item(s) without consent were left out." if left_out else ""
        messages.show_info(
            parent, f"The bundle is saved as {Path(result.path).name}.{extra}", "Export bundle"
        )

    def on_failed(message: str) -> None:
        dialog.close()
        messages.show_error(parent, message, "Export bundle")

    worker.signals.progress.connect(on_progress)
    worker.signals.finished.connect(on_finished)
    worker.signals.failed.connect(on_failed)
    worker.signals.cancelled.connect(dialog.close)
    dialog.canceled.connect(worker.cancel)
    return start_worker(worker)
