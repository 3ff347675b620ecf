"""The open portfolio as the GUI sees it: one object every page shares, with change signals and undo.

Undo lives in core: each edit is a core write recorded as a Change (core/storage/row_changes.py) that
knows how to undo and redo itself in one transaction. The undo stack here only replays Changes; when
one cannot apply (the portfolio changed outside the history), nothing is applied, the user is told and
the history is cleared, so no undo stops half-way and the stack never disagrees with the file.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.errors import PortfolioError
from ..core.evidence.evidence_service import remove_unused_files
from ..core.scheme.model import Scheme
from ..core.scheme.store import scheme_of
from ..core.storage.portfolio_file import Portfolio
from ..core.storage.row_changes import Change, recorded

# What changed, so pages refresh only what they show.
FRAMEWORK, EVIDENCE, RATINGS, PLANNING, SETTING = (
    "framework",
    "evidence",
    "ratings",
    "planning",
    "setting",
)
AREA_OF_TABLE = {
    "theme": FRAMEWORK,
    "descriptor": FRAMEWORK,
    "framework_info": FRAMEWORK,
    "theme_judgement": RATINGS,
    "audit_rating": RATINGS,
    "priority": PLANNING,
    "priority_descriptor": PLANNING,
    "action_item": PLANNING,
    "cover_sheet": PLANNING,
    "diary_entry": PLANNING,
    "cover_sheet_link": PLANNING,
    "portfolio_text": PLANNING,
    "setting_profile": SETTING,
    "staff": SETTING,
}  # every other table (evidence items, their tags, files, regions) is EVIDENCE


def areas_of(change: Change, first: str) -> list[str]:
    """The areas a change touched, the one the page named first (pages refresh once per area)."""
    touched = {AREA_OF_TABLE.get(table, EVIDENCE) for table in change.tables}
    return [first] + sorted(touched - {first})


class ChangeCommand(QUndoCommand):
    """One entry of the undo history: a core Change, replayed (its first redo is the edit already made)."""

    def __init__(self, context: PortfolioContext, change: Change, area: str):
        super().__init__(change.text)
        self.context, self.change, self.area = context, change, area
        self._made = True

    def redo(self) -> None:
        if self._made:
            self._made = False
            return
        self.context.replay(self.change, self.change.redo, self.area)

    def undo(self) -> None:
        self.context.replay(self.change, self.change.undo, self.area)


class PortfolioContext(QObject):
    """Holds the open Portfolio; pages call services through it and listen to `changed`."""

    changed = Signal(str)  # one of the area names above
    error = Signal(str)  # a user-facing message from a refused edit

    def __init__(self, portfolio: Portfolio, parent: QObject | None = None):
        super().__init__(parent)
        self.portfolio = portfolio
        self.undo_stack = QUndoStack(self)
        self._history_broken = False

    @property
    def read_only(self) -> bool:
        return self.portfolio.read_only

    @property
    def scheme(self) -> Scheme:
        """The portfolio's scheme (its words, scale, rules and parts); pages ask it, never which scheme it is."""
        return scheme_of(self.portfolio)

    def call(self, fn: Callable[[], object], area: str) -> object:
        """Run a core service call (committed at once, not undoable) and announce the change; errors go to `error`."""
        try:
            result = fn()
        except PortfolioError as exc:
            self.error.emit(exc.message)
            raise
        self.changed.emit(area)
        return result

    def try_call(self, fn: Callable[[], object], area: str) -> tuple[bool, object]:
        """Like call, but returns (ok, result) instead of raising a refusal (already shown via `error`)."""
        try:
            return True, self.call(fn, area)
        except PortfolioError:
            return False, None

    def push(self, text: str, write: Callable[[], object], area: str) -> bool:
        """Make a core write as one undoable step: core records the Change it made, the history keeps it.

        A refused write shows its message, changes nothing and is not put on the undo history.
        """
        try:
            _result, change = recorded(self.portfolio, text, write)
        except PortfolioError as exc:
            self.error.emit(exc.message)
            return False
        if change.empty:
            return True
        for touched in areas_of(change, area):
            self.changed.emit(touched)
        self.undo_stack.push(ChangeCommand(self, change, area))
        return True

    def replay(self, change: Change, step: Callable[[Portfolio], None], area: str) -> None:
        """Undo or redo a Change; if it cannot apply, nothing changes, the user is told and the history cleared."""
        if self._history_broken:
            return
        try:
            step(self.portfolio)
        except PortfolioError as exc:
            self._history_broken = True
            self.error.emit(
                f"{exc.message} The undo history was cleared, so the remaining steps stay as they are."
            )
            QTimer.singleShot(
                0, self._clear_history
            )  # never delete commands while the stack runs one
            return
        for touched in areas_of(change, area):
            self.changed.emit(touched)

    def _clear_history(self) -> None:
        self.undo_stack.clear()
        self._history_broken = False

    def close(self) -> None:
        """Close the portfolio file; bytes kept only for undoing a delete go with the undo history."""
        self.undo_stack.clear()
        try:
            remove_unused_files(self.portfolio)
        except PortfolioError:
            pass  # a busy or full disk: they are removed on a later close
        self.portfolio.close()
