"""The window where staff mark what to blur or block out on a photo before it leaves: draw, adjust, remove, undo,
and Find faces (on a worker, with progress and Cancel) whose suggestions they accept, adjust or remove.

Every change is committed at once through the portfolio's undo stack (ui/portfolio_context.py):
core's region_service writes it, and the Change core records of that write puts the old regions back.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.bundle.export_plan import redaction_words
from ...core.errors import PortfolioError
from ...core.evidence.evidence_service import get_evidence
from ...core.evidence.region_service import item_regions, set_regions, suggest_face_regions
from ...core.vocabularies import BLURRED
from ..announcer import StatusLabel
from ..portfolio_context import EVIDENCE, PortfolioContext
from ..progress_strip import ProgressStrip
from ..workers import Worker, start_worker
from .region_canvas import STORED, SUGGESTED, RegionCanvas
from .upright_image import load_upright

HELP = (
    "Drag on the photo to mark a part to blur or block out. Drag a part to move it, its handles to resize it; "
    "Delete removes it (keys: Insert adds one, Page Down chooses, arrows move, Ctrl+arrows resize). "
    "The photo in the portfolio is never changed: only the copy that leaves is."
)
SHAPES = (("rectangle", "Rectangle"), ("ellipse", "Ellipse"))
MODES = (("blur", "Blur"), ("block", "Block out"))


class RegionEditor(QDialog):
    """Edits one photo item's regions; opened from the evidence preview."""

    def __init__(self, context: PortfolioContext, evidence_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.evidence_id = context, evidence_id
        self.item = get_evidence(context.portfolio, evidence_id)
        self.setWindowTitle(f"Blur or block out: {self.item.title}")
        self._workers: list[Worker] = []
        self._finder: Worker | None = None
        self._build()
        self.canvas.read_only = context.read_only
        self.context.changed.connect(self._context_changed)
        self._reload_regions()
        self._load_picture()

    @classmethod
    def open_for(
        cls, context: PortfolioContext, evidence_id: int, parent: QWidget | None = None
    ) -> None:
        """Open the editor as a modal window (tests replace this to drive it without a nested event loop)."""
        editor = cls(context, evidence_id, parent)
        editor.exec()

    # --- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.canvas = RegionCanvas()
        self.shape_choice, self.mode_choice = QComboBox(), QComboBox()
        for choice, options in ((self.shape_choice, SHAPES), (self.mode_choice, MODES)):
            for key, label in options:
                choice.addItem(label, key)
        self.remove_button = QPushButton("&Remove")
        self.add_button = QPushButton("Add re&gion")
        self.add_button.setToolTip(
            "A region in the middle of the photo, to move and resize with the arrow keys"
        )
        self.find_button = QPushButton("&Find faces")
        self.find_button.setToolTip(
            "Suggest a blur over each face (looked for on this computer; nothing is sent)"
        )
        stack = self.context.undo_stack
        self.undo_action, self.redo_action = QAction("&Undo", self), QAction("Re&do", self)
        for action, keys, run, can, said in (
            (
                self.undo_action,
                QKeySequence.StandardKey.Undo,
                stack.undo,
                stack.canUndoChanged,
                stack.undoText,
            ),
            (
                self.redo_action,
                QKeySequence.StandardKey.Redo,
                stack.redo,
                stack.canRedoChanged,
                stack.redoText,
            ),
        ):
            action.setShortcuts(keys)
            action.triggered.connect(run)
            can.connect(action.setEnabled)
            stack.indexChanged.connect(lambda _index, a=action, text=said: a.setToolTip(text()))
            action.setToolTip(said())
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        self.addActions([self.undo_action, self.redo_action])
        undo_button, redo_button = QToolButton(), QToolButton()
        undo_button.setDefaultAction(self.undo_action)
        redo_button.setDefaultAction(self.redo_action)
        tools = QHBoxLayout()
        for label, widget in (("&Shape:", self.shape_choice), ("&Effect:", self.mode_choice)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            tools.addWidget(caption)
            tools.addWidget(widget)
        for widget in (self.add_button, self.remove_button, undo_button, redo_button):
            tools.addWidget(widget)
        tools.addStretch(1)
        tools.addWidget(self.find_button)

        self.suggestion_bar = QWidget()
        bar = QHBoxLayout(self.suggestion_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.suggestion_label = QLabel(wordWrap=True)
        self.accept_button = QPushButton("&Accept suggestions")
        self.discard_button = QPushButton("Dis&card")
        bar.addWidget(self.suggestion_label, 1)
        bar.addWidget(self.accept_button)
        bar.addWidget(self.discard_button)
        self.suggestion_bar.hide()
        self.progress = ProgressStrip()
        self.status = StatusLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(HELP, wordWrap=True))
        layout.addLayout(tools)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.suggestion_bar)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(960, 720)

        self.canvas.edited.connect(self._commit)
        self.canvas.suggestions_changed.connect(self._suggestions_changed)
        self.canvas.selection_changed.connect(self._selection_changed)
        self.shape_choice.activated.connect(
            lambda: self._choose("shape", self.shape_choice.currentData())
        )
        self.mode_choice.activated.connect(
            lambda: self._choose("mode", self.mode_choice.currentData())
        )
        self.remove_button.clicked.connect(self.canvas.remove_selected)
        self.add_button.clicked.connect(lambda: (self.canvas.add_centred(), self.canvas.setFocus()))
        self.find_button.clicked.connect(self.find_faces)
        self.accept_button.clicked.connect(self.accept_suggestions)
        self.discard_button.clicked.connect(lambda: self._set_suggestions(()))
        for widget in (
            self.add_button,
            self.remove_button,
            self.find_button,
            self.shape_choice,
            self.mode_choice,
        ):
            widget.setEnabled(not self.context.read_only)
        self._selection_changed()

    def showEvent(self, event) -> None:
        """Fit the window to the screen it opens on (a laptop at 150% has little room)."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None and (
            self.width() > screen.width() or self.height() > screen.height()
        ):
            self.resize(min(self.width(), screen.width()), min(self.height(), screen.height()))
        super().showEvent(event)

    # --- loading -------------------------------------------------------------------------------
    def _load_picture(self) -> None:
        portfolio, evidence_id = self.context.portfolio, self.evidence_id
        worker = Worker(lambda _progress, _cancelled: load_upright(portfolio, evidence_id))
        worker.signals.finished.connect(lambda image: self.canvas.set_picture(image))
        worker.signals.failed.connect(lambda message: self.canvas.set_picture(None, message))
        self._workers.append(start_worker(worker))

    def _reload_regions(self) -> None:
        """The stored regions as core has them now (after a commit, an undo or a redo)."""
        try:
            self.canvas.set_regions(item_regions(self.context.portfolio, self.evidence_id))
        except PortfolioError as exc:  # the item was deleted (undo of its import elsewhere)
            self.status.setText(exc.message)
            self.canvas.set_regions(())
        self._update_status()

    def _context_changed(self, area: str) -> None:
        if area == EVIDENCE:
            self._reload_regions()

    # --- edits ---------------------------------------------------------------------------------
    def _commit(self, regions, text: str) -> None:
        """One undoable change: core replaces the regions, and the Change it records puts the old ones back."""
        portfolio, evidence_id, wanted = self.context.portfolio, self.evidence_id, tuple(regions)
        if not self.context.push(
            f"{text} on '{self.item.title}'",
            lambda: set_regions(portfolio, evidence_id, wanted),
            EVIDENCE,
        ):
            self._reload_regions()  # refused: show what is really stored

    def _choose(self, field: str, value: str) -> None:
        """The shape or effect for new regions, and for the selected one (chosen per region)."""
        if field == "shape":
            self.canvas.new_shape = value
        else:
            self.canvas.new_mode = value
        words = {
            "ellipse": "an ellipse",
            "rectangle": "a rectangle",
            "blur": "blurred",
            "block": "blocked out",
        }
        self.canvas.change_selected(f"Make a region {words[value]}", **{field: value})

    def _selection_changed(self) -> None:
        region = self.canvas.selected_region()
        self.remove_button.setEnabled(region is not None and not self.context.read_only)
        if region is not None:
            self.shape_choice.setCurrentIndex(self.shape_choice.findData(region.shape))
            self.mode_choice.setCurrentIndex(self.mode_choice.findData(region.mode))

    def _update_status(self) -> None:
        regions = self.canvas.regions
        if regions:
            text = f"When it leaves: {redaction_words(regions)}."
        elif self.item.consent == BLURRED:
            text = (
                "Consent is for a blurred version: mark the parts to blur, or this photo stays out of the "
                "bundle."
            )
        else:
            text = "Nothing is marked: the photo leaves as it is (once consent allows)."
        self.status.setText(text)

    # --- find faces ----------------------------------------------------------------------------
    def find_faces(self) -> Worker | None:
        """Look for faces on a worker (never the window's thread); the suggestions arrive dashed, to accept."""
        if self._finder is not None or self.context.read_only:
            return None
        portfolio, evidence_id = self.context.portfolio, self.evidence_id
        worker = Worker(
            lambda progress, cancelled: suggest_face_regions(
                portfolio, evidence_id, cancel=cancelled, progress=progress
            )
        )
        worker.signals.finished.connect(lambda regions: self._faces_found(worker, regions))
        worker.signals.failed.connect(lambda message: self._faces_done(message))
        worker.signals.cancelled.connect(
            lambda: self._faces_done("Find faces was cancelled; nothing was changed.")
        )
        self._finder = worker
        self.find_button.setEnabled(False)
        self.status.setText("Looking for faces…")
        self.progress.follow(worker, "Finding faces…")
        self._workers.append(start_worker(worker))
        return worker

    def _faces_found(self, worker: Worker, regions) -> None:
        if worker.is_cancelled():
            return  # the cancelled signal has said so
        self._faces_done("")
        if not regions:
            self.status.setText(
                "No face was found. Mark any part to blur by dragging on the photo."
            )
            return
        self._update_status()
        self._set_suggestions(regions)
        self.canvas.select(SUGGESTED, 0)

    def _faces_done(self, message: str) -> None:
        self._finder = None
        self.find_button.setEnabled(not self.context.read_only)
        if message:
            self.status.setText(message)

    def _set_suggestions(self, regions) -> None:
        self.canvas.set_suggestions(regions)
        self._suggestions_changed(self.canvas.suggestions)

    def _suggestions_changed(self, suggestions) -> None:
        count = len(suggestions)
        self.suggestion_bar.setVisible(count > 0)
        what = "1 face found" if count == 1 else f"{count} faces found"
        self.suggestion_label.setText(
            f"{what} (dashed): move, resize or remove what is suggested, then accept. "
            "Suggestions are not kept until you accept them."
        )
        if not count:
            self._update_status()

    def accept_suggestions(self) -> None:
        """Keep the suggestions as regions (one undoable step)."""
        suggestions = self.canvas.suggestions
        if not suggestions:
            return
        self._set_suggestions(())
        self._commit(
            self.canvas.regions + suggestions,
            f"Accept {len(suggestions)} suggested region" + ("s" if len(suggestions) != 1 else ""),
        )
        self.canvas.select(STORED, len(self.canvas.regions) - 1)

    def done(self, result: int) -> None:
        """Closing stops Find faces; suggestions not accepted are dropped."""
        if self._finder is not None:
            self._finder.cancel()
        try:
            self.context.changed.disconnect(self._context_changed)
        except (RuntimeError, TypeError):
            pass
        super().done(result)
