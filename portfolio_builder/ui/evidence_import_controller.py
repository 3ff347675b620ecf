"""Runs evidence imports (files, folders, links) on a Worker and reports the outcome to the page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ..core.errors import PortfolioError
from ..core.evidence.evidence_import import ImportReport, import_evidence
from .portfolio_context import EVIDENCE, PortfolioContext
from .workers import Worker, start_worker


def summary_text(report: ImportReport) -> str:
    """A short account of an import for the user: what was added, already there, or refused and why."""
    added, already = len(report.added), len(report.duplicates)
    if already and not added:
        first = f"{already} already in the portfolio, nothing new added."
    elif already:
        first = f"{added} item{'s' if added != 1 else ''} added; {already} already in the portfolio, not added again."
    else:
        first = f"{added} item{'s' if added != 1 else ''} added."
    parts = [first]
    if report.stopped:
        parts.append(report.stopped)
    if report.cancelled:
        parts.append("The import was cancelled; items added before that are kept.")
    if report.skipped:
        parts.append("Not imported:")
        parts += [f"• {_named_once(source, message)}" for source, message in report.skipped[:15]]
        if len(report.skipped) > 15:
            parts.append(f"… and {len(report.skipped) - 15} more.")
    return "\n".join(parts)


def _named_once(source: str, message: str) -> str:
    """'broken.jpg: unsupported type' - the file's name in front, unless the message already starts with it."""
    name = Path(source).name or source
    return message if message.startswith((name, source)) else f"{name}: {message}"


def stopped_note(worker: Worker) -> str:
    """What the next open says about an import stopped by closing the portfolio ('' if it was not stopped)."""
    report = worker.result
    if not isinstance(report, ImportReport) or not report.cancelled:
        return ""
    done, total, _name = worker.last_progress
    if not total:
        return "The last import was stopped when the portfolio was closed, before any file was imported."
    added = len(report.added)
    return (
        f"The last import was stopped after {done} of {total} files, when the portfolio was closed: "
        f"the {added} item{'s' if added != 1 else ''} it added {'are' if added != 1 else 'is'} kept; "
        f"the other {total - done} file{'s were' if total - done != 1 else ' was'} not imported. "
        "Add them again to finish (files already in are not added twice)."
    )


class EvidenceImportController(QObject):
    """Starts one import at a time; emits the Worker it made (for a progress strip) and the report."""

    started = Signal(object)  # the Worker
    finished = Signal(object)  # the ImportReport
    failed = Signal(str)

    def __init__(self, context: PortfolioContext, parent: QObject | None = None):
        super().__init__(parent)
        self.context = context
        self.worker: Worker | None = None

    @property
    def busy(self) -> bool:
        return self.worker is not None

    def import_sources(self, sources: list[str], **options) -> Worker | None:
        """Import files and folders on the thread pool (refused while another import runs)."""
        if self.busy:
            self.failed.emit("An import is already running; wait for it to finish or cancel it.")
            return None
        if self.context.read_only:
            self.failed.emit(
                self.context.portfolio.read_only_reason or "This portfolio is open read-only."
            )
            return None
        portfolio = self.context.portfolio
        sources = [str(s) for s in sources]

        def job(progress, is_cancelled):
            return import_evidence(
                portfolio, sources, progress=progress, cancel=is_cancelled, **options
            )

        worker = Worker(job, task="An import of evidence", unit="files")
        worker.stopped_note = stopped_note
        worker.signals.finished.connect(self._finished)
        worker.signals.failed.connect(self._failed)
        self.worker = worker
        self.started.emit(worker)
        start_worker(worker)
        return worker

    def add_link(self, url: str, title: str = "", **options) -> ImportReport | None:
        """Add one web or video link at once (no file work); the core's refusal comes back as a message."""
        try:
            report = import_evidence(self.context.portfolio, [url], title=title or None, **options)
        except PortfolioError as exc:
            self.failed.emit(exc.message)
            return None
        if report.skipped:
            self.failed.emit(report.skipped[0][1])
        elif report.duplicates:
            self.failed.emit(
                f"That address is already in the portfolio (item {report.duplicates[0][1]})."
            )
        if report.added:
            self.context.changed.emit(EVIDENCE)
        return report

    def _finished(self, report: ImportReport) -> None:
        self.worker = None
        self.context.changed.emit(EVIDENCE)
        self.finished.emit(report)

    def _failed(self, message: str) -> None:
        self.worker = None
        self.failed.emit(message)
