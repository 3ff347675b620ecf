"""Send a team copy and merge a contribution from the File menu: dialogs on the GUI thread, the work on workers."""

from __future__ import annotations

from datetime import date
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


def _run(parent: QWidget, dialog: QProgressDialog, job, done, title: str, task: str) -> Worker:
    worker = Worker(job, task=task)  # closing the portfolio asks before stopping it

    def failed(message: str) -> None:
        dialog.close()
        messages.show_error(parent, message, title)

    def finished(result) -> None:
        dialog.close()
        done(result)

    worker.signals.progress.connect(
        lambda d, t, _n: (dialog.setMaximum(int(t)), dialog.setValue(int(d)))
    )
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
        messages.show_info(
            parent,
            f"The team copy for {copy.for_name} is saved as {copy.path.name}{scope}. Give "
            "them the file (on a USB stick, for example); they send back a contribution "
            "pack for you to merge.",
            "Send a team copy",
        )

    busy = QProgressDialog(f"Writing the team copy for {name}…", "Cancel", 0, 0, parent)
    busy.setWindowModality(Qt.WindowModality.WindowModal)
    busy.setMinimumDuration(300)
    worker = _run(
        parent,
        busy,
        lambda report, cancelled: make_team_copy(
            portfolio, out, name, chosen, progress=lambda d, t: report(d, t, ""), cancel=cancelled
        ),
        done,
        "Send a team copy",
        "Writing a team copy",
    )
    busy.canceled.connect(worker.cancel)
    worker.signals.cancelled.connect(busy.close)
    return worker


def contribute_interactively(parent: QWidget, context) -> Worker | None:
    """File > Send my contribution… (in a team copy): save what was added or changed as a pack for the lead."""
    from ..core.team.pack_writer import make_contribution_pack

    copy_path = Path(context.portfolio.path)
    suggested = str(
        copy_path.with_name(f"{copy_path.stem}-contribution-{date.today():%Y-%m-%d}.zip")
    )
    out = messages.ask_save_path(
        parent, "Save your contribution for the lead", PACK_FILTER, suggested
    )
    if not out:
        return None

    def done(pack) -> None:
        messages.show_info(
            parent,
            f"Your contribution is saved as {pack.path.name} ({pack.changes} change(s), "
            f"{pack.files} file(s)). Give it to the lead to merge into the portfolio.",
            "Send my contribution",
        )

    return _run(
        parent,
        _busy(parent, "Packing your contribution…"),
        lambda _progress, _cancelled: make_contribution_pack(copy_path, Path(out)),
        done,
        "Send my contribution",
        "Packing your contribution",
    )


def merge_interactively(parent: QWidget, context, pack_path: str | None = None) -> Worker | None:
    """File > Merge a contribution…: check the pack on a worker, show what comes in and the conflicts, then merge."""
    from ..core.team.merge_plan import plan_merge
    from ..core.team.pack_reader import open_pack

    portfolio = context.portfolio
    path = pack_path or messages.ask_open_path(
        parent, "Merge a contribution pack", PACK_FILTER, str(Path(portfolio.path).parent)
    )
    if not path:
        return None

    def check(_progress, _cancelled):
        pack = open_pack(Path(path))  # verified once; kept open for the merge itself
        try:
            return plan_merge(portfolio, pack), pack
        except BaseException:
            pack.close()
            raise

    def planned(result) -> None:
        plan, pack = result
        if plan.merged_before_at:
            pack.close()
            messages.show_info(
                parent,
                f"This pack from {plan.head.get('contributor')} was merged on "
                f"{plan.merged_before_at[:16]}; merging it again would change nothing.",
                "Merge a contribution",
            )
            return
        choose_and_merge(parent, context, pack, plan)

    return _run(
        parent,
        _busy(parent, "Checking the contribution pack…"),
        check,
        planned,
        "Merge a contribution",
        "Checking a contribution pack",
    )


def choose_and_merge(parent: QWidget, context, pack, plan) -> Worker | None:
    """The merge dialog for a checked (open) pack; on Merge, apply it on a worker and refresh every page. The
    pack is closed when done."""
    from ..core.team.merge_apply import apply_merge
    from .merge_dialog import MergeDialog

    dialog = MergeDialog(plan, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        pack.close()
        return None
    decisions = dialog.decisions()

    def merge(report, cancelled):
        try:
            return apply_merge(
                context.portfolio,
                pack,
                decisions,
                progress=lambda d, t: report(d, t, ""),
                cancel=cancelled,
            )
        finally:
            pack.close()

    def done(result) -> None:
        for area in (FRAMEWORK, EVIDENCE, RATINGS, PLANNING, SETTING):
            context.changed.emit(area)
        messages.show_info(parent, result.sentence(), "Merge a contribution")

    progress = QProgressDialog("Merging the contribution…", "Cancel", 0, 0, parent)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    worker = _run(parent, progress, merge, done, "Merge a contribution", "Merging a contribution")
    progress.canceled.connect(worker.cancel)
    worker.signals.cancelled.connect(
        lambda: (
            progress.close(),
            messages.show_info(
                parent, "The merge was cancelled: nothing was merged.", "Merge a contribution"
            ),
        )
    )
    parent._team_job = worker
    return worker
