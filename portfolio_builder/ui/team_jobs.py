"""Send a team copy and merge a contribution from the File menu: dialogs on the GUI thread, the work on workers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QProgressDialog, QWidget

from . import messages
from .portfolio_context import EVIDENCE, FRAMEWORK, PLANNING, RATINGS, SETTING
from .workers import Worker, start_worker

PACK_FILTER = "Contribution packs (*.zip)"


def _busy(parent: QWidget, text: str) -> QProgressDialog:
    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    return dialog


def _run(parent: QWidget, dialog: QProgressDialog, job, done, title: str) -> Worker:
    worker = Worker(job)

    def failed(message: str) -> None:
        dialog.close()
        messages.show_error(parent, message, title)

    def finished(result) -> None:
        dialog.close()
        done(result)

    worker.signals.progress.connect(lambda d, t, _n: (dialog.setMaximum(int(t)), dialog.setValue(int(d))))
    worker.signals.finished.connect(finished)
    worker.signals.failed.connect(failed)
    return start_worker(worker)


def send_team_copy_interactively(parent: QWidget, context) -> Worker | None:
    """File > Send a team copy…: ask whom for, which themes and where; write the copy on a worker."""
    from ..core.team.team_copy import copy_choices, make_team_copy
    from .team_copy_dialog import TeamCopyDialog

    portfolio = context.portfolio
    staff, themes = copy_choices(portfolio)
    dialog = TeamCopyDialog(portfolio.path, staff, themes, context.scheme.words.theme, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    name, chosen, out = dialog.values()

    def done(copy) -> None:
        scope = f", with the evidence of {', '.join(copy.themes)} only" if copy.themes else ""
        messages.show_info(parent, f"The team copy for {copy.for_name} is saved as {copy.path.name}{scope}. Give "
                                   "them the file (on a USB stick, for example); they send back a contribution "
                                   "pack for you to merge.", "Send a team copy")

    return _run(parent, _busy(parent, f"Writing the team copy for {name}…"),
                lambda _progress, _cancelled: make_team_copy(portfolio, out, name, chosen), done, "Send a team copy")


def merge_interactively(parent: QWidget, context, pack_path: str | None = None) -> Worker | None:
    """File > Merge a contribution…: check the pack on a worker, show what comes in and the conflicts, then merge."""
    from ..core.team.merge_plan import plan_merge

    portfolio = context.portfolio
    path = pack_path or messages.ask_open_path(parent, "Merge a contribution pack", PACK_FILTER,
                                               str(Path(portfolio.path).parent))
    if not path:
        return None

    def planned(plan) -> None:
        if plan.merged_before_at:
            messages.show_info(parent, f"This pack from {plan.head.get('contributor')} was merged on "
                                       f"{plan.merged_before_at[:16]}; merging it again would change nothing.",
                               "Merge a contribution")
            return
        choose_and_merge(parent, context, Path(path), plan)

    return _run(parent, _busy(parent, "Checking the contribution pack…"),
                lambda _progress, _cancelled: plan_merge(portfolio, Path(path)), planned, "Merge a contribution")


def choose_and_merge(parent: QWidget, context, path: Path, plan) -> Worker | None:
    """The merge dialog for a checked pack; on Merge, apply it on a worker and refresh every page."""
    from ..core.team.merge_apply import apply_merge
    from .merge_dialog import MergeDialog

    dialog = MergeDialog(plan, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    decisions = dialog.decisions()

    def done(result) -> None:
        for area in (FRAMEWORK, EVIDENCE, RATINGS, PLANNING, SETTING):
            context.changed.emit(area)
        messages.show_info(parent, result.sentence(), "Merge a contribution")

    progress = QProgressDialog("Merging the contribution…", "", 0, 0, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    parent._team_job = _run(parent, progress, lambda report, _cancelled: apply_merge(
        context.portfolio, path, decisions, progress=lambda d, t: report(d, t, "")), done, "Merge a contribution")
    return parent._team_job
