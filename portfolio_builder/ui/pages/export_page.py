"""Export: readiness first, then write the assessor's bundle on a worker, verify it, and show it in its folder."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.bundle.bundle_export import ExportResult, export_bundle
from ...core.bundle.bundle_layout import bag_folder_name
from ...core.bundle.bundle_verify import VerifyReport, verify_bundle
from ...core.bundle.export_plan import (
    ExportPlan,
    check_documents,
    check_photos,
    plan_export,
    preview_lines,
)
from ...core.framework.portfolio_setup import setting_profile
from ...core.planning.readiness import check_readiness
from ...core.scheme.store import scheme_of
from .. import page_dialogs
from ..portfolio_context import PortfolioContext
from ..progress_strip import ProgressStrip
from ..readiness_lists import ReadinessLists
from ..scheme_words import in_sentence
from ..workers import Worker, start_worker

UNCONSENTED_WARNING = (
    "Photos, video and audio without recorded consent will be put in the bundle. Only do this "
    "if consent was given and not yet recorded here: the bundle leaves your setting."
)


@dataclass
class ExportOutcome:
    """The written bundle and what verifying it found."""

    result: ExportResult
    verify: VerifyReport


def suggested_name(portfolio, draft: bool = False) -> str:
    """<setting>-<scheme>-<date>.zip (a draft's name says DRAFT), as the bundle's top folder is named."""
    name = bag_folder_name(setting_profile(portfolio).name, scheme_of(portfolio).name, date.today())
    return name + ("-DRAFT" if draft else "") + ".zip"


class ExportPage(QWidget):
    """Readiness list, export options, progress with Cancel, and the verified result."""

    def __init__(self, context: PortfolioContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.worker: Worker | None = None
        self.last_path: Path | None = None
        self.readiness_label = QLabel(wordWrap=True)
        self.issues = ReadinessLists()
        self.recheck_button = QPushButton("Check &again")
        self.recheck_button.clicked.connect(self.refresh)
        readiness_box = QGroupBox("Is the portfolio ready for a final export?")
        readiness_layout = QVBoxLayout(readiness_box)
        readiness_layout.addWidget(self.readiness_label)
        readiness_layout.addWidget(self.issues, 1)
        readiness_layout.addWidget(self.recheck_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.draft = QCheckBox("&Draft for interim review (allowed while not ready; marked DRAFT)")
        self.unconsented = QCheckBox("&Include photos, video and audio without recorded consent")
        self.untagged = QCheckBox(
            "Include evidence &tagged to nothing (listed under 'other'; a draft includes it)"
        )
        self.warning = QLabel(UNCONSENTED_WARNING, wordWrap=True)
        self.warning.setStyleSheet("color: #B03A2E;")
        self.warning.hide()
        self.unconsented.toggled.connect(self.warning.setVisible)
        self.draft.toggled.connect(self._update_button)
        for option in (self.draft, self.untagged):
            option.toggled.connect(self.refresh_preview)
        self.unconsented.toggled.connect(
            lambda _on: self.refresh()
        )  # the readiness list, then the preview
        # what will leave, computed once by core (export_plan) and written as shown
        self.plan: ExportPlan | None = None
        self.plan_options: tuple | None = None
        self.preview_worker: Worker | None = None
        self.preview_model = QStringListModel(self)
        self.preview = QListView()
        self.preview.setModel(self.preview_model)
        self.preview.setWordWrap(True)
        self.preview.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        preview_box = QGroupBox("What will leave the setting")
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.preview)
        self.export_button = QPushButton("E&xport bundle…")  # Alt+E is the Edit menu
        self.export_button.clicked.connect(self.export)
        self.progress = ProgressStrip()
        self.result_label = QLabel(wordWrap=True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.show_button = QPushButton("&Show in folder")
        self.show_button.clicked.connect(self.show_in_folder)
        self.show_button.hide()
        self.export_box = export_box = QGroupBox("Bundle for the assessor")
        export_layout = QVBoxLayout(export_box)
        export_layout.addWidget(self.draft)
        export_layout.addWidget(self.unconsented)
        export_layout.addWidget(self.untagged)
        export_layout.addWidget(self.warning)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        export_layout.addLayout(buttons)
        export_layout.addWidget(self.progress)
        export_layout.addWidget(self.result_label)

        top = QHBoxLayout()
        top.addWidget(readiness_box, 1)
        top.addWidget(preview_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(export_box)
        self.ready = False
        context.changed.connect(lambda _area: self.refresh())

    def showEvent(self, event) -> None:
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Re-run the readiness check (a few SQL queries) and list every issue, blocking ones first."""
        readiness = check_readiness(self.context.portfolio)
        if self.unconsented.isChecked():  # the list says what the tick does: those items go in
            readiness = readiness.with_unconsented_included()
        scheme = self.context.scheme
        self.ready = readiness.ready
        problems = readiness.problems
        self.issues.set_readiness(readiness, scheme)
        self.export_box.setTitle(f"Bundle for the {in_sentence(scheme.words.reviewer)}")
        if readiness.ready:
            self.readiness_label.setText(
                f"Ready for the final export: nothing {scheme.name} requires is missing."
            )
        else:
            self.readiness_label.setText(
                f"Not ready yet: {len(problems)} thing{'s' if len(problems) != 1 else ''} to finish before a final "
                "export (double-click one to go there). You can still export a draft for an interim review; it "
                "lists on every page what is missing."
            )
        self._update_button()
        self.refresh_preview()

    def _options(self) -> tuple[bool, bool, bool | None]:
        return (
            self.draft.isChecked(),
            self.unconsented.isChecked(),
            True if self.untagged.isChecked() else None,
        )

    def refresh_preview(self, *_args) -> Worker | None:
        """Plan the export on a worker (reads each file once) and list every title, file name, removal and
        left-out item; the export then writes this same plan."""
        if not self.isVisible():
            return None
        portfolio, options = self.context.portfolio, self._options()
        self.plan = None
        self.preview_model.setStringList(["Working out what will leave…"])

        def job(_progress, is_cancelled):
            plan = plan_export(
                portfolio,
                draft=options[0],
                include_unconsented=options[1],
                include_untagged=options[2],
            )
            check_documents(portfolio, plan, cancel=is_cancelled)
            check_photos(portfolio, plan)
            return options, plan

        worker = Worker(job)
        worker.signals.finished.connect(self._preview_ready)
        worker.signals.failed.connect(lambda message: self.preview_model.setStringList([message]))
        self.preview_worker = worker
        return start_worker(worker)

    def _preview_ready(self, outcome) -> None:
        options, plan = outcome
        if (
            options != self._options()
        ):  # the options changed while it ran: a newer preview is on its way
            return
        self.plan, self.plan_options = plan, options
        self.preview_model.setStringList(preview_lines(plan))

    def _update_button(self, *_args) -> None:
        self.export_button.setEnabled(
            self.worker is None and (self.ready or self.draft.isChecked())
        )

    def export(self) -> Worker | None:
        """Ask where to save, then export and verify on a worker; a final export is refused while anything blocks."""
        if not self._final_allowed():
            return None
        draft = self.draft.isChecked()
        target = page_dialogs.choose_bundle_path(
            self, str(Path.home() / suggested_name(self.context.portfolio, draft))
        )
        if not target:
            return None
        return self.start_export(Path(target))

    def _final_allowed(self) -> bool:
        """A final export only when nothing blocks (checked again now); otherwise say what, and where to go."""
        if self.draft.isChecked():
            return True
        readiness = check_readiness(self.context.portfolio)
        if readiness.ready:
            return True
        self.refresh()
        page_dialogs.show_refusal(
            self,
            f"A final export needs {len(readiness.problems)} more thing(s) first; they "
            "are listed on this page (double-click one to go there). A draft can be "
            "exported meanwhile.",
        )
        return False

    def start_export(self, target: Path) -> Worker | None:
        if not self._final_allowed():
            return None
        portfolio, (draft, unconsented, untagged) = self.context.portfolio, self._options()
        plan = (
            self.plan if self.plan_options == self._options() else None
        )  # what the person saw is what leaves

        def job(progress, is_cancelled):
            result = export_bundle(
                portfolio,
                target,
                draft=draft,
                include_unconsented=unconsented,
                include_untagged=untagged,
                plan=plan,
                progress=lambda d, t, n: progress(d, t * 2, f"Writing {n}"),
                cancel=is_cancelled,
            )
            report = verify_bundle(
                result.path,
                progress=lambda d, t: progress(t + d, t * 2, "Checking the bundle"),
                cancel=is_cancelled,
            )
            return ExportOutcome(result, report)

        self.worker = Worker(job, task="Exporting the bundle")
        self.worker.stopped_note = lambda w: (
            "The last bundle export was stopped when the portfolio was closed; "
            "no bundle was saved. Export it again."
            if w.outcome == "cancelled"
            else ""
        )
        self.worker.signals.finished.connect(self._finished)
        self.worker.signals.failed.connect(self._failed)
        self.worker.signals.cancelled.connect(self._cancelled)
        self.progress.follow(self.worker, "Exporting the bundle…")
        self.result_label.clear()
        self.show_button.hide()
        self._update_button()
        start_worker(self.worker)
        return self.worker

    def _finished(self, outcome: ExportOutcome | None) -> None:
        self.worker = None
        self._update_button()
        if outcome is None:
            return
        result, report = outcome.result, outcome.verify
        self.last_path = result.path
        lines = [
            f"Saved {result.path.name}: {result.file_count} files, {result.bytes_written / 1e6:.1f} MB."
        ]
        lines.append(
            "Checked: the bundle is complete and undamaged."
            if report.valid
            else "Checking found problems:\n" + "\n".join(f"• {p}" for p in report.problems[:10])
        )
        if result.left_out:
            lines.append(
                f"Left out ({len(result.left_out)}): "
                + "; ".join(f"'{title}' ({reason})" for _id, title, reason in result.left_out[:5])
            )
        self.result_label.setText("\n".join(lines))
        self.show_button.show()

    def _failed(self, message: str) -> None:
        self.worker = None
        self._update_button()
        self.result_label.setText("The bundle was not written.")
        page_dialogs.show_refusal(self, message)

    def _cancelled(self) -> None:
        self.worker = None
        self._update_button()
        self.result_label.setText("Export cancelled: nothing was left behind.")

    def show_in_folder(self) -> bool:
        return self.last_path is not None and page_dialogs.show_in_folder(self.last_path)
